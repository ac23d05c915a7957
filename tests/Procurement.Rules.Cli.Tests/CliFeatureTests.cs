using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using Newtonsoft.Json.Linq;

namespace Procurement.Rules.Cli.Tests;

/// <summary>Inputs, output formats, gates, waivers, batches and packs, through the in-process command.</summary>
public class CliFeatureTests
{
    private const string NhsOnlyRuleId = "fair-tender.nhs-only-needs-reason";
    private const string NoticeRuleId = "fair-tender.eligibility-fixed-at-notice";
    private static readonly DateOnly Today = new(2026, 12, 1);

    private DirectoryInfo _temp = null!;

    private static string Staffordshire => Path.Combine(RepoPaths.Root, "samples", "cases", "staffordshire-cancer-2013.yaml");

    private static string Cambridgeshire => Path.Combine(RepoPaths.Root, "samples", "cases", "cambridgeshire-unitingcare-2013.yaml");

    [SetUp]
    public void CreateTempFolder() => _temp = Directory.CreateTempSubdirectory("procurement-cli-features-");

    [TearDown]
    public void DeleteTempFolder() => _temp.Delete(recursive: true);

    [Test]
    public void Run_Folder_ChecksEveryCaseFileRecursivelyInOrdinalOrder()
    {
        var cases = _temp.CreateSubdirectory("cases");
        var nested = cases.CreateSubdirectory("b-nested");
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(nested.FullName, "gy.yml"));
        File.Copy(Staffordshire, Path.Combine(cases.FullName, "a-staffs.yaml"));
        File.WriteAllText(Path.Combine(cases.FullName, "notes.md"), "not a case");

        var result = Run(["--format", "jsonl", "cases"]);

