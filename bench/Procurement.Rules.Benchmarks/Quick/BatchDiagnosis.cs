using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Procurement.Model;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// <c>--batch [count]</c>: where a parallel batch's time goes. The same generated checks from an array on one thread,
/// with Parallel.For and with CheckAllParallel on every core, and a loop that only computes, in alternating rounds; for
/// each the wall time, the process's CPU time, gen-0/1/2 collections, GC pause time, bytes allocated and contended
/// monitor acquisitions. Equal CPU time and no contended locks in the checks mean nothing in a check serialises threads;
/// the wall-clock ratio is then the CPU the machine gives. <c>--batch alloc</c>: which types a check of the realistic
/// case allocates (sampled, <see cref="AllocationSampler"/>). Diagnostic only; the quick mode's <c>batch_speedup</c> is
/// the figure.
/// </summary>
internal static class BatchDiagnosis
{
    public const string Argument = "--batch";

    public static int Run(string[] args)
    {
        var pack = RulePack.Default;
        if (args.Length > 0 && args[0] == "alloc")
        {
            // Which types a check of the realistic case allocates, sampled.
            var realistic = Procurements.Realistic();
            for (var i = 0; i < 20_000; i++) { GC.KeepAlive(pack.Check(realistic)); }
            using var sampler = new AllocationSampler();
            for (var i = 0; i < 100_000; i++) { GC.KeepAlive(pack.Check(realistic)); }
            sampler.Print(40);
            return 0;
        }

        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var items = Procurements.Batch(count).ToArray();
        Console.WriteLine($"gc: server {System.Runtime.GCSettings.IsServerGC}, mode {System.Runtime.GCSettings.LatencyMode}");
        void One() { foreach (var p in items) { GC.KeepAlive(pack.Check(p)); } }
        void All() => Parallel.For(0, items.Length, i => GC.KeepAlive(pack.Check(items[i])));
        void Stream() { foreach (var r in pack.CheckAllParallel(items)) { GC.KeepAlive(r); } }
        void Spin(int degree) => Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = degree }, i =>
        {
            var x = 1.0;
            for (var k = 0; k < 3_000_000; k++) { x = (x * 1.0000001) + 1e-9; }
            GC.KeepAlive(x);
        });
        One(); All(); Stream();
        for (var round = 0; round < 3; round++)
        {
            Measure("one thread  ", One);
            Measure("Parallel.For", All);
            Measure("CheckAllPar ", Stream);
            Measure("compute 1   ", () => Spin(1));
            Measure("compute all ", () => Spin(Environment.ProcessorCount));
        }

        return 0;
    }

    private static void Measure(string name, Action action)
    {
        var process = Process.GetCurrentProcess();
        var locks = System.Threading.Monitor.LockContentionCount;
        var gcs = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        process.Refresh();
        Console.WriteLine(System.FormattableString.Invariant($"{name}: wall {watch.Elapsed.TotalMilliseconds,7:F0} ms, cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds,7:F0} ms, gen0 {GC.CollectionCount(0) - gcs}, gen1 {GC.CollectionCount(1) - gc1}, gen2 {GC.CollectionCount(2) - gc2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, alloc {(GC.GetTotalAllocatedBytes() - bytes) / 1e6:F0} MB, contended locks {System.Threading.Monitor.LockContentionCount - locks}, cpu/wall {(process.TotalProcessorTime - cpu).TotalMilliseconds / watch.Elapsed.TotalMilliseconds:F2}; load {System.IO.File.ReadAllText("/proc/loadavg").Trim()}"));
    }
}
