using System.Runtime.CompilerServices;

namespace Procurement.Rules.Tests;

/// <summary>Paths into the repository, found from this source file's location so tests run from any folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string DefaultPack => Path.Combine(Rules, "burnham-2009");

    public static string Fixtures => Path.Combine(DefaultPack, "fixtures");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Procurement.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Procurement.Rules.sln not found above " + thisFile);
    }
}
