using System;
using System.Collections.Generic;
using System.Linq;

namespace Procurement.Rules.Testing;

/// <summary>
/// Builds a <see cref="CheckReport"/> with the outcomes a test chooses, for testing code that renders or acts on
/// reports (a dashboard, an e-mail, a gate) without writing a procurement that produces them.
/// </summary>
/// <remarks>
/// <para>
/// The report is made against a real pack (default <see cref="RulePack.Default"/>), so rule ids, titles, severities,
/// principles and citations are the pack's own, and verdicts are derived as in a real check. Every rule not given an
/// outcome is <see cref="OutcomeKind.NotApplicable"/>; outcomes are put in report order (breaches first, then by
/// severity and id). Only what a rule's outcome can carry is settable: kind, message, missing facts and error; the
/// facts list is empty.
/// </para>
/// <para>
/// This is the supported way to make a report outside a check: <see cref="CheckReport"/> and
/// <see cref="RuleOutcome"/> have no public constructors. Not thread-safe; the report built is immutable.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var report = new ReportBuilder("case-1")
///     .Breach(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason, "'NHS only' without a clinical reason")
///     .Undetermined(Burnham2009.Rules.StaffEngagement.BeforeTenderDecision, "timeline.unionsEngaged")
///     .Build();
/// </code>
/// </example>
public sealed class ReportBuilder
{
    private readonly RulePack _pack;
    private readonly string _procurementId;
    private readonly Dictionary<string, RuleOutcome> _outcomes = new(StringComparer.Ordinal);
    private string? _title;
    private DateOnly? _decisionDate;

    /// <summary>Starts a report on one procurement.</summary>
    /// <param name="procurementId">The procurement's id, as the report will show it.</param>
    /// <param name="pack">The pack whose rules the report covers; default <see cref="RulePack.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="procurementId"/> is null or blank.</exception>
    public ReportBuilder(string procurementId, RulePack? pack = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(procurementId);
        _procurementId = procurementId;
        _pack = pack ?? RulePack.Default;
        _decisionDate = _pack.InForceFrom;
    }

    /// <summary>Sets the procurement's title; default none.</summary>
    /// <param name="title">The title, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ReportBuilder WithTitle(string? title)
    {
        _title = title;
        return this;
    }

    /// <summary>
    /// Sets the decision date; default the pack's first day in force. <see langword="null"/> gives
    /// <see cref="PeriodStatus.DecisionDateNotRecorded"/>; a date outside the pack's period gives
    /// <see cref="PeriodStatus.OutsidePeriodCheckedAnyway"/> (the outcomes are kept).
    /// </summary>
    /// <param name="date">The decision date, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ReportBuilder DecidedOn(DateOnly? date)
    {
        _decisionDate = date;
        return this;
    }

    /// <summary>Makes a rule breached.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="message">The outcome's message; default the rule's title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The pack has no such rule (the message suggests the id meant).</exception>
    public ReportBuilder Breach(string ruleId, string? message = null) => Outcome(ruleId, OutcomeKind.Breach, message);

    /// <summary>Makes a rule complied with.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="message">The outcome's message; default the rule's title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The pack has no such rule.</exception>
    public ReportBuilder Compliant(string ruleId, string? message = null) => Outcome(ruleId, OutcomeKind.Compliant, message);

    /// <summary>Makes a rule undetermined for want of the given facts.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="missingFacts">The facts not recorded, as paths such as <c>tender.eligibilityJustification</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The pack has no such rule.</exception>
    public ReportBuilder Undetermined(string ruleId, params string[] missingFacts) =>
        Outcome(ruleId, OutcomeKind.Undetermined, missingFacts: missingFacts);

    /// <summary>Makes a rule failed with an error.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="error">What went wrong.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The pack has no such rule.</exception>
    public ReportBuilder Failed(string ruleId, string error) => Outcome(ruleId, OutcomeKind.Failed, error: error);

    /// <summary>Sets a rule's outcome; a later call for the same rule replaces an earlier one.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="kind">The outcome.</param>
    /// <param name="message">The outcome's message; default the rule's title.</param>
    /// <param name="missingFacts">For <see cref="OutcomeKind.Undetermined"/>: the facts not recorded; default none.</param>
    /// <param name="error">For <see cref="OutcomeKind.Failed"/>: what went wrong; default "failed".</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">
    /// The pack has no such rule, or missing facts or an error are given for an outcome that cannot carry them.
    /// </exception>
    public ReportBuilder Outcome(string ruleId, OutcomeKind kind, string? message = null, IEnumerable<string>? missingFacts = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var rule = _pack.Rules.FirstOrDefault(r => string.Equals(r.Id, ruleId, StringComparison.Ordinal));
        if (rule is null)
        {
            var suggestion = Names.Suggest(ruleId, _pack.Rules.Select(r => r.Id));
            throw new ArgumentException($"Pack {_pack.Id} has no rule '{ruleId}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), nameof(ruleId));
        }

        var missing = missingFacts?.ToArray() ?? Array.Empty<string>();
        if (missing.Length > 0 && kind != OutcomeKind.Undetermined)
        {
            throw new ArgumentException($"Only an undetermined outcome has missing facts, not {kind}.", nameof(missingFacts));
        }

        if (error is not null && kind != OutcomeKind.Failed)
        {
            throw new ArgumentException($"Only a failed outcome has an error, not {kind}.", nameof(error));
        }

        if (kind == OutcomeKind.Failed)
        {
            error ??= "failed";
        }

        _outcomes[ruleId] = new RuleOutcome(rule, kind, message ?? rule.Title, Array.Empty<FactValue>(), missing, error);
        return this;
    }

    /// <summary>Builds the report: the outcomes set, and not applicable for every other rule of the pack.</summary>
    /// <returns>A new, immutable report; the builder can go on to build others.</returns>
    public CheckReport Build()
    {
        var outcomes = _pack.Rules
            .Select(rule => _outcomes.TryGetValue(rule.Id, out var set) ? set : new RuleOutcome(rule, OutcomeKind.NotApplicable, rule.Title, Array.Empty<FactValue>(), Array.Empty<string>(), null))
            .ToArray();

        // Report order as RulePack.Check gives it (kept private there): kind, then most severe, then id.
        Array.Sort(outcomes, static (x, y) =>
        {
            var byKind = ((int)x.Kind).CompareTo((int)y.Kind);
            if (byKind != 0)
            {
                return byKind;
            }

            var bySeverity = ((int)y.Rule.Severity).CompareTo((int)x.Rule.Severity);
            return bySeverity != 0 ? bySeverity : string.CompareOrdinal(x.Rule.Id, y.Rule.Id);
        });

        var period = _decisionDate is not { } date ? PeriodStatus.DecisionDateNotRecorded
            : _pack.IsInForce(date) ? PeriodStatus.InForce
            : PeriodStatus.OutsidePeriodCheckedAnyway;
        return new CheckReport(_pack, _procurementId, _title, _decisionDate, period, outcomes);
    }
}
