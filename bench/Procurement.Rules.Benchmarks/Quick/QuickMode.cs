using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// The quick mode: every figure of issue 4 in well under two minutes, with a Stopwatch harness (interleaved rounds,
/// medians) instead of BenchmarkDotNet's full statistics. Ends with the one line
/// <c>bench: check_ratio=... peer_ratio=... load_ms=... batch_speedup=... alloc_bytes_per_check=...</c>.
/// </summary>
public static class QuickMode
{
    private const int BatchSize = 100_000;

    public static int Run()
    {
        var total = Stopwatch.StartNew();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {(IsOptimized() ? "Release" : "DEBUG BUILD: figures are not meaningful")}, load average {LoadAverage()}");

        // 1. Cold load in fresh processes (JIT included), default pack and a 36-rule pack.
        var (coldMs, warmMs, coldSamples, defaultRules) = ColdLoad.Measure(processes: 9, packDirectory: null);
        Console.WriteLine(string.Create(inv, $"load: default pack ({defaultRules} rules) cold {coldMs:F1} ms (median of 9 fresh processes: {string.Join(", ", coldSamples.Select(s => s.ToString("F0", inv)))}), warm reload {warmMs:F2} ms"));
        using (var synthetic = SyntheticPack.Create(copies: 4))
        {
            var (cold36, warm36, samples36, rules36) = ColdLoad.Measure(processes: 5, synthetic.Directory);
            Console.WriteLine(string.Create(inv, $"load: {rules36}-rule pack cold {cold36:F1} ms (median of 5: {string.Join(", ", samples36.Select(s => s.ToString("F0", inv)))}), warm reload {warm36:F2} ms"));
        }

        // 2. One realistic procurement against the full default pack: engine vs hand-written, same run.
        var pack = RulePack.Default;
        var handWritten = new HandWrittenPack(pack);
        var realistic = Procurements.Realistic();
        var differences = ReportComparison.Differences(pack.Check(realistic), handWritten.Check(realistic));
        if (differences.Count > 0)
        {
            Console.WriteLine("ERROR: the hand-written rules do not report what the engine reports: " + string.Join("; ", differences));
            return 2;
        }

        // Both sides give the report's principle verdicts: the engine derives them in its NRules session, the
        // hand-written mirror computes them in plain C# (PrincipleVerdict.For) when the report is read.
        // Measured twice, the first discarded: in the first comparison after the load the hand-written side measured
        // 5 to 7 times its settled cost (33 us against 5.7 us, same process, issue 10), which flattered the engine.
        Timing.CompareMedians(() => pack.Check(realistic).Verdicts, () => handWritten.Check(realistic).Verdicts);
        var (engineNs, handNs) = Timing.CompareMedians(() => pack.Check(realistic).Verdicts, () => handWritten.Check(realistic).Verdicts);
        var ratio = engineNs / handNs;
        Console.WriteLine(string.Create(inv, $"check: engine {engineNs / 1000:F2} us, hand-written {handNs / 1000:F2} us per check of the realistic case ({pack.Rules.Count} rules); ratio {ratio:F2}"));

        var engineBytes = Timing.AllocatedPerCall(() => pack.Check(realistic));
        var handBytes = Timing.AllocatedPerCall(() => handWritten.Check(realistic));
        var reportBytes = ReportBytes.Of(pack.Check(realistic), pack.Check(realistic));
        Console.WriteLine(string.Create(inv, $"alloc: engine {engineBytes:F0} B per check, of which the report itself {reportBytes} B (objects of the report made by the check); hand-written {handBytes:F0} B"));

        // peer_ratio: the five core principles' rules, YAML through RulePack.Check vs written in NRules' fluent DSL.
        if (PeerMeasurement.Run() is not { } peerRatio)
        {
            return 2;
        }

        // 3. Growth with the timeline (10 to 10,000 events) and with the number of rules.
        var perEvent = new List<string>();
        double? previous = null;
        foreach (var events in new[] { 10, 100, 1_000, 10_000 })
        {
            var procurement = Procurements.WithTimeline(events);
            var (e, h) = Timing.CompareMedians(() => pack.Check(procurement), () => handWritten.Check(procurement), warmupMs: 300, rounds: 15);
            perEvent.Add(string.Create(inv, $"{events} events: engine {e / 1000:F1} us, hand-written {h / 1000:F1} us{(previous is null ? string.Empty : $" (x{e / previous.Value:F1} for x10 events)")}"));
            previous = e;
        }

        Console.WriteLine("timeline: " + string.Join("; ", perEvent));
        foreach (var copies in new[] { 1, 4, 10 })
        {
            using var synthetic = SyntheticPack.Create(copies);
            var bigger = RulePack.LoadFromDirectory(synthetic.Directory, synthetic.Options);
            var (e, _) = Timing.CompareMedians(() => bigger.Check(realistic), () => pack.Check(realistic), warmupMs: 300, rounds: 15);
            var bytes = Timing.AllocatedPerCall(() => bigger.Check(realistic), calls: 2_000);
            Console.WriteLine(string.Create(inv, $"rules: {bigger.Rules.Count} rules (from a folder): engine {e / 1000:F1} us per check ({e / bigger.Rules.Count:F0} ns per rule), {bytes:F0} B"));
        }

        // 4. A batch of 100,000 generated procurements, streamed: one thread vs all cores.
        var (oneCore, allCores, heapGrowthMb) = Batch(pack);
        var speedup = oneCore / allCores;
        Console.WriteLine(string.Create(inv, $"batch: {BatchSize:N0} procurements, one thread {oneCore:F0} ms, {Environment.ProcessorCount} threads {allCores:F0} ms, speedup {speedup:F2}; managed heap grew at most {heapGrowthMb:F1} MB while streaming"));
        var (ideal, compute) = Ceilings(pack);
        Console.WriteLine(string.Create(inv, $"batch ceilings on this machine: the same checks from an array in memory with Parallel.For (no streaming, no order) {ideal:F2}x; a loop that only computes {compute:F2}x"));

        Console.WriteLine(string.Create(inv, $"targets: check_ratio {Mark(ratio <= 2.5)} (<= 2.5, with verdicts), peer_ratio {Mark(peerRatio <= 1.0)} (<= 1.0), load_ms {Mark(coldMs < 250)} (< 250), batch_speedup {Mark(speedup >= 1.8)} (>= 1.8 on 2 cores), alloc {engineBytes / reportBytes:F2}x the report; quick mode took {total.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine(string.Create(inv, $"bench: check_ratio={ratio:F2} peer_ratio={peerRatio:F2} load_ms={coldMs:F0} batch_speedup={speedup:F2} alloc_bytes_per_check={engineBytes:F0}"));
        return 0;
    }

    private static (double OneCoreMs, double AllCoresMs, double HeapGrowthMb) Batch(RulePack pack)
    {
        // Warm both paths, then alternate five runs of each and take the medians.
        Consume(pack.CheckAll(Procurements.Batch(5_000)), sample: false);
        Consume(pack.CheckAllParallel(Procurements.Batch(5_000)), sample: false);
        var one = new List<double>();
        var all = new List<double>();
        var growth = 0.0;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            Consume(pack.CheckAll(Procurements.Batch(BatchSize)), sample: false);
            one.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            growth = Math.Max(growth, Consume(pack.CheckAllParallel(Procurements.Batch(BatchSize)), sample: true));
            all.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (Stats.Median(one), Stats.Median(all), growth / (1024.0 * 1024.0));
    }

    /// <summary>
    /// What this machine allows: the batch's checks from an array with Parallel.For (the best any batch API could do
    /// with this work), and a loop that only computes (no allocation, no memory traffic), each all cores vs one.
    /// </summary>
    private static (double Ideal, double Compute) Ceilings(RulePack pack)
    {
        var items = Procurements.Batch(20_000).ToArray();
        void Checks(int degree) => System.Threading.Tasks.Parallel.For(0, items.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = degree }, i => GC.KeepAlive(pack.Check(items[i])));
        void Compute(int degree) => System.Threading.Tasks.Parallel.For(0, 64, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = degree }, i =>
        {
            var x = (ulong)i + 1;
            for (var k = 0; k < 2_000_000; k++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }

            GC.KeepAlive(x);
        });

        return (SpeedupOf(Checks), SpeedupOf(Compute));
    }

