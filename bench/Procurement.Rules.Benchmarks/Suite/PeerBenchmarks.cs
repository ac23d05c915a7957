using BenchmarkDotNet.Attributes;
using Procurement.Model;
using Procurement.Rules.Benchmarks.Peer;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Suite;

/// <summary>
/// <c>peer_ratio</c> with BenchmarkDotNet's statistics: the five core principles' rules as YAML through
/// <see cref="RulePack.Check"/> vs the same rules written directly in NRules' fluent DSL (both shapes), realistic case;
/// each returns its report's principle verdicts, so both sides deliver the same output whether the engine derives
/// verdicts in its session or the report computes them when read.
/// </summary>
[MemoryDiagnoser]
public class PeerBenchmarks
{
    private RulePack _pack = null!;
    private FluentPeer _peer = null!;
    private FluentPeer _split = null!;
    private ProposedProcurement _realistic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pack = CorePrinciplesPack.Load();
        _peer = new FluentPeer(_pack, FluentPeerShape.OneRulePerRule);
        _split = new FluentPeer(_pack, FluentPeerShape.ConditionsInWhen);
        _realistic = Procurements.Realistic();
    }

    [Benchmark(Baseline = true, Description = "fluent NRules, one rule per YAML rule")]
    public object FluentPeer() => _peer.Check(_realistic).Verdicts;

    [Benchmark(Description = "fluent NRules, conditions in When")]
    public object FluentPeerConditionsInWhen() => _split.Check(_realistic).Verdicts;

    [Benchmark(Description = "YAML via RulePack.Check")]
    public object Yaml() => _pack.Check(_realistic).Verdicts;
}
