using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// <c>--large-input &lt;events&gt; &lt;yaml|json&gt; [--raise-limits]</c>: writes a case file with that many timeline events
/// (or, with a negative count, a case file of that many megabytes of notes), loads it once and prints the time taken and
/// the file's size. Run it under <c>/usr/bin/time -v</c> for the peak memory (docs/performance.md, "Large inputs").
/// Without <c>--raise-limits</c> the default <see cref="InputLimits"/> apply, and the load's problem is printed.
/// </summary>
public static class LargeInput
{
    /// <summary>The argument that selects this mode.</summary>
    public const string Argument = "--large-input";

    /// <summary>Runs the mode.</summary>
    public static int Run(string[] args)
    {
        var events = int.Parse(args[0], CultureInfo.InvariantCulture);
        var json = args.Length > 1 && args[1] == "json";
        var raise = args.Length > 2 && args[2] == "--raise-limits";
        var path = Path.Combine(Path.GetTempPath(), $"large-input-{Guid.NewGuid():N}.{(json ? "json" : "yaml")}");
        try
        {
            Write(path, events, json);
            var options = raise
                ? new ProcurementLoadOptions { Limits = new InputLimits { MaxFileBytes = 1L << 31, MaxListItems = int.MaxValue, MaxStringLength = int.MaxValue } }
                : null;
            if (Environment.GetEnvironmentVariable("LARGE_INPUT_PHASES") == "1")
            {
                var limits = options?.Limits ?? InputLimits.Default;
                var exceptions = 0;
                AppDomain.CurrentDomain.FirstChanceException += (_, _) => exceptions++;
                var phase = Stopwatch.StartNew();
                var problems = new System.Collections.Generic.List<LoadProblem>();
                var bytes = File.ReadAllBytes(path);
                var tree = json ? Files.DocReaders.ReadJson(bytes, path, limits, problems) : Files.DocReaders.ReadYaml(Encoding.UTF8.GetString(bytes), path, limits, problems);
                Console.WriteLine($"read {phase.Elapsed.TotalSeconds:F2} s");
                phase.Restart();
                var binder = new Files.ModelBinder(path, problems);
                var bound = (Procurement.Model.ProposedProcurement)binder.Bind(tree!, typeof(Procurement.Model.ProposedProcurement), string.Empty)!;
                Console.WriteLine($"bind {phase.Elapsed.TotalSeconds:F2} s");
                phase.Restart();
                Files.ProcurementValidator.Validate(bound, path, tree);
                Console.WriteLine($"validate {phase.Elapsed.TotalSeconds:F2} s; first-chance exceptions: {exceptions}");
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var procurement = ProcurementFile.Load(path, options);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded: {procurement.Timeline?.Count ?? 0} events, {new FileInfo(path).Length / 1e6:F1} MB, {clock.Elapsed.TotalSeconds:F2} s"));
            }
            catch (ProcurementLoadException e)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refused in {clock.Elapsed.TotalSeconds:F2} s: {e.Problems[0]}"));
            }

            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Write(string path, int events, bool json)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        if (events < 0)
        {
            // A case file of |events| MB: one long notes value.
            var megabytes = -events;
            var line = new string('x', 1023);
            writer.Write(json ? "{\"id\": \"large\", \"notes\": \"" : "id: large\nnotes: \"");
            for (var i = 0; i < megabytes * 1024; i++)
            {
                writer.Write(line);
                writer.Write(' ');
            }

            writer.Write(json ? "\"}" : "\"\n");
            return;
        }

        var start = new DateOnly(2010, 1, 1);
        writer.Write(json ? "{\"id\": \"large\", \"timeline\": [\n" : "id: large\ntimeline:\n");
        for (var i = 0; i < events; i++)
        {
            var date = start.AddDays(i % 3000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.Write(json
                ? $"  {{\"date\": \"{date}\", \"kind\": \"bidReceived\", \"party\": \"Bidder {i}\"}}{(i + 1 < events ? "," : string.Empty)}\n"
                : $"  - {{ date: {date}, kind: bidReceived, party: Bidder {i} }}\n");
        }

        writer.Write(json ? "]}\n" : string.Empty);
    }
}
