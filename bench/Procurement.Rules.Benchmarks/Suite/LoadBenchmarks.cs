using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Procurement.Rules.Benchmarks.Quick;
using Procurement.Rules.Loading;

namespace Procurement.Rules.Benchmarks.Suite;

/// <summary>Loading and compiling a pack in a warm process (a notebook reloading the pack).</summary>
[MemoryDiagnoser]
public class WarmLoadBenchmarks
{
    private SyntheticPack? _larger;

    /// <summary>1: the default pack (9 rules today); 4: its rules four times over (36 rules), the size it is growing to.</summary>
    [Params(1, 4)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup() => _larger = Copies == 1 ? null : SyntheticPack.Create(Copies);

    [GlobalCleanup]
    public void Cleanup() => _larger?.Dispose();

    [Benchmark]
    public RulePack Load() => _larger is null
        ? RulePackLoader.Load(new EmbeddedPackFiles(RulePack.DefaultPackId))
        : RulePack.LoadFromDirectory(_larger.Directory, _larger.Options);
}

/// <summary>
/// Loading and compiling a pack cold: one load per fresh process, JIT included, 15 processes. (The quick mode measures
/// the same from the first line of a fresh process, without BenchmarkDotNet's own start-up in the process.)
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ColdLoadBenchmarks : WarmLoadBenchmarks
{
}
