namespace Procurement.Rules.Tests;

/// <summary>
/// An inference fixture: <c>rules/&lt;pack&gt;/fixtures/inferences/&lt;inference id&gt;/&lt;name&gt;.yaml</c>, a procurement whose
/// leading <c># derives: ...</c> comment lines list every fact that inference derives from it (<c># derives: nothing</c>
/// when none), each as <see cref="DerivedFact.ToString"/> writes it.
/// </summary>
public sealed record InferenceFixture(string InferenceId, string Path, IReadOnlyList<string> Derives)
{
    /// <summary>The folder under the fixtures folder that holds inference fixtures (not rule fixtures).</summary>
    public const string Folder = "inferences";

    private const string Marker = "# derives:";

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public static IReadOnlyList<InferenceFixture> All(string fixturesDirectory) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(fixturesDirectory, Folder), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Parse)
            .ToList();

    private static InferenceFixture Parse(string path)
    {
        var id = new DirectoryInfo(System.IO.Path.GetDirectoryName(path)!).Name;
        var derives = File.ReadLines(path).TakeWhile(l => l.StartsWith('#'))
            .Where(l => l.StartsWith(Marker, StringComparison.Ordinal))
            .Select(l => l[Marker.Length..].Trim())
            .ToList();
        if (derives.Count == 0)
        {
            throw new InvalidOperationException($"Inference fixture {path} must start with '{Marker} ...' lines (or '{Marker} nothing')");
        }

        return new InferenceFixture(id, path, derives.SequenceEqual(new[] { "nothing" }) ? Array.Empty<string>() : derives);
    }
}
