using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace Procurement.Rules.Cli.Tests;

/// <summary>
/// <c>--pack ID|auto</c>, run as a user would: by default each case is checked against the pack in force for it, a case no
/// pack can be chosen for is reported with the reason in every format, and the listing commands cover every pack.
/// </summary>
public class CliPackSelectionTests
{
    private const string Pct2010 = """
        id: pct-2010
        title: Community services, 2010
        commissioner: { name: Anytown PCT, kind: pct }
        decisionDate: 2010-06-01
        """;

    private const string Ccg2015 = """
        id: ccg-2015
        title: MSK service, 2015
        commissioner: { name: Anytown CCG, kind: ccg }
        timeline:
          - { date: 2015-05-01, kind: processCommenced }
        """;

    // An award with no award notice recorded: the 2023 regulations' notice rule has something to say (undetermined).
    private const string Icb2025 = """
        id: icb-2025
        title: Urgent care, 2025
        commissioner: { name: Anytown ICB, kind: icb }
        selection: { process: directAwardProcessB }
        timeline:
          - { date: 2025-05-01, kind: processCommenced }
          - { date: 2025-06-03, kind: contractAwarded }
        """;

    private const string Undated = """
        id: undated
        title: No dates at all
        commissioner: { name: Anytown ICB, kind: icb }
        """;

    private const string Trust2016 = """
        id: trust-2016
        title: A trust buying in 2016
        commissioner: { name: Anytown NHS Trust, kind: trust }
        timeline:
          - { date: 2016-03-01, kind: processCommenced }
        """;

    private const string Pct2013 = """
        id: pct-2013
        title: A PCT decision after the letter's period
        commissioner: { name: Anytown PCT, kind: pct }
        decisionDate: 2013-06-01
        """;

    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTempFolder()
    {
        _temp = Directory.CreateTempSubdirectory("procurement-cli-packs-");
        foreach (var (name, yaml) in new[] { ("a-pct-2010", Pct2010), ("b-ccg-2015", Ccg2015), ("c-icb-2025", Icb2025), ("d-undated", Undated), ("e-trust-2016", Trust2016), ("f-pct-2013", Pct2013) })
        {
            File.WriteAllText(Path.Combine(_temp.FullName, name + ".yaml"), yaml);
        }
    }

    [TearDown]
    public void DeleteTempFolder() => _temp.Delete(recursive: true);

    [TestCase("a-pct-2010.yaml", "burnham-2009")]
    [TestCase("b-ccg-2015.yaml", "ppccr-2013")]
    [TestCase("c-icb-2025.yaml", "psr-2023")]
    public void Check_ByDefault_ChoosesThePackInForceAndSaysWhy(string file, string pack)
    {
        var result = Run([file]);

        result.ExitCode.Should().Be(0, "{0}", result);
        var title = RulePack.GetEmbedded(pack).Title;
        result.Stdout.Should().Contain($"Rule pack {pack} ").And.Contain(title).And.Contain("Pack chosen automatically: " + pack + ":");
        result.Stdout.Should().Contain($"Summary: 1 case checked against {pack}");
    }

    [Test]
    public void Check_AutoOnA2025IcbCase_NamesTheVersionInForce()
    {
        var result = Run(["c-icb-2025.yaml"]);

        result.Stdout.Should().Contain("Version 2025-02-24").And.Contain("checked against psr-2023 2025-02-24 (1)");
        result.Stdout.Should().Contain("notices.award-notice-within-30-days", "the case was checked against the 2023 regulations' rules");
    }

    [Test]
    public void Check_AnUndatedCase_IsNotCheckedAndSaysWhy()
    {
        var result = Run(["d-undated.yaml"]);

        result.ExitCode.Should().Be(0, "as a case outside the period, it trips the gate only with --fail-on undetermined: {0}", result);
        result.Stdout.Should().Contain("undated: not checked: Nothing in the record dates the procurement, so no pack is assumed (ppccr-2013, psr-2023 could apply)")
            .And.Contain("considered psr-2023: in force from 2024-01-01, and neither the date the process commenced (processCommenced) nor any dated event is recorded");
        result.Stdout.Should().NotContain("Rule pack ", "no pack was used, not even the nearest");
        result.Stdout.Should().Contain("Summary: 0 cases checked: 0 with breaches", "no pack was used, so none is named");
        result.Stdout.Split(Environment.NewLine).Should().ContainSingle(l => l.StartsWith("Not checked, no rule pack could be chosen", StringComparison.Ordinal))
            .Which.Should().Contain("d-undated.yaml");
    }

