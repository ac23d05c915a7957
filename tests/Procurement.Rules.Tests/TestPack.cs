namespace Procurement.Rules.Tests;

/// <summary>
/// A throw-away pack folder for tests: the default pack's <c>pack.yaml</c> and source text, plus the rule files a test
/// writes. Deleted on dispose.
/// </summary>
internal sealed class TestPack : IDisposable
{
    private readonly string _root;

    public TestPack(params (string File, string Text)[] ruleFiles)
    {
        _root = Path.Combine(Path.GetTempPath(), "procurement-rules-tests", Guid.NewGuid().ToString("N"));
        Directory = Path.Combine(_root, "pack");
        System.IO.Directory.CreateDirectory(Directory);
        System.IO.Directory.CreateDirectory(Path.Combine(_root, "sources"));
        File.Copy(Path.Combine(RepoPaths.Rules, "sources", "burnham-2009-letter.md"), Path.Combine(_root, "sources", "burnham-2009-letter.md"));
        File.Copy(Path.Combine(RepoPaths.DefaultPack, "pack.yaml"), Path.Combine(Directory, "pack.yaml"));
        foreach (var (file, text) in ruleFiles)
        {
            File.WriteAllText(Path.Combine(Directory, file), text);
        }
    }

    public string Directory { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>A pack with one rule file holding one rule built from the given parts.</summary>
    public static TestPack WithRule(string require, string? when = null, string facts = "", string id = "test.rule", string extra = "") =>
        new(("test.rules.yaml", RuleText(require, when, facts, id, extra)));

    /// <summary>
    /// A pack with one rule file whose pack.yaml is the 2009 pack's, with everything from its <c>inForce</c> block up to
    /// <c>sources</c> replaced by <paramref name="header"/> (a period, <c>appliesTo</c>, <c>versions</c>).
    /// </summary>
    public static TestPack WithHeader(string header, string rules)
    {
        var pack = new TestPack(("test.rules.yaml", rules));
        var text = File.ReadAllText(pack.PathOf("pack.yaml"));
        var start = text.IndexOf("inForce:", StringComparison.Ordinal);
        var end = text.IndexOf("sources:", StringComparison.Ordinal);
        File.WriteAllText(pack.PathOf("pack.yaml"), text[..start] + header.ReplaceLineEndings("\n") + "\n" + text[end..]);
        return pack;
    }

    public static string RuleText(string require, string? when = null, string facts = "", string id = "test.rule", string extra = "") =>
        $"""
        rules:
          - id: {id}
            title: A test rule
            principle: fair-tender
            severity: major
        {(when is null ? string.Empty : "    when: " + when + "\n")}    require: {require}
        {(facts.Length == 0 ? string.Empty : "    facts:\n" + facts + "\n")}{extra}    message:
              breach: It broke.
              compliant: It held.
            citations:
              - source: burnham-2009
                locator: Letter, core principles
                quote: Fairness and transparency of process

        """;

    public RulePackLoadOptions Options => new() { RootDirectory = _root };

    public RulePack Load() => RulePack.LoadFromDirectory(Directory, Options);

    public RulePackLoadException LoadFails()
    {
        var act = () => RulePack.LoadFromDirectory(Directory, Options);
        return act.Should().Throw<RulePackLoadException>().Which;
    }

    /// <summary>The 1-based line and column where <paramref name="text"/> first occurs in a file of the pack.</summary>
    public (int Line, int Column) Find(string file, string text)
    {
        var lines = File.ReadAllLines(PathOf(file));
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' not found in {file}");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
