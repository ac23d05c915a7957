using System.Xml;
using System.Xml.Linq;
using Procurement.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Tests;

/// <summary>
/// The HTML batch report: its structure (parsed as XML, which its markup is meant to be), the heat map's cells and
/// margins against the reports' own verdicts, the links, the chart, and escaping of hostile values.
/// </summary>
public class HtmlReportTests
{
    private const string NhsOnlyRule = "fair-tender.nhs-only-needs-reason";
    private const string NhsOnlyQuote = "For certain services, clinical issues or safety may warrant an 'NHS only' tender.";
    private const string HostileTitle = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> & 'quoted'";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static CheckReport[] Batch()
    {
        var yarmouth = Cases.GreatYarmouth();
        var clinical = ProcurementFile.ParseYaml(
            File.ReadAllText(RepoPaths.GreatYarmouth).Replace("kind: policy", "kind: clinical", StringComparison.Ordinal), "clinical.yaml") with
        { Id = "clinical-reason", Title = null };
        var old = new ProposedProcurement { Id = "decided-2008", Title = "Before the letter", DecisionDate = new DateOnly(2008, 3, 1) };
        var empty = new ProposedProcurement { Id = "nothing-recorded" };
        return RulePack.Default.CheckAll([yarmouth, clinical, old, empty]).ToArray();
    }

    private static string Html(IEnumerable<CheckReport> reports, HtmlReportOptions? options = null)
    {
        using var text = new StringWriter();
        HtmlReportWriter.Write(text, reports, options);
        return text.ToString();
    }

    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    private static XElement Heat(XDocument page) => page.Descendants("table").Single(t => (string?)t.Attribute("class") == "heat");

    private static List<XElement> Rows(XElement table, string part) => table.Element(part)!.Elements("tr").ToList();

    private static XElement ById(XDocument page, string id) => page.Descendants().Single(e => (string?)e.Attribute("id") == id);

