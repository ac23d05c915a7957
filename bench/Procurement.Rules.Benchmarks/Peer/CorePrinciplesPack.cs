using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary>
/// The default pack cut down to the five core principles the fluent peer writes: its <c>pack.yaml</c> (only those
/// principles listed) and their five rule files, copied from the pack embedded in the library into a temporary folder
/// and loaded through the normal public loader (<c>RulePack.LoadFromDirectory</c>), so that the engine side
/// of <c>peer_ratio</c> is exactly what a caller of <see cref="RulePack.Check"/> gets, whatever engine runs it.
/// </summary>
/// <remarks>The source text is written inside the pack folder, so the pack reads no file outside it.</remarks>
public static class CorePrinciplesPack
{
    private const string Prefix = "packs/";

    /// <summary>The five principles, as keyed in <c>pack.yaml</c>.</summary>
    public static IReadOnlyList<string> Principles { get; } = new[]
    {
        "early-provider-engagement", "improvement-opportunities", "proportionality", "nhs-right-to-bid", "fair-tender",
    };

    private static readonly Lazy<RulePack> Loaded = new(Load);

    /// <summary>The pack, loaded once per process (thread-safe).</summary>
    public static RulePack Instance => Loaded.Value;

    /// <summary>Writes the pack to a new temporary folder, loads it, and deletes the folder.</summary>
    /// <exception cref="RulePackLoadException">The written pack does not load (a defect of this class or of the pack).</exception>
    public static RulePack Load()
    {
        var directory = Path.Combine(Path.GetTempPath(), "procurement-rules-bench", "core-" + Guid.NewGuid().ToString("N"), RulePack.DefaultPackId);
        Directory.CreateDirectory(directory);
        try
        {
            Write(directory);
            return RulePack.LoadFromDirectory(directory);
        }
        finally
        {
            try
            {
                Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary folder is harmless.
            }
        }
    }

    /// <summary>Writes <c>pack.yaml</c>, the source text and the five rule files into <paramref name="directory"/>.</summary>
    public static void Write(string directory)
    {
        var assembly = typeof(RulePack).Assembly;
        var pack = Read(assembly, Prefix + RulePack.DefaultPackId + "/pack.yaml");
        const string SourceReference = "file: ../sources/burnham-2009-letter.md";
        if (!pack.Contains(SourceReference, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The default pack.yaml no longer reads '" + SourceReference + "'; update CorePrinciplesPack.");
        }

        File.WriteAllText(Path.Combine(directory, "pack.yaml"), KeepPrinciples(pack.Replace(SourceReference, "file: burnham-2009-letter.md", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(directory, "burnham-2009-letter.md"), Read(assembly, Prefix + "sources/burnham-2009-letter.md"));
        foreach (var principle in Principles)
        {
            var file = principle + ".rules.yaml";
            File.WriteAllText(Path.Combine(directory, file), Read(assembly, Prefix + RulePack.DefaultPackId + "/" + file));
        }
    }

    /// <summary>Drops the entries of <c>principles:</c> other than the five (each entry starts with <c>  - key: </c>).</summary>
    private static string KeepPrinciples(string pack)
    {
        var output = new StringBuilder();
        var inPrinciples = false;
        var keep = true;
        foreach (var line in pack.Split('\n'))
        {
            if (line.StartsWith("principles:", StringComparison.Ordinal))
            {
                inPrinciples = true;
            }
            else if (inPrinciples && line.Length > 0 && !line.StartsWith(' '))
            {
                inPrinciples = false;
                keep = true;
            }
            else if (inPrinciples && line.StartsWith("  - key: ", StringComparison.Ordinal))
            {
                keep = Principles.Contains(line["  - key: ".Length..].Trim());
            }

            if (keep)
            {
                output.Append(line).Append('\n');
            }
        }

        return output.ToString(0, output.Length - 1);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
