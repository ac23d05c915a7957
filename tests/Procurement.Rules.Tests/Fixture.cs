namespace Procurement.Rules.Tests;

/// <summary>
/// A fixture file: <c>rules/&lt;pack&gt;/fixtures/&lt;rule id&gt;/&lt;expected&gt;-&lt;name&gt;.yaml</c>, a procurement whose outcome for
/// that rule is the file name's prefix (breach, compliant, undetermined, not-applicable).
/// </summary>
public sealed record Fixture(string RuleId, OutcomeKind Expected, string Path)
{
    private static readonly (string Prefix, OutcomeKind Kind)[] Prefixes =
    {
        ("breach-", OutcomeKind.Breach),
        ("compliant-", OutcomeKind.Compliant),
        ("undetermined-", OutcomeKind.Undetermined),
        ("not-applicable-", OutcomeKind.NotApplicable),
    };

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public static IReadOnlyList<Fixture> All(string fixturesDirectory) =>
        Directory.EnumerateFiles(fixturesDirectory, "*.yaml", SearchOption.AllDirectories)
            .Where(p => !System.IO.Path.GetRelativePath(fixturesDirectory, p).StartsWith("inferences" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Parse)
            .ToList();

    private static Fixture Parse(string path)
    {
        var ruleId = new DirectoryInfo(System.IO.Path.GetDirectoryName(path)!).Name;
        var file = System.IO.Path.GetFileName(path);
        foreach (var (prefix, kind) in Prefixes)
        {
            if (file.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new Fixture(ruleId, kind, path);
            }
        }

        throw new InvalidOperationException($"Fixture {path} must start with one of: {string.Join(", ", Prefixes.Select(p => p.Prefix))}");
    }
}
