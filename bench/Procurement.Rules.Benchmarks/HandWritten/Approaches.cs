using System;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// The improvement-opportunities rules of scenarios 1 and 2, written by hand: other providers are first approached by
/// the earliest recorded engagement of alternative providers, decision to tender or tender notice. Shared by the
/// hand-written pack and the fluent peer, which both must report what the YAML rules report.
/// </summary>
internal static class Approaches
{
    /// <summary>The event kinds that approach other providers, in the order the rules' expressions test them.</summary>
    private static readonly EventKind[] Kinds = { EventKind.AlternativeProvidersEngaged, EventKind.TenderDecision, EventKind.NoticePublished };

    /// <summary>The rules' <c>when</c>, as the engine quotes it.</summary>
    public const string DoesNotHold =
        "Does not apply: the condition 'Count(AlternativeProvidersEngaged) + Count(TenderDecision) + Count(NoticePublished) > 0 || Happened(AlternativeProvidersEngaged) || HappenedAny(TenderDecision, NoticePublished)' does not hold.";

    /// <summary>The proportionality rules' <c>when</c>, as the engine quotes it.</summary>
    public const string WithIncumbentsDoesNotHold =
        "Does not apply: the condition '(Count(AlternativeProvidersEngaged) + Count(TenderDecision) + Count(NoticePublished) > 0 || Happened(AlternativeProvidersEngaged) || HappenedAny(TenderDecision, NoticePublished)) && IncumbentContracts.Any()' does not hold.";

