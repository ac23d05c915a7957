using System.Globalization;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

namespace Procurement.Rules.Package.Tests;

/// <summary>
/// Packs Procurement.Model, Procurement.Rules and Procurement.Rules.Testing with a unique version into a fresh temporary
/// folder (once for the fixture), checks what the packages hold, then builds and runs tests/PackageConsumer,
/// tests/TestingConsumer and a trimmed tests/TrimmedConsumer against them as an outside NHS tool would.
/// </summary>
[TestFixture]
[Category("Package")]
[NonParallelizable]
public partial class PackageTests
{
    private const string NhsOnlyRule = "fair-tender.nhs-only-needs-reason";

    // The 2009 letter's words that the 'NHS only' rule cites (Scenario 4, process to be followed).
    private const string NhsOnlyQuote = "For certain services, clinical issues or safety may warrant an 'NHS only' tender.";

    private static readonly string[] TargetFrameworks = { "net8.0", "net10.0" };

    private string _work = null!;
    private string _feed = null!;
    private string _version = null!;
    private string? _globalPackagesFolder;

    [OneTimeSetUp]
    public void PackBothLibraries()
    {
        // A version never used before, so the NuGet global packages folder cannot serve a stale copy.
        var unique = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..8];
        _version = "0.0.0-test." + unique;
        _work = Path.Combine(Path.GetTempPath(), "procurement-rules-package-" + unique.Replace('.', '-'));
        _feed = Path.Combine(_work, "packages");
        var artifacts = Path.Combine(_work, "artifacts");
        Directory.CreateDirectory(_feed);
        TestContext.Progress.WriteLine($"Packing {_version} into {_feed}");

        // Build outputs go to the temporary artifacts folder, never to the repository's bin/obj, which other builds use.
        // Packing Procurement.Rules.Testing builds the other two, so they are then packed without rebuilding.
        string[] common = { "-c", "Release", "-o", _feed, "--artifacts-path", artifacts, "-p:Version=" + _version, "--disable-build-servers" };
        var testing = DotNetCli.Run(RepoPaths.Root, new[] { "pack", RepoPaths.TestingProject }.Concat(common).ToArray());
        Assert.That(testing.ExitCode, Is.EqualTo(0), testing.ToString);
        var rules = DotNetCli.Run(RepoPaths.Root, new[] { "pack", RepoPaths.RulesProject, "--no-build" }.Concat(common).ToArray());
        Assert.That(rules.ExitCode, Is.EqualTo(0), rules.ToString);
        var model = DotNetCli.Run(RepoPaths.Root, new[] { "pack", RepoPaths.ModelProject, "--no-build" }.Concat(common).ToArray());
        Assert.That(model.ExitCode, Is.EqualTo(0), model.ToString);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        // Remove this run's packages from the global packages folder, and the temporary folder unless a test failed.
        if (_globalPackagesFolder is not null)
        {
            foreach (var id in new[] { "procurement.rules", "procurement.model", "procurement.rules.testing" })
            {
                DotNetCli.TryDelete(Path.Combine(_globalPackagesFolder, id, _version.ToLowerInvariant()));
            }
        }

