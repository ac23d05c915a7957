using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Peer;
using Procurement.Rules.Benchmarks.Workload;
using Procurement.Rules.Tests;

namespace Procurement.Rules.Benchmarks.Tests;

/// <summary>
/// The fluent NRules peer that <c>peer_ratio</c> divides by reports exactly what the engine reports for the five core
/// principles' rules (a pack holding only them, loaded through the normal loader and checked by
/// <see cref="RulePack.Check"/>): on every fixture, every sample case, the benchmark cases, 5,000 generated
/// procurements and 30 mutants of every fixture, field by field and as JSON.
/// </summary>
public class FluentPeerEquivalenceTests
{
    private static readonly Dictionary<FluentPeerShape, Lazy<FluentPeer>> Peers = Enum.GetValues<FluentPeerShape>()
        .ToDictionary(shape => shape, shape => new Lazy<FluentPeer>(() => new FluentPeer(CorePrinciplesPack.Instance, shape)));

    public static IEnumerable<FluentPeerShape> Shapes() => Enum.GetValues<FluentPeerShape>();

    public static IEnumerable<TestCaseData> Fixtures() =>
        Shapes().SelectMany(shape => Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f.Path, shape).SetName($"SamePeerReport {shape} fixture {f.RuleId} {f.Name}")));

    public static IEnumerable<TestCaseData> Samples() =>
        Shapes().SelectMany(shape => Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p, shape).SetName($"SamePeerReport {shape} sample {Path.GetFileNameWithoutExtension(p)}")));

    [Test]
    public void CorePrinciplesPack_HoldsExactlyTheFivePrinciplesRules()
    {
        var expected = RulePack.Default.Rules.Where(r => CorePrinciplesPack.Principles.Contains(r.Principle.Key)).Select(r => r.Id);

        CorePrinciplesPack.Instance.Rules.Select(r => r.Id).Should().Equal(expected);
        CorePrinciplesPack.Instance.Principles.Select(p => p.Key).Should().BeEquivalentTo(CorePrinciplesPack.Principles);
    }

    [Test]
    public void FluentPeer_WritesEveryRuleOfTheFivePrinciples()
    {
        FluentPeer.RuleIds.Should().BeEquivalentTo(CorePrinciplesPack.Instance.Rules.Select(r => r.Id),
            "the peer must write every rule of the five principles in the fluent DSL, and no other");
        Peers[FluentPeerShape.OneRulePerRule].Value.RuleCount.Should().Be(FluentPeer.RuleIds.Count, "one fluent rule per YAML rule");
        Peers[FluentPeerShape.ConditionsInWhen].Value.RuleCount.Should().Be(3 * FluentPeer.RuleIds.Count, "applies, does not apply, cannot tell");
    }

    [TestCaseSource(nameof(Fixtures))]
    [TestCaseSource(nameof(Samples))]
    public void FluentPeer_ReportsWhatTheEngineReports(string path, FluentPeerShape shape)
    {
        AssertSameReports(ProcurementFile.Load(path), shape);
    }

    [TestCaseSource(nameof(Shapes))]
    public void FluentPeer_ReportsWhatTheEngineReports_OnTheBenchmarkCases(FluentPeerShape shape)
    {
        AssertSameReports(Procurements.Realistic(), shape);
        AssertSameReports(Procurements.WithTimeline(1000), shape);
    }

    [TestCaseSource(nameof(Shapes))]
    public void FluentPeer_ReportsWhatTheEngineReports_OnGeneratedProcurements(FluentPeerShape shape)
    {
        var peer = Peers[shape].Value;
        var failures = new List<string>();
        var seen = new HashSet<(string Rule, OutcomeKind Kind)>();
        foreach (var procurement in Procurements.Generate(5000, seed: 4, impreciseDates: true))
        {
            var options = new CheckOptions { CheckOutsidePeriod = procurement.Id.EndsWith('7') };
            var expected = CorePrinciplesPack.Instance.Check(procurement, options);
            seen.UnionWith(expected.Outcomes.Select(o => (o.Rule.Id, o.Kind)));
            failures.AddRange(ReportComparison.Differences(expected, peer.Check(procurement, options)).Select(d => procurement.Id + ": " + d));
        }

        failures.Should().BeEmpty();
        var kinds = new[] { OutcomeKind.Breach, OutcomeKind.Compliant, OutcomeKind.Undetermined, OutcomeKind.NotApplicable };
        FluentPeer.RuleIds.SelectMany(id => kinds.Select(k => (id, k))).Where(x => !seen.Contains(x))
            .Should().BeEmpty("the generated procurements reach every outcome of every peer rule, so the comparison covers them all");
    }

    [TestCaseSource(nameof(Fixtures))]
    public void FluentPeer_ReportsWhatTheEngineReports_OnAFixturesNeighbours(string path, FluentPeerShape shape)
    {
        var peer = Peers[shape].Value;
        var original = ProcurementFile.Load(path);
        var random = new Random(MutatedFixtureTests.StableSeed(Path.GetRelativePath(RepoPaths.Fixtures, path)));
        var options = new CheckOptions { CheckOutsidePeriod = true };
        var failures = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var (mutant, changes) = MutatedFixtureTests.Mutations.Apply(original, random);
            CheckReport expected;
            try
            {
                expected = CorePrinciplesPack.Instance.Check(mutant, options);
            }
            catch (ProcurementLoadException invalid)
            {
                var act = () => peer.Check(mutant, options);
                act.Should().Throw<ProcurementLoadException>().Which.Message.Should().Be(invalid.Message, changes);
                continue;
            }

            failures.AddRange(ReportComparison.Differences(expected, peer.Check(mutant, options)).Select(d => $"{changes}: {d}"));
        }

        failures.Should().BeEmpty();
    }

    [TestCaseSource(nameof(Shapes))]
    public void FluentPeer_ChecksOnSeveralThreadsAsOnOne(FluentPeerShape shape)
    {
        var peer = Peers[shape].Value;
        // One factory shared by every thread, a session per check: the peer is measured the way a caller would use it.
        var procurements = Procurements.Generate(2000, seed: 10).ToArray();
        var options = new CheckOptions { CheckOutsidePeriod = true };
        var sequential = procurements.Select(p => peer.Check(p, options).ToJson()).ToArray();
        var parallel = new string[procurements.Length];

        System.Threading.Tasks.Parallel.For(0, procurements.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = peer.Check(procurements[i], options).ToJson());

        parallel.Should().Equal(sequential);
    }

    private static void AssertSameReports(ProposedProcurement procurement, FluentPeerShape shape)
    {
        var expected = CorePrinciplesPack.Instance.Check(procurement);
        var actual = Peers[shape].Value.Check(procurement);

        ReportComparison.Differences(expected, actual).Should().BeEmpty();
    }
}
