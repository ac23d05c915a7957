using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.VisualBasic.FileIO;

namespace Procurement.Rules.Package.Tests;

/// <summary>
/// Runs the analyst script as an analyst with a copy of it and no clone would: the file alone, copied into a temporary
/// folder beside a NuGet.config naming a local feed, with its <c>#:package</c> line pointing at packages packed from
/// this tree (once for the fixture). It must check the cases and write both CSV tables and the HTML page.
/// </summary>
[TestFixture]
[Category("Package")]
[NonParallelizable]
public class AnalystScriptPackageTests
{
    private const string PackageDirective = "#:package Procurement.Rules@0.1.0";
    private const string NhsOnlyRule = "fair-tender.nhs-only-needs-reason";
    private const string NhsOnlyQuote = "For certain services, clinical issues or safety may warrant an 'NHS only' tender.";
    private const string GreatYarmouth = "great-yarmouth-2009";
    private const int Principles = 16;   // burnham-2009's principles
    private const int PpccrPrinciples = 10;   // ppccr-2013's

    /// <summary>The sample cases and the pack each is in force for: the 2013 cases commenced under the 2013 regulations.</summary>
    private static readonly Dictionary<string, string> SamplePacks = new()
    {
        ["cambridgeshire-unitingcare-2013"] = "ppccr-2013",
        [GreatYarmouth] = "burnham-2009",
        ["letter-scenario-5-awp-cap"] = "burnham-2009",
        ["letter-scenario-6-direct-award"] = "burnham-2009",
        ["staffordshire-cancer-2013"] = "ppccr-2013",
    };

    private string _work = null!;
    private string _feed = null!;
    private string _version = null!;
    private string _script = null!;

    [OneTimeSetUp]
    public void PackAndCopyTheScript()
    {
        // A version never used before (no leading zero in a numeric part, which NuGet rejects), so the global packages
        // folder cannot serve a stale copy.
        var unique = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".g" + Guid.NewGuid().ToString("N")[..8];
        _version = "0.0.0-test." + unique;
        _work = Path.Combine(Path.GetTempPath(), "procurement-rules-analyst-package-" + unique.Replace('.', '-'));
        _feed = Path.Combine(_work, "packages");
        var artifacts = Path.Combine(_work, "artifacts");
        Directory.CreateDirectory(_feed);

        string[] common = { "-c", "Release", "-o", _feed, "--artifacts-path", artifacts, "-p:Version=" + _version, "--disable-build-servers" };
        var rules = DotNetCli.Run(RepoPaths.Root, new[] { "pack", RepoPaths.RulesProject }.Concat(common).ToArray());
        Assert.That(rules.ExitCode, Is.EqualTo(0), rules.ToString);
        var model = DotNetCli.Run(RepoPaths.Root, new[] { "pack", RepoPaths.ModelProject, "--no-build" }.Concat(common).ToArray());
        Assert.That(model.ExitCode, Is.EqualTo(0), model.ToString);

        // The analyst's folder: the script alone (not the clone's Directory.Build.targets, which swaps in the source),
        // its package line set to this run's version, and a NuGet.config taking Procurement.* from the local feed only.
        var analyst = Path.Combine(_work, "analyst");
        Directory.CreateDirectory(analyst);
        var text = File.ReadAllText(RepoPaths.AnalystScript);
        text.Should().StartWith(PackageDirective + "\n", "the script names the package it needs on its first line");
        _script = Path.Combine(analyst, "check-cases.cs");
        File.WriteAllText(_script, "#:package Procurement.Rules@" + _version + text[PackageDirective.Length..]);
        File.WriteAllText(Path.Combine(analyst, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Procurement.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "procurement.rules", "procurement.model" })
        {
            DotNetCli.TryDelete(Path.Combine(packages, id, _version.ToLowerInvariant()));
        }

        if (TestContext.CurrentContext.Result.FailCount == 0)
        {
            DotNetCli.TryDelete(_work);
        }
        else
        {
            TestContext.Progress.WriteLine("Kept for inspection: " + _work);
        }
    }

