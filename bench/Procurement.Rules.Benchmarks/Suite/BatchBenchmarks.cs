using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Procurement.Model;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Suite;

/// <summary>100,000 generated procurements streamed through the pack: one thread vs all cores.</summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int Count = 100_000;
    private readonly RulePack _pack = RulePack.Default;

    [Benchmark(Baseline = true, Description = "CheckAll, one thread")]
    public int OneThread() => Consume(_pack.CheckAll(Procurements.Batch(Count)));

    [Benchmark(Description = "CheckAllParallel, all cores")]
    public int AllCores() => Consume(_pack.CheckAllParallel(Procurements.Batch(Count)));

    private static int Consume(IEnumerable<CheckReport> reports)
    {
        var breaches = 0;
        foreach (var report in reports)
        {
            breaches += report.Breaches.Count;
        }

        return breaches;
    }
}