        if (_work is not null && TestContext.CurrentContext.Result.FailCount == 0)
        {
            DotNetCli.TryDelete(_work);
        }
        else if (_work is not null)
        {
            TestContext.Progress.WriteLine("Kept for inspection: " + _work);
        }
    }

    [TestCase("Procurement.Model", "T:Procurement.Model.ProposedProcurement")]
    [TestCase("Procurement.Rules", "T:Procurement.Rules.RulePack")]
    [TestCase("Procurement.Rules.Testing", "T:Procurement.Rules.Testing.ReportAssert")]
    public void Package_HoldsBothTargetsWithXmlDocsReadmeIconAndSymbols(string id, string documentedType)
    {
        using var package = OpenPackage(id, "nupkg");
        var entries = package.Entries.Select(e => e.FullName).ToList();

        var libFolders = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct();
        libFolders.Should().BeEquivalentTo(TargetFrameworks, "the library targets exactly net8.0 and net10.0");
        foreach (var tfm in TargetFrameworks)
        {
            entries.Should().Contain($"lib/{tfm}/{id}.dll");
            var docs = ReadText(package, $"lib/{tfm}/{id}.xml");
            docs.Should().Contain($"<member name=\"{documentedType}\">", "the XML documentation ships with each target");
        }

        ReadBytes(package, "README.md").Should().Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", id, "README.md")), "the package's readme is its own, src/<id>/README.md");
        ReadBytes(package, "icon.png").Should().Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "assets", "icon.png")));
        var nuspec = Nuspec(package, id);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        ((string?)metadata.Element(ns + "readme")).Should().Be("README.md");
        ((string?)metadata.Element(ns + "icon")).Should().Be("icon.png");
        ((string?)metadata.Element(ns + "version")).Should().Be(_version);

        using var symbols = OpenPackage(id, "snupkg");
        symbols.Entries.Select(e => e.FullName).Should().Contain(TargetFrameworks.Select(tfm => $"lib/{tfm}/{id}.pdb"));
    }

    [Test]
    public void RulesPackage_DependsOnModelAndItsLibraries_NotOnSourceLink()
    {
        var centralVersions = XDocument.Load(RepoPaths.PackagesProps).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Procurement.Model"] = _version,
            ["YamlDotNet"] = centralVersions["YamlDotNet"],
            ["Newtonsoft.Json"] = centralVersions["Newtonsoft.Json"],
            ["System.Linq.Dynamic.Core"] = centralVersions["System.Linq.Dynamic.Core"],

            // The engine (issue 10): NRules' rule model and runtime, its fluent DSL for callers' own rules beside the
            // pack's, and FastExpressionCompiler as NRules' expression compiler.
            ["NRules.RuleModel"] = centralVersions["NRules.RuleModel"],
            ["NRules.Runtime"] = centralVersions["NRules.Runtime"],
            ["NRules.Fluent"] = centralVersions["NRules.Fluent"],
            ["FastExpressionCompiler"] = centralVersions["FastExpressionCompiler"],
        };

        using var package = OpenPackage("Procurement.Rules", "nupkg");
        var groups = DependencyGroups(Nuspec(package, "Procurement.Rules"));

        groups.Keys.Should().BeEquivalentTo(TargetFrameworks);
        foreach (var (framework, dependencies) in groups)
        {
            dependencies.Should().BeEquivalentTo(expected, $"the {framework} dependencies are Procurement.Model and its libraries, at the central versions");
            dependencies.Keys.Should().NotContain(k => k.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal), "SourceLink is a build-time tool, not a dependency");
        }
    }

    [Test]
    public void ModelPackage_HasNoDependencies()
    {
        using var package = OpenPackage("Procurement.Model", "nupkg");
        var groups = DependencyGroups(Nuspec(package, "Procurement.Model"));

        groups.Keys.Should().BeEquivalentTo(TargetFrameworks);
        groups.Values.Should().AllSatisfy(d => d.Should().BeEmpty());
    }

    [Test]
    public void RulesAssembly_EmbedsEveryPackAndSourceFile()
    {
        // The default pack is embedded as "packs/<path below rules/>" (rule files and the sources they quote); its
        // fixtures and real-case expectations are test data and stay out.
        var expected = Directory.EnumerateFiles(RepoPaths.Rules, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Rules, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Contains("fixtures") && !f.Split('/').Contains("real-cases") && f != "README.md")
            .Select(f => "packs/" + f)
            .ToList();
        expected.Should().Contain(new[] { "packs/burnham-2009/pack.yaml", "packs/sources/burnham-2009-letter.md" });

        using var package = OpenPackage("Procurement.Rules", "nupkg");
        foreach (var tfm in TargetFrameworks)
        {
            var resources = ManifestResourceNames(ReadBytes(package, $"lib/{tfm}/Procurement.Rules.dll"));
            resources.Where(r => r.StartsWith("packs/", StringComparison.Ordinal)).Should().BeEquivalentTo(expected, $"lib/{tfm} embeds the pack");
        }
    }

    [Test]
    public void PackageConsumer_BuiltFromThePackages_FindsTheNhsOnlyBreach()
    {
        File.ReadAllText(RepoPaths.Letter).Should().Contain(NhsOnlyQuote, "the rule quotes the 2009 letter verbatim");

        // An outside tool: a copy of tests/PackageConsumer, outside the repository, whose only feeds are the packed
        // packages and nuget.org.
        var consumer = Path.Combine(_work, "consumer");
        CopyFolder(RepoPaths.PackageConsumer, consumer);
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
        var versionProperty = "-p:ProcurementRulesVersion=" + _version;

        var restore = DotNetCli.Run(consumer, "restore", versionProperty, "--disable-build-servers");
        Assert.That(restore.ExitCode, Is.EqualTo(0), restore.ToString);
        var libraries = AssetsLibraries(Path.Combine(consumer, "obj", "project.assets.json"));
        libraries.Should().Contain(new[] { $"Procurement.Rules/{_version}", $"Procurement.Model/{_version}" }, "the consumer resolves both libraries as packages of this run's version");

        var build = DotNetCli.Run(consumer, "build", "--no-restore", "-c", "Release", versionProperty, "--disable-build-servers");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString);
        var program = Path.Combine(consumer, "bin", "Release", "net10.0", "PackageConsumer.dll");

        // The Great Yarmouth case breaches the rule, as does the consumer's own procurement built in C#.
        var run = DotNetCli.Run(consumer, program, RepoPaths.GreatYarmouth);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        run.StdOut.Should().Contain("Procurement.Rules " + _version, "the consumer ran this run's package");
        run.StdOut.Should().Contain($"[critical] {NhsOnlyRule}", "the report names the breach");
        run.StdOut.Should().Contain("Procurement great-yarmouth-2009", "the YAML case was checked");
        run.StdOut.Should().Contain(NhsOnlyQuote, "the breach cites the letter");

        // The same case with a clinical reason recorded does not breach it, and the consumer then says so and fails.
        var text = File.ReadAllText(RepoPaths.GreatYarmouth);
        text.Should().Contain("kind: policy");
        var clinical = Path.Combine(_work, "great-yarmouth-clinical-reason.yaml");
        File.WriteAllText(clinical, text.Replace("kind: policy", "kind: clinical", StringComparison.Ordinal));
        var control = DotNetCli.Run(consumer, program, clinical);
        Assert.That(control.ExitCode, Is.EqualTo(1), control.ToString);
        control.StdErr.Should().Contain($"great-yarmouth-2009: rule {NhsOnlyRule} gave Compliant, expected Breach");
    }

    private ZipArchive OpenPackage(string id, string extension)
    {
        var path = Path.Combine(_feed, $"{id}.{_version}.{extension}");
        File.Exists(path).Should().BeTrue($"{Path.GetFileName(path)} is packed; the feed holds: {string.Join(", ", Directory.GetFiles(_feed).Select(Path.GetFileName))}");
        return ZipFile.OpenRead(path);
    }

    private static byte[] ReadBytes(ZipArchive package, string entryName)
    {
        var entry = package.GetEntry(entryName);
        entry.Should().NotBeNull($"the package holds {entryName}");
        using var stream = entry!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ReadText(ZipArchive package, string entryName) => System.Text.Encoding.UTF8.GetString(ReadBytes(package, entryName));

    private static XDocument Nuspec(ZipArchive package, string id)
    {
        using var stream = new MemoryStream(ReadBytes(package, id + ".nuspec"));
        return XDocument.Load(stream);
    }

    private static Dictionary<string, Dictionary<string, string>> DependencyGroups(XDocument nuspec)
    {
        var ns = nuspec.Root!.Name.Namespace;
        return nuspec.Descendants(ns + "dependencies").Single().Elements(ns + "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements(ns + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private static List<string> ManifestResourceNames(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
    }

    private List<string> AssetsLibraries(string assetsFile)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        _globalPackagesFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        return assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "package")
            .Select(p => p.Name)
            .ToList();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
