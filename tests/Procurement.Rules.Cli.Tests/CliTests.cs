using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Procurement.Model;

namespace Procurement.Rules.Cli.Tests;

public class CliTests
{
    /// <summary>The words of scenario 4 that the 'NHS only' rule cites, as the letter has them.</summary>
    private const string NhsOnlyQuote = "For certain services, clinical issues or safety may warrant an 'NHS only' tender.";

    private const string NhsOnlyRuleId = "fair-tender.nhs-only-needs-reason";

    private const string NhsRightToBidRuleId = "nhs-right-to-bid.nhs-providers-eligible";

    /// <summary>
    /// An open tender in scenario 4 that follows the whole letter: providers, staff and unions engaged before the
    /// decision, the board's approval, a rationale and needs assessment, every oversight scenario 4 names, published
    /// criteria and no narrowing after the notice. Every rule of the default pack either applies and is met, or does
    /// not apply.
    /// </summary>
    private const string CompliantYaml = """
        id: compliant-open-tender
        title: Open tender after early engagement
        commissioner: { name: Westshire PCT, kind: pct }
        scenario: newOrRedesignedService
        decisionDate: 2010-03-01
        incumbentContracts:
          - provider:
              name: Local community trust
              kind: nhsTrust
            performance: { underperforming: false }
        tender:
          route: openTender
          eligibility: open
          incumbentMayBid: true
          criteriaPublished: true
          finalStageBidders: 3
        rationaleDocuments: [{ title: Board paper on the redesign, date: 2010-02-20 }]
        needsAssessments: [{ title: Joint strategic needs assessment 2009 }]
        timelineComplete: true
        timeline:
          - { date: 2010-01-10, kind: incumbentEngaged }
          - { date: 2010-01-12, kind: staffEngaged }
          - { date: 2010-01-12, kind: unionsEngaged }
          - { date: 2010-01-20, kind: intentionsShared }
          - { date: 2010-01-25, kind: nhsProvidersEngaged }
          - { date: 2010-02-15, kind: oversightSignOff, body: regionalSocialPartnershipForum }
          - { date: 2010-02-25, kind: oversightSignOff, body: shaStrategySignOff }
          - { date: 2010-03-01, kind: oversightSignOff, body: pctBoard }
          - { date: 2010-03-01, kind: tenderDecision }
          - { date: 2010-03-10, kind: oversightSignOff, body: worldClassCommissioning }
          - { date: 2010-03-10, kind: oversightSignOff, body: transformingCommunityServices }
          - { date: 2010-03-15, kind: oversightSignOff, body: shaAssurance }
          - { date: 2010-03-20, kind: oversightSignOff, body: cooperationAndCompetitionPanel }
          - { date: 2010-04-01, kind: noticePublished }
        """;

    /// <summary>An unknown key and a day that does not exist.</summary>
    private const string BadYaml = """
        id: bad-case
        colour: blue
        timeline:
          - date: 2009-02-30
            kind: tenderDecision
        """;

    private static readonly string NewLine = Environment.NewLine;

    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTempFolder() => _temp = Directory.CreateTempSubdirectory("procurement-cli-tests-");

    [TearDown]
    public void DeleteTempFolder() => _temp.Delete(recursive: true);