    private static double SpeedupOf(Action<int> work)
    {
        work(1);
        work(Environment.ProcessorCount);
        var one = new List<double>();
        var all = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            work(1);
            one.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            work(Environment.ProcessorCount);
            all.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Stats.Median(one) / Stats.Median(all);
    }

    private static string LoadAverage()
    {
        try
        {
            return System.IO.File.Exists("/proc/loadavg") ? string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (System.IO.IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Reads every report as a caller would (counting breaches); optionally samples the managed heap.</summary>
    private static double Consume(IEnumerable<CheckReport> reports, bool sample)
    {
        var start = sample ? GC.GetTotalMemory(forceFullCollection: true) : 0;
        var peak = 0L;
        var breaches = 0;
        var count = 0;
        foreach (var report in reports)
        {
            breaches += report.Breaches.Count;
            if (sample && ++count % 10_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - start);
            }
        }

        GC.KeepAlive(breaches);
        return peak;
    }

    private static string Mark(bool met) => met ? "met" : "NOT MET";

    private static bool IsOptimized() =>
        typeof(RulePack).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
}

/// <summary>A small Stopwatch harness: warm up, then interleaved rounds, medians per call.</summary>
public static class Timing
{
    /// <summary>The median nanoseconds per call of two actions measured in alternating rounds.</summary>
    public static (double A, double B) CompareMedians(Func<object> a, Func<object> b, int warmupMs = 1500, int rounds = 41, double roundMs = 10)
    {
        // Warm up long enough for tiered compilation to reach its optimised code.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < warmupMs)
        {
            Run(a, 50);
            Run(b, 50);
        }

        return Interleaved(a, b, rounds, roundMs, Run);
    }

    /// <summary>
    /// Calibrated rounds of two actions, alternating which goes first, each timed by <paramref name="run"/> (nanoseconds
    /// per call over a number of calls); the median of each. Shared by this wall-clock harness and
    /// <see cref="CpuTiming"/>, which differ only in their clock and warm-up.
    /// </summary>
    internal static (double A, double B) Interleaved(Func<object> a, Func<object> b, int rounds, double roundMs, Func<Func<object>, int, double> run)
    {
        var callsA = Calibrate(a, roundMs, run);
        var callsB = Calibrate(b, roundMs, run);
        var timesA = new double[rounds];
        var timesB = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                timesA[i] = run(a, callsA);
                timesB[i] = run(b, callsB);
            }
            else
            {
                timesB[i] = run(b, callsB);
                timesA[i] = run(a, callsA);
            }
        }

        return (Stats.Median(timesA), Stats.Median(timesB));
    }

    /// <summary>Bytes allocated on this thread per call, over many calls after a warm-up.</summary>
    public static double AllocatedPerCall(Func<object> action, int calls = 20_000)
    {
        Run(action, 1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(action());
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
    }

    private static int Calibrate(Func<object> action, double roundMs, Func<Func<object>, int, double> run)
    {
        var calls = 1;
        while (true)
        {
            var ns = run(action, calls) * calls;
            if (ns >= roundMs * 1_000_000 / 4 || calls >= 1 << 24)
            {
                return Math.Max(1, (int)(calls * (roundMs * 1_000_000 / Math.Max(ns, 1))));
            }

            calls *= 2;
        }
    }

    /// <summary>Nanoseconds per call over <paramref name="calls"/> calls.</summary>
    private static double Run(Func<object> action, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(action());
        }

        return clock.Elapsed.TotalMilliseconds * 1_000_000 / calls;
    }
}
