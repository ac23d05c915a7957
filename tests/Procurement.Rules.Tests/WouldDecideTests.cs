using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Procurement.Model;
using Procurement.Rules.Expressions;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Tests;

/// <summary>
/// "What would decide this": the plain-word description of every fact path a rule can name as missing (walked from the
/// model, so the table cannot fall behind it), the at-most-two lines of an undetermined outcome, and the same words in
/// every report format.
/// </summary>
public partial class WouldDecideTests
{
    private const string StaffRule = "staff-engagement.before-tender-decision";

    private static CheckReport GreatYarmouth() => RulePack.Default.Check(Cases.GreatYarmouth());

    private static RuleOutcome Undetermined(params string[] missing) =>
        new(RulePack.Default.Rules[0], OutcomeKind.Undetermined, "Cannot be determined.", Array.Empty<FactValue>(), missing, null);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string OneLine(string text) => Spaces().Replace(text, " ");

    [Test]
    public void FactDescriptions_EveryNullableModelPath_HasItsOwnSentence()
    {
        var paths = FactDescriptions.MemberPaths().ToList();

        // The walk reaches deep list items, so it is the rewriter's walk and not a hand-made list.
        paths.Select(p => p.Path).Should().Contain(["tender.eligibility", "incumbentContracts[].provider.kind", "timeline[].agreed", "scenario"]);
        paths.Should().OnlyContain(p => MissingFactRewriter.IsNullable(p.Member));
        var undescribed = paths.Where(p => !FactDescriptions.All.ContainsKey(p.Path))
            .Select(p => $"{p.Path} ({p.Member.DeclaringType!.Name}.{p.Member.Name})").ToList();
        undescribed.Should().BeEmpty("every fact path a rule can name needs a phrase in FactDescriptions.MemberPhrases");
    }

    [Test]
    public void FactDescriptions_EveryEventKindAndOversightBody_HasItsOwnSentences()
    {
        var expected = Enum.GetValues<EventKind>().SelectMany(k => new[] { "timeline." + Names.Camel(k), "timeline." + Names.Camel(k) + ".date" })
            .Concat(Enum.GetValues<OversightBody>().Select(b => "timeline.oversightSignOff." + Names.Camel(b)))
            .Append("scenario");

        expected.Where(p => !FactDescriptions.All.ContainsKey(p)).Should().BeEmpty("every event kind and oversight body needs a clause");
        FactDescriptions.Describe("timeline.nhsProvidersEngaged").Should().Be(
            "Record whether the commissioner engaged NHS providers other than the incumbent, and when: a timeline event "
            + "`nhsProvidersEngaged`; if it never happened, add `nhsProvidersEngaged` to `timelineCompleteFor`.");
        FactDescriptions.Describe("timeline.oversightSignOff.pctBoard").Should().Contain("PCT Board").And.Contain("`body: pctBoard`");
        FactDescriptions.Describe("scenario").Should().Contain("underperformance").And.Contain("contractExpiry");
    }

    [Test]
    public void FactDescriptions_Sentences_SayHowToRecordByType()
    {
        FactDescriptions.Describe("tender.criteriaPublished").Should().EndWith("(`tender.criteriaPublished`: true or false).");
        FactDescriptions.Describe("tender.eligibility").Should().EndWith("(`tender.eligibility`: open, nhsOnly, nonNhsOnly).");
        FactDescriptions.Describe("rationaleDocuments").Should().EndWith("(`rationaleDocuments`; `[]` if there are none).");
        FactDescriptions.Describe("incumbentContracts[].endDate").Should().EndWith("(`incumbentContracts[].endDate`: yyyy-MM-dd).");
        FactDescriptions.Describe("incumbentContracts").Should().EndWith("(`incumbentContracts`; `[]` if there is none).");
        FactDescriptions.Describe("tender.route").Should().EndWith("contract variation, ...; `tender.route`).");
        FactDescriptions.All.Values.Should().OnlyContain(s => s.StartsWith("Record ", StringComparison.Ordinal) && s.EndsWith('.') && !s.Contains(") (", StringComparison.Ordinal));
    }

    [TestCase("")]
    [TestCase("pack.ownHelper")]
    [TestCase("timeline.noSuchKind")]
    [TestCase("a\u001b[31mred")]
    public void Describe_UnknownPath_GivesAGenericSentence(string path)
    {
        var sentence = FactDescriptions.Describe(path);

        sentence.Should().StartWith("Record ").And.Contain("docs/procurement-files.md");
        sentence.Should().NotContain("\u001b", "a path is shown as visible text");
    }

