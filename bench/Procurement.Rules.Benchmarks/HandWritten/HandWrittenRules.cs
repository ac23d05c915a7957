using System;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// One method per rule of the default pack, named after the rule id, each producing exactly the outcome the engine
/// produces from <c>rules/burnham-2009/*.rules.yaml</c>: the same kind, message, facts and missing facts.
/// </summary>
/// <remarks>
/// Three-valued (Kleene) logic is spelt out with <see cref="Tri"/>: an event kind with no recorded event is unknown
/// unless the timeline is complete for it; a <see langword="null"/> model value is unknown; a known operand that decides
/// an <c>&amp;&amp;</c> or <c>||</c> decides it, and only the facts that could change the outcome are named, in the
/// order the rule's expression meets them. <see cref="Verdict.Decide"/> combines <c>when</c> and <c>require</c> as the
/// engine does ("met either way"). Dates are intervals (<see cref="Timeline"/>, <see cref="DateQ"/>).
/// </remarks>
internal static partial class HandWrittenRules
{
    internal const EventKind TenderDecision = EventKind.TenderDecision;
    internal const EventKind IncumbentEngaged = EventKind.IncumbentEngaged;
    internal const EventKind NoticePublished = EventKind.NoticePublished;
    internal const EventKind EligibilityChanged = EventKind.EligibilityChanged;
    internal const EventKind Alternatives = EventKind.AlternativeProvidersEngaged;
    internal const EventKind FormalChance = EventKind.FormalImprovementOpportunity;
    internal const EventKind JointReview = EventKind.JointServiceReview;
    internal const EventKind PlansPresented = EventKind.ServicePlansPresented;
    internal const EventKind AccreditationOpened = EventKind.AccreditationOpened;

    internal static readonly string[] ScenarioMissing = { "scenario" };

    // ---- early-provider-engagement ----

    public static RuleOutcome EarlyProviderEngagementBeforeTenderDecision(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            ExistingServiceTendered(p),
            ExistingServiceTenderedNotApplicable,
            () =>
            {
                // HappenedBefore(IncumbentEngaged, First(TenderDecision)) || Scenario == ContractExpiry && Count(NoticePublished) > 0
                //   && HappenedBefore(IncumbentEngaged, First(NoticePublished)): in scenario 6, before the tender went out.
                var beforeDecision = Timeline.HappenedBefore(p, IncumbentEngaged, Timeline.First(p, TenderDecision));
                var incumbent = beforeDecision.IsKnownTrue || p.Scenario != Scenario.ContractExpiry || Timeline.Count(p, EventKind.NoticePublished) == 0
                    ? beforeDecision
                    : Tri.Or(beforeDecision, Timeline.HappenedBefore(p, IncumbentEngaged, Timeline.First(p, EventKind.NoticePublished)));
                if (incumbent.IsKnownFalse || p.Scenario != Scenario.ContractExpiry)
                {
                    return incumbent;
                }

                // && (!(Scenario == ContractExpiry) || HappenedBefore(NhsProvidersEngaged, First(TenderDecision))
                //   || Count(NoticePublished) > 0 && HappenedBefore(NhsProvidersEngaged, First(NoticePublished))):
                // on an expiring contract, NHS and other existing providers engaged beforehand too.
                var nhsBeforeDecision = Timeline.HappenedBefore(p, EventKind.NhsProvidersEngaged, Timeline.First(p, TenderDecision));
                var nhs = nhsBeforeDecision.IsKnownTrue || Timeline.Count(p, EventKind.NoticePublished) == 0
                    ? nhsBeforeDecision
                    : Tri.Or(nhsBeforeDecision, Timeline.HappenedBefore(p, EventKind.NhsProvidersEngaged, Timeline.First(p, EventKind.NoticePublished)));
                return Tri.And(incumbent, nhs);
            },
            () => new[] { IncumbentFact("incumbent", p), FirstFact("tenderDecision", p, TenderDecision), FirstFact("firstEngagement", p, IncumbentEngaged), FirstFact("firstNotice", p, EventKind.NoticePublished) },
            f => $"The existing provider{Opt(" (" + f[0].Display + ")", f[0])} was first engaged{Opt(" " + On(f[2]), f[2])}, before the decision to tender{Opt(" " + On(f[1]), f[1])} or the tender going out{Opt(" " + On(f[3]), f[3])}.",
            f => $"The decision to tender was taken{Opt(" " + On(f[1]), f[1])} before the existing provider{Opt(" (" + f[0].Display + ")", f[0])} was engaged{Opt(" (first recorded engagement: " + f[2].Display + ")", f[2])}, or, on an expiring contract, before NHS and other existing providers were.");