    [Test]
    public void Run_GreatYarmouthSample_ReportsBreachesAndExitsOne()
    {
        var expected = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));
        expected.Breaches.Select(b => b.Rule.Id).Should().Contain(NhsOnlyRuleId, "the sample is the pack's example of an unjustified 'NHS only' tender");
        File.ReadAllText(RepoPaths.Letter).Should().Contain(NhsOnlyQuote, "the quote must be the letter's own words");
        RulePack.Default.Rules.Single(r => r.Id == NhsOnlyRuleId).Citations.Select(c => c.Quote).Should().Contain(NhsOnlyQuote);

        var result = CliResult.Run(RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain(NhsOnlyRuleId).And.Contain(NhsOnlyQuote);
        foreach (var breach in expected.Breaches)
        {
            result.Stdout.Should().Contain(breach.Rule.Id).And.Contain(breach.Message);
        }
    }

    [Test]
    public void Run_CompliantProcurement_ReportsNoBreachAndExitsZero()
    {
        var file = Write("compliant.yaml", CompliantYaml);
        var expected = RulePack.Default.Check(ProcurementFile.Load(file));
        expected.HasBreaches.Should().BeFalse();
        expected.OfKind(OutcomeKind.Compliant).Should().NotBeEmpty("the case must actually meet some rules, not merely escape them");
        expected.OfKind(OutcomeKind.Undetermined).Should().BeEmpty();

        var result = CliResult.Run(file);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain(expected.Summary);
        foreach (var compliant in expected.OfKind(OutcomeKind.Compliant))
        {
            result.Stdout.Should().Contain(compliant.Rule.Id);
        }
    }

    [Test]
    public void Run_CompliantProcurementMadeNonNhsOnly_ReportsBreachAndExitsOne()
    {
        var yaml = CompliantYaml.Replace("eligibility: open", "eligibility: nonNhsOnly", StringComparison.Ordinal);
        yaml.Should().NotBe(CompliantYaml);
        var file = Write("non-nhs-only.yaml", yaml);

        var result = CliResult.Run(file);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().Contain(NhsRightToBidRuleId);
    }

    [Test]
    public void Run_FileWithUnknownKeyAndImpossibleDate_ExitsTwoNamingFilePathAndLine()
    {
        var file = Write("bad.yaml", BadYaml);
        var dateLine = LineOf(BadYaml, "2009-02-30");
        var keyLine = LineOf(BadYaml, "colour:");

        var result = CliResult.Run(file);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stdout.Should().BeEmpty();
        var lines = result.Stderr.Split('\n');
        lines.Should().ContainSingle(l => l.Contains("timeline[0].date", StringComparison.Ordinal))
            .Which.Should().Contain($"{file}:{dateLine}:");
        lines.Should().ContainSingle(l => l.Contains("colour", StringComparison.Ordinal))
            .Which.Should().Contain($"{file}:{keyLine}:");
        result.Stderr.Should().NotContain("   at ", "no stack trace for an expected error");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Run_TwoFilesOneBad_StopsAtTheBadOneAndExitsTwo(bool badFirst)
    {
        var bad = Write("bad.yaml", BadYaml);
        var files = badFirst ? new[] { bad, RepoPaths.GreatYarmouth } : new[] { RepoPaths.GreatYarmouth, bad };

        var result = CliResult.Run(files);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain(bad).And.Contain("timeline[0].date");
        if (badFirst)
        {
            result.Stdout.Should().BeEmpty("nothing is checked after a failed load");
            result.Stderr.Should().Contain("--keep-going");
        }
        else
        {
            // Reports stream: the file before the bad one is reported, and the summary says where the run stopped.
            result.Stdout.Should().Contain(NhsOnlyRuleId).And.Contain("stopped there: add --keep-going");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Run_TwoFilesOneBadKeepGoing_ChecksTheGoodOneAndExitsTwo(bool badFirst)
    {
        var bad = Write("bad.yaml", BadYaml);
        var files = badFirst ? new[] { bad, RepoPaths.GreatYarmouth } : new[] { RepoPaths.GreatYarmouth, bad };

        var result = CliResult.Run(["--keep-going", "--format", "json", .. files]);

        result.ExitCode.Should().Be(2, "{0}", result);
        var run = JObject.Parse(result.Stdout);
        run["reports"]!.Select(r => (string)r["procurement"]!["id"]!).Should().Equal("great-yarmouth-2009");
        run["problems"]!.Single()["file"]!.Value<string>().Should().Be(bad);
        run["summary"]!["badInputs"]!.Values<string>().Should().Equal(bad);
        result.Stderr.Should().Contain("timeline[0].date");
    }

    [Test]
    public void Run_MissingFile_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(_temp.FullName, "no-such-case.yaml");

        var result = CliResult.Run(RepoPaths.GreatYarmouth, missing);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(missing).And.NotContain("   at ");
    }

    [Test]
    public void Run_FileWithUnsupportedExtension_ExitsTwoNamingIt()
    {
        var file = Write("case.txt", CompliantYaml);

        var result = CliResult.Run(file);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(file).And.Contain(".yaml");
    }

    [Test]
    public void Run_FormatJson_WritesTheReportJson()
    {
        var expected = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));

        var result = CliResult.Run("--pack", "burnham-2009", "--format", "json", RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(1, "{0}", result);
        var run = JObject.Parse(result.Stdout);
        run["pack"]!.Value<string>("id").Should().Be("burnham-2009");
        var report = (JObject)run["reports"]!.Single();
        report.Value<string>("file").Should().Be(RepoPaths.GreatYarmouth);
        report.Remove("file");
        report["selection"]!.Type.Should().Be(JTokenType.Null, "the pack was named, not chosen");
        report["version"]!.Type.Should().Be(JTokenType.Null, "the 2009 pack has no versions");
        report.Remove("selection");
        report.Remove("version");
        JToken.DeepEquals(report, JToken.Parse(expected.ToJson())).Should().BeTrue("the report is the library's JSON plus its file, version and selection");
        run["summary"]!["tripped"].Should().BeNull();
        run["summary"]!["gate"]!["tripped"]!.Values<string>().Should().Equal(RepoPaths.GreatYarmouth);
        run["summary"]!.Value<int>("exitCode").Should().Be(1);
    }

    [Test]
    public void Run_FormatJsonTwoFiles_WritesOneRunObjectWithTwoReports()
    {
        var compliant = Write("compliant.yaml", CompliantYaml);
        var expected = new[] { RepoPaths.GreatYarmouth, compliant }.Select(f => RulePack.Default.Check(ProcurementFile.Load(f))).ToList();

        var result = CliResult.Run("--pack=burnham-2009", "--format=json", RepoPaths.GreatYarmouth, compliant);

        result.ExitCode.Should().Be(1, "{0}", result);
        var array = (JArray)JObject.Parse(result.Stdout)["reports"]!;
        array.Should().HaveCount(2);
        array.Select(r => r.Value<string>("file")).Should().Equal(RepoPaths.GreatYarmouth, compliant);
        for (var i = 0; i < 2; i++)
        {
            var report = (JObject)array[i];
            report.Remove("file");
            report.Remove("selection");
            report.Remove("version");
            report.Value<int>("formatVersion").Should().Be(CheckReport.JsonFormatVersion);
            JToken.DeepEquals(report, JToken.Parse(expected[i].ToJson())).Should().BeTrue($"report {i} must be the library's JSON for {expected[i].ProcurementId}");
        }
    }

    [Test]
    public void Run_FormatMarkdown_WritesMarkdownWithBreachesHeading()
    {
        var expected = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));

        var result = CliResult.Run(RepoPaths.GreatYarmouth, "--pack", "burnham-2009", "--format", "markdown");

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().Contain("## Breaches");
        result.Stdout.Should().StartWith(expected.ToMarkdown().TrimEnd() + NewLine + NewLine + $"File: `{RepoPaths.GreatYarmouth}`");
        result.Stdout.Should().Contain("## Run summary");
    }

    [Test]
    public void Run_TwoFilesAsMarkdown_SeparatesReportsWithHorizontalRule()
    {
        var compliant = Write("compliant.yaml", CompliantYaml);
        var first = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth)).ToMarkdown().TrimEnd();
        var second = RulePack.Default.Check(ProcurementFile.Load(compliant)).ToMarkdown().TrimEnd();

        var result = CliResult.Run("--pack", "burnham-2009", "--format", "markdown", RepoPaths.GreatYarmouth, compliant);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().StartWith(first + NewLine + NewLine + $"File: `{RepoPaths.GreatYarmouth}`" + NewLine + NewLine + "---" + NewLine + NewLine + second);
    }

    [Test]
    public void Run_TwoFilesAsText_SeparatesReportsWithBlankLineAndDashes()
    {
        var compliant = Write("compliant.yaml", CompliantYaml);
        var first = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth)).ToString().TrimEnd();
        var second = RulePack.Default.Check(ProcurementFile.Load(compliant)).ToString().TrimEnd();

        var result = CliResult.Run("--pack", "burnham-2009", RepoPaths.GreatYarmouth, compliant);

        result.ExitCode.Should().Be(1, "one of the two files has breaches: {0}", result);
        result.Stdout.Should().StartWith("File: " + RepoPaths.GreatYarmouth + NewLine + first + NewLine + NewLine);
        var afterFirst = result.Stdout.IndexOf(first, StringComparison.Ordinal) + first.Length;
        var secondAt = result.Stdout.IndexOf(second, StringComparison.Ordinal);
        result.Stdout[afterFirst..secondAt].Trim().Should().MatchRegex("^-{10,}\\s+File: .*compliant.yaml$");
        result.Stdout[(secondAt + second.Length)..].Should().MatchRegex("^\\s+-{10,}\\s+Summary: 2 cases checked");
    }

    [Test]
    public void Run_RulesFolderWithBrokenRequire_ExitsTwoNamingRuleAndFile()
    {
        const string ruleId = "fair-tender.incumbent-may-bid";
        var pack = CopyDefaultPack();
        var ruleFile = Path.Combine(pack, "fair-tender.rules.yaml");
        Replace(ruleFile, "require: Tender.IncumbentMayBid == true", "require: NoSuchFact > 1");

        var result = CliResult.Run("--rules", pack, "--rules-root", Path.GetDirectoryName(pack)!, RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Split(NewLine).Should().Contain(l => l.Contains(ruleId, StringComparison.Ordinal) && l.Contains(ruleFile, StringComparison.Ordinal));
        result.Stderr.Should().NotContain("   at ");
    }

    [Test]
    public void Run_RulesFolder_ChecksAgainstThatPack()
    {
        var pack = CopyDefaultPack();
        var title = RulePack.Default.Rules.Single(r => r.Id == NhsOnlyRuleId).Title;
        var localTitle = title + " (local copy)";
        Replace(Path.Combine(pack, "fair-tender.rules.yaml"), "title: " + title, "title: " + localTitle);

        var result = CliResult.Run("--rules", pack, "--rules-root", Path.GetDirectoryName(pack)!, RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().Contain(localTitle);
    }

    [Test]
    public void Run_RulesFolderWithoutRulesRoot_NamesTheSourceOutsideThePack()
    {
        var pack = CopyDefaultPack();

        var result = CliResult.Run("--rules", pack, RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain("file '../sources/burnham-2009-letter.md' is outside the folder the pack may read");
    }

    [Test]
    public void Run_RulesFolderMissing_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(_temp.FullName, "no-such-pack");

        var result = CliResult.Run("--rules", missing, RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(missing);
    }

    [Test]
    public void Run_RuleThatFailsToEvaluate_ReportsAndExitsThree()
    {
        var pack = CopyDefaultPack();
        Replace(Path.Combine(pack, "nhs-right-to-bid.rules.yaml"), "!(Tender != null && Tender.Eligibility != null && Tender.Eligibility == NonNhsOnly)", "1 / Count(BidWithdrawn) > 0");
        var file = Write("no-notice.yaml", CompliantYaml.Replace("kind: noticePublished", "kind: bidReceived", StringComparison.Ordinal));
        RulePack.LoadFromDirectory(pack, new RulePackLoadOptions { RootDirectory = Path.GetDirectoryName(pack) }).Check(ProcurementFile.Load(file)).For(NhsRightToBidRuleId)!.Kind.Should().Be(OutcomeKind.Failed);

        var result = CliResult.Run("--rules", pack, "--rules-root", Path.GetDirectoryName(pack)!, file);

        result.ExitCode.Should().Be(3, "the check is incomplete: {0}", result);
        result.Stdout.Should().Contain(NhsRightToBidRuleId);
        result.Stderr.Should().Contain(NhsRightToBidRuleId).And.Contain(file);
    }

    [Test]
    public void Run_ProcurementDecidedBeforeThePack_IsCheckedOnlyWhenAsked()
    {
        var decided = new DateOnly(2008, 6, 1);
        RulePack.Default.IsInForce(decided).Should().BeFalse();
        var yaml = CompliantYaml
            .Replace("decisionDate: 2010-03-01", "decisionDate: 2008-06-01", StringComparison.Ordinal)
            .Replace("eligibility: open", "eligibility: nonNhsOnly", StringComparison.Ordinal);
        var file = Write("old.yaml", yaml);

        var notChecked = CliResult.Run("--pack", "burnham-2009", file);
        var checkedAnyway = CliResult.Run("--pack", "burnham-2009", "--check-outside-period", file);

        notChecked.ExitCode.Should().Be(0, "{0}", notChecked);
        notChecked.Stdout.Should().NotContain(NhsRightToBidRuleId);
        notChecked.Stdout.Split(NewLine).Should().ContainSingle(l => l.StartsWith("Not checked, decided outside the pack's period", StringComparison.Ordinal))
            .Which.Should().Contain(file).And.Contain("--check-outside-period");
        checkedAnyway.ExitCode.Should().Be(1, "{0}", checkedAnyway);
        checkedAnyway.Stdout.Should().Contain(NhsRightToBidRuleId);
    }

    [Test]
    public void Run_ListRulesAsMarkdown_WritesThePackCatalogue()
    {
        var result = CliResult.Run("--list-rules", "--pack", "burnham-2009", "--format", "markdown");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Be(RulePack.Default.ToMarkdown());
    }

    [Test]
    public void Run_ListRulesAsJson_ListsEveryRuleWithCitations()
    {
        var result = CliResult.Run("rules", "list", "--pack", "burnham-2009", "--format", "json");

        result.ExitCode.Should().Be(0, "{0}", result);
        var json = JObject.Parse(result.Stdout);
        json["rules"]!.Select(r => (string)r["id"]!).Should().Equal(RulePack.Default.Rules.Select(r => r.Id));
        json["rules"]!.Single(r => (string)r["id"]! == NhsOnlyRuleId)["citations"]!.Select(c => (string)c["quote"]!).Should().Contain(NhsOnlyQuote);
    }

    [Test]
    public void Run_ListRules_ListsEveryRuleOfTheDefaultPack()
    {
        var rules = RulePack.Default.Rules;
        rules.Should().NotBeEmpty();

        var result = CliResult.Run("--list-rules");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stderr.Should().BeEmpty();
        var lines = result.Stdout.Split(NewLine);
        foreach (var rule in rules)
        {
            // Columns are separated by at least two spaces; titles hold single spaces only.
            var columns = Regex.Split(lines.Single(l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal)), @"\s{2,}");
            columns.Should().HaveCount(4);
            columns[0].Should().Be(rule.Id);
            columns[1].Should().BeEquivalentTo(rule.Severity.ToString());
            columns[2].Should().Be(rule.Principle.Key);
            columns[3].Should().Be(rule.Title);
        }
    }

    [Test]
    public void Run_ListRulesWithRulesFolder_ListsThatPack()
    {
        var pack = CopyDefaultPack();
        var title = RulePack.Default.Rules.Single(r => r.Id == NhsOnlyRuleId).Title;
        Replace(Path.Combine(pack, "fair-tender.rules.yaml"), "title: " + title, "title: Renamed in the copy");

        var result = CliResult.Run("--list-rules", "--rules", pack, "--rules-root", Path.GetDirectoryName(pack)!);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Split(NewLine).Should().ContainSingle(l => l.StartsWith(NhsOnlyRuleId + " ", StringComparison.Ordinal))
            .Which.Should().EndWith("Renamed in the copy");
    }

    [Test]
    public void Run_UnknownOption_ExitsFourNamingIt()
    {
        var result = CliResult.Run("--frobnicate", RepoPaths.GreatYarmouth);

        result.ExitCode.Should().Be(4, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("--frobnicate").And.Contain("Usage: procurement-check");
    }

    [TestCase(new string[0], "at least one procurement file")]
    [TestCase(new[] { "--format" }, "--format")]
    [TestCase(new[] { "--format", "--list-rules" }, "Usage")]
    [TestCase(new[] { "--format", "xml", "case.yaml" }, "'xml'")]
    [TestCase(new[] { "--rules" }, "--rules")]
    [TestCase(new[] { "--format", "json", "--format", "text", "case.yaml" }, "'--format' expects a single argument")]
    [TestCase(new[] { "--rules-root" }, "--rules-root")]
    [TestCase(new[] { "--list-rules", "case.yaml" }, "--list-rules")]
    [TestCase(new[] { "--list-rules=yes" }, "--list-rules")]
    [TestCase(new[] { "--fail-on", "warning", "case.yaml" }, "'warning'")]
    [TestCase(new[] { "--jobs", "0", "case.yaml" }, "--jobs must be at least 1")]
    [TestCase(new[] { "--fromat", "json", "case.yaml" }, "did you mean '--format'?")]
    [TestCase(new[] { "rules", "lst" }, "did you mean 'list'?")]
    public void Run_BadArguments_ExitsFourWithMessageAndUsage(string[] args, string named)
    {
        var result = CliResult.Run(args);

        result.ExitCode.Should().Be(4, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(named).And.Contain("Usage: procurement-check");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Run_Help_ExitsZeroWithUsage(string option)
    {
        var result = CliResult.Run(option);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().Contain("Usage:").And.Contain(" [<inputs>...] [command] [options]");
        foreach (var name in new[] { "--rules <DIR>", "--format <FORMAT>", "--fail-on", "--min-severity", "--waivers", "--keep-going", "--output", "--check-outside-period", "--version", "check <inputs>", "rules", "test <DIR>", "completion" })
        {
            result.Stdout.Should().Contain(name);
        }
    }

    [Test]
    public void Run_Version_PrintsTheToolAndPackVersions()
    {
        var version = typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        var result = CliResult.Run("--version");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Should().StartWith("procurement-check " + version + NewLine);
        foreach (var id in RulePack.EmbeddedPackIds)
        {
            result.Stdout.Should().Contain($"rule pack {id} {RulePack.GetEmbedded(id).Version} (built in, in force ");
        }

        result.Stdout.Should().Contain("(built in, in force 2024-01-01 onwards, decided by when the process commenced; versions 2024-01-01, 2025-02-24, 2026-03-24)")
            .And.Contain("default: --pack auto").And.Contain("auto-selected by date").And.NotContain("default)");
    }

    [Test]
    public void Run_DoubleDash_TreatsTheRestAsInputs()
    {
        var result = CliResult.Run("--format=markdown", "--", "--help");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain("file not found: --help");
    }

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).Single(x => x.line.Contains(fragment, StringComparison.Ordinal)).i + 1;

    private static void Replace(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(file);
        text.Should().Contain(oldText, "the test edits {0}", file);
        File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Copies the default pack and the sources its <c>pack.yaml</c> refers to (<c>../sources</c>).</summary>
    private string CopyDefaultPack()
    {
        var rules = _temp.CreateSubdirectory("rules");
        CopyFolder(RepoPaths.Sources, Path.Combine(rules.FullName, "sources"));
        var pack = Path.Combine(rules.FullName, "burnham-2009");
        CopyFolder(RepoPaths.DefaultPack, pack);
        return pack;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
