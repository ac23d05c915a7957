using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// Writes a larger pack for measuring growth with the number of rules: the default pack's rules repeated under new
/// ids (<c>&lt;id&gt;.copy2</c>, ...), from the copy embedded in the library, beside its source text.
/// </summary>
public sealed partial class SyntheticPack : IDisposable
{
    private const string Prefix = "packs/";
    private readonly string _root;

    private SyntheticPack(string root, string directory, int rules)
    {
        _root = root;
        Directory = directory;
        Rules = rules;
    }

    /// <summary>The pack folder, for <see cref="RulePack.LoadFromDirectory"/>.</summary>
    public string Directory { get; }

    /// <summary>The options to load the pack with: its source text lies beside the pack folder, in <c>../sources</c>.</summary>
    public RulePackLoadOptions Options => new() { RootDirectory = _root };

    /// <summary>How many rules the pack has.</summary>
    public int Rules { get; }

    /// <summary>Writes the default pack's rules <paramref name="copies"/> times into a new temporary folder.</summary>
    public static SyntheticPack Create(int copies)
    {
        var assembly = typeof(RulePack).Assembly;
        var root = Path.Combine(Path.GetTempPath(), "procurement-rules-bench", Guid.NewGuid().ToString("N"));
        var directory = Path.Combine(root, RulePack.DefaultPackId);
        System.IO.Directory.CreateDirectory(directory);
        System.IO.Directory.CreateDirectory(Path.Combine(root, "sources"));
        var rules = 0;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var relative = name[Prefix.Length..];
            if (!relative.StartsWith(RulePack.DefaultPackId + "/", StringComparison.Ordinal) && !relative.StartsWith("sources/", StringComparison.Ordinal))
            {
                continue; // the other embedded packs and the calendar: the synthetic pack is the 2009 pack, copied
            }

            var text = Read(assembly, name);
            if (!relative.EndsWith(".rules.yaml", StringComparison.Ordinal) || !relative.StartsWith(RulePack.DefaultPackId + "/", StringComparison.Ordinal))
            {
                File.WriteAllText(Path.Combine(root, relative), text);
                continue;
            }

            var file = Path.GetFileName(relative);
            for (var copy = 1; copy <= copies; copy++)
            {
                var renamed = copy == 1 ? text : RuleId().Replace(text, m => m.Value + ".copy" + copy);
                File.WriteAllText(Path.Combine(directory, copy == 1 ? file : $"copy{copy}-{file}"), renamed);
                rules += RuleId().Count(text);
            }
        }

        return new SyntheticPack(root, directory, rules);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder is harmless.
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"(?<=^  - id: )\S+", RegexOptions.Multiline)]
    private static partial Regex RuleId();
}