    public static RuleOutcome EarlyProviderEngagementBeforeDirectAward(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.ContractExpiry)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 6", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            Tri.Known(BeforeDirectAwardApplies(p)),
            "Does not apply: the condition '" + BeforeDirectAwardWhen + "' does not hold.",
            () =>
            {
                var decision = Timeline.First(p, EventKind.DirectAwardDecision);
                var incumbent = Timeline.HappenedBefore(p, IncumbentEngaged, decision);
                return incumbent.IsKnownFalse ? incumbent : Tri.And(incumbent, Timeline.HappenedBefore(p, EventKind.NhsProvidersEngaged, decision));
            },
            () => Facts(p),
            f => $"The existing provider and NHS and other existing providers were engaged{Opt(" (NHS providers first " + On(f[2]) + ")", f[2])} before the expiring contract{Opt(" of " + f[0].Display, f[0])} was re-awarded without a tender{Opt(" (decision " + On(f[1]) + ")", f[1])}.",
            f => $"The expiring contract{Opt(" of " + f[0].Display, f[0])} was re-awarded without a tender{Opt(" (decision " + On(f[1]) + ")", f[1])} before the existing provider and NHS and other existing providers were engaged{Opt(" (NHS providers first engaged " + On(f[2]) + ")", f[2])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            FirstFact("directAwardDecision", p, EventKind.DirectAwardDecision),
            FirstFact("nhsProvidersEngaged", p, EventKind.NhsProvidersEngaged),
        };
    }

    public static RuleOutcome EarlyProviderEngagementBeforeAlternativesApproached(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not (Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.Unsustainability))
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenarios 1, 2, 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            Tri.Known(Timeline.Count(p, Alternatives) > 0),
            "Does not apply: the condition 'Count(AlternativeProvidersEngaged) > 0' does not hold.",
            () => Timeline.HappenedBefore(p, IncumbentEngaged, Timeline.First(p, Alternatives)),
            () => Facts(p),
            f => $"The existing provider{Opt(" (" + f[0].Display + ")", f[0])} was engaged{Opt(" from " + f[2].Display, f[2])}, before other providers were approached{Opt(" " + On(f[1]), f[1])}.",
            f => $"Other providers were approached{Opt(" " + On(f[1]), f[1])} before the existing provider{Opt(" (" + f[0].Display + ")", f[0])} was engaged{Opt(" (first recorded engagement: " + f[2].Display + ")", f[2])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            FirstFact("alternativesFirstEngaged", p, Alternatives),
            FirstFact("firstEngagement", p, IncumbentEngaged),
        };
    }

    internal const string BeforeDirectAwardWhen =
        "Count(DirectAwardDecision) > 0 || (Tender != null && Tender.Route != null && (Tender.Route == DirectAward || Tender.Route == ContractVariation))";

    /// <summary><c>BeforeDirectAwardWhen</c>: always known (a count and null comparisons).</summary>
    internal static bool BeforeDirectAwardApplies(ProposedProcurement p) =>
        Timeline.Count(p, EventKind.DirectAwardDecision) > 0 || p.Tender?.Route is ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation;

    // ---- fair-tender ----

    public static RuleOutcome FairTenderEligibilityFixedAtNotice(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            Timeline.Happened(p, NoticePublished),
            "Does not apply: the condition 'Happened(NoticePublished)' does not hold.",
            () =>
            {
                // (Tender != null && Tender.Eligibility == Open)
                //   || Timeline.Any(e => e.Kind == NoticePublished && e.Eligibility != null && root.Tender != null && e.Eligibility == root.Tender.Eligibility)
                //   || !EligibilityNarrowedAfterNotice()
                var tender = p.Tender;
                var open = tender is null ? Tri.False : tender.Eligibility is { } eligibility ? Tri.Known(eligibility == TenderEligibility.Open) : Tri.Unknown("tender.eligibility");
                if (open.IsKnownTrue)
                {
                    return open;
                }

                var stated = Tri.False;
                if (p.Timeline is not { } timeline)
                {
                    stated = Tri.Unknown("timeline");
                }
                else
                {
                    for (var i = 0; i < timeline.Count && !stated.IsKnownTrue; i++)
                    {
                        var e = timeline[i];
                        if (e.Kind == NoticePublished && e.Eligibility is { } noticed && tender is not null)
                        {
                            stated = Tri.Or(stated, tender.Eligibility is { } now ? Tri.Known(noticed == now) : Tri.Unknown("tender.eligibility"));
                        }
                    }
                }

                var result = Tri.Or(open, stated);
                return result.IsKnownTrue ? result : Tri.Or(result, Tri.Not(Timeline.EligibilityNarrowedAfterNotice(p)));
            },
            () => new[] { FirstFact("notice", p, NoticePublished), FirstFact("eligibilityChanged", p, EligibilityChanged), EnumFact("eligibility", p.Tender?.Eligibility) },
            f => $"Eligibility was not narrowed after the notice{Opt(" published " + On(f[0]), f[0])}.",
            f => $"The notice was published{Opt(" " + On(f[0]), f[0])}, and{Opt(" " + On(f[1]), f[1])} eligibility was narrowed{Opt(" (now " + f[2].Display + ")", f[2])}.");

    public static RuleOutcome FairTenderIncumbentMayBid(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not (Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.NewOrRedesignedService))
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenarios 1, 2, 4", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            IncumbentMayBidApplies(p),
            IncumbentMayBidNotApplicable,
            () => p.Tender is not { } tender ? Tri.Unknown("tender") : Tri.Of(tender.IncumbentMayBid, "tender.incumbentMayBid"),
            () => Facts(p),
            f => $"The existing provider{Opt(" (" + f[0].Display + ")", f[0])} may bid in the tender on a fair and equal basis.",
            f => $"The service is tendered (or awarded directly after other providers were approached, or redesigned and awarded directly) but the existing provider{Opt(" (" + f[0].Display + ")", f[0])} may not bid on a fair and equal basis (recorded {f[1].Display}).");

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { IncumbentFact("incumbent", p), BoolFact("incumbentMayBid", p.Tender?.IncumbentMayBid) };
    }

    /// <summary>
    /// <c>(Tender.Route == DirectAward &amp;&amp; (Happened(AlternativeProvidersEngaged) || scenario 4 with an existing
    /// provider)) || ExistingServiceTendered</c>: market testing pursued without a tender, a redesigned service awarded
    /// directly, or an existing service tendered.
    /// </summary>
    internal static Tri IncumbentMayBidApplies(ProposedProcurement p)
    {
        // A direct award after other providers were approached, or (scenario 4) of a service with an existing provider.
        var redesignedDirect = p.Scenario == Scenario.NewOrRedesignedService
            && (p.Service is { IsNew: false } or { IsSignificantRedesign: true } || p.IncumbentContracts is { Count: > 0 });
        var directAfterApproach = p.Tender?.Route != ProcurementRoute.DirectAward ? Tri.False
            : redesignedDirect ? Tri.True
            : Timeline.Happened(p, EventKind.AlternativeProvidersEngaged);
        return directAfterApproach.IsKnownTrue ? directAfterApproach : Tri.Or(directAfterApproach, ExistingServiceTendered(p));
    }

    internal const string IncumbentMayBidNotApplicable =
        "Does not apply: the condition '(Tender != null && Tender.Route != null && Tender.Route == DirectAward && (Happened(AlternativeProvidersEngaged) || Scenario != null && Scenario == NewOrRedesignedService && ((Service != null && ((Service.IsNew != null && Service.IsNew == false) || (Service.IsSignificantRedesign != null && Service.IsSignificantRedesign == true))) || (IncumbentContracts != null && IncumbentContracts.Any())))) || Happened(TenderDecision) && ((Scenario != null && (Scenario == Underperformance || Scenario == IncrementalImprovement || Scenario == Unsustainability || Scenario == ContractExpiry)) || (Service != null && ((Service.IsNew != null && Service.IsNew == false) || (Service.IsSignificantRedesign != null && Service.IsSignificantRedesign == true))) || Count(IncumbentEngaged) + Count(FormalImprovementOpportunity) + Count(JointServiceReview) + Count(ServicePlansPresented) + Count(WorkedWithProvider) + Count(ContractMechanismInvoked) > 0 || (Service != null && Service.IsNew == true && IncumbentContracts == null ? false : IncumbentContracts.Any()))' does not hold.";

    public static RuleOutcome FairTenderNhsOnlyNeedsReason(RuleDefinition rule, ProposedProcurement p)
    {
        return Verdict.Decide(
            rule,
            NhsOnlyWhen(p),
            "Does not apply: the condition 'Happened(TenderDecision) && Tender.Eligibility == NhsOnly' does not hold.",
            () => p.Tender is not { } tender ? Tri.Unknown("tender")
                : tender.EligibilityJustification is not { } reason ? Tri.Unknown("tender.eligibilityJustification")
                : Tri.Known(reason.Kind is JustificationKind.Clinical or JustificationKind.Safety or JustificationKind.ClinicalAndSafety),
            () => Facts(p),
            f => $"The tender is restricted to NHS providers for a recorded {f[1].Display} reason{Opt(" (" + f[2].Display + ")", f[2])}.",
            f => $"The tender is restricted to NHS providers, but the recorded reason is of kind '{f[1].Display}'{Opt(" (" + f[2].Display + ")", f[2])}, not a clinical or safety reason.");

        static FactValue[] Facts(ProposedProcurement p)
        {
            var reason = p.Tender?.EligibilityJustification;
            return new[] { EnumFact("eligibility", p.Tender?.Eligibility), EnumFact("reasonKind", reason?.Kind), StringFact("reason", reason?.Text) };
        }
    }

    /// <summary><c>Happened(TenderDecision) &amp;&amp; Tender.Eligibility == NhsOnly</c> in Kleene logic.</summary>
    internal static Tri NhsOnlyWhen(ProposedProcurement p)
    {
        var when = Timeline.Happened(p, TenderDecision);
        return when.IsKnownFalse ? when
            : Tri.And(when, p.Tender is not { } t ? Tri.Unknown("tender") : t.Eligibility is not { } eligibility ? Tri.Unknown("tender.eligibility") : Tri.Known(eligibility == TenderEligibility.NhsOnly));
    }

    // ---- improvement-opportunities ----

    public static RuleOutcome ImprovementOpportunitiesTwoFormalChances(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Underperformance)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 1", other) : Undetermined(rule, ScenarioMissing, Approaches.FormalChancesFacts(p));
        }

        return Approaches.TwoFormalChances(rule, p);
    }

    public static RuleOutcome ImprovementOpportunitiesTwoPlanOpportunities(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.IncrementalImprovement)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 2", other) : Undetermined(rule, ScenarioMissing, Approaches.PlanOpportunitiesFacts(p));
        }

        return Approaches.TwoPlanOpportunities(rule, p);
    }

    // ---- nhs-right-to-bid ----

    public static RuleOutcome NhsRightToBidNhsProvidersEligible(RuleDefinition rule, ProposedProcurement p) => RightToBid.DecideThreeValued(rule, p);

    // ---- proportionality ----

    public static RuleOutcome ProportionalitySignificantUnderperformance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Underperformance)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 1", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            ApproachedWithIncumbents(p),
            Approaches.WithIncumbentsDoesNotHold,
            () => AllContracts(p, c => c.Performance is not { } performance ? Tri.Unknown("incumbentContracts[].performance")
                : Tri.And(
                    Tri.Of(performance.SignificantUnderperformance, "incumbentContracts[].performance.significantUnderperformance"),
                    Tri.Of(performance.InsufficientImprovement, "incumbentContracts[].performance.insufficientImprovement"))),
            () => Facts(p),
            f => $"The under-performance of {f[0].Display} was recorded as significant ({f[1].Display}) with insufficient improvement ({f[2].Display}) before other providers were approached.",
            f => $"Other providers were approached although the record does not show both significant under-performance{Opt(" (recorded: " + f[1].Display + ")", f[1])} and insufficient improvement{Opt(" (recorded: " + f[2].Display + ")", f[2])} by {f[0].Display}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            PerformanceFlags("significant", p, static a => a.SignificantUnderperformance),
            PerformanceFlags("insufficientImprovement", p, static a => a.InsufficientImprovement),
        };
    }

    public static RuleOutcome ProportionalitySeriousShortcomings(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.IncrementalImprovement)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 2", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            ApproachedWithIncumbents(p),
            Approaches.WithIncumbentsDoesNotHold,
            () => AllContracts(p, c => c.Performance is not { } performance ? Tri.Unknown("incumbentContracts[].performance")
                : Tri.And(
                    Tri.Of(performance.SeriousShortcomings, "incumbentContracts[].performance.seriousShortcomings"),
                    Tri.Of(performance.PlansNotCredible, "incumbentContracts[].performance.plansNotCredible"))),
            () => Facts(p),
            f => $"{f[0].Display} had serious shortcomings ({f[1].Display}) and no credible plans ({f[2].Display}) before other providers were approached.",
            f => $"Other providers were approached although the record does not show both serious shortcomings{Opt(" (recorded: " + f[1].Display + ")", f[1])} and a failure to develop credible plans{Opt(" (recorded: " + f[2].Display + ")", f[2])} by {f[0].Display}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            PerformanceFlags("seriousShortcomings", p, static a => a.SeriousShortcomings),
            PerformanceFlags("plansNotCredible", p, static a => a.PlansNotCredible),
        };
    }

    // ---- shared conditions ----

    /// <summary>Other providers approached (<see cref="Approaches.ApproachedWhen"/>) <c>&amp;&amp; IncumbentContracts.Any()</c>, three-valued.</summary>
    internal static Tri ApproachedWithIncumbents(ProposedProcurement p)
    {
        var approached = Approaches.ApproachedWhen(p);
        return approached.IsKnownFalse ? approached
            : Tri.And(approached, p.IncumbentContracts is { } contracts ? Tri.Known(contracts.Count > 0) : Tri.Unknown("incumbentContracts"));
    }

    /// <summary><c>IncumbentContracts.All(c =&gt; test(c))</c> in Kleene logic; a list not recorded is unknown.</summary>
    internal static Tri AllContracts(ProposedProcurement p, Func<Contract, Tri> test)
    {
        if (p.IncumbentContracts is not { } contracts)
        {
            return Tri.Unknown("incumbentContracts");
        }

        var result = Tri.True;
        for (var i = 0; i < contracts.Count && !result.IsKnownFalse; i++)
        {
            result = Tri.And(result, test(contracts[i]));
        }

        return result;
    }

    /// <summary><c>IncumbentContracts.Any(c =&gt; test(c))</c> in Kleene logic; a list not recorded is unknown.</summary>
    internal static Tri AnyContract(ProposedProcurement p, Func<Contract, Tri> test)
    {
        if (p.IncumbentContracts is not { } contracts)
        {
            return Tri.Unknown("incumbentContracts");
        }

        var result = Tri.False;
        for (var i = 0; i < contracts.Count && !result.IsKnownTrue; i++)
        {
            result = Tri.Or(result, test(contracts[i]));
        }

        return result;
    }

}
