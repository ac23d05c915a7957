using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// <c>nhs-right-to-bid.nhs-providers-eligible</c>, written by hand: an opportunity is a tender, an accreditation, a
/// notice, a direct award or a recorded list of invitations; NHS providers are shut out by non-NHS-only eligibility,
/// by an invitation entry saying so, or by a direct award to a provider that is not an NHS body. Shared by the
/// hand-written pack and the fluent peer.
/// </summary>
internal static class RightToBid
{
    /// <summary>The rule's <c>when</c>, as the engine quotes it.</summary>
    public const string DoesNotHold =
        "Does not apply: the condition 'Count(TenderDecision) + Count(AccreditationOpened) + Count(NoticePublished) > 0 || (Tender != null && ((Tender.Route != null && Tender.Route == DirectAward) || (Tender.Invitations != null && Tender.Invitations.Any()))) || HappenedAny(TenderDecision, AccreditationOpened)' does not hold.";

    /// <summary>Whether an opportunity is recorded (without naming anything missing).</summary>
    public static bool OpportunityRecorded(ProposedProcurement p) =>
        Events.CountBefore(p, EventKind.TenderDecision, null) + Events.CountBefore(p, EventKind.AccreditationOpened, null) + Events.CountBefore(p, EventKind.NoticePublished, null) > 0
        || (p.Tender is { } tender && (tender.Route == ProcurementRoute.DirectAward || tender.Invitations is { Count: > 0 }));

    /// <summary>With no opportunity recorded: what the timeline may still hide (none: the rule does not apply).</summary>
    public static string[] MissingWhenNoneRecorded(ProposedProcurement p)
    {
        var missing = default(Missing);
        if (!Events.IsComplete(p, EventKind.TenderDecision))
        {
            missing.Add(Events.Missing(EventKind.TenderDecision));
        }

        if (!Events.IsComplete(p, EventKind.AccreditationOpened))
        {
            missing.Add(Events.Missing(EventKind.AccreditationOpened));
        }

        return missing.ToArray();
    }

    /// <summary>The rule in the engine's three-valued logic (its <c>when</c> and <c>require</c> combined by <see cref="Verdict"/>).</summary>
    public static RuleOutcome DecideThreeValued(RuleDefinition rule, ProposedProcurement p)
    {
        var missingWhen = OpportunityRecorded(p) ? null : MissingWhenNoneRecorded(p);
        var when = missingWhen is null ? Tri.True : missingWhen.Length == 0 ? Tri.False : Tri.Unknown(missingWhen);
        return Verdict.Decide(
            rule,
            when,
            DoesNotHold,
            () => Require(p),
            () => Facts(p),
            f => $"NHS providers may bid for the opportunity{Opt(" (route: " + f[3].Display + ")", f[3])}{Opt(" (eligibility: " + f[2].Display + ")", f[2])}{Opt(" (NHS providers recorded as not invited or excluded: " + f[4].Display + ")", f[4])}.",
            BreachMessage);
    }

    /// <summary>
    /// Not shut out by eligibility or by an invitation entry (both always known), and then, for a direct award, NHS
    /// providers invited, or an award to an NHS body, or no award to others only; otherwise an NHS bid or tenderer, or
    /// eligibility not non-NHS only.
    /// </summary>
    private static Tri Require(ProposedProcurement p)
    {
        var tender = p.Tender;
        if (tender?.Eligibility == TenderEligibility.NonNhsOnly || CountNhs(tender, InvitationStatus.NotInvited, InvitationStatus.Excluded) > 0)
        {
            return Tri.False;
        }

        if (tender?.Route != ProcurementRoute.DirectAward)
        {
            // An NHS bid or tenderer shows NHS providers could bid, whatever the (unrecorded) eligibility.
            if (NhsBid(p) || (tender is not null && (CountNhs(tender, InvitationStatus.Invited, InvitationStatus.MayBid) > 0 || NhsIncumbentMayBid(p, tender))))
            {
                return Tri.True;
            }

            return tender is null ? Tri.Unknown("tender")
                : tender.Eligibility is null ? Tri.UnknownWith(true, new[] { "tender.eligibility" })
                : Tri.True;
        }

        if (CountNhs(tender, InvitationStatus.Invited, InvitationStatus.MayBid) > 0 || Awarded(p, nhs: true, out _))
        {
            return Tri.True;
        }

        // !(Happened(ContractAwarded) && Timeline.All(e => e.Kind != ContractAwarded || e.PartyKind is not an NHS kind))
        var happened = Timeline.Happened(p, EventKind.ContractAwarded);
        if (happened.IsKnownFalse)
        {
            return Tri.True;
        }

        Tri allToOthers;
        if (p.Timeline is null)
        {
            allToOthers = Tri.Unknown("timeline");
        }
        else
        {
            Awarded(p, nhs: false, out var kindMissing);
            allToOthers = kindMissing ? Tri.UnknownWith(true, new[] { "timeline[].partyKind" }) : Tri.True;
        }

        return Tri.Not(Tri.And(happened, allToOthers));
    }

