using System;
using System.Collections.Generic;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.ContractStaffQualityFacts;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// Group C of the hand-written rules: contractual-mechanism-first, early-provider-engagement (shaping a new service),
/// fair-tender (criteria published), needs-driven, quality-monitoring and staff-engagement.
/// </summary>
internal static partial class HandWrittenRules
{
    // ---- contractual-mechanism-first ----

    public static RuleOutcome ContractualMechanismFirstBeforeAlternatives(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not (Scenario.Underperformance or Scenario.IncrementalImprovement))
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenarios 1, 2", other) : Undetermined(rule, ScenarioMissing, Approaches.ContractMechanismFacts(p));
        }

        return Approaches.ContractMechanism(rule, p);
    }

    public static RuleOutcome ContractualMechanismFirstAgreedReviewInContract(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.IncrementalImprovement)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 2", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            AgreedReviewWhen(p),
            AgreedReviewNotApplicable,
            () =>
            {
                var review = LatestAgreedReview(p);
                var invoked = Timeline.HappenedLater(p, EventKind.ContractMechanismInvoked, review with { Missing = null }, orOn: true);
                return review.Missing is null ? invoked : Tri.UnknownWith(invoked.Value, Tri.Union(review.Missing, invoked.MissingNames)!);
            },
            () => Facts(p),
            f => $"The agreed joint service review{Opt(" of " + f[0].Display, f[0])} was incorporated in the contract{Opt(" " + On(f[1]), f[1])}.",
            f => $"The joint service review{Opt(" of " + f[0].Display, f[0])} was agreed, but no contract revision is recorded on or after it{Opt(" (last use of the contract's mechanism: " + f[1].Display + ")", f[1])}.");

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { DateFact("jointReview", LatestAgreedReview(p)), DateFact("contractMechanism", Timeline.Last(p, EventKind.ContractMechanismInvoked)) };

        // Happened(JointServiceReview) && (Count(JointServiceReview) == 0 || Timeline.Any(e => e.Kind == JointServiceReview && e.Agreed == true))
        static Tri AgreedReviewWhen(ProposedProcurement p)
        {
            var happened = Timeline.Happened(p, JointReview);
            if (happened.IsKnownFalse || Timeline.Count(p, JointReview) == 0)
            {
                return happened;
            }

            var any = Tri.False;
            foreach (var e in p.Timeline!)
            {
                any = Tri.Or(any, e.Kind != JointReview ? Tri.False : Tri.Of(e.Agreed, AgreedNotRecorded));
                if (any.IsKnownTrue)
                {
                    break;
                }
            }

            return Tri.And(happened, any);
        }

        // LastOf(Timeline.Where(e => e.Kind == JointServiceReview && e.Agreed == true)): a review whose agreement is not
        // recorded makes the filter, so the date, unknown; a timeline not recorded is named.
        static DateQ LatestAgreedReview(ProposedProcurement p)
        {
            if (p.Timeline is not { } timeline)
            {
                return new DateQ(null, new[] { "timeline" }, null);
            }

            var unknown = false;
            var agreed = new List<TimelineEvent>();
            foreach (var e in timeline)
            {
                if (e.Kind == JointReview)
                {
                    unknown |= e.Agreed is null;
                    if (e.Agreed == true)
                    {
                        agreed.Add(e);
                    }
                }
            }

            var last = Timeline.LastOf(p, agreed, JointReview);
            return unknown ? last with { Missing = new[] { AgreedNotRecorded } } : last;
        }
    }

    // ---- early-provider-engagement ----

    public static RuleOutcome EarlyProviderEngagementShapingNewService(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.NewOrRedesignedService)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 4", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            ShapingApplies(p),
            "Does not apply: the condition '" + ShapingWhen + "' does not hold.",
            () =>
            {
                // ((no decision to tender && a decision not to tender) || Shaped(TenderDecision))
                //   && (no decision not to tender || Shaped(DirectAwardDecision))
                var direct = Timeline.Count(p, EventKind.DirectAwardDecision) > 0;
                var first = Timeline.Count(p, TenderDecision) == 0 && direct ? Tri.True : Shaped(p, TenderDecision);
                if (first.IsKnownFalse || !direct)
                {
                    return first;
                }

                // Before a decision not to tender openly, the existing provider (of a service that has one) too.
                var shapedDirect = Shaped(p, EventKind.DirectAwardDecision);
                var existing = p.Service is { IsNew: false } or { IsSignificantRedesign: true } || p.IncumbentContracts is { Count: > 0 };
                if (existing && !shapedDirect.IsKnownFalse)
                {
                    shapedDirect = Tri.And(shapedDirect, Timeline.HappenedBefore(p, EventKind.IncumbentEngaged, Timeline.First(p, EventKind.DirectAwardDecision)));
                }

                return Tri.And(first, shapedDirect);
            },
            () => Facts(p),
            f => $"Intentions were shared{Opt(" " + On(f[1]), f[1])} and potential providers engaged{Opt(" (NHS: " + f[2].Display + ")", f[2])}{Opt(" (others: " + f[3].Display + ")", f[3])} before the decision whether to tender{Opt(" (to tender: " + f[0].Display + ")", f[0])}{Opt(" (not to tender openly: " + f[4].Display + ")", f[4])}.",
            f => $"The decision whether to tender{Opt(" (to tender: " + f[0].Display + ")", f[0])}{Opt(" (not to tender openly: " + f[4].Display + ")", f[4])} was taken before the commissioner had both set out its intentions and engaged other potential providers to shape the service{Opt(" (intentions first shared: " + f[1].Display + ")", f[1])}{Opt(" (NHS providers first engaged: " + f[2].Display + ")", f[2])}{Opt(" (other potential providers first engaged: " + f[3].Display + ")", f[3])}.");

        // HappenedBefore(IntentionsShared, First(decision)) && (CountBefore(NHS, ...) > 0 || CountBefore(alternatives, ...) > 0
        //   || HappenedBefore(NHS, ...) || HappenedBefore(alternatives, ...))
        static Tri Shaped(ProposedProcurement p, EventKind decision)
        {
            var intentions = Timeline.HappenedBefore(p, EventKind.IntentionsShared, Timeline.First(p, decision));
            if (intentions.IsKnownFalse)
            {
                return intentions;
            }

            var engaged = CountedBefore(p, EventKind.NhsProvidersEngaged, decision);
            engaged = engaged.IsKnownTrue ? engaged : Tri.Or(engaged, CountedBefore(p, Alternatives, decision));
            engaged = engaged.IsKnownTrue ? engaged : Tri.Or(engaged, Timeline.HappenedBefore(p, EventKind.NhsProvidersEngaged, Timeline.First(p, decision)));
            engaged = engaged.IsKnownTrue ? engaged : Tri.Or(engaged, Timeline.HappenedBefore(p, Alternatives, Timeline.First(p, decision)));
            return Tri.And(intentions, engaged);
        }

        // CountBefore(kind, First(decision)) > 0
        static Tri CountedBefore(ProposedProcurement p, EventKind kind, EventKind decision)
        {
            var (count, missing) = Timeline.CountBefore(p, kind, Timeline.First(p, decision));
            return missing is null ? Tri.Known(count > 0) : Tri.UnknownWith(count > 0, missing);
        }

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            FirstFact("tenderDecision", p, TenderDecision),
            FirstFact("intentionsShared", p, EventKind.IntentionsShared),
            FirstFact("nhsProvidersEngaged", p, EventKind.NhsProvidersEngaged),
            FirstFact("alternativeProvidersEngaged", p, Alternatives),
            FirstFact("directAwardDecision", p, EventKind.DirectAwardDecision),
        };
    }

    internal const string ShapingWhen =
        "Happened(TenderDecision) || Count(DirectAwardDecision) > 0 || (Tender != null && Tender.Route != null && (Tender.Route == DirectAward || Tender.Route == ContractVariation))";

    /// <summary><c>ShapingWhen</c> in Kleene logic: a decision to tender, or a sign of a decision not to tender (always known).</summary>
    internal static Tri ShapingApplies(ProposedProcurement p)
    {
        var decided = Timeline.Happened(p, TenderDecision);
        return decided.IsKnownTrue ? decided : Tri.Or(decided, Tri.Known(BeforeDirectAwardApplies(p)));
    }

    // ---- fair-tender ----

    public static RuleOutcome FairTenderCriteriaPublished(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            Timeline.Happened(p, NoticePublished),
            "Does not apply: the condition 'Happened(NoticePublished)' does not hold.",
            () => p.Tender is not { } tender ? Tri.Unknown("tender") : Tri.Of(tender.CriteriaPublished, "tender.criteriaPublished"),
            () => new[] { FirstFact("notice", p, NoticePublished), BoolFact("criteriaPublished", p.Tender?.CriteriaPublished) },
            f => $"The evaluation criteria were published for the competition{Opt(" noticed " + On(f[0]), f[0])}.",
            f => $"Bids were invited by the notice{Opt(" published " + On(f[0]), f[0])}, but the evaluation criteria were not published (recorded: {f[1].Display}).");

    // ---- needs-driven ----

    public static RuleOutcome NeedsDrivenNeedsAssessed(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            Timeline.Happened(p, TenderDecision),
            "Does not apply: the condition 'Happened(TenderDecision)' does not hold.",
            () => DatedByFirst(p, p.NeedsAssessments, d => d.Date, "needsAssessments", TenderDecision),
            () => new[]
            {
                FirstFact("tenderDecision", p, TenderDecision),
                DocumentTitlesFact("needsAssessments", p.NeedsAssessments),
                DocumentDatesFact("needsAssessmentDates", p.NeedsAssessments),
            },
            f => $"The decision to tender{Opt(" " + On(f[0]), f[0])} follows an assessment of need{Opt(": " + f[1].Display, f[1])}.",
            f => $"No needs assessment is dated on or before the decision to tender{Opt(" " + On(f[0]), f[0])}{Opt(" (needs assessments: " + f[1].Display + ")", f[1])}{Opt(" (dated: " + f[2].Display + ")", f[2])}.");

    public static RuleOutcome NeedsDrivenDirectAwardNeedsAssessed(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            Tri.Known(Timeline.Count(p, EventKind.DirectAwardDecision) > 0),
            "Does not apply: the condition 'Count(DirectAwardDecision) > 0' does not hold.",
            () => DatedByFirst(p, p.NeedsAssessments, d => d.Date, "needsAssessments", EventKind.DirectAwardDecision),
            () => new[]
            {
                FirstFact("directAwardDecision", p, EventKind.DirectAwardDecision),
                DocumentTitlesFact("needsAssessments", p.NeedsAssessments),
                DocumentDatesFact("needsAssessmentDates", p.NeedsAssessments),
            },
            f => $"The decision not to tender openly{Opt(" " + On(f[0]), f[0])} follows an assessment of need{Opt(": " + f[1].Display, f[1])}.",
            f => $"No needs assessment is dated on or before the decision not to tender openly{Opt(" " + On(f[0]), f[0])}{Opt(" (needs assessments: " + f[1].Display + ")", f[1])}{Opt(" (dated: " + f[2].Display + ")", f[2])}.");

    // ---- quality-monitoring ----

    public static RuleOutcome QualityMonitoringClearMeasures(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Underperformance)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 1", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            Tri.True,
            string.Empty,
            () =>
            {
                // QualityMeasures.Any(m => m.Kind == PatientSatisfaction): one known match decides.
                if (p.QualityMeasures is not { } measures)
                {
                    return Tri.Unknown("qualityMeasures");
                }

                var any = Tri.False;
                for (var i = 0; i < measures.Count && !any.IsKnownTrue; i++)
                {
                    any = Tri.Or(any, measures[i].Kind is { } kind ? Tri.Known(kind == QualityMeasureKind.PatientSatisfaction) : Tri.Unknown("qualityMeasures[].kind"));
                }

                return any;
            },
            () => Facts(p),
            f => $"The underperformance is judged on clear measures of quality, including patient satisfaction: {f[0].Display}.",
            f => $"The underperformance is not judged on a patient satisfaction measure (quality measures recorded: {f[0].Display}).");

        static FactValue[] Facts(ProposedProcurement p) => new[] { MeasureNamesFact("qualityMeasures", p.QualityMeasures) };
    }

    public static RuleOutcome QualityMonitoringConcernsRaisedFirst(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            AnyContract(p, c => c.Performance is not { } performance ? Tri.Unknown("incumbentContracts[].performance")
                : performance.Underperforming is not { } underperforming ? Tri.Unknown("incumbentContracts[].performance.underperforming")
                : Tri.Known(underperforming)),
            "Does not apply: the condition 'IncumbentContracts.Any(c => c.Performance.Underperforming == true)' does not hold.",
            () => Timeline.HappenedBefore(p, EventKind.ConcernsRaised, Timeline.First(p, Alternatives)),
            () => new[]
            {
                IncumbentFact("incumbent", p),
                FirstFact("concernsFirstRaised", p, EventKind.ConcernsRaised),
                FirstFact("alternativesFirstEngaged", p, Alternatives),
            },
            f => $"Concerns about the provider{Opt(" (" + f[0].Display + ")", f[0])} were raised{Opt(" " + On(f[1]), f[1])}, before any approach to alternative providers{Opt(" (first approach: " + f[2].Display + ")", f[2])}.",
            f => $"{f[0].Display} is recorded as underperforming, but no concerns were raised with it before any approach to alternative providers{Opt(" (concerns first raised: " + f[1].Display + ")", f[1])}{Opt(" (alternative providers first engaged: " + f[2].Display + ")", f[2])}.");

    // ---- staff-engagement ----

    public static RuleOutcome StaffEngagementBeforeTenderDecision(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            ExistingServiceTendered(p),
            ExistingServiceTenderedNotApplicable,
            () =>
            {
                var staff = Timeline.HappenedBefore(p, EventKind.StaffEngaged, Timeline.First(p, TenderDecision));
                return staff.IsKnownFalse ? staff : Tri.And(staff, Timeline.HappenedBefore(p, EventKind.UnionsEngaged, Timeline.First(p, TenderDecision)));
            },
            () => new[]
            {
                FirstFact("tenderDecision", p, TenderDecision),
                FirstFact("staffFirstEngaged", p, EventKind.StaffEngaged),
                FirstFact("unionsFirstEngaged", p, EventKind.UnionsEngaged),
            },
            f => $"The staff{Opt(" (from " + f[1].Display + ")", f[1])} and their trade union representatives{Opt(" (from " + f[2].Display + ")", f[2])} were engaged before the decision to tender{Opt(" " + On(f[0]), f[0])}.",
            f => $"The decision to tender was taken{Opt(" " + On(f[0]), f[0])} before both the staff and their trade union representatives had been engaged{Opt(" (staff first engaged: " + f[1].Display + ")", f[1])}{Opt(" (trade union representatives first engaged: " + f[2].Display + ")", f[2])}.");

    public static RuleOutcome StaffEngagementBeforeDirectAward(RuleDefinition rule, ProposedProcurement p)
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
                var staff = Timeline.HappenedBefore(p, EventKind.StaffEngaged, decision);
                return staff.IsKnownFalse ? staff : Tri.And(staff, Timeline.HappenedBefore(p, EventKind.UnionsEngaged, decision));
            },
            () => Facts(p),
            f => $"The staff{Opt(" (from " + f[2].Display + ")", f[2])} and their trade union representatives{Opt(" (from " + f[3].Display + ")", f[3])} were engaged before the expiring contract{Opt(" of " + f[0].Display, f[0])} was re-awarded without a tender{Opt(" (decision " + On(f[1]) + ")", f[1])}.",
            f => $"The expiring contract{Opt(" of " + f[0].Display, f[0])} was re-awarded without a tender{Opt(" (decision " + On(f[1]) + ")", f[1])} before both the staff and their trade union representatives had been engaged{Opt(" (staff first engaged: " + f[2].Display + ")", f[2])}{Opt(" (trade union representatives first engaged: " + f[3].Display + ")", f[3])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            FirstFact("directAwardDecision", p, EventKind.DirectAwardDecision),
            FirstFact("staffFirstEngaged", p, EventKind.StaffEngaged),
            FirstFact("unionsFirstEngaged", p, EventKind.UnionsEngaged),
        };
    }

    public static RuleOutcome StaffEngagementInJointServiceReview(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            Tri.Known(Timeline.Count(p, JointReview) > 0),
            "Does not apply: the condition 'Count(JointServiceReview) > 0' does not hold.",
            () =>
            {
                // OnOrBefore(First(StaffEngaged), First(JointServiceReview)) && OnOrBefore(First(UnionsEngaged), First(JointServiceReview))
                var staff = Timeline.Compare(Timeline.First(p, EventKind.StaffEngaged), Timeline.First(p, JointReview), Expressions.DateOrder.OnOrBefore);
                return staff.IsKnownFalse
                    ? staff
                    : Tri.And(staff, Timeline.Compare(Timeline.First(p, EventKind.UnionsEngaged), Timeline.First(p, JointReview), Expressions.DateOrder.OnOrBefore));
            },
            () => new[]
            {
                FirstFact("jointServiceReview", p, JointReview),
                FirstFact("staffFirstEngaged", p, EventKind.StaffEngaged),
                FirstFact("unionsFirstEngaged", p, EventKind.UnionsEngaged),
            },
            f => $"The staff{Opt(" (from " + f[1].Display + ")", f[1])} and their trade union representatives{Opt(" (from " + f[2].Display + ")", f[2])} were engaged by the time of the joint service review{Opt(" (" + f[0].Display + ")", f[0])}.",
            f => $"The joint service review{Opt(" (" + f[0].Display + ")", f[0])} went ahead before both the staff and their trade union representatives had been engaged{Opt(" (staff first engaged: " + f[1].Display + ")", f[1])}{Opt(" (trade union representatives first engaged: " + f[2].Display + ")", f[2])}.");

    public static RuleOutcome StaffEngagementThroughoutUnsustainability(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        // a merger, acquisition or franchise route && HappenedAny(ShaDirection, DirectAwardDecision)
        var when = ResolvedWithoutTender(p) ? Timeline.HappenedAny(p, EventKind.ShaDirection, EventKind.DirectAwardDecision) : Tri.False;
        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition '" + ThroughoutUnsustainabilityWhen + "' does not hold.",
            () =>
            {
                // HappenedAny(ShaDirection, DirectAwardDecision) && staff engaged on or before each recorded step
                var result = Timeline.HappenedAny(p, EventKind.ShaDirection, EventKind.DirectAwardDecision);
                foreach (var step in new[] { EventKind.ShaDirection, EventKind.DirectAwardDecision })
                {
                    if (result.IsKnownFalse)
                    {
                        break;
                    }

                    if (Timeline.Count(p, step) > 0)
                    {
                        result = Tri.And(result, Timeline.Compare(Timeline.First(p, EventKind.StaffEngaged), Timeline.First(p, step), Expressions.DateOrder.OnOrBefore));
                    }
                }

                return result;
            },
            () => Facts(p),
            f => $"The staff were engaged{Opt(", first " + On(f[3]), f[3])}, by the time the {f[0].Display} was settled{Opt(" (SHA direction: " + f[1].Display + ")", f[1])}{Opt(" (decision not to tender: " + f[2].Display + ")", f[2])}.",
            f => $"The staff were not engaged by the time the {f[0].Display} was settled{Opt(" (SHA direction: " + f[1].Display + ")", f[1])}{Opt(" (decision not to tender: " + f[2].Display + ")", f[2])}{Opt("; they were first engaged " + On(f[3]), f[3])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            EnumFact("route", p.Tender?.Route),
            FirstFact("shaDirection", p, EventKind.ShaDirection),
            FirstFact("resolutionDecision", p, EventKind.DirectAwardDecision),
            FirstFact("staffFirstEngaged", p, EventKind.StaffEngaged),
        };
    }

    private const string ThroughoutUnsustainabilityWhen =
        "Tender != null && Tender.Route != null && (Tender.Route == Merger || Tender.Route == Acquisition || Tender.Route == Franchise) && HappenedAny(ShaDirection, DirectAwardDecision)";

    /// <summary>
    /// <c>Happened(TenderDecision) &amp;&amp; (an existing service is implied || IncumbentContracts.Any())</c> in Kleene
    /// logic: the implied existing service is always known; an incumbent list not recorded is unknown.
    /// </summary>
    internal static Tri ExistingServiceTendered(ProposedProcurement p)
    {
        var happened = Timeline.Happened(p, TenderDecision);
        if (happened.IsKnownFalse)
        {
            return happened;
        }

        // A service recorded as new with no incumbent contract has no existing provider.
        var existing = ExistingServiceImplied(p) ? Tri.True
            : p.IncumbentContracts is { } contracts ? Tri.Known(contracts.Count > 0)
            : p.Service?.IsNew == true ? Tri.False
            : p.Service is { IsNew: null } ? Tri.Unknown("service.isNew", "incumbentContracts")
            : Tri.Unknown("incumbentContracts");
        return Tri.And(happened, existing);
    }

    internal const string ExistingServiceTenderedNotApplicable =
        "Does not apply: the condition 'Happened(TenderDecision) && ((Scenario != null && (Scenario == Underperformance || Scenario == IncrementalImprovement || Scenario == Unsustainability || Scenario == ContractExpiry)) || (Service != null && ((Service.IsNew != null && Service.IsNew == false) || (Service.IsSignificantRedesign != null && Service.IsSignificantRedesign == true))) || Count(IncumbentEngaged) + Count(FormalImprovementOpportunity) + Count(JointServiceReview) + Count(ServicePlansPresented) + Count(WorkedWithProvider) + Count(ContractMechanismInvoked) > 0 || (Service != null && Service.IsNew == true && IncumbentContracts == null ? false : IncumbentContracts.Any()))' does not hold.";

    /// <summary>
    /// An existing service (so existing staff) without a recorded incumbent contract: a scenario about an existing
    /// provider (1, 2, 3, 6), a service recorded as not new or as a significant redesign, or an event only an
    /// existing provider has.
    /// </summary>
    internal static bool ExistingServiceImplied(ProposedProcurement p)
    {
        if (p.Scenario is Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.Unsustainability or Scenario.ContractExpiry)
        {
            return true;
        }

        if (p.Service is { } service && (service.IsNew == false || service.IsSignificantRedesign == true))
        {
            return true;
        }

        foreach (var kind in ExistingProviderEvents)
        {
            if (Events.CountBefore(p, kind, null) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly EventKind[] ExistingProviderEvents =
    {
        EventKind.IncumbentEngaged, EventKind.FormalImprovementOpportunity, EventKind.JointServiceReview,
        EventKind.ServicePlansPresented, EventKind.WorkedWithProvider, EventKind.ContractMechanismInvoked,
    };

    public static RuleOutcome StaffEngagementContinuesWhileAlternativesConsidered(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not (Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.Unsustainability))
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenarios 1, 2, 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            Timeline.Happened(p, Alternatives),
            "Does not apply: the condition 'Happened(AlternativeProvidersEngaged)' does not hold.",
            () =>
            {
                var before = Timeline.HappenedBefore(p, EventKind.StaffEngaged, Timeline.First(p, Alternatives));
                if (before.IsKnownFalse)
                {
                    return before;
                }

                var onOrAfter = Timeline.Compare(Timeline.Last(p, EventKind.StaffEngaged), Timeline.First(p, Alternatives), Expressions.DateOrder.OnOrAfter);
                if (!onOrAfter.IsKnownTrue)
                {
                    onOrAfter = Tri.Or(onOrAfter, Timeline.HappenedLater(p, EventKind.StaffEngaged, Timeline.First(p, Alternatives), orOn: false));
                }

                return Tri.And(before, onOrAfter);
            },
            () => Facts(p),
            f => $"Staff were engaged from {f[1].Display}, before alternative providers were approached {On(f[0])}, and engagement continued to {f[2].Display}.",
            f => $"Alternative providers were first engaged{Opt(" " + On(f[0]), f[0])}; staff must be engaged before then and go on being engaged after it{Opt(" (staff first engaged: " + f[1].Display + ")", f[1])}{Opt(" (last engaged: " + f[2].Display + ")", f[2])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            FirstFact("alternativesFirstEngaged", p, Alternatives),
            FirstFact("staffFirstEngaged", p, EventKind.StaffEngaged),
            LastFact("staffLastEngaged", p, EventKind.StaffEngaged),
        };
    }
}

