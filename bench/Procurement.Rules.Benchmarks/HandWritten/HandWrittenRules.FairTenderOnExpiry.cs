using System.Linq;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary><c>fair-tender.open-competition-on-expiry</c>, written by hand (its own file, so the rule merges apart).</summary>
internal static partial class HandWrittenRules
{
    /// <summary>The rule's not-applicable message (its <c>when</c>, as the engine quotes it).</summary>
    internal const string FairTenderOnExpiryDoesNotHold = "Does not apply: the condition '" + FairTenderOnExpiryWhen + "' does not hold.";

    private const string FairTenderOnExpiryWhen =
        "IncumbentContracts.Any(c => c.Provider.Kind == IndependentSector || c.Provider.Kind == ThirdSector) && (Count(DirectAwardDecision) + Count(NoticePublished) > 0 || (Tender != null && Tender.Route != null && (Tender.Route == DirectAward || Tender.Route == ContractVariation || Tender.Route == OpenTender || Tender.Route == RestrictedTender || Tender.Route == CompetitiveDialogue)))";

    public static RuleOutcome FairTenderOpenCompetitionOnExpiry(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.ContractExpiry)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 6", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        var when = FairTenderOnExpiryHolds(p);
        return Verdict.Decide(
            rule,
            when,
            FairTenderOnExpiryDoesNotHold,
            () =>
            {
                // (Count(DirectAwardDecision) == 0 || Count(NoticePublished) > 0 && After(Last(NoticePublished),
                // Last(DirectAwardDecision))): a re-award, unless a competition was advertised after it (an extension
                // while the PCT decides, then a tender).
                var noReaward = Timeline.Count(p, EventKind.DirectAwardDecision) == 0
                    ? Tri.True
                    : Timeline.Count(p, EventKind.NoticePublished) == 0
                        ? Tri.False
                        : Timeline.Compare(Timeline.Last(p, EventKind.NoticePublished), Timeline.Last(p, EventKind.DirectAwardDecision), Expressions.DateOrder.After);

                // ... && !(a direct award or variation route)
                var competitiveRoute = Tri.Known(p.Tender?.Route is not (ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation));

                // ... && (Happened(NoticePublished) || !(an invitation not invited or excluded)): an unadvertised
                // competition that left providers out is not one others could enter.
                var advertised = Timeline.Happened(p, EventKind.NoticePublished);
                var leftOut = p.Tender?.Invitations?.Any(i => i.Status is InvitationStatus.NotInvited or InvitationStatus.Excluded) == true;
                var enterable = advertised.IsKnownTrue ? advertised : Tri.Or(advertised, Tri.Known(!leftOut));

                // ... && !(eligibility nonNhsOnly): a competition NHS providers may not enter is not the one scenario 6
                // asks for ("NHS providers would have a fair and equal opportunity to bid").
                var nhsMayEnter = Tri.Known(p.Tender?.Eligibility is not TenderEligibility.NonNhsOnly);
                return Tri.And(Tri.And(Tri.And(noReaward, competitiveRoute), enterable), nhsMayEnter);
            },
            () => Facts(p),
            f => $"The expiring contract{Opt(" of " + f[0].Display, f[0])} is re-provided through a competition other providers could enter{Opt(" (route: " + f[1].Display + ")", f[1])}{Opt(" (first notice: " + f[3].Display + ")", f[3])}.",
            f => $"The expiring contract{Opt(" of " + f[0].Display, f[0])} was re-provided without a competition other providers could enter{Opt(" (route: " + f[1].Display + ")", f[1])}{Opt(" (decision not to tender openly: " + f[2].Display + ")", f[2])}: re-awarded directly, not advertised with providers left out, or open to non-NHS providers only, so they had no fair and equal opportunity to bid.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p), EnumFact("route", p.Tender?.Route),
            FirstFact("directAwardDecision", p, EventKind.DirectAwardDecision), FirstFact("firstNotice", p, EventKind.NoticePublished),
        };
    }

    /// <summary>
    /// The rule's <c>when</c> (scenario 6 aside): an independent or third sector incumbent (three-valued on its kind)
    /// and a re-award or a competition recorded (always known: counts and a null-guarded route).
    /// </summary>
    internal static Tri FairTenderOnExpiryHolds(ProposedProcurement p)
    {
        var when = AnyContract(p, c => c.Provider.Kind is { } kind ? Tri.Known(kind is ProviderKind.IndependentSector or ProviderKind.ThirdSector) : Tri.Unknown("incumbentContracts[].provider.kind"));
        if (when.IsKnownFalse)
        {
            return when;
        }

        var reprovided = Timeline.Count(p, EventKind.DirectAwardDecision) + Timeline.Count(p, EventKind.NoticePublished) > 0
            || p.Tender?.Route is ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation or ProcurementRoute.OpenTender
                or ProcurementRoute.RestrictedTender or ProcurementRoute.CompetitiveDialogue;
        return Tri.And(when, Tri.Known(reprovided));
    }
}
