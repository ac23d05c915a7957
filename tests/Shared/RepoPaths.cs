namespace Procurement.Rules.Tests.Support;

/// <summary>
/// Paths into the repository for every test project, found by walking up from the test assembly's folder (the build
/// output lies inside the clone). Not from this source file's path: a CI build (<c>ContinuousIntegrationBuild</c>)
/// maps source paths to <c>/_/</c>.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string DefaultPack => Path.Combine(Rules, "burnham-2009");

    public static string Fixtures => Path.Combine(DefaultPack, "fixtures");

    public static string Sources => Path.Combine(Rules, "sources");

    public static string Letter => Path.Combine(Sources, "burnham-2009-letter.md");

    public static string Samples => Path.Combine(Root, "samples");

    public static string GreatYarmouth => Path.Combine(Samples, "cases", "great-yarmouth-2009.yaml");

    public static string AnalystScript => Path.Combine(Samples, "analyst", "check-cases.cs");

    public static string Docs => Path.Combine(Root, "docs");

    public static string Readme => Path.Combine(Root, "README.md");

    public static string PackagesProps => Path.Combine(Root, "Directory.Packages.props");

    public static string ModelProject => Path.Combine(Root, "src", "Procurement.Model", "Procurement.Model.csproj");

    public static string RulesProject => Path.Combine(Root, "src", "Procurement.Rules", "Procurement.Rules.csproj");

    public static string CliProject => Path.Combine(Root, "src", "Procurement.Rules.Cli");

    public static string PackageConsumer => Path.Combine(Root, "tests", "PackageConsumer");

    public static string TestingProject => Path.Combine(Root, "src", "Procurement.Rules.Testing", "Procurement.Rules.Testing.csproj");

    public static string TestingConsumer => Path.Combine(Root, "tests", "TestingConsumer");

    public static string TrimmedConsumer => Path.Combine(Root, "tests", "TrimmedConsumer");

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
