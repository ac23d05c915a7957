using System.Text;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Tests;

/// <summary>The CSV writer: RFC 4180 quoting, both layouts, streaming header, the formula guard.</summary>
public class CsvReportWriterTests
{
    private static CheckReport GreatYarmouth() => RulePack.Default.Check(Cases.GreatYarmouth());

    private static string Csv(CsvLayout layout, Action<CsvReportWriter> write, bool guard = true)
    {
        var text = new StringWriter();
        write(new CsvReportWriter(text, layout) { GuardFormulas = guard });
        return text.ToString();
    }

    [Test]
    public void Write_ByRule_HeaderThenOneRowPerOutcomeInReportOrder()
    {
        var report = GreatYarmouth();

        var rows = CsvParser.Parse(Csv(CsvLayout.ByRule, w => w.Write(report, "samples/cases/gy.yaml")));

        rows[0].Should().Equal("case_id", "file", "pack", "rule_id", "principle", "severity", "outcome", "message", "missing_facts", "note", "would_decide");
        rows.Should().HaveCount(report.Outcomes.Count + 1);
        rows.Skip(1).Select(r => r[3]).Should().Equal(report.Outcomes.Select(o => o.Rule.Id));
        var breach = rows.Single(r => r[3] == "fair-tender.nhs-only-needs-reason");
        breach.Should().Equal(
            "great-yarmouth-2009", "samples/cases/gy.yaml", "burnham-2009", "fair-tender.nhs-only-needs-reason", "fair-tender",
            "critical", "breach", report.For("fair-tender.nhs-only-needs-reason")!.Message, string.Empty, string.Empty, string.Empty);
        var undetermined = rows.Single(r => r[3] == "early-provider-engagement.before-tender-decision");
        undetermined[6].Should().Be("undetermined");
        undetermined[8].Should().Be("timeline.incumbentEngaged");
    }

    [Test]
    public void Write_ByPrinciple_OneRowPerVerdictWithDecidingRules()
    {
        var report = GreatYarmouth();

        var rows = CsvParser.Parse(Csv(CsvLayout.ByPrinciple, w => w.Write(report)));

        rows[0].Should().Equal("case_id", "file", "pack", "principle", "principle_title", "verdict", "deciding_rules", "note");
        rows.Skip(1).Select(r => r[3]).Should().Equal(report.Verdicts.Select(v => v.Principle.Key));
        var fair = rows.Single(r => r[3] == "fair-tender");
        fair[4].Should().Be(report.VerdictFor("fair-tender")!.Principle.Title);
        fair[5].Should().Be("breach");
        fair[6].Should().Be(string.Join("; ", report.VerdictFor("fair-tender")!.DecidedBy.Select(o => o.Rule.Id)));
        fair[1].Should().BeEmpty();
    }

    [Test]
    public void Write_SeveralReports_HeaderOnceAndRowsCounted()
    {
        var report = GreatYarmouth();
        var text = new StringWriter();
        var csv = new CsvReportWriter(text);

        csv.Write(report, "a.yaml");
        csv.Write(report, "b.yaml");

        var rows = CsvParser.Parse(text.ToString());
        rows.Count(r => r[0] == "case_id").Should().Be(1);
        csv.RowsWritten.Should().Be(2 * report.Outcomes.Count);
        rows.Skip(1).Select(r => r[1]).Distinct().Should().Equal("a.yaml", "b.yaml");
        text.ToString().Should().EndWith("\r\n").And.NotContain("\r\n\r\n");
    }

    [Test]
    public void WriteHeader_NoReports_WritesTheHeaderOnly()
    {
        Csv(CsvLayout.ByPrinciple, w => { w.WriteHeader(); w.WriteHeader(); })
            .Should().Be("case_id,file,pack,principle,principle_title,verdict,deciding_rules,note\r\n");
    }