/// <summary>Facts and texts the group C rules share, kept apart so that the other groups' helpers cannot clash with them.</summary>
internal static class ContractStaffQualityFacts
{
    internal const string AgreedNotRecorded = "timeline[].agreed";

    internal const string AgreedReviewNotApplicable =
        "Does not apply: the condition 'Happened(JointServiceReview) && (Count(JointServiceReview) == 0 || Timeline.Any(e => e.Kind == JointServiceReview && e.Agreed == true))' does not hold.";

    /// <summary>The documents' titles as a list; not recorded when the list is not.</summary>
    internal static FactValue DocumentTitlesFact(string name, IReadOnlyList<Document>? documents)
    {
        if (documents is null)
        {
            return new FactValue(name, null, Text.NotRecorded, false);
        }

        if (documents.Count == 0)
        {
            return new FactValue(name, Array.Empty<object?>(), Text.None, true);
        }

        var values = new object?[documents.Count];
        var titles = new string[documents.Count];
        for (var i = 0; i < titles.Length; i++)
        {
            values[i] = titles[i] = documents[i].Title;
        }

        return new FactValue(name, values, string.Join(", ", titles), true);
    }

    /// <summary>The documents' dates as a list; not recorded when the list or any document's date is not.</summary>
    internal static FactValue DocumentDatesFact(string name, IReadOnlyList<Document>? documents)
    {
        if (documents is null)
        {
            return new FactValue(name, null, Text.NotRecorded, false);
        }

        if (documents.Count == 0)
        {
            return new FactValue(name, Array.Empty<object?>(), Text.None, true);
        }

        var values = new object?[documents.Count];
        var dates = new string[documents.Count];
        for (var i = 0; i < dates.Length; i++)
        {
            if (documents[i].Date is not { } date)
            {
                return new FactValue(name, null, Text.NotRecorded, false);
            }

            values[i] = date;
            dates[i] = Text.Date(date);
        }

        return new FactValue(name, values, string.Join(", ", dates), true);
    }

    /// <summary>The quality measures' names as a list; not recorded when the list is not.</summary>
    internal static FactValue MeasureNamesFact(string name, IReadOnlyList<QualityMeasure>? measures)
    {
        if (measures is null)
        {
            return new FactValue(name, null, Text.NotRecorded, false);
        }

        if (measures.Count == 0)
        {
            return new FactValue(name, Array.Empty<object?>(), Text.None, true);
        }

        var values = new object?[measures.Count];
        var names = new string[measures.Count];
        for (var i = 0; i < names.Length; i++)
        {
            values[i] = names[i] = measures[i].Name;
        }

        return new FactValue(name, values, string.Join(", ", names), true);
    }

    /// <summary>The last event of a kind as a fact: not recorded when none is listed and the list may be incomplete.</summary>
    internal static FactValue LastFact(string name, ProposedProcurement p, EventKind kind) => DateFact(name, Timeline.Last(p, kind));
}
