using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Workload;
using Procurement.Rules.Tests;

namespace Procurement.Rules.Benchmarks.Tests;

/// <summary>
/// The hand-written rules the benchmark compares the engine with report exactly what the engine reports: on every
/// fixture of the default pack, on the sample cases, and on generated procurements of every shape. When the pack
/// grows, <see cref="EveryDefaultPackRule_HasAHandWrittenCounterpart"/> names the rules to write by hand.
/// </summary>
public class HandWrittenEquivalenceTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f.Path).SetName($"SameReport fixture {f.RuleId} {f.Name}"));

    public static IEnumerable<TestCaseData> Samples() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetName($"SameReport sample {Path.GetFileNameWithoutExtension(p)}"));

    [Test]
    public void EveryDefaultPackRule_HasAHandWrittenCounterpart()
    {
        HandWrittenPack.MissingFrom(RulePack.Default).Should().BeEmpty(
            "every rule of the default pack needs a method in bench/Procurement.Rules.Benchmarks/HandWritten/HandWrittenRules*.cs and a line in HandWrittenPack.Methods, so that the benchmark compares the whole pack");
    }

    [Test]
    public void EveryHandWrittenRule_IsInTheDefaultPack()
    {
        HandWrittenPack.RuleIds.Should().BeSubsetOf(RulePack.Default.Rules.Select(r => r.Id), "a hand-written rule whose rule was renamed or removed is stale");
    }

    [Test]
    public void FixturesFolder_IsFound()
    {
        Fixture.All(RepoPaths.Fixtures).Should().HaveCountGreaterThan(10);
    }

    [TestCaseSource(nameof(Fixtures))]
    [TestCaseSource(nameof(Samples))]
    public void HandWritten_ReportsWhatTheEngineReports(string path)
    {
        AssertSameReports(ProcurementFile.Load(path));
    }

    [Test]
    public void HandWritten_ReportsWhatTheEngineReports_OnTheBenchmarkCases()
    {
        AssertSameReports(Procurements.Realistic());
        AssertSameReports(Procurements.WithTimeline(1000));
    }

    [Test]
    public void HandWritten_ReportsWhatTheEngineReports_OnGeneratedProcurements()
    {
        var handWritten = new HandWrittenPack(RulePack.Default);
        var failures = new List<string>();
        foreach (var procurement in Procurements.Generate(5000, seed: 4, impreciseDates: true))
        {
            var options = new CheckOptions { CheckOutsidePeriod = procurement.Id.EndsWith('7') };
            var expected = RulePack.Default.Check(procurement, options);
            var actual = handWritten.Check(procurement, options);
            failures.AddRange(ReportComparison.Differences(expected, actual).Select(d => procurement.Id + ": " + d));
        }

        failures.Should().BeEmpty();
    }

    [Test]
    public void GeneratedProcurements_ReachEveryOutcomeOfEveryRule()
    {
        var seen = new HashSet<(string Rule, OutcomeKind Kind)>();
        var options = new CheckOptions { CheckOutsidePeriod = true };
        foreach (var procurement in Procurements.Generate(5000, seed: 4, impreciseDates: true))
        {
            seen.UnionWith(RulePack.Default.Check(procurement, options).Outcomes.Select(o => (o.Rule.Id, o.Kind)));
        }

        var kinds = new[] { OutcomeKind.Breach, OutcomeKind.Compliant, OutcomeKind.Undetermined, OutcomeKind.NotApplicable };
        RulePack.Default.Rules.SelectMany(r => kinds.Select(k => (r.Id, k))).Where(x => !seen.Contains(x))
            .Should().BeEmpty("the generated procurements reach every outcome of every rule, so the comparison on them covers them all");
    }

    [Test]
    public void HandWritten_RejectsAnInvalidProcurementAsTheEngineDoes()
    {
        var invalid = Procurements.Realistic() with { Timeline = [new TimelineEvent { Date = new DateOnly(2010, 1, 1), Kind = EventKind.OversightSignOff }] };

        var engine = () => RulePack.Default.Check(invalid);
        var handWritten = () => new HandWrittenPack(RulePack.Default).Check(invalid);

        var expected = engine.Should().Throw<ProcurementLoadException>().Which;
        handWritten.Should().Throw<ProcurementLoadException>().Which.Message.Should().Be(expected.Message);
    }

    private static void AssertSameReports(ProposedProcurement procurement)
    {
        var expected = RulePack.Default.Check(procurement);
        var actual = new HandWrittenPack(RulePack.Default).Check(procurement);

        ReportComparison.Differences(expected, actual).Should().BeEmpty();
    }
}
