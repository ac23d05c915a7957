using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Tests;

/// <summary>
/// The real cases in <c>samples/cases</c>, end to end. For each, <c>rules/burnham-2009/real-cases/&lt;case&gt;.yaml</c> states,
/// for every principle of the pack, the outcome expected and why (the expectations belong to the pack: a later pack may
/// read the same case differently). The principle's outcome is the worst of its rules'.
/// </summary>
public class RealCaseTests
{
    private static readonly RulePack Pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

    private static readonly string ExpectationsDirectory = Path.Combine(RepoPaths.DefaultPack, "real-cases");

    public static IEnumerable<TestCaseData> Expectations()
    {
        foreach (var file in Directory.EnumerateFiles(ExpectationsDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var expectation = Expectation.Read(file);
            foreach (var (principle, outcome, why) in expectation.Principles)
            {
                yield return new TestCaseData(expectation.CaseFile, principle, outcome, why)
                    .SetName($"Real case {Path.GetFileNameWithoutExtension(expectation.CaseFile)} {principle} is {outcome}");
            }
        }
    }

    [TestCaseSource(nameof(Expectations))]
    public void RealCase_Principle_HasExpectedOutcome(string caseFile, string principle, OutcomeKind expected, string why)
    {
        var report = Pack.Check(ProcurementFile.Load(Path.Combine(ExpectationsDirectory, caseFile)));

        var outcomes = report.Outcomes.Where(o => o.Rule.Principle.Key == principle).ToList();

        outcomes.Should().NotBeEmpty($"principle '{principle}' has rules in the pack");
        PrincipleOutcome(outcomes).Should().Be(
            expected,
            $"{why}{Environment.NewLine}Rule outcomes: {string.Join("; ", outcomes.Select(o => $"{o.Rule.Id} {o.Kind}: {o.Message}"))}");
    }

    [Test]
    public void RealCases_AreThePublicCasesOfTheDomainNotes_EachWithSourcesAndEveryPrincipleExpected()
    {
        var expectations = Directory.EnumerateFiles(ExpectationsDirectory, "*.yaml").Select(Expectation.Read).ToList();

        expectations.Select(e => Path.GetFileName(e.CaseFile)).Should().BeEquivalentTo(
            "great-yarmouth-2009.yaml", "staffordshire-cancer-2013.yaml", "cambridgeshire-unitingcare-2013.yaml");
        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var expectation in expectations)
            {
                expectation.Pack.Should().Be(Pack.Id);
                expectation.Principles.Select(p => p.Principle).Should().BeEquivalentTo(
                    Pack.Principles.Select(p => p.Key), $"{expectation.CaseFile} must state an outcome for every principle");
                expectation.Principles.Should().OnlyContain(p => p.Why.Length > 20, "each expectation says why");
                var procurement = ProcurementFile.Load(Path.Combine(ExpectationsDirectory, expectation.CaseFile));
                procurement.Sources.Should().NotBeNullOrEmpty($"{expectation.CaseFile} must carry its sources");
                Pack.Check(procurement).Period.Should().Be(PeriodStatus.InForce, "a real case is checked inside the pack's period");
            }
        }
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

    private sealed record Expectation(string CaseFile, string Pack, IReadOnlyList<(string Principle, OutcomeKind Outcome, string Why)> Principles)
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
            return new Expectation(((YamlScalarNode)root["case"]).Value!, ((YamlScalarNode)root["pack"]).Value!, principles);
        }
    }
}