    public static FactValue[] Facts(ProposedProcurement p) => new[]
    {
        FirstFact("tenderDecision", p, EventKind.TenderDecision),
        FirstFact("accreditationOpened", p, EventKind.AccreditationOpened),
        EnumFact("eligibility", p.Tender?.Eligibility),
        EnumFact("route", p.Tender?.Route),
        IntFact("nhsShutOut", CountNhs(p.Tender, InvitationStatus.NotInvited, InvitationStatus.Excluded), p.Tender?.Invitations is not null),
        FirstFact("awarded", p, EventKind.ContractAwarded),
    };

    private static string BreachMessage(FactValue[] f) =>
        $"NHS providers did not have the opportunity to bid{Opt(" (route: " + f[3].Display + ")", f[3])}{Opt(" (eligibility: " + f[2].Display + ")", f[2])}{Opt(" (NHS providers recorded as not invited or excluded: " + f[4].Display + ")", f[4])}{Opt(" (contract awarded: " + f[5].Display + ")", f[5])}.";

    private static bool IsNhs(ProviderKind? kind) =>
        kind is ProviderKind.NhsTrust or ProviderKind.FoundationTrust or ProviderKind.PctProviderArm or ProviderKind.Nhs;

    /// <summary>Whether a bid (a <c>bidReceived</c> event) or a tenderer of an NHS kind is recorded.</summary>
    /// <summary>An NHS incumbent recorded as free to bid (tender.incumbentMayBid true).</summary>
    private static bool NhsIncumbentMayBid(ProposedProcurement p, TenderPlan tender)
    {
        if (tender.IncumbentMayBid != true || p.IncumbentContracts is not { } contracts)
        {
            return false;
        }

        foreach (var c in contracts)
        {
            if (c.Provider is { Kind: { } kind } && IsNhs(kind))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NhsBid(ProposedProcurement p)
    {
        if (p.Timeline is { } timeline)
        {
            foreach (var e in timeline)
            {
                if (e.Kind == EventKind.BidReceived && IsNhs(e.PartyKind))
                {
                    return true;
                }
            }
        }

        if (p.Tender?.Tenderers is { } tenderers)
        {
            foreach (var t in tenderers)
            {
                if (IsNhs(t.Kind))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Invitation entries of an NHS kind with either status.</summary>
    private static int CountNhs(TenderPlan? tender, InvitationStatus first, InvitationStatus second)
    {
        var count = 0;
        if (tender?.Invitations is { } invitations)
        {
            foreach (var invitation in invitations)
            {
                if (IsNhs(invitation.PartyKind) && (invitation.Status == first || invitation.Status == second))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// With <paramref name="nhs"/>: whether a contract award to an NHS body is recorded. Without: whether every award
    /// is to a provider of a recorded kind (<paramref name="kindMissing"/> when one's kind is not recorded).
    /// </summary>
    private static bool Awarded(ProposedProcurement p, bool nhs, out bool kindMissing)
    {
        kindMissing = false;
        if (p.Timeline is not { } timeline)
        {
            return false;
        }

        foreach (var e in timeline)
        {
            if (e.Kind != EventKind.ContractAwarded)
            {
                continue;
            }

            if (nhs && IsNhs(e.PartyKind))
            {
                return true;
            }

            kindMissing |= !nhs && e.PartyKind is null;
        }

        return false;
    }
}
