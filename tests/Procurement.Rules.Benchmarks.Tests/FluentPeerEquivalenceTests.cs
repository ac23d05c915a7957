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
    private static readonly Lazy<FluentPeer> Peer = new(() => new FluentPeer(CorePrinciplesPack.Instance));

    public static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f.Path).SetName($"SamePeerReport fixture {f.RuleId} {f.Name}"));

    public static IEnumerable<TestCaseData> Samples() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetName($"SamePeerReport sample {Path.GetFileNameWithoutExtension(p)}"));

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
        Peer.Value.RuleCount.Should().Be(3 * FluentPeer.RuleIds.Count, "each YAML rule is three fluent rules: applies, does not apply, cannot tell");
    }

    [TestCaseSource(nameof(Fixtures))]
    [TestCaseSource(nameof(Samples))]
    public void FluentPeer_ReportsWhatTheEngineReports(string path)
    {
        AssertSameReports(ProcurementFile.Load(path), options: null);
    }

    [Test]
    public void FluentPeer_ReportsWhatTheEngineReports_OnTheBenchmarkCases()
    {
        AssertSameReports(Procurements.Realistic(), options: null);
        AssertSameReports(Procurements.WithTimeline(1000), options: null);
    }

    [Test]
    public void FluentPeer_ReportsWhatTheEngineReports_OnGeneratedProcurements()
    {
        var failures = new List<string>();
        var seen = new HashSet<(string Rule, OutcomeKind Kind)>();
        foreach (var procurement in Procurements.Generate(5000, seed: 4))
        {
            var options = new CheckOptions { CheckOutsidePeriod = procurement.Id.EndsWith('7') };
            var expected = CorePrinciplesPack.Instance.Check(procurement, options);
            seen.UnionWith(expected.Outcomes.Select(o => (o.Rule.Id, o.Kind)));
            failures.AddRange(ReportComparison.Differences(expected, Peer.Value.Check(procurement, options)).Select(d => procurement.Id + ": " + d));
        }

        failures.Should().BeEmpty();
        var kinds = new[] { OutcomeKind.Breach, OutcomeKind.Compliant, OutcomeKind.Undetermined, OutcomeKind.NotApplicable };
        FluentPeer.RuleIds.SelectMany(id => kinds.Select(k => (id, k))).Where(x => !seen.Contains(x))
            .Should().BeEmpty("the generated procurements reach every outcome of every peer rule, so the comparison covers them all");
    }

    [TestCaseSource(nameof(Fixtures))]
    public void FluentPeer_ReportsWhatTheEngineReports_OnAFixturesNeighbours(string path)
    {
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
                var act = () => Peer.Value.Check(mutant, options);
                act.Should().Throw<ProcurementLoadException>().Which.Message.Should().Be(invalid.Message, changes);
                continue;
            }

            failures.AddRange(ReportComparison.Differences(expected, Peer.Value.Check(mutant, options)).Select(d => $"{changes}: {d}"));
        }

        failures.Should().BeEmpty();
    }

    [Test]
    public void FluentPeer_ChecksOnSeveralThreadsAsOnOne()
    {
        // One factory shared by every thread, a session per check: the peer is measured the way a caller would use it.
        var procurements = Procurements.Generate(2000, seed: 10).ToArray();
        var options = new CheckOptions { CheckOutsidePeriod = true };
        var sequential = procurements.Select(p => Peer.Value.Check(p, options).ToJson()).ToArray();
        var parallel = new string[procurements.Length];

        System.Threading.Tasks.Parallel.For(0, procurements.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Peer.Value.Check(procurements[i], options).ToJson());

        parallel.Should().Equal(sequential);
    }

    private static void AssertSameReports(ProposedProcurement procurement, CheckOptions? options)
    {
        var expected = CorePrinciplesPack.Instance.Check(procurement, options);
        var actual = Peer.Value.Check(procurement, options);

        ReportComparison.Differences(expected, actual).Should().BeEmpty();
    }
}
