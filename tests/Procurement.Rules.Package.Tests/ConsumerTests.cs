using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Procurement.Rules.Package.Tests;

/// <summary>
/// The packages as their users meet them: the test-helper package in an NHS tool's own NUnit project
/// (tests/TestingConsumer), and the library in a trimmed application (tests/TrimmedConsumer).
/// </summary>
public partial class PackageTests
{
    [Test]
    public void TestingPackage_DependsOnExactlyThisRulesVersionAndFluentAssertionsSix()
    {
        using var package = OpenPackage("Procurement.Rules.Testing", "nupkg");
        var groups = DependencyGroups(Nuspec(package, "Procurement.Rules.Testing"));

        groups.Keys.Should().BeEquivalentTo(TargetFrameworks);
        foreach (var (framework, dependencies) in groups)
        {
            dependencies.Should().BeEquivalentTo(
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    // Exactly this version: ReportBuilder uses the library's internal constructors.
                    ["Procurement.Rules"] = $"[{_version}]",
                    // Never 7 or later: FluentAssertions 8 is commercially licensed and changes the extension API.
                    ["FluentAssertions"] = "[6.12.0, 7.0.0)",
                },
                $"the {framework} dependencies");
        }
    }

    [Test]
    public void TestingConsumer_RestoredFromThePackages_PassesItsTestsOfTheAssertionsAndTheirMessages()
    {
        var consumer = PrepareConsumer(RepoPaths.TestingConsumer, "testing-consumer");
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(consumer, "great-yarmouth-2009.yaml"));
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(consumer, "case.yaml"));
        var trx = Path.Combine(_work, "testing-consumer.trx");

        var run = DotNetCli.Run(consumer, "test", "-p:ProcurementRulesVersion=" + _version, "--disable-build-servers", "--logger", "trx;LogFileName=" + trx);

        Assert.That(run.ExitCode, Is.EqualTo(0), () => WithoutSummaries(run));
        AssetsLibraries(Path.Combine(consumer, "obj", "project.assets.json")).Should().Contain(
            new[] { $"Procurement.Rules.Testing/{_version}", $"Procurement.Rules/{_version}", "FluentAssertions/6.12.0" },
            "the consumer resolves this run's packages, and FluentAssertions 6.12.0 through the test-helper package");
        var counters = XDocument.Load(trx).Descendants().Single(e => e.Name.LocalName == "Counters");
        ((int)counters.Attribute("failed")!).Should().Be(0);
        ((int)counters.Attribute("passed")!).Should().BeGreaterThanOrEqualTo(10, "every consumer test ran");
    }

    [TestCase("Procurement.Model")]
    [TestCase("Procurement.Rules")]
    [TestCase("Procurement.Rules.Testing")]
    public void PackageReadme_CSharpExample_IsCompiledAndRunByTheTestingConsumer(string id)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", id, "README.md"));
        var examples = File.ReadAllText(Path.Combine(RepoPaths.TestingConsumer, "ReadmeExamples.cs"));
        var block = Regex.Match(readme, "```csharp\n(?<body>.*?)```", RegexOptions.Singleline);
        block.Success.Should().BeTrue($"{id}'s README has a C# example");
        var lines = block.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        lines.Count.Should().BeInRange(3, 12, "the example is short");
        lines.Should().AllSatisfy(l => examples.Should().Contain(l, "tests/TestingConsumer/ReadmeExamples.cs runs the example as written"));
        readme.Should().NotMatchRegex(@"\]\((?!https://)[^)]*\)", "links are absolute, since a package page has no repository to be relative to");
    }

    [Test]
    public void TrimmedConsumer_PublishedTrimmed_HasNoTrimWarningsFromOurAssembliesAndChecksLikeUntrimmed()
    {
        var consumer = PrepareConsumer(RepoPaths.TrimmedConsumer, "trimmed-consumer");
        var versionProperty = "-p:ProcurementRulesVersion=" + _version;
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

        var publish = DotNetCli.Run(consumer, "publish", "-c", "Release", "-r", rid, versionProperty, "-o", Path.Combine(consumer, "trimmed"), "--disable-build-servers");
        Assert.That(publish.ExitCode, Is.EqualTo(0), publish.ToString);
        AssetsLibraries(Path.Combine(consumer, "obj", "project.assets.json")).Should().Contain($"Procurement.Rules/{_version}", "the trimmed application uses this run's package");
        var warnings = publish.Output.Split('\n').Where(l => Regex.IsMatch(l, @"warning IL\d{4}")).Select(l => l.Trim()).Distinct().ToList();
        TestContext.Progress.WriteLine($"Trim warnings ({warnings.Count}):" + Environment.NewLine + string.Join(Environment.NewLine, warnings));
        warnings.Should().NotContain(w => w.Contains("Procurement.", StringComparison.Ordinal), "our assemblies are trim-safe (third-party warnings are listed above)");

        var untrimmed = DotNetCli.Run(consumer, "build", "-c", "Release", "-p:PublishTrimmed=false", "-p:SelfContained=false", versionProperty, "-o", Path.Combine(consumer, "untrimmed"), "--disable-build-servers");
        Assert.That(untrimmed.ExitCode, Is.EqualTo(0), untrimmed.ToString);

        var trimmedRun = DotNetCli.RunProgram(consumer, Path.Combine(consumer, "trimmed", "TrimmedConsumer"), RepoPaths.GreatYarmouth);
        var untrimmedRun = DotNetCli.Run(consumer, Path.Combine(consumer, "untrimmed", "TrimmedConsumer.dll"), RepoPaths.GreatYarmouth);
        Assert.That(untrimmedRun.ExitCode, Is.EqualTo(0), untrimmedRun.ToString);
        Assert.That(trimmedRun.ExitCode, Is.EqualTo(0), trimmedRun.ToString);
        trimmedRun.StdOut.Should().Contain("fair-tender.nhs-only-needs-reason").And.Contain("\"formatVersion\"");
        trimmedRun.StdOut.Should().Be(untrimmedRun.StdOut, "trimming changes nothing a check, a verdict or the JSON writers produce");
    }

    [Test]
    public void RulesPackage_ForTrimmedApplications_ShipsItsDescriptorAndRootsTheExpressionCompiler()
    {
        using var package = OpenPackage("Procurement.Rules", "nupkg");
        var targets = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", "Procurement.Rules", "buildTransitive", "Procurement.Rules.targets"));

        ReadBytes(package, "build/Procurement.Rules.targets").Should().Equal(targets, "a direct reference imports it");
        ReadBytes(package, "buildTransitive/Procurement.Rules.targets").Should().Equal(targets, "a reference through Procurement.Rules.Testing imports it");
        System.Text.Encoding.UTF8.GetString(targets).Should().Contain("<TrimmerRootAssembly Include=\"System.Linq.Dynamic.Core\" />");
        foreach (var (id, tfm) in new[] { "Procurement.Rules", "Procurement.Model" }.SelectMany(id => TargetFrameworks.Select(tfm => (id, tfm))))
        {
            using var other = OpenPackage(id, "nupkg");
            ManifestResourceNames(ReadBytes(other, $"lib/{tfm}/{id}.dll")).Should().Contain("ILLink.Descriptors.xml", $"{id} ({tfm}) tells the trimmer what it reaches by reflection");
        }
    }

    /// <summary>Copies a consumer folder outside the repository, with a nuget.config whose feeds are the packed packages and nuget.org.</summary>
    private string PrepareConsumer(string source, string name)
    {
        var consumer = Path.Combine(_work, name);
        CopyFolder(source, consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{_feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }

    /// <summary>A child's output without its "Passed!/Failed! - Failed: ..." summaries, which CI would count as this run's.</summary>
    private static string WithoutSummaries(ProcessResult run) =>
        Regex.Replace(run.ToString(), @"(Passed|Failed)!(\s+-\s+Failed:)", "$1$2");
}
