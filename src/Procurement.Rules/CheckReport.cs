using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Procurement.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules;

/// <summary>
/// The result of checking one procurement against one rule pack: every rule's outcome, breaches first.
/// </summary>
/// <remarks>
/// <para>
/// Outcomes are ordered deterministically: by kind (breach, failed, undetermined, compliant, not applicable), then by
/// severity (most serious first), then by rule id.
/// </para>
/// <para><see cref="ToString"/> gives a plain-text report for a console or notebook; <see cref="ToMarkdown"/> and
/// <see cref="ToJson"/> give the same content as Markdown and JSON. Immutable and safe to share across threads.</para>
/// </remarks>
[DebuggerDisplay("{ProcurementId,nq}: {Breaches.Count} breach(es) of {PackId,nq}")]
public sealed class CheckReport
{
    /// <summary>
    /// The version of the JSON written by <see cref="ToJson"/>; it changes only when that format changes incompatibly.
    /// Version 2 added <c>verdicts</c> (one object per principle: <c>principle</c>, <c>title</c>, <c>verdict</c>,
    /// <c>decidedBy</c> rule ids), written before <c>outcomes</c>. Version 3 added <c>wouldDecide</c> on each outcome
    /// (<see cref="RuleOutcome.WouldDecide"/>: plain words, empty unless undetermined), after <c>missingFacts</c>.
    /// </summary>
    public const int JsonFormatVersion = 3;

    private readonly RuleOutcome[] _breaches;
    private IReadOnlyList<PrincipleVerdict>? _verdicts;

    internal CheckReport(RulePack pack, string procurementId, string? procurementTitle, DateOnly? decisionDate, PeriodStatus period, IReadOnlyList<RuleOutcome> outcomes, IReadOnlyList<PrincipleVerdict> verdicts)
        : this(pack, procurementId, procurementTitle, decisionDate, period, outcomes)
    {
        _verdicts = verdicts;
    }

    /// <summary>A report whose verdicts are computed from its outcomes when first read (for reports built outside an NRules session, such as the benchmark's hand-written mirror).</summary>
    internal CheckReport(RulePack pack, string procurementId, string? procurementTitle, DateOnly? decisionDate, PeriodStatus period, IReadOnlyList<RuleOutcome> outcomes)
    {
        Pack = pack;
        ProcurementId = procurementId;
        ProcurementTitle = procurementTitle;
        DecisionDate = decisionDate;
        Period = period;
        Outcomes = outcomes;
        var breaches = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            breaches += outcomes[i].Kind == OutcomeKind.Breach ? 1 : 0;
        }