    /// <summary>Whether any approach is recorded.</summary>
    public static bool AnyRecorded(ProposedProcurement p)
    {
        foreach (var kind in Kinds)
        {
            if (Events.CountBefore(p, kind, null) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>With no approach recorded: the kinds the timeline may still hide (none: the rule does not apply).</summary>
    public static string[] MissingWhenNoneRecorded(ProposedProcurement p)
    {
        var missing = default(Missing);
        foreach (var kind in Kinds)
        {
            if (!Events.IsComplete(p, kind))
            {
                missing.Add(Events.Missing(kind));
            }
        }

        return missing.ToArray();
    }

    /// <summary>
    /// Events of the kind surely before the first of each approach (all of them when none is recorded), as a fact:
    /// not recorded when an event's date may fall either side of an approach's (interval logic).
    /// </summary>
    public static FactValue CountBeforeFirstApproachFact(string name, ProposedProcurement p, EventKind kind)
    {
        var count = int.MaxValue;
        var recorded = true;
        foreach (var approach in Kinds)
        {
            if (Timeline.Count(p, approach) == 0)
            {
                count = Math.Min(count, Timeline.Count(p, kind));
                continue;
            }

            var (before, missing) = Timeline.CountBefore(p, kind, Timeline.First(p, approach));
            recorded &= missing is null;
            count = Math.Min(count, before);
        }

        return IntFact(name, count, recorded);
    }

    /// <summary>The rules' <c>when</c> in Kleene logic: known true once an approach is recorded; else unknown for each kind the timeline may hide.</summary>
    public static Tri ApproachedWhen(ProposedProcurement p)
    {
        if (AnyRecorded(p))
        {
            return Tri.True;
        }

        var missing = MissingWhenNoneRecorded(p);
        return missing.Length == 0 ? Tri.False : Tri.Unknown(missing);
    }

    /// <summary>
    /// <c>(Count(A) == 0 &amp;&amp; !NotYet(A) || before(First(A))) &amp;&amp; (Count(T) == 0 &amp;&amp; !NotYet(T) || ...) &amp;&amp; ...</c> over the three
    /// approaches in Kleene logic: a known false one decides; otherwise unknown if any is.
    /// </summary>
    public static Tri BeforeEachApproach(ProposedProcurement p, Func<DateQ, Tri> before)
    {
        var result = Tri.True;
        foreach (var approach in Kinds)
        {
            // Skipped when none is recorded, unless it has not happened yet (NotYet): then it is still to come.
            if (Timeline.Count(p, approach) == 0 && !Events.NotYet(p, approach))
            {
                continue;
            }

            result = Tri.And(result, before(Timeline.First(p, approach)));
            if (result.IsKnownFalse)
            {
                return result;
            }
        }

        return result;
    }

    /// <summary><c>improvement-opportunities.two-formal-chances</c>, three-valued.</summary>
    public static RuleOutcome TwoFormalChances(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            ApproachedWhen(p),
            DoesNotHold,
            () => BeforeEachApproach(p, first => Timeline.AtLeastBefore(p, 2, EventKind.FormalImprovementOpportunity, first)),
            () => FormalChancesFacts(p),
            f => $"The existing provider{Opt(" (" + f[0].Display + ")", f[0])} had{Opt(" " + f[4].Display, f[4])} formal chances to improve before other providers were first approached{Approached(f)}.",
            FormalChancesBreach);

    /// <summary><c>improvement-opportunities.two-plan-opportunities</c>, three-valued.</summary>
    public static RuleOutcome TwoPlanOpportunities(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            ApproachedWhen(p),
            DoesNotHold,
            () => BeforeEachApproach(p, first =>
            {
                var review = Timeline.HappenedBefore(p, EventKind.JointServiceReview, first);
                return review.IsKnownFalse ? review : Tri.And(review, Timeline.AtLeastBefore(p, 2, EventKind.ServicePlansPresented, first));
            }),
            () => PlanOpportunitiesFacts(p),
            f => $"After a joint service review{Opt(" " + On(f[4]), f[4])}, the existing provider{Opt(" (" + f[0].Display + ")", f[0])} had{Opt(" " + f[5].Display, f[5])} opportunities to present service plans before other providers were first approached{Approached(f)}.",
            PlanOpportunitiesBreach);

    /// <summary><c>contractual-mechanism-first.before-alternatives</c>, three-valued.</summary>
    public static RuleOutcome ContractMechanism(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            ApproachedWhen(p),
            DoesNotHold,
            () => BeforeEachApproach(p, first => Timeline.HappenedBefore(p, EventKind.ContractMechanismInvoked, first)),
            () => ContractMechanismFacts(p),
            f => $"The existing contract's mechanism was invoked{Opt(" " + On(f[3]), f[3])}, before other providers were first approached{Approached(f, 0)}.",
            ContractMechanismBreach);

    private static string FormalChancesBreach(FactValue[] f) =>
        $"Other providers were approached{Approached(f)} before the existing provider{Opt(" (" + f[0].Display + ")", f[0])} had 2 formal chances to improve ({f[5].Display} recorded in all{Opt(", " + f[4].Display + " before the first approach", f[4])}).";

    public static FactValue[] FormalChancesFacts(ProposedProcurement p) => new[]
    {
        IncumbentFact("incumbent", p),
        FirstFact("alternativesFirstEngaged", p, EventKind.AlternativeProvidersEngaged),
        FirstFact("tenderDecision", p, EventKind.TenderDecision),
        FirstFact("firstNotice", p, EventKind.NoticePublished),
        CountBeforeFirstApproachFact("chancesBefore", p, EventKind.FormalImprovementOpportunity),
        IntFact("chancesInAll", Events.CountBefore(p, EventKind.FormalImprovementOpportunity, null), true),
    };

    private static string PlanOpportunitiesBreach(FactValue[] f) =>
        $"Other providers were approached{Approached(f)}; before then the existing provider{Opt(" (" + f[0].Display + ")", f[0])} had{Opt(" " + f[5].Display, f[5])} opportunity(ies) to present service plans (2 required){Opt(" and the joint service review was " + On(f[4]), f[4])}.";

    public static FactValue[] PlanOpportunitiesFacts(ProposedProcurement p) => new[]
    {
        IncumbentFact("incumbent", p),
        FirstFact("alternativesFirstEngaged", p, EventKind.AlternativeProvidersEngaged),
        FirstFact("tenderDecision", p, EventKind.TenderDecision),
        FirstFact("firstNotice", p, EventKind.NoticePublished),
        FirstFact("jointReview", p, EventKind.JointServiceReview),
        CountBeforeFirstApproachFact("planOpportunitiesBefore", p, EventKind.ServicePlansPresented),
    };

    private static string ContractMechanismBreach(FactValue[] f) =>
        $"Other providers were approached{Approached(f, 0)} before the existing contract's mechanism was invoked{Opt(" (first recorded: " + f[3].Display + ")", f[3])}.";

    /// <summary>The facts of <c>contractual-mechanism-first.before-alternatives</c>.</summary>
    public static FactValue[] ContractMechanismFacts(ProposedProcurement p) => new[]
    {
        FirstFact("alternativesFirstEngaged", p, EventKind.AlternativeProvidersEngaged),
        FirstFact("tenderDecision", p, EventKind.TenderDecision),
        FirstFact("firstNotice", p, EventKind.NoticePublished),
        FirstFact("contractMechanism", p, EventKind.ContractMechanismInvoked),
    };

    /// <summary>The three approach facts, from <paramref name="at"/> on, as the messages quote them: each an optional phrase.</summary>
    private static string Approached(FactValue[] f, int at = 1) =>
        Opt(" (alternative providers first engaged: " + f[at].Display + ")", f[at])
        + Opt(" (decision to tender: " + f[at + 1].Display + ")", f[at + 1])
        + Opt(" (first notice: " + f[at + 2].Display + ")", f[at + 2]);
}
