using Procurement.Model;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Tests;

/// <summary>
/// The real cases in <c>samples/cases</c>, end to end, for every pack that reads them. For each pack with a
/// <c>real-cases</c> folder, <c>rules/&lt;pack&gt;/real-cases/&lt;case&gt;.yaml</c> states, for every principle of that
/// pack, the outcome expected and why, and how the case's date relates to the pack's period (the expectations belong to
/// the pack: a later pack reads the same case differently). The principle's outcome is the worst of its rules'. Every
/// case is checked even outside its pack's period (a "2009 reading" of a 2013 case), as a caller naming the pack may.
/// </summary>
public class RealCaseTests
{
    private static readonly RulePack Pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

    private static readonly CheckOptions AnyPeriod = new() { CheckOutsidePeriod = true };

    /// <summary>The cases each pack must read: the letter's public cases, and the two of them the 2013 regulations govern or may govern.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> CasesByPack = new Dictionary<string, string[]>
    {
        ["burnham-2009"] = new[] { "great-yarmouth-2009.yaml", "staffordshire-cancer-2013.yaml", "cambridgeshire-unitingcare-2013.yaml" },
        ["ppccr-2013"] = new[] { "staffordshire-cancer-2013.yaml", "cambridgeshire-unitingcare-2013.yaml" },
    };

