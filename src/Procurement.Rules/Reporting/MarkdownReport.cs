using System.Globalization;
using System.Linq;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>The Markdown report, for pull requests, wikis and notebooks.</summary>
internal static class MarkdownReport
{
    public static string Write(CheckReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(report.ProcurementId));
        if (report.ProcurementTitle is not null)
        {
            md.Append(": ").Append(Escape(report.ProcurementTitle));
        }

        md.AppendLine().AppendLine();
        md.Append("Rule pack `").Append(report.Pack.Id).Append("` ").Append(report.Pack.Version).Append(": ").AppendLine(Escape(report.Pack.Title)).AppendLine();
        md.AppendLine(TextReport.PeriodNote(report)).AppendLine();
        md.Append("**Result:** ").AppendLine(TextReport.Summary(report));
        if (report.Verdicts.Count > 0)
        {
            md.AppendLine().AppendLine("## Verdicts by principle").AppendLine();
            md.AppendLine("| principle | verdict | decided by |").AppendLine("|---|---|---|");
            foreach (var verdict in report.Verdicts)
            {
                md.Append("| `").Append(verdict.Principle.Key).Append("` | ").Append(TextReport.Label(verdict.Kind)).Append(" | ")
                    .Append(string.Join(", ", TextReport.Shown(verdict).Select(o => "`" + o.Rule.Id + "`"))).AppendLine(" |");
            }
        }

        if (report.Breaches.Count > 0)
        {
            md.AppendLine().AppendLine("## Breaches");
            foreach (var b in report.Breaches)
            {
                md.AppendLine().Append(CultureInfo.InvariantCulture, $"### {TextReport.Label(b.Rule.Severity)}: `{b.Rule.Id}`").AppendLine().AppendLine();
                md.Append("**").Append(Escape(b.Rule.Title)).Append("** (principle `").Append(b.Rule.Principle.Key).AppendLine("`)").AppendLine();
                md.AppendLine(Escape(b.Message)).AppendLine();
                if (b.Facts.Count > 0)
                {
                    md.AppendLine("Facts used:").AppendLine();
                    foreach (var fact in b.Facts)
                    {
                        md.Append("- `").Append(fact.Name).Append("`: ").AppendLine(Escape(fact.Display));
                    }

                    md.AppendLine();
                }

                foreach (var c in b.Citations)
                {
                    md.Append("> ").AppendLine(Escape(c.Quote));
                    md.AppendLine(">");
                    md.Append("> — ").Append(c.SourceId).Append(", ").AppendLine(Escape(c.Locator)).AppendLine();
                }
            }
        }

        foreach (var kind in new[] { OutcomeKind.Failed, OutcomeKind.Undetermined, OutcomeKind.Compliant, OutcomeKind.NotApplicable })
        {
            var items = report.OfKind(kind).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            md.AppendLine().Append("## ").AppendLine(TextReport.Heading(kind)).AppendLine();
            foreach (var o in items)
            {
                md.Append("- `").Append(o.Rule.Id).Append("`: ").AppendLine(Escape(o.Message));
            }
        }

        return md.ToString();
    }

    /// <summary>Escapes the characters Markdown would read as formatting or HTML.</summary>
    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", System.StringComparison.Ordinal)
        .Replace("*", "\\*", System.StringComparison.Ordinal)
        .Replace("_", "\\_", System.StringComparison.Ordinal)
        .Replace("<", "&lt;", System.StringComparison.Ordinal);
}
