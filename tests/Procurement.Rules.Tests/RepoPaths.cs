namespace Procurement.Rules.Tests;

/// <summary>Paths into the repository, found from the test assembly's location so tests run from any folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string DefaultPack => Path.Combine(Rules, "burnham-2009");

    public static string Fixtures => Path.Combine(DefaultPack, "fixtures");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>
    /// Searches up from the test assembly's folder (the build output lies inside the repository). Not from this source
    /// file's path: a CI build (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/</c>.
    /// </summary>
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Procurement.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Procurement.Rules.sln not found above " + AppContext.BaseDirectory);
    }
}
