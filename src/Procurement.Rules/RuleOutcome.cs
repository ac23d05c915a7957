using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>What checking one rule against one procurement found, with the facts that decided it.</summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
[DebuggerDisplay("{Kind}: {Rule.Id,nq}")]
public sealed class RuleOutcome
{
    private string[]? _wouldDecide;

    internal RuleOutcome(
        RuleDefinition rule,
        OutcomeKind kind,
        string message,
        IReadOnlyList<FactValue> facts,
        IReadOnlyList<string> missingFacts,
        string? error)
    {
        Rule = rule;
        Kind = kind;
        Message = message;
        Facts = facts;
        MissingFacts = missingFacts;
        Error = error;
    }

    /// <summary>The rule checked.</summary>
    public RuleDefinition Rule { get; }

    /// <summary>What the check found.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>A message built from the procurement's own facts.</summary>
    public string Message { get; }

    /// <summary>The facts the rule reports, with their values in this procurement (see <see cref="RuleDefinition.FactNames"/>).</summary>
    public IReadOnlyList<FactValue> Facts { get; }

    /// <summary>
    /// For <see cref="OutcomeKind.Undetermined"/>: the facts not recorded that could change the outcome (a fact whose
    /// part of the rule a recorded fact overruled is not named), as paths in a procurement file
    /// (<c>tender.eligibilityJustification</c>) or timeline event kinds (<c>timeline.unionsEngaged</c>). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> MissingFacts { get; }

    /// <summary>
    /// For <see cref="OutcomeKind.Undetermined"/>: what would decide the rule, in plain words: at most two sentences,
    /// one for each of the first <see cref="MissingFacts"/> in order, each naming the fact and how to record it ("Record
    /// whether the commissioner engaged the staff delivering the service, and when: a timeline event <c>staffEngaged</c>,
    /// ..."). When more facts are missing, the second ends by saying how many more <see cref="MissingFacts"/> lists.
    /// Empty for every other outcome.
    /// </summary>
    /// <remarks>Worked out from <see cref="MissingFacts"/> on first read and kept; safe to read from any thread.</remarks>
    public IReadOnlyList<string> WouldDecide => _wouldDecide ??= Kind == OutcomeKind.Undetermined
        ? Reporting.FactDescriptions.WouldDecide(MissingFacts)
        : System.Array.Empty<string>();

    /// <summary>
    /// The derived facts of the kinds the rule's expressions ask about (see <see cref="DerivedFact"/>): what the engine
    /// inferred from the record and the rule read as if recorded. Empty when the rule read none. Set during the check,
    /// before the outcome is published.
    /// </summary>
    public IReadOnlyList<DerivedFact> Derived { get; internal set; } = System.Array.Empty<DerivedFact>();

    /// <summary>For <see cref="OutcomeKind.Failed"/>: what went wrong; otherwise <see langword="null"/>.</summary>
    public string? Error { get; }

    /// <summary>The rule's citations (shortcut for <c>Rule.Citations</c>).</summary>
    public IReadOnlyList<Citation> Citations => Rule.Citations;

    /// <summary>Formats the outcome as <c>BREACH [major] rule-id: message</c>, control characters from input shown as <c>\uXXXX</c>.</summary>
    public override string ToString() => $"{Reporting.TextReport.Label(Kind)} [{Reporting.TextReport.Label(Rule.Severity)}] {Rule.Id}: {Reporting.SafeText.Visible(Message)}";
}
