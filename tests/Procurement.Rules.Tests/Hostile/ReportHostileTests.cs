using Newtonsoft.Json.Linq;
using Procurement.Model;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>Values from input cannot drive a terminal or forge Markdown in a report; JSON stays JSON.</summary>
public class ReportHostileTests
{
    private const string ForgedTitle = "\n## Breaches\n[click](javascript:alert(1)) <script>x</script> &amp; `code` *bold* | table |";

    [Test]
    public void ToString_TitleWithTerminalEscapes_ShowsThemVisibly()
    {
        var report = RulePack.Default.Check(GreatYarmouth() with { Id = "bell\a", Title = "\u001b[31mred\u001b[0m\u202eevil" });

        var text = report.ToString();

        text.Should().StartWith("Procurement bell\\u0007: \\u001b[31mred\\u001b[0m\\u202eevil\n");
        text.Where(c => c < ' ' && c != '\n').Should().BeEmpty("no control character but the line breaks the report writes itself");
    }

    [Test]
    public void ToString_ProviderNameWithControlCharactersInAFact_ShowsThemVisibly()
    {
        var report = BreachWithProvider("Evil\u001b]0;pwned\u0007 Ltd");

        var text = report.ToString();

        text.Should().Contain("Facts: names = Evil\\u001b]0;pwned\\u0007 Ltd");
        text.Where(c => c < ' ' && c != '\n').Should().BeEmpty();
    }

    [Test]
    public void OutcomeToString_MessageWithAFactHoldingControlCharacters_ShowsThemVisibly()
    {
        var outcome = BreachWithProvider("Evil\u001b[2J Ltd").Outcomes.Single();

        outcome.Facts.Single().ToString().Should().Be("names = Evil\\u001b[2J Ltd");
        outcome.ToString().Should().NotContain("\u001b");
    }

    [Test]
    public void ToMarkdown_TitleWithMarkdown_CannotForgeAHeadingOrALink()
    {
        var report = RulePack.Default.Check(GreatYarmouth() with { Id = "case-1", Title = ForgedTitle });

        var lines = report.ToMarkdown().Split('\n');

        lines[0].Should().Be(@"# case-1: \\u000a\#\# Breaches\\u000a\[click\]\(javascript:alert\(1\)\) &lt;script\>x&lt;/script\> &amp;amp; \`code\` \*bold\* \| table \|");
        lines.Count(l => l.StartsWith("## ", StringComparison.Ordinal)).Should().Be(RulePack.Default.Check(GreatYarmouth()).ToMarkdown().Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [Test]
    public void ToMarkdown_ProviderNameWithALinkInAFact_IsEscaped()
    {
        var report = BreachWithProvider("[Carewell](javascript:alert(1))");

        report.ToMarkdown().Should().Contain(@"- `names`: \[Carewell\]\(javascript:alert\(1\)\)");
    }

    [Test]
    public void ToMarkdown_MessageStartingLikeAList_StaysText()
    {
        MarkdownReportValue("1. one").Should().Be(@"1\. one");
        MarkdownReportValue("- item").Should().Be(@"\- item");
        MarkdownReportValue("> quote").Should().Be(@"\> quote");
        MarkdownReportValue("plain text, 2010-06-01.").Should().Be("plain text, 2010-06-01.");
        Reporting.MarkdownReport.Value("1.0.0").Should().Be("1.0.0", "only a value that starts a line needs its list markers escaped");
    }

    [Test]
    public void HtmlReport_TitleAndFactWithBidiOverridesAndLineSeparators_ShowsThemVisibly()
    {
        var report = BreachWithProvider("Evil\u202egnp.exe\u2066x\u2069\u2028Ltd\u001b");
        var html = new StringWriter();
        var writer = new Reporting.HtmlReportWriter(html);

        writer.Write(RulePack.Default.Check(GreatYarmouth() with { Title = "Title \u202egnp.exe\u200f" }));
        writer.Write(report);
        writer.Complete();

        var page = html.ToString();
        page.Should().Contain("Title \\u202egnp.exe\\u200f").And.Contain("Evil\\u202egnp.exe\\u2066x\\u2069\\u2028Ltd\uFFFD");
        page.Where(c => c is '\u202e' or '\u2066' or '\u2069' or '\u2028' or '\u200f' or '\u001b').Should().BeEmpty("nothing from input may reorder what a reader of the page sees");
    }

    [Test]
    public void Check_FactThatIsAModelRecord_WritesItsDatesAndListsAsTheReportDoes()
    {
        // Tests run under invariant globalization (as the CLI does): a record's own ToString writes 10/01/2009 there,
        // which a reader in England takes for 10 January.
        using var pack = TestPack.WithRule("true", facts: "      first: Timeline.First()\n      tender: Tender");
        var rules = pack.Load();
        var procurement = new ProposedProcurement
        {
            Id = "record",
            DecisionDate = D(2009, 10, 1),
            Tender = new TenderPlan { Eligibility = TenderEligibility.NhsOnly, Tenderers = [new Provider { Name = "A" }, new Provider { Name = "B, C" }] },
            Timeline = [new TimelineEvent { Date = D(2009, 10, 1), Kind = EventKind.NoticePublished, Description = "Notice 1.5" }],
        };

        var facts = rules.Check(procurement).Outcomes.Single().Facts;

        facts[0].Display.Should().Be("TimelineEvent { date = 2009-10-01, kind = noticePublished, description = Notice 1.5 }");
        facts[1].Display.Should().Be("TenderPlan { eligibility = nhsOnly, tenderers = [Provider { name = A }, Provider { name = B, C }] }");
    }

    [Test]
    public void ToJson_TitleWithControlCharactersAndMarkdown_RoundTrips()
    {
        var title = ForgedTitle + "\u001b\u0000\"quoted\"";
        var report = RulePack.Default.Check(GreatYarmouth() with { Title = title });

        var json = JObject.Parse(report.ToJson());

        json["procurement"]!["title"]!.Value<string>().Should().Be(title);
    }

    private static string MarkdownReportValue(string text) => Reporting.MarkdownReport.Value(text, startsLine: true);

    private static CheckReport BreachWithProvider(string name)
    {
        using var pack = TestPack.WithRule("false", facts: "      names: IncumbentContracts.Select(c => c.Provider.Name)");
        return pack.Load().Check(new ProposedProcurement
        {
            Id = "hostile",
            DecisionDate = D(2010, 6, 1),
            IncumbentContracts = [new Contract { Provider = new Provider { Name = name } }],
        });
    }
}