    [Test]
    public void Script_CopiedOutsideTheClone_ChecksTheSampleCasesFromThePackageAndWritesCsvAndHtml()
    {
        var folder = Path.GetDirectoryName(_script)!;
        var cases = Path.Combine(folder, "cases");
        CopyCases(Path.Combine(RepoPaths.Samples, "cases"), cases);
        var ids = Directory.GetFiles(cases).Select(f => File.ReadLines(f).First(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..].Trim()).ToList();
        ids.Should().BeEquivalentTo(SamplePacks.Keys, "the sample cases are the ones this test knows the packs of");

        var run = DotNetCli.Run(folder, "run", "check-cases.cs");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        run.StdOut.Should().Contain("with Procurement.Rules " + _version, "the script ran this run's package, not the clone's source\n" + run);
        run.StdOut.Should().Contain($"{GreatYarmouth}: {NhsOnlyRule} [Critical]", run.ToString());
        var lines = run.StdOut.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var (id, pack) in SamplePacks)
        {
            lines.Should().Contain(l => l.StartsWith(id + " ", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == pack, $"{id} is checked against {pack}\n" + run);
        }

        lines.Should().Contain("5 case(s) checked, 0 not checked: no rule pack could be chosen.", run.ToString());
        var results = Path.Combine(folder, "check-results");

        var byRule = ReadCsv(Path.Combine(results, "cases-by-rule.csv"));
        byRule[0].Should().Equal("case_id", "file", "pack", "rule_id", "principle", "severity", "outcome", "message", "missing_facts", "note", "would_decide");
        byRule.Skip(1).Select(r => r[0]).Distinct().Should().BeEquivalentTo(ids, "every case has rows");
        byRule.Skip(1).Should().OnlyContain(r => SamplePacks[r[0]] == r[2], "each row names its case's pack");
        var breach = byRule.Single(r => r[0] == GreatYarmouth && r[3] == NhsOnlyRule);
        breach[1].Should().Be("great-yarmouth-2009.yaml", "the file column names the case file");
        breach[6].Should().Be("breach");

        var byPrinciple = ReadCsv(Path.Combine(results, "cases-by-principle.csv"));
        byPrinciple[0].Should().Equal("case_id", "file", "pack", "principle", "principle_title", "verdict", "deciding_rules", "note");
        byPrinciple.Should().HaveCount(1 + (3 * Principles) + (2 * PpccrPrinciples), "a row per case and principle of its pack");
        byPrinciple.Single(r => r[0] == GreatYarmouth && r[3] == "fair-tender")[5].Should().Be("breach");

        var page = ParseHtml(Path.Combine(results, "cases.html"));
        var rows = HeatRows(page);
        rows.Select(r => r.Element("th")!.Element("a")!.Value).Should().BeEquivalentTo(ids, "a heat-map row per case");
        var packs = page.Descendants("section").Where(e => (string?)e.Attribute("class") == "pack").Select(e => e.Element("h2")!.Element("code")!.Value);
        packs.Should().Equal(["ppccr-2013", "burnham-2009"], "a part per pack, in the order the (name-sorted) cases first use them");
        var burnham = page.Descendants("section").Single(e => (string?)e.Attribute("id") == "pack-2");
        var yarmouth = HeatRows(burnham).Single(r => r.Element("th")!.Element("a")!.Value == GreatYarmouth);
        var principles = burnham.Descendants("thead").Single().Descendants("th").Where(th => (string?)th.Attribute("class") == "p").Select(th => th.Value).ToList();
        principles.Should().HaveCount(Principles);
        yarmouth.Elements("td").ElementAt(principles.IndexOf("fair-tender")).Value.Should().Be("B");
        page.Descendants("blockquote").Should().Contain(q => q.Elements("p").First().Value == NhsOnlyQuote, "the breach's citation is quoted verbatim");
    }

    [Test]
    public void Script_OnALongBatchWithABadFile_ReportsProgressOnStderrSkipsTheFileAndExitsOne()
    {
        var folder = Path.Combine(_work, "long-batch");
        Directory.CreateDirectory(folder);
        var text = File.ReadAllText(RepoPaths.GreatYarmouth);
        text.Should().Contain($"id: {GreatYarmouth}\n");
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            var id = "case-" + i.ToString("D3", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(folder, id + ".yaml"), text.Replace($"id: {GreatYarmouth}\n", $"id: {id}\n", StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "id: broken\ntender:\n  eligibility: nhsOnlyy\n");
        var results = Path.Combine(_work, "long-results");

        var run = DotNetCli.Run(Path.GetDirectoryName(_script)!, "run", "check-cases.cs", "--", folder, "--out", results);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        run.StdErr.Should().Contain("Skipped broken.yaml", run.ToString());
        run.StdErr.Should().MatchRegex($@"Read {count + 1} of {count + 1} case file\(s\) in [0-9.]+ s, 1 skipped\.", "the last progress line counts every file\n" + run);
        run.StdOut.Should().NotContain("Read ", "progress stays off the results\n" + run);
        HeatRows(ParseHtml(Path.Combine(results, "cases.html"))).Should().HaveCount(count);
        ReadCsv(Path.Combine(results, "cases-by-principle.csv")).Should().HaveCount(1 + (count * Principles));
    }

    /// <summary>The rows of every heat map in <paramref name="part"/> (a page has one per pack it uses).</summary>
    private static List<XElement> HeatRows(XContainer part) =>
        part.Descendants("table").Where(t => (string?)t.Attribute("class") == "heat").SelectMany(t => t.Element("tbody")!.Elements("tr")).ToList();

    /// <summary>The page is meant to be well-formed XML as well as HTML; parsing it so checks that too.</summary>
    private static XDocument ParseHtml(string path)
    {
        File.Exists(path).Should().BeTrue($"{path} is written");
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    /// <summary>Reads a CSV file with the framework's RFC 4180 parser (quoted fields, doubled quotes, line breaks in fields).</summary>
    private static List<string[]> ReadCsv(string path)
    {
        File.Exists(path).Should().BeTrue($"{path} is written");
        using var parser = new TextFieldParser(path, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    private static void CopyCases(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
