using BenchmarkDotNet.Attributes;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Quick;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Suite;

/// <summary>How the cost of a check grows with the timeline (10 to 10,000 events): linear, for both.</summary>
[MemoryDiagnoser]
public class TimelineScalingBenchmarks
{
    private readonly RulePack _pack = RulePack.Default;
    private HandWrittenPack _handWritten = null!;
    private ProposedProcurement _procurement = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = new HandWrittenPack(_pack);
        _procurement = Procurements.WithTimeline(Events);
    }

    [Benchmark(Baseline = true)]
    public CheckReport HandWritten() => _handWritten.Check(_procurement);

    [Benchmark]
    public CheckReport Engine() => _pack.Check(_procurement);
}

/// <summary>How the cost of a check grows with the number of rules: the default pack's rules 1, 4 and 10 times over.</summary>
[MemoryDiagnoser]
public class RuleCountScalingBenchmarks
{
    private SyntheticPack _files = null!;
    private RulePack _pack = null!;
    private ProposedProcurement _realistic = null!;

    [Params(1, 4, 10)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticPack.Create(Copies);
        _pack = RulePack.LoadFromDirectory(_files.Directory, _files.Options);
        _realistic = Procurements.Realistic();
    }

    [GlobalCleanup]
    public void Cleanup() => _files.Dispose();

    [Benchmark]
    public CheckReport Engine() => _pack.Check(_realistic);
}
