using System.Runtime.CompilerServices;

namespace Procurement.Rules.Cli.Tests;

/// <summary>Paths into the repository, found from this source file's location so tests run from any folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string DefaultPack => Path.Combine(Rules, "burnham-2009");

    public static string Sources => Path.Combine(Rules, "sources");

    public static string Letter => Path.Combine(Sources, "burnham-2009-letter.md");

    public static string GreatYarmouth => Path.Combine(Root, "samples", "cases", "great-yarmouth-2009.yaml");

    public static string CliProject => Path.Combine(Root, "src", "Procurement.Rules.Cli");

    /// <summary>
    /// Looks above this source file, then above the test assembly. The first fails in a CI build
    /// (<c>ContinuousIntegrationBuild</c> maps source paths to <c>/_/</c>); the second works wherever the build output is
    /// inside the repository.
    /// </summary>
    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        var starts = new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Procurement.Rules.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Procurement.Rules.sln not found above {thisFile}, {AppContext.BaseDirectory} or the current folder");
    }
}