    [Test]
    public void Check_ATrustIn2016_NoPackApplies()
    {
        var result = Run(["e-trust-2016.yaml"]);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Should().Contain("trust-2016: not checked: No pack covers this procurement: ")
            .And.Contain("psr-2023: in force from 2024-01-01, and the procurement was commenced 2016-03-01")
            .And.Contain("ppccr-2013: applies to commissioners of kind ccg, icb, nhsEngland, and the commissioner is trust");
    }

    [Test]
    public void Check_NotCheckedCaseWithFailOnUndetermined_TripsTheGate()
    {
        var result = Run(["--fail-on", "undetermined", "e-trust-2016.yaml"]);

        result.ExitCode.Should().Be(1, "{0}", result);
        result.Stdout.Should().Contain("tripped by 1 case: e-trust-2016.yaml");
    }

    [Test]
    public void Check_NamedPackOnA2013Case_IsOutsideThePeriodAsBefore()
    {
        var result = Run(["--pack", "burnham-2009", "f-pct-2013.yaml"]);
        var anyway = Run(["--pack", "burnham-2009", "--check-outside-period", "f-pct-2013.yaml"]);

        result.ExitCode.Should().Be(0, "{0}", result);
        result.Stdout.Should().Contain("Rule pack burnham-2009").And.NotContain("Pack chosen automatically");
        result.Stdout.Split(Environment.NewLine).Should().ContainSingle(l => l.StartsWith("Not checked, decided outside the pack's period", StringComparison.Ordinal));
        anyway.Stdout.Should().Contain("Summary: 1 case checked against burnham-2009");
    }

    [Test]
    public void Check_ManyCasesInParallel_UseTheirOwnPacksInInputOrder()
    {
        var result = Run(["--jobs", "2", "--format", "jsonl", "."]);

        result.ExitCode.Should().Be(0, "{0}", result);
        var reports = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        reports.Select(r => r["pack"] is JObject pack ? (string?)pack["id"] : null).Should().Equal("burnham-2009", "ppccr-2013", "psr-2023", null, null, null);
        reports.Select(r => (string)r["procurement"]!["id"]!).Should().Equal("pct-2010", "ccg-2015", "icb-2025", "undated", "trust-2016", "pct-2013");
    }

    [Test]
    public void Check_Json_SaysWhichPackEachCaseUsedAndWhy()
    {
        var result = Run(["--format", "json", "b-ccg-2015.yaml", "c-icb-2025.yaml", "d-undated.yaml"]);

        var run = JObject.Parse(result.Stdout);
        run.Value<int>("formatVersion").Should().Be(2);
        run.Value<string>("packSelection").Should().Be("auto");
        run["pack"]!.Type.Should().Be(JTokenType.Null);
        run["packs"]!.Select(p => (string)p["id"]!).Should().Equal(RulePack.EmbeddedPackIds);
        var reports = (JArray)run["reports"]!;
        reports[0]!["selection"]!.Value<string>("status").Should().Be("selected");
        reports[0]!["selection"]!.Value<string>("reason").Should().StartWith("ppccr-2013: in force from 2013-04-01 to 2023-12-31");
        reports[0]!["selection"]!["considered"]!.Should().HaveCount(3);
        reports[0]!["version"]!.Type.Should().Be(JTokenType.Null, "the 2013 regulations have no versions");
        reports[1]!["version"]!.Value<string>("name").Should().Be("2025-02-24");
        var undated = reports[2]!;
        undated["pack"]!.Type.Should().Be(JTokenType.Null);
        undated.Value<string>("period").Should().Be("notChecked");
        undated["selection"]!.Value<string>("status").Should().Be("ambiguous");
        undated["outcomes"]!.Should().BeEmpty();
        run["summary"]!["noPack"]!.Values<string>().Should().Equal("d-undated.yaml");
        run["summary"]!["packsUsed"]!.Value<int>("psr-2023 2025-02-24").Should().Be(1);
    }

