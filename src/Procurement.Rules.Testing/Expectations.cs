using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Procurement.Rules.Testing;

/// <summary>
/// The checks behind both the FluentAssertions extensions and <see cref="ReportAssert"/>, so the two give the same
/// failure messages. Each returns <see langword="null"/> when the expectation holds, otherwise the whole message.
/// </summary>
internal static class Expectations
{
    private static readonly string Nl = Environment.NewLine;

    /// <summary>FluentAssertions-style reason: "" or " because ...".</summary>
    public static string Reason(string? because, object[]? becauseArgs)
    {
        if (string.IsNullOrWhiteSpace(because))
        {
            return string.Empty;
        }

        var text = becauseArgs is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, because, becauseArgs) : because;
        text = text.Trim();
        return text.StartsWith("because", StringComparison.OrdinalIgnoreCase) ? " " + text : " because " + text;
    }

    public static string? Outcome(CheckReport report, string ruleId, OutcomeKind kind, string reason, out RuleOutcome? found)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(ruleId);
        found = report.For(ruleId);
        var expected = $"Expected rule '{ruleId}' to be {Phrase(kind)} in the report on {report.ProcurementId}{reason}, but ";
        if (found is null)
        {
            return expected + Missing(report, ruleId);
        }

        return found.Kind == kind ? null : expected + "it was " + Phrase(found.Kind) + Describe(found, "  ");
    }

    public static string? NoBreaches(CheckReport report, string reason)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.HasBreaches)
        {
            return null;
        }

        var text = new StringBuilder($"Expected no breaches in the report on {report.ProcurementId}{reason}, but found {report.Breaches.Count}:");
        foreach (var breach in report.Breaches)
        {
            text.Append(Nl).Append("  ").Append(breach.Rule.Id).Append(" [").Append(Reporting.TextReport.Label(breach.Rule.Severity)).Append("]: \"").Append(breach.Message).Append('"');
            AppendFacts(text, breach, "    ");
        }

        return text.ToString();
    }

    public static string? Citing(RuleOutcome outcome, string text, string reason)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(text);
        if (outcome.Citations.Any(c => c.Quote.Contains(text, StringComparison.Ordinal) || c.Locator.Contains(text, StringComparison.Ordinal)))
        {
            return null;
        }

        var message = new StringBuilder($"Expected rule '{outcome.Rule.Id}' to cite a passage containing \"{text}\"{reason}, but ");
        if (outcome.Citations.Count == 0)
        {
            return message.Append("it cites nothing.").ToString();
        }

        message.Append("its citations are:");
        foreach (var citation in outcome.Citations)
        {
            message.Append(Nl).Append("  ").Append(citation);
        }

        return message.ToString();
    }

    public static string? Verdict(CheckReport report, string principleKey, OutcomeKind kind, string reason, out PrincipleVerdict? found)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(principleKey);
        found = report.VerdictFor(principleKey);
        var expected = $"Expected principle '{principleKey}' to be {Phrase(kind)} in the report on {report.ProcurementId}{reason}, but ";
        if (found is null)
        {
            if (report.Pack.Principles.Any(p => p.Key == principleKey))
            {
                return expected + NotApplied(report);
            }

            var suggestion = Names.Suggest(principleKey, report.Pack.Principles.Select(p => p.Key));
            return expected + $"pack {report.PackId} has no principle '{principleKey}'"
                + (suggestion is null ? $" (its principles: {string.Join(", ", report.Pack.Principles.Select(p => p.Key))})." : $"; did you mean '{suggestion}'?");
        }

        if (found.Kind == kind)
        {
            return null;
        }

        var text = new StringBuilder(expected).Append("it was ").Append(Phrase(found.Kind)).Append(", decided by:");
        foreach (var outcome in found.DecidedBy)
        {
            text.Append(Nl).Append("  ").Append(outcome.Rule.Id).Append(": \"").Append(outcome.Message).Append('"');
            AppendFacts(text, outcome, "    ");
        }

        return text.ToString();
    }

    /// <summary>Why a rule has no outcome: not in the pack (with a suggestion), or the rules were not applied.</summary>
    public static string Missing(CheckReport report, string ruleId)
    {
        if (report.Pack.Rules.Any(r => r.Id == ruleId))
        {
            return NotApplied(report);
        }

        var suggestion = Names.Suggest(ruleId, report.Pack.Rules.Select(r => r.Id));
        return $"pack {report.PackId} has no rule '{ruleId}'"
            + (suggestion is null ? " and no rule id is close to it (RulePack.Rules lists them)." : $"; did you mean '{suggestion}'?");
    }

    public static string Phrase(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "a breach",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Undetermined => "undetermined",
        OutcomeKind.Compliant => "compliant",
        OutcomeKind.NotApplicable => "not applicable",
        _ => kind.ToString(),
    };

    private static string NotApplied(CheckReport report) =>
        $"the rules were not applied: the decision date {report.DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside "
        + $"the period of pack {report.PackId} (in force from {report.Pack.InForceFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (report.Pack.InForceUntil is { } until ? " until " + until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)
        + "); check with CheckOptions { CheckOutsidePeriod = true } to apply them anyway.";

    /// <summary>": "message"" then the missing facts, the error and the facts, each on its own indented line.</summary>
    private static string Describe(RuleOutcome outcome, string indent)
    {
        var text = new StringBuilder(": \"").Append(outcome.Message).Append('"');
        AppendFacts(text, outcome, indent);
        return text.ToString();
    }

    private static void AppendFacts(StringBuilder text, RuleOutcome outcome, string indent)
    {
        if (outcome.MissingFacts.Count > 0)
        {
            text.Append(Nl).Append(indent).Append("missing facts: ").AppendJoin(", ", outcome.MissingFacts);
        }

        if (outcome.Error is not null)
        {
            text.Append(Nl).Append(indent).Append("error: ").Append(outcome.Error);
        }

        if (outcome.Facts.Count > 0)
        {
            text.Append(Nl).Append(indent).Append("facts: ").AppendJoin("; ", outcome.Facts.Select(f => f.ToString()));
        }
    }

}
