using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Procurement.Model;

namespace Procurement.Rules.Reporting;

/// <summary>The plain-text report: readable in a console, a log or a notebook cell.</summary>
internal static class TextReport
{
    private const int WrapWidth = 118;

    public static string Label(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "BREACH",
        OutcomeKind.Failed => "FAILED",
        OutcomeKind.Undetermined => "UNDETERMINED",
        OutcomeKind.Compliant => "COMPLIANT",
        _ => "NOT APPLICABLE",
    };

    public static string Label(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Major => "major",
        _ => "minor",
    };

    public static string Heading(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "Breaches",
        OutcomeKind.Failed => "Could not be evaluated",
        OutcomeKind.Undetermined => "Undetermined (facts not recorded)",
        OutcomeKind.Compliant => "Compliant",
        _ => "Not applicable",
    };

    public static string Summary(CheckReport report)
    {
        if (report.Period == PeriodStatus.OutsidePeriod)
        {
            return "not checked: outside the pack's period";
        }

        static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
        var o = report.Outcomes;
        var parts = new List<string> { Count(o.Count(x => x.Kind == OutcomeKind.Breach), "breach", "breaches") };
        var failed = o.Count(x => x.Kind == OutcomeKind.Failed);
        if (failed > 0)
        {
            // Shown only when it happens: a failed rule means the check is incomplete.
            parts.Add(Count(failed, "failed", "failed"));
        }

        parts.Add(Count(o.Count(x => x.Kind == OutcomeKind.Undetermined), "undetermined", "undetermined"));
        parts.Add(Count(o.Count(x => x.Kind == OutcomeKind.Compliant), "compliant", "compliant"));
        parts.Add(Count(o.Count(x => x.Kind == OutcomeKind.NotApplicable), "not applicable", "not applicable"));
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The period line. <paramref name="value"/> escapes the text in it that comes from the pack (a version's name and
    /// title) for the writer's output; the rest is the library's own words and dates.
    /// </summary>
    public static string PeriodNote(CheckReport report, Func<string, string>? value = null)
    {
        value ??= static text => text;
        var pack = report.Pack;
        var period = "in force from " + Format(pack.InForceFrom) + (pack.InForceUntil is { } until ? " until " + Format(until) : string.Empty);
        var version = report.Version is { } v ? $" Version {value(v.Name)}: {value(v.Title)}." : pack.Versions.Count > 0 && report.Period != PeriodStatus.OutsidePeriod
            ? " Version not decided: the record does not say whether the process commenced before or after an amendment; rules an amendment added are undetermined."
            : string.Empty;
        var note = (pack.DecidedBy, report.Period) switch
        {
            (_, PeriodStatus.DecisionDateNotRecorded) when pack.DecidedBy == DecidingDate.Decision
                => $"Decision date not recorded: the pack's period ({period}) was not checked.",
            (_, PeriodStatus.DecisionDateNotRecorded) when report.DecidingDate is { IsUndated: false } span
                => $"{Capital(Deciding(report, span))}, which may be either side of the pack's period ({period}): the period was not checked.",
            (_, PeriodStatus.DecisionDateNotRecorded)
                => $"When the process commenced is not recorded (a processCommenced event): the pack's period ({period}) was not checked.",
            (_, PeriodStatus.InForce) => $"{Lead(report)}within the pack's period ({period}).",
            (_, PeriodStatus.OutsidePeriod) => $"{Lead(report)}outside the pack's period ({period}): not checked. Ask to check outside the period to apply the rules anyway.",
            _ => $"{Lead(report)}outside the pack's period ({period}): checked anyway, as asked.",
        };
        note = char.ToUpperInvariant(note[0]) + note[1..];
        return note + version;
    }

    /// <summary>"decided 2009-10-01", "commenced 2024-05", "modified 2024-04-10" for the date that decided the period.</summary>
    private static string Deciding(CheckReport report, EventDate date) => report.Pack.DecidedBy == DecidingDate.Decision
        ? "decided " + date
        : (report.DecidedByModification ? "modified " : "commenced ") + date;

    /// <summary>
    /// "Decided 2009-10-01, " or "Commenced 2024-05, ": the date that placed the report in or outside the period; empty
    /// for a report built without one (ReportBuilder gives only a status).
    /// </summary>
    private static string Lead(CheckReport report)
    {
        if (report.DecidingDate is { } deciding)
        {
            return Capital(Deciding(report, deciding)) + ", ";
        }

        return report.DecisionDate is { } decided ? "Decided " + Format(decided) + ", " : string.Empty;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The selection's reason, when the pack was chosen automatically: "Pack chosen automatically: ...".</summary>
    public static string? SelectionNote(CheckReport report) => report.Selection switch
    {
        null => null,
        { Status: PackSelectionStatus.OnlyPossible } s => "Pack chosen automatically (the only one that can apply): " + s.Reason,
        { } s => "Pack chosen automatically: " + s.Reason,
    };

    /// <summary>
    /// A verdict's deciding rules worth naming: every one for a breach, failure or undetermined principle and for a
    /// compliant one; none when nothing applies (the list would be every rule of other scenarios).
    /// </summary>
    public static IReadOnlyList<RuleOutcome> Shown(PrincipleVerdict verdict) =>
        verdict.Kind == OutcomeKind.NotApplicable ? Array.Empty<RuleOutcome>() : verdict.DecidedBy;

    /// <summary>
    /// The derived facts the report's rules read, each once, in report order, with the ids of the rules that read it
    /// (docs/writing-rules.md, "Derived facts").
    /// </summary>
    public static IReadOnlyList<(DerivedFact Fact, IReadOnlyList<string> ReadBy)> DerivedRead(CheckReport report) =>
        report.Outcomes.SelectMany(o => o.Derived.Select(d => (Fact: d, Rule: o.Rule.Id)))
            .GroupBy(x => x.Fact)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(x => x.Rule).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();

    /// <summary>A derived fact in one line: the fact, where it came from, and the inference's id.</summary>
    public static string DerivedLine(DerivedFact fact) => $"{fact} [{fact.InferenceId}]";

    private static void WriteDerived(CheckReport report, StringBuilder text)
    {
        var derived = DerivedRead(report);
        if (derived.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("DERIVED FACTS (inferred from the record; a recorded fact of the same kind would win)");
        foreach (var (fact, readBy) in derived)
        {
            text.Append("- ").Append(V(DerivedLine(fact))).Append("; read by ").AppendLine(V(string.Join(", ", readBy)));
        }
    }

    /// <summary>The verdicts, first in the report: one line per principle with the rules that decide it.</summary>
    private static void WriteVerdicts(CheckReport report, StringBuilder text)
    {
        if (report.Verdicts.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("VERDICTS BY PRINCIPLE");
        foreach (var verdict in report.Verdicts)
        {
            text.Append("- ").Append(verdict.Principle.Key).Append(": ").Append(Label(verdict.Kind));
            var shown = Shown(verdict);
            if (shown.Count > 0)
            {
                text.Append(" (").Append(string.Join(", ", shown.Select(o => o.Rule.Id))).Append(')');
            }

            text.AppendLine();
        }
    }

    public static string Write(CheckReport report)
    {
        var text = new StringBuilder();
        // Every value from a case file or a rule pack goes through V (SafeText.Visible): control characters in them
        // are shown as \uXXXX, never sent to the terminal.
        text.Append("Procurement ").Append(V(report.ProcurementId));
        if (report.ProcurementTitle is not null)
        {
            text.Append(": ").Append(V(report.ProcurementTitle));
        }

        text.AppendLine();
        text.Append("Rule pack ").Append(V(report.Pack.Id)).Append(' ').Append(V(report.Pack.Version)).Append(": ").AppendLine(V(report.Pack.Title));
        if (SelectionNote(report) is { } chosen)
        {
            text.AppendLine(V(chosen));
        }

        text.AppendLine(PeriodNote(report, V));
        text.Append("Result: ").AppendLine(Summary(report));
        WriteVerdicts(report, text);
        WriteDerived(report, text);

        var breaches = report.Breaches;
        if (breaches.Count > 0)
        {
            text.AppendLine().AppendLine(Heading(OutcomeKind.Breach).ToUpperInvariant());
            for (var i = 0; i < breaches.Count; i++)
            {
                var b = breaches[i];
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"{i + 1}. [{Label(b.Rule.Severity)}] {V(b.Rule.Id)}: {V(b.Rule.Title)}").AppendLine();
                text.Append("   Principle: ").Append(V(b.Rule.Principle.Key)).Append(" (").Append(V(b.Rule.Principle.Title)).AppendLine(")");
                text.Append("   ").AppendLine(V(b.Message));
                if (b.Facts.Count > 0)
                {
                    text.Append("   Facts: ").AppendLine(V(string.Join("; ", b.Facts)));
                }

                if (b.Derived.Count > 0)
                {
                    text.Append("   Derived: ").AppendLine(V(string.Join("; ", b.Derived.Select(DerivedLine))));
                }

                foreach (var citation in b.Citations)
                {
                    text.Append("   Cites ").Append(V(citation.SourceId)).Append(", ").Append(V(citation.Locator)).AppendLine(":");
                    text.Append("     \"").Append(V(citation.Quote)).AppendLine("\"");
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

            text.AppendLine().AppendLine(Heading(kind).ToUpperInvariant());
            if (kind == OutcomeKind.Undetermined)
            {
                WriteUndetermined(items, text);
                continue;
            }

            foreach (var o in items)
            {
                text.Append("- ").Append(V(o.Rule.Id)).Append(": ").AppendLine(V(o.Message));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Undetermined rules that miss the same facts are listed together (a partial case file leaves many rules waiting
    /// for the same fact, typically the scenario); a rule missing its own facts gets its own line.
    /// </summary>
    private static void WriteUndetermined(List<RuleOutcome> items, StringBuilder text)
    {
        foreach (var group in items.GroupBy(o => string.Join(", ", o.MissingFacts), StringComparer.Ordinal))
        {
            var outcomes = group.ToList();
            if (outcomes.Count == 1)
            {
                text.Append("- ").Append(V(outcomes[0].Rule.Id)).Append(": ").AppendLine(V(outcomes[0].Message));
                WriteWouldDecide(outcomes[0], text);
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"- {outcomes.Count} rules cannot be determined: not recorded: {V(group.Key)}.").AppendLine();
            var line = new StringBuilder("  ");
            for (var i = 0; i < outcomes.Count; i++)
            {
                var id = V(outcomes[i].Rule.Id) + (i < outcomes.Count - 1 ? "," : string.Empty);
                if (line.Length > 2 && line.Length + 1 + id.Length > WrapWidth)
                {
                    text.AppendLine(line.ToString());
                    line.Clear().Append("  ");
                }

                line.Append(' ').Append(id);
            }

            text.AppendLine(line.ToString());
            WriteWouldDecide(outcomes[0], text);
        }
    }

    /// <summary>The label before each would-decide line in the text report (and the CLI's text output).</summary>
    public const string WouldDecideLabel = "To decide: ";

    /// <summary>
    /// The outcome's would-decide lines (the same for every rule of a group: they follow from the missing facts), each
    /// under <see cref="WouldDecideLabel"/>, wrapped at the report's width with a hanging indent.
    /// </summary>
    private static void WriteWouldDecide(RuleOutcome outcome, StringBuilder text)
    {
        foreach (var sentence in outcome.WouldDecide)
        {
            var line = new StringBuilder("  ").Append(WouldDecideLabel);
            var start = true;
            foreach (var word in V(sentence).Split(' '))
            {
                if (!start && line.Length + 1 + word.Length > WrapWidth)
                {
                    text.AppendLine(line.ToString());
                    line.Clear().Append("    ");
                    start = true;
                }

                line.Append(start ? string.Empty : " ").Append(word);
                start = false;
            }

            text.AppendLine(line.ToString());
        }
    }

    private static string V(string? text) => SafeText.Visible(text);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