    /// <summary>Every pack folder with real cases, loaded once, by id.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, RulePack>> Packs = new(() =>
        PackDirectories().ToDictionary(d => Path.GetFileName(d)!, d => RulePack.LoadFromDirectory(d, DefaultPackOnDisk.Options)));

    private static IEnumerable<string> PackDirectories() =>
        Directory.GetDirectories(RepoPaths.Rules)
            .Where(d => File.Exists(Path.Combine(d, "pack.yaml")) && Directory.Exists(Path.Combine(d, "real-cases")))
            .Order(StringComparer.Ordinal);

    private static string ExpectationsDirectory(string packId) => Path.Combine(RepoPaths.Rules, packId, "real-cases");

    public static IEnumerable<string> PackIds() => PackDirectories().Select(d => Path.GetFileName(d));

    public static IEnumerable<TestCaseData> Expectations()
    {
        foreach (var packId in PackIds())
        {
            foreach (var file in Directory.EnumerateFiles(ExpectationsDirectory(packId), "*.yaml").Order(StringComparer.Ordinal))
            {
                var expectation = Expectation.Read(file);
                var name = Path.GetFileNameWithoutExtension(expectation.CaseFile);
                foreach (var (principle, outcome, why) in expectation.Principles)
                {
                    yield return new TestCaseData(packId, expectation.CaseFile, principle, outcome, why)
                        .SetName(packId == RulePack.DefaultPackId
                            ? $"Real case {name} {principle} is {outcome}"
                            : $"Real case {packId} {name} {principle} is {outcome}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Expectations))]
    public void RealCase_Principle_HasExpectedOutcome(string packId, string caseFile, string principle, OutcomeKind expected, string why)
    {
        var report = Packs.Value[packId].Check(ProcurementFile.Load(Path.Combine(ExpectationsDirectory(packId), caseFile)), AnyPeriod);

        var outcomes = report.Outcomes.Where(o => o.Rule.Principle.Key == principle).ToList();

        outcomes.Should().NotBeEmpty($"principle '{principle}' has rules in the pack");
        PrincipleOutcome(outcomes).Should().Be(
            expected,
            $"{why}{Environment.NewLine}Rule outcomes: {string.Join("; ", outcomes.Select(o => $"{o.Rule.Id} {o.Kind}: {o.Message}"))}");
    }

    [Test]
    public void RealCasePacks_AreThoseExpected()
    {
        PackIds().Should().BeEquivalentTo(CasesByPack.Keys, "every pack with real cases names the cases it must read");
    }

    [TestCaseSource(nameof(PackIds))]
    public void RealCases_AreThePublicCasesOfTheDomainNotes_EachWithSourcesEveryPrincipleAndItsPeriod(string packId)
    {
        var pack = Packs.Value[packId];
        var expectations = Directory.EnumerateFiles(ExpectationsDirectory(packId), "*.yaml").Select(Expectation.Read).ToList();

        expectations.Select(e => Path.GetFileName(e.CaseFile)).Should().BeEquivalentTo(CasesByPack[packId]);
        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var expectation in expectations)
            {
                expectation.Pack.Should().Be(pack.Id);
                expectation.Principles.Select(p => p.Principle).Should().BeEquivalentTo(
                    pack.Principles.Select(p => p.Key), $"{expectation.CaseFile} must state an outcome for every principle");
                expectation.Principles.Should().OnlyContain(p => p.Why.Length > 20, "each expectation says why");
                var procurement = ProcurementFile.Load(Path.Combine(ExpectationsDirectory(packId), expectation.CaseFile));
                procurement.Sources.Should().NotBeNullOrEmpty($"{expectation.CaseFile} must carry its sources");
                pack.Check(procurement, AnyPeriod).Period.Should().Be(expectation.Period, $"{expectation.CaseFile} states how it relates to {packId}'s period");

                // Checked outside the period only because the caller asks: without asking, such a case is not checked.
                var unasked = pack.Check(procurement).Period;
                unasked.Should().Be(
                    expectation.Period == PeriodStatus.OutsidePeriodCheckedAnyway ? PeriodStatus.OutsidePeriod : expectation.Period,
                    expectation.CaseFile);
            }
        }
    }

    [Test]
    public void RealCases_Of2013_CommenceIn2013AndAreChecked_UnderBothPacks()
    {
        // The 2013 cases are read by both packs: the letter (decided by the decision date) and the 2013 regulations
        // (decided by commencement). Each file must carry the commencement the 2013 regulations need to be chosen.
        foreach (var name in CasesByPack["ppccr-2013"])
        {
            var procurement = ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", name));
            procurement.Timeline.Should().Contain(e => e.Kind == EventKind.ProcessCommenced, name);
            var commenced = procurement.Timeline!.First(e => e.Kind == EventKind.ProcessCommenced).Date;
            commenced.Earliest.Should().NotBeNull(name);
            commenced.Earliest!.Value.Year.Should().Be(2013, name);
            CasesByPack["burnham-2009"].Should().Contain(name, "the 2009 reading of the same case stays checked");
        }
    }

    [TestCase("cambridgeshire-unitingcare-2013.yaml", PackSelectionStatus.Selected, "ppccr-2013")]
    public void RealCases_Of2013_ChooseThePackTheirCommencementAllows(string name, PackSelectionStatus status, string? packId)
    {
        // Cambridgeshire commenced with its July 2013 notice, so the 2013 regulations govern it (its decision, July 2013,
        // is after the letter's period). Staffordshire is not asserted: it ran "since 2013", and its decision date is
        // entered as 2013-01-01 for "2013", a day the choice of pack should not turn on.
        var packs = Directory.GetDirectories(RepoPaths.Rules).Where(d => File.Exists(Path.Combine(d, "pack.yaml")))
            .Order(StringComparer.Ordinal).Select(d => RulePack.LoadFromDirectory(d, DefaultPackOnDisk.Options));

        var selection = RulePack.Select(ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", name)), packs);

        selection.Status.Should().Be(status, selection.Reason);
        selection.Pack?.Id.Should().Be(packId, selection.Reason);
    }

    [Test]
    public void PrincipleOutcome_IsTheWorstRuleOutcome()
    {
        var report = Pack.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));
        var fairTender = report.Outcomes.Where(o => o.Rule.Principle.Key == "fair-tender").ToList();

        fairTender.Select(o => o.Kind).Should().Contain(OutcomeKind.Breach).And.Contain(k => k != OutcomeKind.Breach);
        PrincipleOutcome(fairTender).Should().Be(OutcomeKind.Breach);
        PrincipleOutcome(fairTender.Where(o => o.Kind != OutcomeKind.Breach).ToList()).Should().NotBe(OutcomeKind.Breach);
    }

    [Test]
    public void ReportVerdicts_AreTheWorstRuleOutcomeOfEachPrinciple_OnEverySampleAndFixture()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml")
            .Concat(Directory.GetFiles(RepoPaths.Fixtures, "*.yaml", SearchOption.AllDirectories));
        var seen = new HashSet<OutcomeKind>();
        foreach (var file in files)
        {
            var report = Pack.Check(ProcurementFile.Load(file), new CheckOptions { CheckOutsidePeriod = true });
            report.Verdicts.Select(v => v.Principle.Key).Should().Equal(Pack.Principles.Select(p => p.Key), file);
            foreach (var verdict in report.Verdicts)
            {
                var rules = report.Outcomes.Where(o => o.Rule.Principle.Key == verdict.Principle.Key).ToList();
                verdict.Kind.Should().Be(rules.Count == 0 ? OutcomeKind.NotApplicable : PrincipleOutcome(rules), $"{file}: {verdict.Principle.Key}");
                verdict.DecidedBy.Should().Equal(rules.Where(o => o.Kind == verdict.Kind), $"{file}: {verdict.Principle.Key}");
                report.VerdictFor(verdict.Principle.Key).Should().BeSameAs(verdict);
                seen.Add(verdict.Kind);
            }
        }

        seen.Should().BeEquivalentTo(Enum.GetValues<OutcomeKind>().Where(k => k != OutcomeKind.Failed), "the fixtures reach every verdict but failed");
        Pack.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth)).VerdictFor("no-such-principle").Should().BeNull();
    }

    /// <summary>Worst first: a breach outweighs a failure, which outweighs not knowing, which outweighs compliance.</summary>
    private static OutcomeKind PrincipleOutcome(IReadOnlyList<RuleOutcome> outcomes)
    {
        OutcomeKind[] worstFirst = { OutcomeKind.Breach, OutcomeKind.Failed, OutcomeKind.Undetermined, OutcomeKind.Compliant, OutcomeKind.NotApplicable };
        return worstFirst.First(kind => outcomes.Any(o => o.Kind == kind));
    }

    /// <summary>One expectations file: the case, the pack, how the case relates to the pack's period (key <c>period</c>; default in force) and each principle's outcome.</summary>
    private sealed record Expectation(string CaseFile, string Pack, PeriodStatus Period, IReadOnlyList<(string Principle, OutcomeKind Outcome, string Why)> Principles)
    {
        public static Expectation Read(string path)
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var principles = ((YamlMappingNode)root["principles"]).Children
                .Select(p =>
                {
                    var body = (YamlMappingNode)p.Value;
                    var outcome = Enum.Parse<OutcomeKind>(((YamlScalarNode)body["outcome"]).Value!, ignoreCase: true);
                    return (((YamlScalarNode)p.Key).Value!, outcome, ((YamlScalarNode)body["why"]).Value!);
                })
                .ToList();
            var period = root.Children.TryGetValue(new YamlScalarNode("period"), out var node)
                ? Enum.Parse<PeriodStatus>(((YamlScalarNode)node).Value!, ignoreCase: true)
                : PeriodStatus.InForce;
            return new Expectation(((YamlScalarNode)root["case"]).Value!, ((YamlScalarNode)root["pack"]).Value!, period, principles);
        }
    }
}