        _breaches = breaches == 0 ? Array.Empty<RuleOutcome>() : new RuleOutcome[breaches];
        for (int i = 0, b = 0; b < breaches; i++)
        {
            if (outcomes[i].Kind == OutcomeKind.Breach)
            {
                _breaches[b++] = outcomes[i];
            }
        }
    }

    /// <summary>The pack the procurement was checked against.</summary>
    public RulePack Pack { get; }

    /// <summary>The pack's id (shortcut for <c>Pack.Id</c>).</summary>
    public string PackId => Pack.Id;

    /// <summary>The procurement's id.</summary>
    public string ProcurementId { get; }

    /// <summary>The procurement's title, when recorded.</summary>
    public string? ProcurementTitle { get; }

    /// <summary>The procurement's decision date, when recorded.</summary>
    public DateOnly? DecisionDate { get; }

    /// <summary>
    /// The possible days of the date that decides the pack's period (see <see cref="RulePack.DecidedBy"/>): the decision
    /// date, or when the process commenced; <see langword="null"/> when the record gives no date.
    /// </summary>
    public EventDate? DecidingDate { get; internal init; }

    /// <summary>Whether the deciding date is a modification's (a contract modified under the PSR) rather than a commencement.</summary>
    internal bool DecidedByModification { get; init; }

    /// <summary>
    /// How the pack was chosen, when it was chosen automatically (<see cref="RulePack.Select(ProposedProcurement)"/> then
    /// <see cref="PackSelection.Check"/>); <see langword="null"/> when the caller checked against a pack it named.
    /// </summary>
    public PackSelection? Selection { get; internal init; }

    /// <summary>The version of the pack the procurement was checked against (see <see cref="RulePack.Versions"/>); null when the pack has none or the record does not tell which.</summary>
    public PackVersion? Version => Pack.VersionOn(DecidingDate);

    /// <summary>How the decision date relates to the pack's period; when <see cref="PeriodStatus.OutsidePeriod"/>, <see cref="Outcomes"/> is empty.</summary>
    public PeriodStatus Period { get; }

    /// <summary>Every rule's outcome, in report order.</summary>
    public IReadOnlyList<RuleOutcome> Outcomes { get; }

    /// <summary>
    /// The verdict on each of the pack's principles (the worst of its rules' outcomes), in the pack's principle order.
    /// Empty when the rules were not applied (see <see cref="Period"/>).
    /// </summary>
    public IReadOnlyList<PrincipleVerdict> Verdicts => _verdicts ??= PrincipleVerdict.For(Pack.Principles, Outcomes);

    /// <summary>This report with <see cref="Selection"/> set (the outcomes and verdicts are shared: both are immutable).</summary>
    internal CheckReport WithSelection(PackSelection selection) =>
        new(Pack, ProcurementId, ProcurementTitle, DecisionDate, Period, Outcomes, Verdicts)
        {
            DecidingDate = DecidingDate,
            DecidedByModification = DecidedByModification,
            Selection = selection,
        };

    /// <summary>The verdict on one principle, or <see langword="null"/> when the pack has no such principle or the rules were not applied.</summary>
    /// <param name="principleKey">The principle's key, such as <c>fair-tender</c>.</param>
    public PrincipleVerdict? VerdictFor(string principleKey)
    {
        foreach (var verdict in Verdicts)
        {
            if (string.Equals(verdict.Principle.Key, principleKey, StringComparison.Ordinal))
            {
                return verdict;
            }
        }

        return null;
    }

    /// <summary>The breaches, in report order.</summary>
    public IReadOnlyList<RuleOutcome> Breaches => _breaches;

    /// <summary>Whether any rule was breached.</summary>
    public bool HasBreaches => _breaches.Length > 0;

    /// <summary>Whether any rule failed to evaluate (the check is then incomplete).</summary>
    public bool HasFailures => Outcomes.Any(o => o.Kind == OutcomeKind.Failed);

    /// <summary>The outcomes of one kind, in report order.</summary>
    /// <param name="kind">The kind of outcome wanted.</param>
    public IEnumerable<RuleOutcome> OfKind(OutcomeKind kind) => Outcomes.Where(o => o.Kind == kind);

    /// <summary>The outcome of one rule, or <see langword="null"/> when the pack has no such rule or the rules were not applied.</summary>
    /// <param name="ruleId">The rule's id.</param>
    public RuleOutcome? For(string ruleId) => Outcomes.FirstOrDefault(o => string.Equals(o.Rule.Id, ruleId, StringComparison.Ordinal));

    /// <summary>A one-line count of outcomes, such as <c>2 breaches, 1 undetermined, 3 compliant, 4 not applicable</c>.</summary>
    public string Summary => TextReport.Summary(this);

    /// <summary>The report as plain text: summary, then breaches with citations and facts, then the other outcomes.</summary>
    public override string ToString() => TextReport.Write(this);

    /// <summary>The report as Markdown, with the same content as <see cref="ToString"/>.</summary>
    public string ToMarkdown() => MarkdownReport.Write(this);

    /// <summary>The report as indented JSON with a <c>formatVersion</c> of <see cref="JsonFormatVersion"/>.</summary>
    public string ToJson() => JsonReport.Write(this);
}