    [Test]
    public void Write_Batch_IsWellFormedWithARowPerCaseAndACellPerPrinciple()
    {
        var reports = Batch();
        var principles = RulePack.Default.Principles.Count;

        var page = Parse(Html(reports));

        page.Root!.Name.LocalName.Should().Be("html");
        var heat = Heat(page);
        var head = Rows(heat, "thead").Single();
        head.Elements("th").Where(th => (string?)th.Attribute("class") == "p").Select(th => th.Value)
            .Should().Equal(RulePack.Default.Principles.Select(p => p.Key), "a column per principle, in the pack's order");
        var body = Rows(heat, "tbody");
        body.Should().HaveCount(reports.Length, "a row per case");
        body.Select(r => r.Element("th")!.Element("a")!.Value).Should().Equal(reports.Select(r => r.ProcurementId));
        foreach (var (row, report) in body.Zip(reports))
        {
            var cells = row.Elements("td").Where(td => ((string?)td.Attribute("class"))?.StartsWith("v ", StringComparison.Ordinal) == true).ToList();
            if (report.Period == PeriodStatus.OutsidePeriod)
            {
                cells.Should().BeEmpty();
                row.Elements("td").First().Value.Should().Contain("not checked");
                ((string?)row.Elements("td").First().Attribute("colspan")).Should().Be(principles.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                cells.Should().HaveCount(principles, $"{report.ProcurementId} has a verdict per principle");
            }
        }
    }

    [Test]
    public void Write_EachCell_ShowsTheVerdictAsLetterAndClassAndLinksToAnElementOfItsCase()
    {
        var reports = Batch();

        var page = Parse(Html(reports));

        var letters = new Dictionary<OutcomeKind, (string Letter, string Class)>
        {
            [OutcomeKind.Breach] = ("B", "v b"),
            [OutcomeKind.Failed] = ("F", "v f"),
            [OutcomeKind.Undetermined] = ("U", "v u"),
            [OutcomeKind.Compliant] = ("C", "v c"),
            [OutcomeKind.NotApplicable] = ("–", "v n"),
        };
        var body = Rows(Heat(page), "tbody");
        var checkedCells = 0;
        for (var c = 0; c < reports.Length; c++)
        {
            var section = ById(page, "c" + (c + 1));
            section.Descendants("h3").Single().Value.Should().Contain(reports[c].ProcurementId);
            var cells = body[c].Elements("td").Where(td => ((string?)td.Attribute("class"))?.StartsWith("v ", StringComparison.Ordinal) == true).ToList();
            for (var p = 0; p < cells.Count; p++)
            {
                var expected = letters[reports[c].Verdicts[p].Kind];
                cells[p].Value.Should().Be(expected.Letter, $"{reports[c].ProcurementId}, {reports[c].Verdicts[p].Principle.Key}");
                ((string?)cells[p].Attribute("class")).Should().Be(expected.Class);
                var target = ((string)cells[p].Element("a")!.Attribute("href")!).TrimStart('#');
                ById(page, target).Ancestors().Should().Contain(section, "the cell links into its own case's section");
                checkedCells++;
            }
        }

        checkedCells.Should().Be(3 * RulePack.Default.Principles.Count, "three of the four cases were checked");
    }

    [Test]
    public void Write_BreachCell_LinksToTheBreachWithItsMessageFactsAndVerbatimCitations()
    {
        var reports = Batch();
        var breach = reports[0].For(NhsOnlyRule)!;
        breach.Kind.Should().Be(OutcomeKind.Breach);

        var page = Parse(Html(reports));

        var p = RulePack.Default.Principles.ToList().FindIndex(x => x.Key == "fair-tender");
        var cell = Rows(Heat(page), "tbody")[0].Elements("td").ElementAt(p);
        cell.Value.Should().Be("B");
        var target = ById(page, ((string)cell.Element("a")!.Attribute("href")!).TrimStart('#'));
        var article = target.Elements("article").Single(a => a.Descendants("code").Any(c => c.Value == NhsOnlyRule));
        article.Descendants("p").Should().Contain(e => e.Value == breach.Message);
        article.Descendants("dt").Select(d => d.Value).Should().Equal(breach.Facts.Select(f => f.Name));
        article.Descendants("dd").Select(d => d.Value).Should().Equal(breach.Facts.Select(f => f.Display));
        var quotes = article.Elements("blockquote").ToList();
        quotes.Select(q => q.Elements("p").First().Value).Should().Equal(breach.Citations.Select(c => c.Quote));
        quotes.Select(q => q.Elements("p").Last().Value).Should().Equal(breach.Citations.Select(c => $"— {c.SourceId}, {c.Locator}"));
        quotes[0].Elements("p").First().Value.Should().Be(NhsOnlyQuote);
    }

    [Test]
    public void Write_UndeterminedPrinciple_NamesTheMissingFactsInItsCase()
    {
        var reports = Batch();
        var verdict = reports[0].VerdictFor("staff-engagement")!;
        verdict.Kind.Should().Be(OutcomeKind.Undetermined);

        var page = Parse(Html(reports));

        var p = RulePack.Default.Principles.ToList().FindIndex(x => x.Key == "staff-engagement");
        var row = ById(page, $"c1-p{p + 1}");
        row.Name.LocalName.Should().Be("tr");
        row.Value.Should().Contain("undetermined").And.Contain("not recorded: " + verdict.DecidedBy[0].MissingFacts[0]);
    }

    [Test]
    public void Write_Margins_CountTheVerdictsOfEachRowAndColumn()
    {
        var reports = Batch();

        var page = Parse(Html(reports));

        var heat = Heat(page);
        var marginHeads = Rows(heat, "thead").Single().Elements("th").Where(th => ((string?)th.Attribute("class"))?.StartsWith('m') == true).Select(th => th.Value).ToList();
        marginHeads.Should().Equal("breach", "undetermined", "compliant", "not applicable");
        var yarmouth = Rows(heat, "tbody")[0].Elements("td").Where(td => ((string?)td.Attribute("class"))?.StartsWith('m') == true).Select(td => td.Value).ToList();
        yarmouth.Should().Equal(
            new[] { OutcomeKind.Breach, OutcomeKind.Undetermined, OutcomeKind.Compliant, OutcomeKind.NotApplicable }
                .Select(k => reports[0].Verdicts.Count(v => v.Kind == k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var footer = Rows(heat, "tfoot");
        footer.Should().HaveCount(4);
        var breachCounts = footer[0].Elements("td").SkipLast(1).Select(td => int.Parse(td.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        breachCounts.Should().Equal(RulePack.Default.Principles.Select(pr => reports.Count(r => r.VerdictFor(pr.Key)?.Kind == OutcomeKind.Breach)));
        breachCounts.Sum().Should().BeGreaterThan(0);
    }

    [Test]
    public void Write_Chart_HasABarPerBreachedPrincipleLabelledWithItsCounts()
    {
        var reports = Batch();

        var page = Parse(Html(reports));

        var svg = ById(page, "chart").Element(Svg + "svg")!;
        var groups = svg.Elements(Svg + "g").ToList();
        groups.Should().HaveCount(RulePack.Default.Principles.Count);
        var fair = groups.Single(g => g.Elements(Svg + "text").First().Value == "fair-tender");
        fair.Elements(Svg + "text").Last().Value.Should().Be("3 breaches in 2 cases", "Great Yarmouth breaches two fair-tender rules, the clinical-reason copy one");
        fair.Elements(Svg + "rect").Should().ContainSingle();
        var staff = groups.Single(g => g.Elements(Svg + "text").First().Value == "staff-engagement");
        staff.Elements(Svg + "rect").Should().BeEmpty("no case breaches it");
        staff.Elements(Svg + "text").Last().Value.Should().Be("0");
    }

    [Test]
    public void Write_HostileValues_AreEscapedEverywhere()
    {
        var hostile = new ProposedProcurement
        {
            Id = "\"><img src=x onerror=alert(3)>",
            Title = HostileTitle + " \u0001\u001b",
            DecisionDate = new DateOnly(2010, 1, 10),
            Scenario = Scenario.NewOrRedesignedService,
            Tender = new TenderPlan
            {
                Eligibility = TenderEligibility.NhsOnly,
                EligibilityJustification = new Justification { Kind = JustificationKind.Policy, Text = "</dd><script>alert(4)</script>" },
            },
            Timeline = [new TimelineEvent { Date = new DateOnly(2010, 1, 10), Kind = EventKind.TenderDecision }],
        };
        var report = RulePack.Default.Check(hostile);
        report.For(NhsOnlyRule)!.Kind.Should().Be(OutcomeKind.Breach, "the fact holding the hostile text is shown");

        var html = Html([report], new HtmlReportOptions { Title = "<script>alert(5)</script>" });

        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("</dd><script");
        var page = Parse(html);
        page.Descendants().Select(e => e.Name.LocalName).Should().NotContain(new[] { "script", "img", "iframe", "object" });
        page.Descendants().Attributes().Select(a => a.Name.LocalName).Should().NotContain(a => a.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        page.Descendants("title").Single().Value.Should().Be("<script>alert(5)</script>");
        var row = Rows(Heat(page), "tbody").Single();
        row.Element("th")!.Element("a")!.Value.Should().Be(hostile.Id);
        row.Element("th")!.Element("span")!.Value.Should().Be(HostileTitle + " \uFFFD\uFFFD", "control characters become U+FFFD; the rest reads as written");
        page.Descendants("dd").Should().Contain(dd => dd.Value == "</dd><script>alert(4)</script>");
    }

    [Test]
    public void Write_Page_NeedsNothingFromOutside()
    {
        var html = Html(Batch());

        var page = Parse(html);

        page.Descendants().Select(e => e.Name.LocalName).Should().NotContain(new[] { "script", "link", "img", "iframe" });
        page.Descendants().Attributes("src").Should().BeEmpty();
        page.Descendants("a").Select(a => (string)a.Attribute("href")!).Should().OnlyContain(h => h.StartsWith('#'), "every link is within the page");
        page.Descendants("style").Should().ContainSingle();
        html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal).Should().NotContain("http", "no address appears but the SVG namespace");
    }

    [Test]
    public void Write_NoCases_WritesAWellFormedPageSayingSo()
    {
        var page = Parse(Html([]));

        page.Descendants("h1").Single().Value.Should().Be("Principle verdicts for 0 cases");
        page.Descendants("p").Should().Contain(p => p.Value == "No cases were checked.");
        page.Descendants("table").Should().BeEmpty();
    }

    [Test]
    public void Write_FailedRule_IsShownAsFWithItsError()
    {
        using var testPack = TestPack.WithRule("Timeline.First().Date.IsExact");
        var report = testPack.Load().Check(new ProposedProcurement { Id = "empty", Timeline = [] });
        report.VerdictFor("fair-tender")!.Kind.Should().Be(OutcomeKind.Failed);

        var page = Parse(Html([report]));

        var cells = Rows(Heat(page), "tbody").Single().Elements("td").ToList();
        var p = report.Pack.Principles.ToList().FindIndex(x => x.Key == "fair-tender");
        cells[p].Value.Should().Be("F");
        ById(page, $"c1-p{p + 1}").Value.Should().Contain("test.rule: ").And.Contain("InvalidOperationException");
        Rows(Heat(page), "thead").Single().Elements("th").Select(th => th.Value).Should().Contain("failed", "a failed verdict gets its margin column");
    }

    /// <summary>
    /// Three cases each checked against the pack chosen for it, in input order: a 2013 case (the 2013 regulations), Great
    /// Yarmouth (the 2009 letter) and a PSR fixture whose contract was entered into before the standstill ended.
    /// </summary>
    private static CheckReport[] MixedBatch()
    {
        var cases = new[]
        {
            ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", "cambridgeshire-unitingcare-2013.yaml")),
            Cases.GreatYarmouth(),
            ProcurementFile.Load(Path.Combine(RepoPaths.Rules, "psr-2023", "fixtures", "standstill.no-contract-before-end", "breach-easter-contract-on-8th-working-day.yaml")),
        };
        var reports = cases.Select(c => RulePack.Select(c).Check()).ToArray();
        reports.Select(r => r.PackId).Should().Equal(["ppccr-2013", "burnham-2009", "psr-2023"], "each case is chosen its own pack");
        return reports;
    }

    private static XElement PackPart(XDocument page, int number) => ById(page, $"pack-{number}");

    [Test]
    public void Write_ReportsOfSeveralPacks_GivesEachPackItsHeadingHeatMapAndChartInFirstSeenOrder()
    {
        var reports = MixedBatch();

        var page = Parse(Html(reports));

        var parts = page.Descendants("section").Where(e => (string?)e.Attribute("class") == "pack").ToList();
        parts.Select(e => (string?)e.Attribute("id")).Should().Equal("pack-1", "pack-2", "pack-3");
        for (var i = 0; i < reports.Length; i++)
        {
            var pack = reports[i].Pack;
            var part = PackPart(page, i + 1);
            var heading = part.Element("h2")!;
            heading.Element("code")!.Value.Should().Be(pack.Id);
            heading.Value.Should().Contain(pack.Version).And.Contain(pack.Title);
            part.Elements("p").Single(e => (string?)e.Attribute("class") == "period").Value
                .Should().StartWith($"In force from {pack.InForceFrom:yyyy-MM-dd}", "the pack's period is given");
            var heat = part.Descendants("table").Single(t => (string?)t.Attribute("class") == "heat");
            heat.Parent!.Attribute("id")!.Value.Should().Be($"heat-map-{i + 1}");
            Rows(heat, "thead").Single().Elements("th").Where(th => (string?)th.Attribute("class") == "p").Select(th => th.Value)
                .Should().Equal(pack.Principles.Select(p => p.Key), "the pack's own principles are its columns");
            Rows(heat, "tbody").Select(r => r.Element("th")!.Element("a")!.Value).Should().Equal([reports[i].ProcurementId], "only the pack's cases are its rows");
        }

        PackPart(page, 1).Descendants(Svg + "svg").Should().BeEmpty("a pack without breaches gets a line, not an empty chart");
        ById(page, "chart-1").Value.Should().Contain("No case checked against this pack breaches");
        var psrChart = ById(page, "chart-3").Element(Svg + "svg")!;
        psrChart.Elements(Svg + "g").Should().HaveCount(reports[2].Pack.Principles.Count);
        psrChart.Elements(Svg + "g").Single(g => g.Elements(Svg + "text").First().Value == "standstill").Elements(Svg + "text").Last().Value
            .Should().Be("1 breach in 1 case");
        page.Descendants("p").Single(e => (string?)e.Attribute("class") == "totals" && e.Parent!.Name.LocalName == "header").Value
            .Should().Be("3 cases against 3 rule packs: 2 cases with at least one breach (3 breaches in all).");
        var ids = page.Descendants().Attributes("id").Select(a => a.Value).ToList();
        ids.Should().OnlyHaveUniqueItems();
        page.Descendants("a").Select(a => ((string)a.Attribute("href")!).TrimStart('#')).Should().OnlyContain(id => ids.Contains(id), "every link has a target");
    }

    [Test]
    public void Write_ReportsOfSeveralPacks_CaseSectionsStayInInputOrderNamingTheirPackAndWhyItWasChosen()
    {
        var reports = MixedBatch();

        var page = Parse(Html(reports));

        var sections = ById(page, "cases").Elements("section").ToList();
        sections.Select(e => e.Element("h3")!.Value).Should().Equal(reports.Select((r, i) => $"{i + 1}. {r.ProcurementId}" + (r.ProcurementTitle is null ? "" : " " + r.ProcurementTitle)));
        for (var i = 0; i < reports.Length; i++)
        {
            var meta = sections[i].Elements("p").Select(e => e.Value).ToList();
            meta[0].Should().Be($"Checked against rule pack {reports[i].Pack.Id} {reports[i].Pack.Version}: {reports[i].Pack.Title}.");
            meta[1].Should().Be("Pack chosen automatically: " + reports[i].Selection!.Reason);
            sections[i].Descendants("a").Select(a => (string?)a.Attribute("href")).Should().Contain($"#heat-map-{i + 1}", "the back link goes to the case's own pack");
        }

        reports[2].Version.Should().NotBeNull();
        sections[2].Elements("p").ElementAt(2).Value.Should().Contain($"Version {reports[2].Version!.Name}: {reports[2].Version!.Title}.");
        sections[2].Descendants("code").Select(c => c.Value).Should().Contain("standstill.no-contract-before-end");
    }

    [Test]
    public void Write_OnePackChosenAutomatically_KeepsTheOnePackLayoutAndGivesTheReason()
    {
        var report = RulePack.Select(Cases.GreatYarmouth()).Check();

        var page = Parse(Html([report]));

        page.Descendants("section").Where(e => (string?)e.Attribute("class") == "pack").Should().BeEmpty();
        ById(page, "heat-map").Should().NotBeNull();
        ById(page, "c1").Elements("p").First().Value.Should().Be("Pack chosen automatically: " + report.Selection!.Reason);
        ById(page, "c1").Descendants("a").Select(a => (string?)a.Attribute("href")).Should().Contain("#heat-map");
    }

    [Test]
    public void WriteNotChecked_CaseWithoutAPack_IsCountedAndGetsASectionWithTheReasonAndThePacksConsidered()
    {
        var nothing = new ProposedProcurement { Id = "\"><img src=x>", Title = HostileTitle };
        var selection = RulePack.Select(nothing);
        selection.Pack.Should().BeNull();
        using var text = new StringWriter();
        var writer = new HtmlReportWriter(text);
        var reports = MixedBatch();
        writer.Write(reports[0]);
        writer.WriteNotChecked(nothing.Id, nothing.Title, selection);
        writer.Write(reports[1]);
        writer.CaseCount.Should().Be(3);

        writer.Complete();

        var html = text.ToString();
        html.Should().NotContain("<img").And.NotContain("<script");
        var page = Parse(html);
        page.Descendants("p").Single(e => (string?)e.Attribute("class") == "totals" && e.Parent!.Name.LocalName == "header").Value
            .Should().Be("3 cases against 2 rule packs: 1 case with at least one breach (2 breaches in all); 1 case not checked: no rule pack could be chosen.");
        ById(page, "not-chosen").Descendants("a").Single().Value.Should().Be(nothing.Id);
        var section = ById(page, "c2");
        section.Element("h3")!.Value.Should().Be($"2. {nothing.Id} {HostileTitle}");
        section.Elements("p").First().Value.Should().Contain("Not checked: no rule pack could be chosen.").And.Contain(selection.Reason);
        section.Descendants("li").Select(li => li.Value).Should().Equal(selection.Considered);
        selection.Considered.Should().HaveCount(RulePack.EmbeddedPackIds.Count);
        page.Descendants("table").Where(t => (string?)t.Attribute("class") == "heat").SelectMany(t => Rows(t, "tbody"))
            .Select(r => r.Element("th")!.Element("a")!.Value).Should().NotContain(nothing.Id, "a case without a pack has no heat-map row");
    }

    [Test]
    public void WriteNotChecked_OnAOnePackPage_IsCountedAndKeepsTheOnePackLayout()
    {
        var nothing = new ProposedProcurement { Id = "nothing-recorded" };
        using var text = new StringWriter();
        var writer = new HtmlReportWriter(text);
        writer.Write(RulePack.Default.Check(Cases.GreatYarmouth()));
        writer.WriteNotChecked(nothing.Id, null, RulePack.Select(nothing));

        writer.Complete();

        var page = Parse(text.ToString());
        page.Descendants("p").Single(e => (string?)e.Attribute("class") == "totals").Value
            .Should().Be($"2 cases against {RulePack.Default.Principles.Count} principles: 1 case with at least one breach (2 breaches in all); 1 case not checked: no rule pack could be chosen.");
        Rows(Heat(page), "tbody").Should().ContainSingle();
        ById(page, "c2").Element("h3")!.Value.Should().Be("2. nothing-recorded");
    }

    [Test]
    public void WriteNotChecked_SelectionThatChoseAPack_Throws()
    {
        var selection = RulePack.Select(Cases.GreatYarmouth());
        selection.Pack.Should().NotBeNull();
        var writer = new HtmlReportWriter(new StringWriter());

        var act = () => writer.WriteNotChecked("great-yarmouth-2009", null, selection);

        act.Should().Throw<ArgumentException>().WithMessage("*(burnham-2009) was chosen for 'great-yarmouth-2009'*");
        writer.CaseCount.Should().Be(0);
    }

    [Test]
    public void Write_AfterComplete_Throws()
    {
        using var text = new StringWriter();
        var writer = new HtmlReportWriter(text);
        writer.Write(RulePack.Default.Check(Cases.GreatYarmouth()));
        writer.Complete();
        text.ToString().Should().EndWith("</html>\n");

        var act = () => writer.Write(RulePack.Default.Check(Cases.GreatYarmouth()));

        act.Should().Throw<InvalidOperationException>();
        writer.Invoking(w => w.Complete()).Should().Throw<InvalidOperationException>();
        writer.CaseCount.Should().Be(1);
    }

    [Test]
    public void Write_WithoutOtherVerdicts_ListsOnlyBreaches()
    {
        var reports = Batch();

        var page = Parse(Html(reports, new HtmlReportOptions { IncludeOtherVerdicts = false }));

        page.Descendants("table").Where(t => (string?)t.Attribute("class") == "others").Should().BeEmpty();
        page.Descendants("article").Should().HaveCount(reports.Sum(r => r.Breaches.Count));
        var ids = page.Descendants().Attributes("id").Select(a => a.Value).ToHashSet();
        page.Descendants("a").Select(a => ((string)a.Attribute("href")!).TrimStart('#')).Should().OnlyContain(id => ids.Contains(id), "every link has a target");
    }
}
