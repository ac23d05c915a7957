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
        md.Append("# ").Append(Value(report.ProcurementId));
        if (report.ProcurementTitle is not null)
        {
            md.Append(": ").Append(Value(report.ProcurementTitle));
        }

        md.AppendLine().AppendLine();
        md.Append("Rule pack ").Append(Code(report.Pack.Id)).Append(' ').Append(Value(report.Pack.Version)).Append(": ").AppendLine(Value(report.Pack.Title)).AppendLine();
        if (TextReport.SelectionNote(report) is { } chosen)
        {
            md.AppendLine(chosen).AppendLine();
        }

        md.AppendLine(TextReport.PeriodNote(report, static text => Value(text))).AppendLine();
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

        var derived = TextReport.DerivedRead(report);
        if (derived.Count > 0)
        {
            md.AppendLine().AppendLine("## Derived facts").AppendLine();
            md.AppendLine("Inferred from the record; a recorded fact of the same kind would win.").AppendLine();
            foreach (var (fact, readBy) in derived)
            {
                md.Append("- ").Append(Value(TextReport.DerivedLine(fact))).Append("; read by ").AppendLine(string.Join(", ", readBy.Select(Code)));
            }
        }

        if (report.Breaches.Count > 0)
        {
            md.AppendLine().AppendLine("## Breaches");
            foreach (var b in report.Breaches)
            {
                md.AppendLine().Append(CultureInfo.InvariantCulture, $"### {TextReport.Label(b.Rule.Severity)}: {Code(b.Rule.Id)}").AppendLine().AppendLine();
                md.Append("**").Append(Value(b.Rule.Title)).Append("** (principle ").Append(Code(b.Rule.Principle.Key)).AppendLine(")").AppendLine();
                md.AppendLine(Value(b.Message, startsLine: true)).AppendLine();
                if (b.Facts.Count > 0)
                {
                    md.AppendLine("Facts used:").AppendLine();
                    foreach (var fact in b.Facts)
                    {
                        md.Append("- ").Append(Code(fact.Name)).Append(": ").AppendLine(Value(fact.Display));
                    }

                    md.AppendLine();
                }

                if (b.Derived.Count > 0)
                {
                    md.AppendLine("Derived facts used:").AppendLine();
                    foreach (var fact in b.Derived)
                    {
                        md.Append("- ").AppendLine(Value(TextReport.DerivedLine(fact)));
                    }

                    md.AppendLine();
                }

                foreach (var c in b.Citations)
                {
                    md.Append("> ").AppendLine(Value(c.Quote, startsLine: true));
                    md.AppendLine(">");
                    md.Append("> — ").Append(Value(c.SourceId)).Append(", ").AppendLine(Value(c.Locator)).AppendLine();
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
                md.Append("- ").Append(Code(o.Rule.Id)).Append(": ").AppendLine(Value(o.Message));
                foreach (var sentence in o.WouldDecide)
                {
                    md.Append("  - ").Append(TextReport.WouldDecideLabel).AppendLine(WithCode(sentence));
                }
            }
        }

        return md.ToString();
    }

    /// <summary>
    /// A value from input (a case file or a rule pack) as inert Markdown text: control characters and line breaks shown
    /// as <c>\uXXXX</c> (<see cref="SafeText"/>), so it stays on its line and cannot start a heading, list or quote;
    /// every ASCII punctuation character Markdown or HTML could read as syntax (links, images, emphasis, code, tables,
    /// tags, entities) escaped with a backslash, <c>&lt;</c> and <c>&amp;</c> as entities. A value that
    /// <paramref name="startsLine"/> also has a leading <c>-</c>, <c>+</c>, <c>=</c> or <c>12.</c> escaped (a list item or heading line).
    /// </summary>
    internal static string Value(string? text, bool startsLine = false)
    {
        var visible = SafeText.Visible(text);
        StringBuilder? md = null;
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            var replacement = c switch
            {
                '<' => "&lt;",
                '&' => "&amp;",
                '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '|' or '>' or '~' or '{' or '}' or '@' or '$' => "\\" + c,
                '-' or '+' or '=' when startsLine && i == 0 => "\\" + c,
                '.' when startsLine && LeadingDigits(visible, i) => "\\.",
                _ => null,
            };
            if (replacement is null)
            {
                md?.Append(c);
                continue;
            }

            md ??= new StringBuilder(visible.Length + 16).Append(visible, 0, i);
            md.Append(replacement);
        }

        return md?.ToString() ?? visible;
    }

    /// <summary>Whether every character before <paramref name="end"/> is a digit ("12." would start a numbered list).</summary>
    private static bool LeadingDigits(string text, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A sentence of ours whose <c>`key`</c> spans are shown as code, the rest as inert text.</summary>
    internal static string WithCode(string sentence)
    {
        var parts = sentence.Split('`');
        var md = new StringBuilder(sentence.Length + 8);
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts were between backticks; an unpaired backtick leaves its tail as text.
            md.Append(i % 2 == 1 && i < parts.Length - 1 ? Code(parts[i]) : Value(parts[i]));
        }

        return md.ToString();
    }

    /// <summary>An identifier as a code span; one that holds a backtick or a control character is written as escaped text instead.</summary>
    private static string Code(string text) =>
        text.Length > 0 && !text.Contains('`', System.StringComparison.Ordinal) && ReferenceEquals(SafeText.Visible(text), text) ? "`" + text + "`" : Value(text);

    /// <summary>Escapes the characters Markdown would read as formatting or HTML (the rule catalogue's text, written by pack authors, with its line breaks kept).</summary>
    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", System.StringComparison.Ordinal)
        .Replace("*", "\\*", System.StringComparison.Ordinal)
        .Replace("_", "\\_", System.StringComparison.Ordinal)
        .Replace("<", "&lt;", System.StringComparison.Ordinal);
}