    [Test]
    public void Write_CommaQuoteAndNewline_AreQuotedPerRfc4180AndRoundTrip()
    {
        var report = RulePack.Default.Check(Cases.GreatYarmouth() with { Id = "a, \"b\"\nc" });

        var text = Csv(CsvLayout.ByRule, w => w.Write(report, " spaced.yaml"));

        text.Should().Contain("\"a, \"\"b\"\"\nc\",\" spaced.yaml\",");
        CsvParser.Parse(text).Skip(1).Should().OnlyContain(r => r[0] == "a, \"b\"\nc" && r[1] == " spaced.yaml" && r.Length == 11);
    }

    [TestCase("=HYPERLINK(\"http://x\")")]
    [TestCase("+1")]
    [TestCase("-2+3")]
    [TestCase("@SUM(A1)")]
    [TestCase("\tcmd")]
    public void Write_ValueStartingLikeAFormula_IsPrefixedWithAnApostrophe(string id)
    {
        var report = RulePack.Default.Check(Cases.GreatYarmouth() with { Id = id });

        var rows = CsvParser.Parse(Csv(CsvLayout.ByRule, w => w.Write(report, "=x.yaml")));

        rows.Skip(1).Should().OnlyContain(r => r[0] == "'" + id && r[1] == "'=x.yaml");
    }

    [Test]
    public void Write_GuardOff_WritesFormulaLikeValuesAsTheyAre()
    {
        var report = RulePack.Default.Check(Cases.GreatYarmouth() with { Id = "=1+1" });

        var rows = CsvParser.Parse(Csv(CsvLayout.ByRule, w => w.Write(report), guard: false));

        rows.Skip(1).Should().OnlyContain(r => r[0] == "=1+1");
    }

    [Test]
    public void Write_OutsidePeriod_OneNotCheckedRowNamingThePeriod()
    {
        var report = RulePack.Default.Check(Cases.GreatYarmouth() with { DecisionDate = Cases.D(2009, 9, 24) });

        var byRule = CsvParser.Parse(Csv(CsvLayout.ByRule, w => w.Write(report)));
        var byPrinciple = CsvParser.Parse(Csv(CsvLayout.ByPrinciple, w => w.Write(report)));

        byRule.Should().HaveCount(2);
        byRule[1][6].Should().Be("notChecked");
        byRule[1][7].Should().Contain("outside the pack's period");
        byPrinciple.Should().HaveCount(2);
        byPrinciple[1][5].Should().Be("notChecked");
    }

    [Test]
    public void Write_Note_FillsTheNoteColumnPerOutcomeAndJoinsPerPrinciple()
    {
        var report = GreatYarmouth();
        string? Note(RuleOutcome o) => o.Kind == OutcomeKind.Breach ? "waived: " + o.Rule.Id : null;

        var byRule = CsvParser.Parse(Csv(CsvLayout.ByRule, w => w.Write(report, null, Note)));
        var byPrinciple = CsvParser.Parse(Csv(CsvLayout.ByPrinciple, w => w.Write(report, null, Note)));

        byRule.Skip(1).Where(r => r[6] == "breach").Should().OnlyContain(r => r[9] == "waived: " + r[3]);
        byRule.Skip(1).Where(r => r[6] != "breach").Should().OnlyContain(r => r[9].Length == 0);
        byPrinciple.Single(r => r[3] == "fair-tender")[7].Should().Be(
            string.Join("; ", report.VerdictFor("fair-tender")!.DecidedBy.Select(o => "waived: " + o.Rule.Id)))
            .And.Contain("waived: fair-tender.nhs-only-needs-reason");
    }

    [Test]
    public void Constructor_UndefinedLayout_Throws()
    {
        var act = () => new CsvReportWriter(new StringWriter(), (CsvLayout)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("layout");
    }

    /// <summary>A strict RFC 4180 reader for the tests (no CSV package is pinned; this is the whole grammar).</summary>
    internal static class CsvParser
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                        }
                        else if (text[i] == '"')
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            field.Append(text[i++]);
                        }
                    }
                }

                while (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    text[i].Should().NotBe('"', "a quote may only appear in a quoted field");
                    text[i].Should().NotBe('\n', "a bare line feed must be quoted");
                    field.Append(text[i++]);
                }

                row.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                text.Substring(i, 2).Should().Be("\r\n");
                i += 2;
                rows.Add([.. row]);
                row.Clear();
            }

            return rows;
        }
    }
}