    [Test]
    public void Check_Csv_HasTheVersionAndSelectionAndARowForACaseNotChecked()
    {
        var result = Run(["--format", "csv", "c-icb-2025.yaml", "e-trust-2016.yaml"]);

        var lines = result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("case_id,file,pack,rule_id,principle,severity,outcome,message,missing_facts,note,would_decide,pack_version,selection");
        lines.Should().Contain(l => l.StartsWith("icb-2025,c-icb-2025.yaml,psr-2023,notices.award-notice-within-30-days,", StringComparison.Ordinal)
            && l.Contains(",2025-02-24,\"psr-2023: in force from 2024-01-01", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith("trust-2016,", StringComparison.Ordinal))
            .Which.Should().StartWith("trust-2016,e-trust-2016.yaml,,,,,notChecked,no rule pack could be chosen,,\"No pack covers this procurement:");
    }

    [Test]
    public void Check_JUnit_SkipsACaseNotCheckedWithTheReasonAndNamesEachPack()
    {
        var result = Run(["--format", "junit", "b-ccg-2015.yaml", "d-undated.yaml"]);

        var xml = XDocument.Parse(result.Stdout);
        var suites = xml.Root!.Elements("testsuite").ToList();
        suites[0].Descendants("property").Single(p => (string)p.Attribute("name")! == "pack").Attribute("value")!.Value.Should().StartWith("ppccr-2013 ");
        suites[0].Descendants("property").Single(p => (string)p.Attribute("name")! == "selection").Attribute("value")!.Value.Should().StartWith("ppccr-2013: ");
        var skipped = suites[1].Element("testcase")!.Element("skipped")!;
        ((string)skipped.Attribute("message")!).Should().StartWith("not checked: Nothing in the record dates the procurement");
        ((int)suites[1].Attribute("skipped")!).Should().Be(1);
    }

    [Test]
    public void Check_Sarif_ListsTheRulesOfEveryPackUsedAndNotifiesACaseNotChecked()
    {
        var result = Run(["--format", "sarif", "a-pct-2010.yaml", "c-icb-2025.yaml", "e-trust-2016.yaml", "--include-undetermined"]);

        CliFeatureTests.ValidateSarif(result.Stdout);
        var run = JObject.Parse(result.Stdout)["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.ToList();
        var packs = rules.Select(r => ((string)r["properties"]!["pack"]!).Split(' ')[0]).Distinct().ToList();
        packs.Should().Equal("burnham-2009", "psr-2023");
        rules.Should().HaveCount(RulePack.GetEmbedded("burnham-2009").Rules.Count + RulePack.GetEmbedded("psr-2023").Rules.Count);
        var results = run["results"]!.ToList();
        foreach (var r in results)
        {
            ((string)rules[(int)r["ruleIndex"]!]["id"]!).Should().Be((string)r["ruleId"]!, "a result's index points at its own rule");
        }

        results.Should().Contain(r => (string)r["ruleId"]! == "notices.award-notice-within-30-days" && (string)r["properties"]!["packVersion"]! == "2025-02-24");
        var notification = run["invocations"]![0]!["toolExecutionNotifications"]!.Single();
        ((string)notification["message"]!["text"]!).Should().StartWith("trust-2016: not checked: No pack covers this procurement");
        ((string)notification["level"]!).Should().Be("warning");
    }

    [Test]
    public void Check_SarifWithRuleIdsTwoPacksShare_PrefixesThemWithThePack()
    {
        // Two folder packs cannot be auto-selected, so build the sink directly over two packs sharing every rule id.
        var pack = RulePack.GetEmbedded("burnham-2009");
        var choice = new PackChoice(null, [pack, RulePack.LoadFromDirectory(RepoPaths.DefaultPack, new RulePackLoadOptions { RootDirectory = RepoPaths.Rules })]);
        using var text = new StringWriter();
        using (var sink = new Output.SarifSink(text, new Output.SinkOptions(choice, new Gate(FailOn.Breach, Severity.Minor), false, Reporting.CsvLayout.ByRule, false, "0")))
        {
            sink.RuleId(pack, pack.Rules[0]).Should().Be("burnham-2009/" + pack.Rules[0].Id);
        }

        using var one = new StringWriter();
        using var single = new Output.SarifSink(one, new Output.SinkOptions(PackChoice.One(pack), new Gate(FailOn.Breach, Severity.Minor), false, Reporting.CsvLayout.ByRule, false, "0"));
        single.RuleId(pack, pack.Rules[0]).Should().Be(pack.Rules[0].Id, "with one pack no id is shared");
    }

    [Test]
    public void Check_Markdown_SaysACaseWasNotCheckedAndWhy()
    {
        var result = Run(["--format", "markdown", "d-undated.yaml"]);

        result.Stdout.Should().Contain("# Procurement undated: not checked").And.Contain("undated: not checked: Nothing in the record dates the procurement");
    }

    [TestCase("burnham-2009")]
    [TestCase("psr-2023")]
    public void Check_PackNamed_ChecksEveryCaseAgainstIt(string pack)
    {
        var result = Run(["--pack", pack, "--format", "jsonl", "a-pct-2010.yaml", "c-icb-2025.yaml"]);

        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["pack"]!["id"]!).Should().Equal(pack, pack);
    }

    [TestCase("psr2023", "did you mean 'psr-2023'?")]
    [TestCase("burnham", "did you mean")]
    [TestCase("nonsense-pack-name", "--pack takes auto, burnham-2009, ppccr-2013, psr-2023")]
    public void Check_UnknownPack_IsAUsageErrorListingThePacks(string id, string expected)
    {
        var result = Run(["--pack", id, "a-pct-2010.yaml"]);

        result.ExitCode.Should().Be(4, "{0}", result);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain($"unknown rule pack '{id}'").And.Contain(expected);
    }

    [TestCase("check")]
    [TestCase("rules list")]
    public void Run_PackAndRules_IsAUsageError(string command)
    {
        var result = Run([.. command.Split(' '), "--pack", "psr-2023", "--rules", RepoPaths.DefaultPack, .. command == "check" ? new[] { "a-pct-2010.yaml" } : []]);

        result.ExitCode.Should().Be(4, "{0}", result);
        result.Stderr.Should().Contain("--pack psr-2023 and --rules").And.Contain("give one");
    }

    [Test]
    public void RulesList_ByDefault_ListsEveryPackUnderItsOwnHeading()
    {
        var result = Run(["rules", "list"]);
        var legacy = Run(["--list-rules"]);

        result.ExitCode.Should().Be(0, "{0}", result);
        legacy.Stdout.Should().Be(result.Stdout);
        foreach (var id in RulePack.EmbeddedPackIds)
        {
            var pack = RulePack.GetEmbedded(id);
            result.Stdout.Should().Contain($"Rule pack {id} {pack.Version}: {pack.Title}");
            pack.Rules.Should().OnlyContain(r => result.Stdout.Contains(r.Id + " ", StringComparison.Ordinal));
        }

        result.Stdout.Should().Contain("  in force 2013-04-01 to 2023-12-31, decided by when the process commenced; for commissioners of kind ccg, icb, nhsEngland")
            .And.Contain("  in force 2009-09-25 to 2013-03-31, decided by the decision date")
            .And.Contain("  version 2025-02-24 (from 2025-02-24): ");
    }

    [Test]
    public void RulesList_NamedPack_ListsThatOneWithoutAHeading()
    {
        var result = Run(["rules", "list", "--pack", "ppccr-2013"]);

        result.Stdout.Should().StartWith("Rule pack ppccr-2013 ").And.NotContain("burnham-2009").And.NotContain("  in force");
    }

    [Test]
    public void RulesListJson_ByDefault_HasEveryPackWithItsPeriodAndVersions()
    {
        var result = Run(["rules", "list", "--format", "json"]);

        var packs = (JArray)JObject.Parse(result.Stdout)["packs"]!;
        packs.Select(p => (string)p["pack"]!["id"]!).Should().Equal(RulePack.EmbeddedPackIds);
        var psr = packs.Single(p => (string)p["pack"]!["id"]! == "psr-2023")["pack"]!;
        psr.Value<string>("decidedBy").Should().Be("commencement");
        psr["inForceUntil"]!.Type.Should().Be(JTokenType.Null);
        psr["versions"]!.Select(v => (string)v["name"]!).Should().Equal("2024-01-01", "2025-02-24", "2026-03-24");
    }

    [Test]
    public void RulesCatalogue_ByDefault_WritesEveryPacksCatalogue()
    {
        var result = Run(["rules", "catalogue"]);

        foreach (var id in RulePack.EmbeddedPackIds)
        {
            result.Stdout.Should().Contain(RulePack.GetEmbedded(id).ToMarkdown());
        }
    }

    [Test]
    public void RulesExport_ByDefault_WritesEveryPackInItsOwnFolderThatLoads()
    {
        var result = Run(["rules", "export", "out"]);

        result.ExitCode.Should().Be(0, "{0}", result);
        foreach (var id in RulePack.EmbeddedPackIds)
        {
            var folder = Path.Combine(_temp.FullName, "out", id);
            RulePack.LoadFromDirectory(folder).Rules.Select(r => r.Id).Should().Equal(RulePack.GetEmbedded(id).Rules.Select(r => r.Id));
        }
    }

    private CliResult Run(string[] args)
    {
        var host = new CliHost { CurrentDirectory = _temp.FullName, Today = new DateOnly(2026, 12, 1), Stdin = new StringReader(string.Empty) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
