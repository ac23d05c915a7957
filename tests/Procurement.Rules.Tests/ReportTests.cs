using Newtonsoft.Json.Linq;

namespace Procurement.Rules.Tests;

/// <summary>The strings people read: the text, Markdown and JSON reports and the small types' ToString.</summary>
public class ReportTests
{
    private const string NhsOnlyQuote = "For certain services, clinical issues or safety may warrant an 'NHS only' tender.";

    private static CheckReport GreatYarmouth() => RulePack.Default.Check(Cases.GreatYarmouth());

    [Test]
    public void ToString_StartsWithCaseAndPackAndSummary()
    {
        var lines = GreatYarmouth().ToString().Split(Environment.NewLine);

        lines[0].Should().Be("Procurement great-yarmouth-2009: Great Yarmouth and Waveney PCT community services tender");
        lines[1].Should().StartWith("Rule pack burnham-2009 1.0.0: ");
        lines[2].Should().Be("Decided 2009-10-01, within the pack's period (in force from 2009-09-25 until 2013-03-31).");
        lines[3].Should().StartWith("Result: 2 breaches, ");
    }

    [Test]
    public void ToString_ShowsEachBreachWithPrincipleMessageFactsAndVerbatimQuote()
    {
        var report = GreatYarmouth();
        var text = report.ToString();
        var breach = report.Breaches.Single(b => b.Rule.Id == "fair-tender.nhs-only-needs-reason");

        text.Should().Contain("BREACHES");
        text.Should().Contain($"[critical] fair-tender.nhs-only-needs-reason: {breach.Rule.Title}");
        text.Should().Contain("   Principle: fair-tender (Fair and transparent process)");
        text.Should().Contain("   " + breach.Message);
        text.Should().Contain("   Facts: eligibility = nhsOnly; reasonKind = policy;");
        text.Should().Contain("   Cites burnham-2009, Scenario 4, process to be followed:" + Environment.NewLine + "     \"" + NhsOnlyQuote + "\"");
        text.IndexOf("BREACHES", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("UNDETERMINED (FACTS NOT RECORDED)", StringComparison.Ordinal));
    }

    [Test]
    public void EveryFormat_ShowsTheVerdictsFirst()
    {
        var report = GreatYarmouth();
        var text = report.ToString();
        var md = report.ToMarkdown();
        var json = JObject.Parse(report.ToJson());

        text.Should().Contain(Environment.NewLine + "VERDICTS BY PRINCIPLE" + Environment.NewLine + "- early-provider-engagement: UNDETERMINED (");
        text.Should().Contain("- fair-tender: BREACH (fair-tender.eligibility-fixed-at-notice, fair-tender.nhs-only-needs-reason)");
        text.IndexOf("VERDICTS BY PRINCIPLE", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("BREACHES", StringComparison.Ordinal));
        md.Should().Contain("| `fair-tender` | BREACH | `fair-tender.eligibility-fixed-at-notice`, `fair-tender.nhs-only-needs-reason` |");
        md.IndexOf("## Verdicts by principle", StringComparison.Ordinal).Should().BeLessThan(md.IndexOf("## Breaches", StringComparison.Ordinal));
        var properties = json.Properties().Select(p => p.Name).ToList();
        properties.IndexOf("verdicts").Should().BeLessThan(properties.IndexOf("outcomes")).And.BeGreaterThan(0);
        var verdicts = (JArray)json["verdicts"]!;
        verdicts.Select(v => v.Value<string>("principle")).Should().Equal(report.Pack.Principles.Select(p => p.Key));
        var fairTender = verdicts.Single(v => v.Value<string>("principle") == "fair-tender");
        fairTender.Value<string>("verdict").Should().Be("breach");
        fairTender["decidedBy"]!.Values<string>().Should().Equal("fair-tender.eligibility-fixed-at-notice", "fair-tender.nhs-only-needs-reason");
        CheckReport.JsonFormatVersion.Should().Be(3, "verdicts (2) and wouldDecide (3) changed the JSON format");
    }