        result.ExitCode.Should().Be(1, "{0}", result);
        var files = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["file"]!).ToList();
        files.Should().Equal(Path.Combine("cases", "a-staffs.yaml"), Path.Combine("cases", "b-nested", "gy.yml"));
    }

    [Test]
    public void Run_QuotedGlob_ChecksTheMatchesAndReportsAPatternWithoutMatches()
    {
        var cases = _temp.CreateSubdirectory("cases");
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(cases.FullName, "gy.yaml"));
        File.Copy(Staffordshire, Path.Combine(cases.CreateSubdirectory("deep").FullName, "staffs.yaml"));

        var matched = Run(["--format", "jsonl", "cases/**/*.yaml"]);
        var none = Run(["cases/**/*.json"]);

        matched.ExitCode.Should().Be(1, "{0}", matched);
        matched.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["file"]!)
            .Should().Equal("cases/deep/staffs.yaml", "cases/gy.yaml");
        none.ExitCode.Should().Be(2, "{0}", none);
        none.Stderr.Should().Contain("cases/**/*.json: no .yaml, .yml or .json file matches the pattern");
    }

    [TestCase("json")]
    [TestCase("auto")]
    public void Run_StdinAsJson_ChecksIt(string inputFormat)
    {
        var json = ProcurementFile.ToJson(ProcurementFile.Load(RepoPaths.GreatYarmouth));

        var result = Run(["--input-format", inputFormat, "--format", "jsonl", "-"], stdin: json);

        result.ExitCode.Should().Be(1, "{0}", result);
        var report = JObject.Parse(result.Stdout);
        ((string)report["file"]!).Should().Be("<stdin>");
        ((string)report["procurement"]!["id"]!).Should().Be("great-yarmouth-2009");
    }

    [Test]
    public void Run_StdinYamlWithError_NamesStdinAndLine()
    {
        var result = Run(["-"], stdin: "id: x\ncolour: blue\n");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain("<stdin>:2:");
    }

    [Test]
    public void Run_OutputFile_WritesThereAndNothingToStdout()
    {
        var result = Run(["--format", "json", "--output", "out/report.json", RepoPaths.GreatYarmouth], mkdir: "out");

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().BeEmpty();
        JObject.Parse(File.ReadAllText(Path.Combine(_temp.FullName, "out", "report.json")))["reports"]!.Should().HaveCount(1);
    }

    [TestCase(true, false, true)]
    [TestCase(true, true, false)]
    [TestCase(false, false, false)]
    public void Run_Text_UsesColourOnlyOnATerminalWithoutNoColor(bool terminal, bool noColor, bool expectColour)
    {
        var result = Run([RepoPaths.GreatYarmouth], host: h => h with { StdoutIsTerminal = terminal, NoColor = noColor });

        result.Stdout.Contains('\u001b', StringComparison.Ordinal).Should().Be(expectColour, "{0}", result);
        result.Stdout.Should().Contain("BREACHES");
    }

    [Test]
    public void Run_Sarif_ValidatesAgainstTheSarifSchemaWithAResultPerBreach()
    {
        var expected = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));

        var result = Run(["--pack", "burnham-2009", "--format", "sarif", RepoPaths.GreatYarmouth, Staffordshire]);

        result.ExitCode.Should().Be(1, "{0}", result);
        ValidateSarif(result.Stdout);
        var run = JObject.Parse(result.Stdout)["runs"]![0]!;
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        rules.Select(r => (string)r["id"]!).Should().Equal(RulePack.Default.Rules.Select(r => r.Id));
        var nhsOnly = rules.Single(r => (string)r["id"]! == NhsOnlyRuleId);
        ((string)nhsOnly["help"]!["text"]!).Should().Contain("clinical issues or safety may warrant an 'NHS only' tender");
        nhsOnly["properties"]!["citations"]!.Should().NotBeEmpty();
        var results = (JArray)run["results"]!;
        results.Should().HaveCount(3, "two breaches in Great Yarmouth and one in Staffordshire");
        var gy = results.Where(r => ((string)r["message"]!["text"]!).StartsWith("great-yarmouth-2009", StringComparison.Ordinal)).ToList();
        gy.Select(r => (string)r["ruleId"]!).Should().BeEquivalentTo(expected.Breaches.Select(b => b.Rule.Id));
        gy.Should().OnlyContain(r => (string)r["level"]! == "error", "both are critical");
        results.Single(r => (string)r["ruleId"]! == "best-value.competition-at-final-stage")["level"]!.Value<string>().Should().Be("warning", "major is a warning");
        var location = gy.Single(r => (string)r["ruleId"]! == NhsOnlyRuleId)["locations"]![0]!["physicalLocation"]!;
        ((string)location["artifactLocation"]!["uri"]!).Should().EndWith("samples/cases/great-yarmouth-2009.yaml");
        var lines = File.ReadAllLines(RepoPaths.GreatYarmouth);
        var justification = Array.FindIndex(lines, l => l.TrimStart().StartsWith("eligibilityJustification:", StringComparison.Ordinal));
        ((int)location["region"]!["startLine"]!).Should().Be(justification + 2, "the deciding fact is tender.eligibilityJustification.kind, the line after its parent");
        lines[justification + 1].Trim().Should().Be("kind: policy");
        var notice = gy.Single(r => (string)r["ruleId"]! == NoticeRuleId)["locations"]![0]!["physicalLocation"]!["region"]!;
        lines[(int)notice["startLine"]! - 1].Trim().Should().Be("eligibility: nhsOnly", "the rule first reads the tender's eligibility (open to all would have decided it)");
        ((int)run["invocations"]![0]!["exitCode"]!).Should().Be(1);
    }

    [Test]
    public void Run_SarifIncludeUndetermined_AddsNotes()
    {
        var expected = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));

        var without = JObject.Parse(Run(["-f", "sarif", RepoPaths.GreatYarmouth]).Stdout);
        var result = Run(["-f", "sarif", "--include-undetermined", RepoPaths.GreatYarmouth]);

        ValidateSarif(result.Stdout);
        var results = (JArray)JObject.Parse(result.Stdout)["runs"]![0]!["results"]!;
        results.Should().HaveCount(expected.Breaches.Count + expected.OfKind(OutcomeKind.Undetermined).Count());
        results.Where(r => (string)r["kind"]! == "review").Should().OnlyContain(r => (string)r["level"]! == "note")
            .And.HaveCount(expected.OfKind(OutcomeKind.Undetermined).Count());
        without["runs"]![0]!["results"]!.Should().HaveCount(expected.Breaches.Count);
    }

    [Test]
    public void Run_EveryFormat_ShowsWhatWouldDecideAnUndeterminedRule()
    {
        const string staffRule = "staff-engagement.before-tender-decision";
        var outcome = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth)).For(staffRule)!;
        outcome.WouldDecide.Should().HaveCount(2, "staff and their unions each could decide it");
        var sentence = outcome.WouldDecide[0];
        var all = string.Join(" ", outcome.WouldDecide.Select(s => "To decide: " + s));

        var text = Run([RepoPaths.GreatYarmouth]).Stdout;
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Should().Contain($"{staffRule}: {outcome.Message} {all}");

        var line = JObject.Parse(Run(["-f", "jsonl", RepoPaths.GreatYarmouth]).Stdout.Split('\n')[0]);
        line["outcomes"]!.Single(o => (string)o["ruleId"]! == staffRule)["wouldDecide"]!.Values<string>().Should().Equal(outcome.WouldDecide);

        var sarif = Run(["-f", "sarif", "--include-undetermined", RepoPaths.GreatYarmouth]).Stdout;
        ValidateSarif(sarif);
        var result = JObject.Parse(sarif)["runs"]![0]!["results"]!.Single(r => (string)r["ruleId"]! == staffRule);
        ((string)result["message"]!["text"]!).Should().EndWith(outcome.Message + " " + all);
        result["properties"]!["wouldDecide"]!.Values<string>().Should().Equal(outcome.WouldDecide);

        var junit = XDocument.Parse(Run(["-f", "junit", RepoPaths.GreatYarmouth]).Stdout);
        var skipped = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == staffRule).Element("skipped")!;
        ((string)skipped.Attribute("message")!).Should().Be("undetermined: " + outcome.Message);
        skipped.Value.ReplaceLineEndings(" ").Should().Be(all);
    }

    [Test]
    public void Run_JUnit_ParsesAsJUnitWithASuitePerCaseAndFailuresCitingTheSource()
    {
        var expected = new[] { RepoPaths.GreatYarmouth, Staffordshire }.Select(f => RulePack.Default.Check(ProcurementFile.Load(f))).ToList();

        var result = Run(["--pack", "burnham-2009", "--format", "junit", RepoPaths.GreatYarmouth, Staffordshire]);

        result.ExitCode.Should().Be(1, "{0}", result);
        var xml = XDocument.Parse(result.Stdout);
        xml.Root!.Name.LocalName.Should().Be("testsuites");
        var suites = xml.Root.Elements("testsuite").ToList();
        suites.Select(s => (string)s.Attribute("name")!).Should().Equal(expected.Select(r => r.ProcurementId));
        for (var i = 0; i < suites.Count; i++)
        {
            var cases = suites[i].Elements("testcase").ToList();
            cases.Select(c => (string)c.Attribute("name")!).Should().Equal(expected[i].Outcomes.Select(o => o.Rule.Id));
            ((int)suites[i].Attribute("tests")!).Should().Be(cases.Count);
            ((int)suites[i].Attribute("failures")!).Should().Be(cases.Count(c => c.Element("failure") is not null)).And.Be(expected[i].Breaches.Count);
            ((int)suites[i].Attribute("skipped")!).Should().Be(cases.Count(c => c.Element("skipped") is not null));
            ((int)suites[i].Attribute("errors")!).Should().Be(cases.Count(c => c.Element("error") is not null));
            cases.Should().OnlyContain(c => c.Elements().Count(e => e.Name != "system-out") <= 1, "a test case has at most one result element");
        }

        var failure = suites[0].Elements("testcase").Single(c => (string)c.Attribute("name")! == NhsOnlyRuleId).Element("failure")!;
        ((string)failure.Attribute("message")!).Should().Be(expected[0].For(NhsOnlyRuleId)!.Message);
        failure.Value.Should().Contain("For certain services, clinical issues or safety may warrant an 'NHS only' tender.");
    }

    [Test]
    public void Run_CsvByPrinciple_WritesOneRowPerCaseAndPrinciple()
    {
        var result = Run(["--format", "csv", "--by", "principle", RepoPaths.GreatYarmouth]);

        var lines = result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("case_id,file,pack,principle,");
        lines.Should().HaveCount(RulePack.Default.Principles.Count + 1);
        result.Stderr.Should().Contain("Summary: 1 case checked");
    }

    [Test]
    public void Run_FailOnUndetermined_TripsOnACaseWithNoBreach()
    {
        var file = Write("undetermined.yaml", "id: thin\nscenario: newOrRedesignedService\ndecisionDate: 2010-03-01\n");
        var report = RulePack.Default.Check(ProcurementFile.Load(file));
        report.HasBreaches.Should().BeFalse();
        report.OfKind(OutcomeKind.Undetermined).Should().NotBeEmpty();

        var byDefault = Run([file]);
        var strict = Run(["--fail-on", "undetermined", file]);

        byDefault.ExitCode.Should().Be(0, "{0}", byDefault);
        strict.ExitCode.Should().Be(1, "{0}", strict);
        strict.Stdout.Should().Contain("tripped by 1 case: " + file);
    }

    [Test]
    public void Run_AllUndeterminedCase_IsNamedInTheSummary()
    {
        var file = Write("thin.yaml", "id: thin\ndecisionDate: 2010-03-01\n");
        var report = RulePack.Default.Check(ProcurementFile.Load(file));
        report.Outcomes.Should().OnlyContain(o => o.Kind == OutcomeKind.Undetermined || o.Kind == OutcomeKind.NotApplicable);

        var result = Run(["--pack", "burnham-2009", file, RepoPaths.GreatYarmouth]);

        result.Stdout.Split(Environment.NewLine).Should().ContainSingle(l => l.StartsWith("Nothing determined", StringComparison.Ordinal))
            .Which.Should().Contain(file).And.NotContain("great-yarmouth");
    }

    [Test]
    public void Run_FailOnFailed_ReportsBreachesButExitsZero()
    {
        var result = Run(["--fail-on", "failed", RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Should().Contain(NhsOnlyRuleId);
    }

    [TestCase("major", 1)]
    [TestCase("critical", 0)]
    public void Run_MinSeverity_IgnoresBreachesBelowIt(string severity, int exitCode)
    {
        RulePack.Default.Check(ProcurementFile.Load(Staffordshire)).Breaches.Should().OnlyContain(b => b.Rule.Severity == Severity.Major);

        var result = Run(["--pack", "burnham-2009", "--min-severity", severity, Staffordshire]);

        result.ExitCode.Should().Be(exitCode, "{0}", result);
        result.Stdout.Should().Contain("best-value.competition-at-final-stage", "a breach below the gate is still reported");
    }

    [Test]
    public void Run_WaiversCoveringEveryBreach_ReportWaivedInEveryFormatAndExitZero()
    {
        var waivers = Write("waivers.yaml", $"""
            waivers:
              - rule: {NhsOnlyRuleId}
                case: great-yarmouth-2009
                reason: Clinical reason recorded in a board paper not yet in the file
                approver: Jane Doe, Director of Commissioning
                date: 2026-11-01
                expires: 2027-03-31
              - principle: fair-tender
                path: "**/great-yarmouth-*.yaml"
                reason: Eligibility change agreed with the panel
                approver: J. Smith
                date: 2026-11-02
            """);

        var text = Run(["--waivers", waivers, RepoPaths.GreatYarmouth]);
        var json = JObject.Parse(Run(["--waivers", waivers, "-f", "json", RepoPaths.GreatYarmouth]).Stdout);
        var sarif = Run(["--waivers", waivers, "-f", "sarif", RepoPaths.GreatYarmouth]).Stdout;
        var junit = XDocument.Parse(Run(["--waivers", waivers, "-f", "junit", RepoPaths.GreatYarmouth]).Stdout);
        var csv = Run(["--waivers", waivers, "-f", "csv", RepoPaths.GreatYarmouth]).Stdout;

        text.ExitCode.Should().Be(0, "every breach is waived: {0}", text);
        text.Stdout.Should().Contain("WAIVED").And.Contain($"- {NhsOnlyRuleId}: waived: Clinical reason recorded").And.Contain("approved by Jane Doe");
        text.Stderr.Should().NotContain("warning", "both waivers were used");
        var outcomes = json["reports"]![0]!["outcomes"]!;
        ((string)outcomes.Single(o => (string)o["ruleId"]! == NhsOnlyRuleId)["waiver"]!["approver"]!).Should().StartWith("Jane Doe");
        ((string)outcomes.Single(o => (string)o["ruleId"]! == NoticeRuleId)["waiver"]!["reason"]!).Should().Be("Eligibility change agreed with the panel");
        ValidateSarif(sarif);
        JObject.Parse(sarif)["runs"]![0]!["results"]!.Should().OnlyContain(r => (string)r["suppressions"]![0]!["status"]! == "accepted");
        junit.Descendants("testcase").Where(c => c.Element("failure") is not null).Should().BeEmpty();
        junit.Descendants("skipped").Should().Contain(s => ((string)s.Attribute("message")!).Contains("Jane Doe", StringComparison.Ordinal));
        csv.Should().Contain("waived: Eligibility change agreed with the panel");
    }

    [Test]
    public void Run_WaiverForOneOfTwoBreaches_StillTripsTheGate()
    {
        var waivers = Write("waivers.yaml", $"waivers:\n  - rule: {NhsOnlyRuleId}\n    case: great-yarmouth-2009\n    reason: r\n    approver: a\n    date: 2026-11-01\n");

        var result = Run(["--waivers", waivers, RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(1, "{0}", result);
    }

    [Test]
    public void Run_ExpiredWaiver_IsAnErrorNamingItsLine()
    {
        var waivers = Write("waivers.yaml", $"waivers:\n  - rule: {NhsOnlyRuleId}\n    case: great-yarmouth-2009\n    reason: r\n    approver: a\n    date: 2025-01-01\n    expires: 2026-11-30\n");

        var result = Run(["--waivers", waivers, RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain($"{waivers}:7:").And.Contain("expired on 2026-11-30");
    }

    [Test]
    public void Run_UnusedWaiver_IsWarnedAbout()
    {
        var waivers = Write("waivers.yaml", "waivers:\n  - rule: fair-tender.nhs-only-needs-reason\n    case: some-other-case\n    reason: r\n    approver: a\n    date: 2026-11-01\n");

        var result = Run(["--waivers", waivers, RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stderr.Should().Contain($"warning: {waivers}:2: the waiver of rule fair-tender.nhs-only-needs-reason for case some-other-case covered nothing");
    }

    [Test]
    public void Run_BadWaiverFile_GivesLocatedErrors()
    {
        var waivers = Write("waivers.yaml", "waivers:\n  - rule: x\n    principle: y\n    case: c\n    reason: r\n    approver: a\n    date: 2026-13-01\n    colour: blue\n");

        var result = Run(["--waivers", waivers, RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain($"{waivers}:8:5: waivers[0]: unknown key 'colour'")
            .And.Contain($"{waivers}:7:11: waivers[0].date: '2026-13-01' is not a date")
            .And.Contain($"{waivers}:2:5: waivers[0]: give exactly one of 'rule'");
    }

    [Test]
    public void Run_ManyFilesOnSeveralThreads_ReportsInInputOrder()
    {
        var cases = _temp.CreateSubdirectory("many");
        var sources = new[] { RepoPaths.GreatYarmouth, Staffordshire, Cambridgeshire };
        for (var i = 0; i < 60; i++)
        {
            File.Copy(sources[i % 3], Path.Combine(cases.FullName, $"case-{i:D3}.yaml"));
        }

        var result = Run(["--jobs", "4", "-f", "jsonl", "many"]);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        lines.Select(l => (string)l["file"]!).Should().Equal(Enumerable.Range(0, 60).Select(i => Path.Combine("many", $"case-{i:D3}.yaml")));
        lines.Select(l => (string)l["procurement"]!["id"]!).Should().Equal(Enumerable.Range(0, 60).Select(i => ProcurementFile.Load(sources[i % 3]).Id));
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public void Run_LongRun_ShowsAProgressLineOnlyOnATerminal(bool terminal, bool expectProgress)
    {
        var result = Run([RepoPaths.GreatYarmouth, Staffordshire], host: h => h with { StderrIsTerminal = terminal, ProgressAfter = TimeSpan.Zero });

        result.Stderr.Contains("\rChecked 1 of 2 inputs", StringComparison.Ordinal).Should().Be(expectProgress, "{0}", result);
    }

    [Test]
    public void Docs_NameEveryOptionAndCommand()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "cli.md"));
        var help = string.Join("\n", new[] { "--help", "rules --help", "rules export --help", "rules list --help" }.Select(a => Run(a.Split(' ')).Stdout));

        var names = System.Text.RegularExpressions.Regex.Matches(help, @"(?<![\w-])--[a-z][a-z-]+").Select(m => m.Value).Distinct().ToList();

        names.Should().Contain(["--format", "--fail-on", "--waivers", "--pack"]);
        names.Where(n => !docs.Contains("`" + n, StringComparison.Ordinal) && !docs.Contains(" " + n, StringComparison.Ordinal)).Should().BeEmpty("docs/cli.md documents every option");
        foreach (var command in new[] { "check", "rules list", "rules catalogue", "rules export", "test", "completion" })
        {
            docs.Should().Contain("procurement-check " + command);
        }

        foreach (var code in Enumerable.Range(0, 6))
        {
            docs.Should().Contain($"| {code} | ");
        }
    }

    [Test]
    public void Run_OutputFails_ReportsOnStderrAndExitsFive()
    {
        using var stderr = new StringWriter();

        var exitCode = Cli.Run([RepoPaths.GreatYarmouth], new FailingWriter(), stderr, CliHost.Plain);

        exitCode.Should().Be(5);
        stderr.ToString().Should().Contain("error: could not write the output: No space left on device");
    }

    [Test]
    public void RulesExport_ThenCheckAndTest_ThePackTravels()
    {
        var exported = Path.Combine(_temp.FullName, "exported");

        var export = Run(["rules", "export", "--pack", "burnham-2009", "exported"]);
        CopyFolder(Path.Combine(RepoPaths.DefaultPack, "fixtures"), Path.Combine(exported, "fixtures"));
        var check = Run(["--rules", "exported", "-f", "json", RepoPaths.GreatYarmouth]);
        var test = Run(["test", "exported"]);

        export.ExitCode.Should().Be(0, "{0}", export);
        File.ReadAllText(Path.Combine(exported, "pack.yaml")).Should().Contain("file: sources/").And.NotContain("../");
        File.Exists(Path.Combine(exported, "sources", "burnham-2009-letter.md")).Should().BeTrue();
        check.ExitCode.Should().Be(1, "{0}", check);
        JToken.DeepEquals(
            JObject.Parse(check.Stdout)["reports"]![0]!["outcomes"],
            JObject.Parse(RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth)).ToJson())["outcomes"]).Should().BeTrue();
        test.ExitCode.Should().Be(0, "{0}", test);
        test.Stdout.Should().Contain("PASS   fixtures/" + NhsOnlyRuleId + "/").And.Contain("0 failed, 0 broken");
    }

    [Test]
    public void RulesExport_IntoANonEmptyFolder_IsRefused()
    {
        Write("full/x.txt", "x", mkdir: "full");

        var result = Run(["rules", "export", "full"]);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain("is not empty");
    }

    [Test]
    public void Test_AFixtureWithTheWrongExpectation_FailsAndExitsOne()
    {
        Run(["rules", "export", "--pack", "burnham-2009", "pack"]).ExitCode.Should().Be(0);
        var folder = Directory.CreateDirectory(Path.Combine(_temp.FullName, "pack", "fixtures", NhsOnlyRuleId));
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(folder.FullName, "compliant-great-yarmouth.yaml"));
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(folder.FullName, "breach-great-yarmouth.yaml"));

        var result = Run(["test", "pack"]);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().Contain($"PASS   fixtures/{NhsOnlyRuleId}/breach-great-yarmouth.yaml")
            .And.Contain($"FAIL   fixtures/{NhsOnlyRuleId}/compliant-great-yarmouth.yaml: expected compliant, got breach")
            .And.Contain("2 fixture(s) for pack burnham-2009 1.0.0: 1 passed, 1 failed, 0 broken.");
    }

    [Test]
    public void Test_TheRepositorysOwnPack_AllFixturesPass()
    {
        var result = Run(["test", RepoPaths.DefaultPack, "--rules-root", RepoPaths.Rules]);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Should().NotContain("FAIL").And.NotContain("BROKEN");
    }

    [TestCase("bash", "complete -o filenames -F _procurement_check_complete procurement-check")]
    [TestCase("pwsh", "Register-ArgumentCompleter -Native -CommandName procurement-check")]
    public void Completion_PrintsAScriptThatAsksTheToolForSuggestions(string shell, string registers)
    {
        var result = Run(["completion", shell]);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Should().Contain("[suggest:").And.Contain(registers);
    }

    [Test]
    public void SuggestDirective_CompletesOptionNames()
    {
        var result = Run(["[suggest:22]", "procurement-check --for"]);

        result.Stdout.Split('\n', StringSplitOptions.TrimEntries).Should().Contain("--format");
    }

    [Test]
    public void ResponseFile_ExpandsIntoArguments()
    {
        var rsp = Write("args.rsp", $"--format\njsonl\n{RepoPaths.GreatYarmouth}\n");

        var result = Run(["@" + rsp]);

        result.ExitCode.Should().Be(1, "{0}", result);
        JObject.Parse(result.Stdout)["procurement"]!["id"]!.Value<string>().Should().Be("great-yarmouth-2009");
    }

    /// <summary>
    /// Validates SARIF against the published 2.1.0 schema (draft-04, so NJsonSchema) and against our stricter schema of
    /// what we emit (JsonSchema.Net). Both files must be there: a missing schema fails the test rather than skipping it.
    /// </summary>
    internal static void ValidateSarif(string sarif)
    {
        var schemas = Path.Combine(AppContext.BaseDirectory, "Schemas");

        var published = NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(schemas, "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult();
        var errors = published.Validate(sarif);
        errors.Should().BeEmpty("the published SARIF 2.1.0 schema must accept the output: {0}", string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));

        using var document = JsonDocument.Parse(sarif);
        var emitted = JsonSchema.FromText(File.ReadAllText(Path.Combine(schemas, "sarif-2.1.0-emitted.schema.json")));
        var evaluation = emitted.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        evaluation.IsValid.Should().BeTrue(
            "our schema of the emitted SARIF must accept the output: {0}",
            string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Test]
    public void Run_OcdsReleasePackage_IsDetectedAndEachProcessReported()
    {
        var package = Path.Combine(RepoPaths.Samples, "ocds", "release-package.ocds.json");
        var expected = Procurement.Rules.Ocds.OcdsReader.Load(package).Select(p => p.Id).ToList();

        var result = Run(["--format", "json", package]);

        result.ExitCode.Should().BeOneOf([0, 1], "{0}", result);
        expected.Should().HaveCountGreaterThan(1, "the sample package holds several processes");
        var reports = (JArray)JObject.Parse(result.Stdout)["reports"]!;
        reports.Select(r => (string)r["procurement"]!["id"]!).Should().Equal(expected);
        reports.Should().OnlyContain(r => ((string)r["file"]!).EndsWith("release-package.ocds.json", StringComparison.Ordinal));
    }

    [Test]
    public void Run_OcdsOnStandardInput_IsDetected()
    {
        var release = File.ReadAllText(Path.Combine(RepoPaths.Samples, "ocds", "single-release.ocds.json"));

        var result = Run(["--format", "jsonl", "-"], stdin: release);

        result.ExitCode.Should().BeOneOf([0, 1], "{0}", result);
        ((string)JObject.Parse(result.Stdout.Split('\n')[0])["procurement"]!["id"]!).Should().Be(Procurement.Rules.Ocds.OcdsReader.Parse(release)[0].Id);
    }

    [Test]
    public void Run_BrokenOcds_IsBadInputWithALocatedProblem()
    {
        var file = Write("broken.ocds.json", """{ "uri": "x", "publishedDate": "2025-01-01T00:00:00Z", "releases": [ { "ocid": "ocds-x-1", "id": "1", "date": "2025-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender", "tender": { "procurementMethod": "opne" } } ] }""");

        var result = Run([file]);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.Stderr.Should().Contain("broken.ocds.json").And.Contain("procurementMethod");
    }

    [Test]
    public void PublishedSarifSchema_RejectsALogWithoutItsRequiredVersion()
    {
        // Guards the guard: the vendored schema is really enforced (a log missing 'version' is invalid SARIF).
        var published = NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult();

        published.Validate("""{ "runs": [] }""").Should().NotBeEmpty();
        published.Validate("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "message": { "text": "m" }, "level": "severe" } ] } ] }""").Should().NotBeEmpty("'severe' is not a SARIF level");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private string Write(string name, string content, string? mkdir = null)
    {
        if (mkdir is not null)
        {
            Directory.CreateDirectory(Path.Combine(_temp.FullName, mkdir));
        }

        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private CliResult Run(string[] args, string? stdin = null, Func<CliHost, CliHost>? host = null, string? mkdir = null)
    {
        if (mkdir is not null)
        {
            Directory.CreateDirectory(Path.Combine(_temp.FullName, mkdir));
        }

        var h = new CliHost { CurrentDirectory = _temp.FullName, Today = Today, Stdin = new StringReader(stdin ?? string.Empty) };
        h = host?.Invoke(h) ?? h;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr, h);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard output on a full disk.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }
}