    [Test]
    public void WouldDecide_ThreeMissingFacts_ShowsTwoAndSaysOneMore()
    {
        var outcome = Undetermined("timeline.staffEngaged", "tender.eligibility", "scenario");

        outcome.WouldDecide.Should().HaveCount(2);
        outcome.WouldDecide[0].Should().Be(FactDescriptions.Describe("timeline.staffEngaged"));
        outcome.WouldDecide[1].Should().StartWith(FactDescriptions.Describe("tender.eligibility").TrimEnd('.'))
            .And.EndWith("; and 1 more fact listed as not recorded.");
        Undetermined("scenario", "tender", "timeline.staffEngaged", "needsAssessments").WouldDecide[1].Should().EndWith("; and 2 more facts listed as not recorded.");
        Undetermined("scenario", "tender").WouldDecide.Should().Equal(FactDescriptions.Describe("scenario"), FactDescriptions.Describe("tender"));
    }

    [Test]
    public void WouldDecide_OtherOutcomes_IsEmpty()
    {
        var report = GreatYarmouth();

        report.Outcomes.Where(o => o.Kind != OutcomeKind.Undetermined).Should().NotBeEmpty()
            .And.OnlyContain(o => o.WouldDecide.Count == 0);
        report.Outcomes.Where(o => o.Kind == OutcomeKind.Undetermined).Should().OnlyContain(o => o.WouldDecide.Count > 0);
    }

    [Test]
    public void WouldDecide_SampleCasesAndFixtures_NeverFallBackToTheGenericSentence()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "cases"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "rules", "burnham-2009", "fixtures"), "*.yaml", SearchOption.AllDirectories));
        var missing = files.SelectMany(f => RulePack.Default.Check(ProcurementFile.Load(f)).Outcomes).SelectMany(o => o.MissingFacts).Distinct().ToList();

        missing.Should().HaveCountGreaterThan(20);
        missing.Where(m => !FactDescriptions.All.ContainsKey(m)).Should().BeEmpty();
    }

    [Test]
    public void EveryFormat_UndeterminedOutcome_ShowsTheSameWouldDecideWords()
    {
        var report = GreatYarmouth();
        var outcome = report.For(StaffRule)!;
        outcome.WouldDecide.Should().HaveCount(2, "staff and their unions are each a fact that could decide it");
        var sentence = outcome.WouldDecide[0];
        sentence.Should().Contain("`staffEngaged`");

        OneLine(report.ToString()).Should().Contain($"- {StaffRule}: {outcome.Message} To decide: {sentence}");
        report.ToMarkdown().Should().Contain($"- `{StaffRule}`: ").And.Contain("  - To decide: " + MarkdownReport.WithCode(sentence) + Environment.NewLine);
        MarkdownReport.WithCode(sentence).Should().Contain("`staffEngaged`").And.Contain("`timelineCompleteFor`");

        var json = JObject.Parse(report.ToJson());
        var jsonOutcome = json["outcomes"]!.Single(o => (string?)o["ruleId"] == StaffRule);
        jsonOutcome["wouldDecide"]!.Values<string>().Should().Equal(outcome.WouldDecide);
        json["outcomes"]!.Where(o => (string?)o["outcome"] != "undetermined").Should().OnlyContain(o => !o["wouldDecide"]!.HasValues);

        var csv = new StringWriter();
        new CsvReportWriter(csv).Write(report);
        var row = CsvReportWriterTests.CsvParser.Parse(csv.ToString()).Single(r => r[3] == StaffRule);
        row[^1].Should().StartWith(sentence);

        var html = new StringWriter();
        HtmlReportWriter.Write(html, [report]);
        var expected = System.Net.WebUtility.HtmlEncode(sentence.Split('`')[0]) + "<code>staffEngaged</code>";
        html.ToString().Should().Contain("<li><span class=\"label\">To decide:</span> " + expected);
    }

    [Test]
    public void ToString_RulesMissingTheSameFacts_ShowTheWouldDecideLinesOnceUnderTheGroup()
    {
        var text = GreatYarmouth().ToString();

        var scenario = FactDescriptions.Describe("scenario");
        Regex.Matches(OneLine(text), Regex.Escape("To decide: " + scenario)).Should().HaveCount(1);
        text.Split(Environment.NewLine).Where(l => l.Contains("To decide:", StringComparison.Ordinal) || l.StartsWith("    ", StringComparison.Ordinal))
            .Should().OnlyContain(l => l.Length <= 118, "would-decide lines wrap at the report's width");
    }
}
