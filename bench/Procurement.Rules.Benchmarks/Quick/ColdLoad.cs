using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// Cold load, measured honestly: each sample is the first load of a pack in a fresh process (so the JIT compiling the
/// loader, YAML reader, expression parser and compiler counts), then the same process reloads it warm.
/// </summary>
public static class ColdLoad
{
    /// <summary>The argument that makes this program a cold-load child.</summary>
    public const string ChildArgument = "--cold-load-child";

    /// <summary>One child process: loads the pack once cold, then <c>warm</c> times, and prints both.</summary>
    /// <param name="args">[packDirectory or "-" for the embedded default pack, warm reload count].</param>
    public static int Child(string[] args)
    {
        var directory = args.Length > 0 && args[0] != "-" ? args[0] : null;
        var warmCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;

        // The packs measured read their source text from ../sources, beside the pack folder.
        var options = directory is null ? null : new RulePackLoadOptions { RootDirectory = Path.GetDirectoryName(Path.GetFullPath(directory)) };
        var clock = Stopwatch.StartNew();
        var pack = directory is null ? RulePack.Default : RulePack.LoadFromDirectory(directory, options);
        var cold = clock.Elapsed.TotalMilliseconds;

        var warm = new List<double>();
        for (var i = 0; i < warmCount; i++)
        {
            clock.Restart();
            _ = directory is null
                ? Loading.RulePackLoader.Load(new Loading.EmbeddedPackFiles(RulePack.DefaultPackId))
                : RulePack.LoadFromDirectory(directory, options);
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold_ms={cold:F2} warm_ms={Stats.Median(warm):F2} rules={pack.Rules.Count}"));
        return 0;
    }

    /// <summary>Runs <paramref name="processes"/> children and returns the median cold and warm load times.</summary>
    public static (double ColdMs, double WarmMs, double[] Samples, int Rules) Measure(int processes, string? packDirectory)
    {
        var cold = new double[processes];
        var warm = new double[processes];
        var rules = 0;
        for (var i = 0; i < processes; i++)
        {
            var line = RunChild(packDirectory ?? "-");
            var values = line.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            cold[i] = double.Parse(values["cold_ms"], CultureInfo.InvariantCulture);
            warm[i] = double.Parse(values["warm_ms"], CultureInfo.InvariantCulture);
            rules = int.Parse(values["rules"], CultureInfo.InvariantCulture);
        }

        return (Stats.Median(cold), Stats.Median(warm), cold, rules);
    }

    private static string RunChild(string pack)
    {
        // Run this same program again: through its apphost when it has one, else through the dotnet host.
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add(ChildArgument);
        start.ArgumentList.Add(pack);
        start.ArgumentList.Add("10");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("cold_ms=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The cold-load child failed (exit {process.ExitCode}): {output} {error}");
        }

        return line;
    }
}

/// <summary>Small statistics helpers.</summary>
public static class Stats
{
    /// <summary>The median of the values.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