    [Test]
    public void ToString_ListsUndeterminedRulesWithTheMissingFacts()
    {
        var text = GreatYarmouth().ToString();

        text.Should().Contain("UNDETERMINED (FACTS NOT RECORDED)" + Environment.NewLine);
        text.Should().Contain("- early-provider-engagement.before-tender-decision: Cannot be determined: not recorded: timeline.incumbentEngaged.");
    }

    [Test]
    public void ToMarkdown_HasBreachSectionsAndBlockQuotes()
    {
        var md = GreatYarmouth().ToMarkdown();

        md.Should().StartWith("# great-yarmouth-2009: Great Yarmouth and Waveney PCT community services tender");
        md.Should().Contain("## Breaches");
        md.Should().Contain("### critical: `fair-tender.nhs-only-needs-reason`");
        md.Should().Contain("> " + NhsOnlyQuote);
        md.Should().Contain("## Undetermined (facts not recorded)");
    }

    [Test]
    public void ToJson_CarriesFormatVersionAndEveryOutcome()
    {
        var report = GreatYarmouth();

        var json = JObject.Parse(report.ToJson());

        json["formatVersion"]!.Value<int>().Should().Be(CheckReport.JsonFormatVersion);
        json["pack"]!["id"]!.Value<string>().Should().Be("burnham-2009");
        json["procurement"]!["decisionDate"]!.Value<string>().Should().Be("2009-10-01");
        json["hasBreaches"]!.Value<bool>().Should().BeTrue();
        var outcomes = (JArray)json["outcomes"]!;
        outcomes.Should().HaveCount(RulePack.Default.Rules.Count);
        outcomes.Select(o => o["ruleId"]!.Value<string>()).Should().Equal(report.Outcomes.Select(o => o.Rule.Id));
        var first = outcomes[0];
        first["outcome"]!.Value<string>().Should().Be("breach");
        first["citations"]![0]!["quote"]!.Value<string>().Should().NotBeNullOrEmpty();
        first["facts"]!.Should().NotBeEmpty();
        outcomes.Single(o => o["outcome"]!.Value<string>() == "undetermined" && o["ruleId"]!.Value<string>() == "early-provider-engagement.before-tender-decision")["missingFacts"]!
            .Values<string>().Should().Equal("timeline.incumbentEngaged");
    }

    [Test]
    public void Summary_CountsEachKind()
    {
        var report = GreatYarmouth();
        var breaches = report.OfKind(OutcomeKind.Breach).Count();
        var undetermined = report.OfKind(OutcomeKind.Undetermined).Count();

        report.Summary.Should().StartWith($"{breaches} breaches, {undetermined} undetermined, ");
    }

    [Test]
    public void RuleOutcome_ToString_IsKindSeverityIdAndMessage()
    {
        var breach = GreatYarmouth().Breaches[0];

        breach.ToString().Should().Be($"BREACH [critical] {breach.Rule.Id}: {breach.Message}");
    }

    [Test]
    public void LoadProblem_ToString_IsFileLineColumnRulePathMessage()
    {
        new LoadProblem("a.yaml", 3, 7, null, "rule.x", "bad").ToString().Should().Be("a.yaml:3:7: rule 'rule.x': bad");
        new LoadProblem("case.json", 4, null, "timeline[0].date", null, "bad").ToString().Should().Be("case.json:4: timeline[0].date: bad");
        new LoadProblem("case.yaml", null, null, "id", null, "bad").ToString().Should().Be("case.yaml: id: bad");
    }

    [Test]
    public void SmallTypes_ToString_AreReadable()
    {
        new Citation("burnham-2009", "Letter, core principles", "Needs-driven").ToString().Should().Be("Letter, core principles: \"Needs-driven\"");
        new Procurement.Model.Money { Amount = 25_000_000m }.ToString().Should().Be("GBP 25,000,000");
        RulePack.Default.ToString().Should().StartWith("burnham-2009 1.0.0: ");
        RulePack.Default.Rules[0].ToString().Should().Be($"{RulePack.Default.Rules[0].Id}: {RulePack.Default.Rules[0].Title}");
    }
}
