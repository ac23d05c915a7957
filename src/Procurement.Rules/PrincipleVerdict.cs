using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>
/// The verdict on one principle of a pack for one procurement: the worst of its rules' outcomes, with the rules that
/// decide it.
/// </summary>
/// <remarks>
/// <para>Worst first: a breach outweighs a failure, which outweighs an undetermined rule, which outweighs compliance,
/// which outweighs not applicable. A principle none of whose rules apply is <see cref="OutcomeKind.NotApplicable"/>.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
[DebuggerDisplay("{Principle.Key,nq}: {Kind}")]
public sealed class PrincipleVerdict
{
    internal PrincipleVerdict(Principle principle, OutcomeKind kind, IReadOnlyList<RuleOutcome> decidedBy)
    {
        Principle = principle;
        Kind = kind;
        DecidedBy = decidedBy;
    }

    /// <summary>The principle judged.</summary>
    public Principle Principle { get; }

    /// <summary>The verdict: the worst outcome among the principle's rules.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>The outcomes of the principle's rules whose kind is <see cref="Kind"/>, in report order.</summary>
    public IReadOnlyList<RuleOutcome> DecidedBy { get; }

    /// <summary>Formats the verdict as <c>fair-tender: BREACH (fair-tender.nhs-only-needs-reason)</c>.</summary>
    public override string ToString() =>
        $"{Principle.Key}: {Reporting.TextReport.Label(Kind)}" + (DecidedBy.Count == 0 ? string.Empty : $" ({string.Join(", ", Ids(DecidedBy))})");

    private static IEnumerable<string> Ids(IReadOnlyList<RuleOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            yield return outcome.Rule.Id;
        }
    }

    /// <summary>Severity of an outcome kind for a verdict: lower is worse.</summary>
    internal static int Rank(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => 0,
        OutcomeKind.Failed => 1,
        OutcomeKind.Undetermined => 2,
        OutcomeKind.Compliant => 3,
        OutcomeKind.NotApplicable => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown outcome kind."),
    };

    /// <summary>Verdicts for every principle of the pack, in the pack's principle order, from outcomes in report order.</summary>
    internal static IReadOnlyList<PrincipleVerdict> For(IReadOnlyList<Principle> principles, IReadOnlyList<RuleOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return Array.Empty<PrincipleVerdict>();
        }

        var verdicts = new PrincipleVerdict[principles.Count];
        for (var p = 0; p < principles.Count; p++)
        {
            var key = principles[p].Key;
            var worst = OutcomeKind.NotApplicable;
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (string.Equals(outcomes[i].Rule.Principle.Key, key, StringComparison.Ordinal) && Rank(outcomes[i].Kind) < Rank(worst))
                {
                    worst = outcomes[i].Kind;
                }
            }

            var deciding = new List<RuleOutcome>();
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (string.Equals(outcomes[i].Rule.Principle.Key, key, StringComparison.Ordinal) && outcomes[i].Kind == worst)
                {
                    deciding.Add(outcomes[i]);
                }
            }

            verdicts[p] = new PrincipleVerdict(principles[p], worst, deciding.ToArray());
        }

        return verdicts;
    }
}
