using System;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// One method per rule of the default pack, named after the rule id, each producing exactly the outcome the engine
/// produces from <c>rules/burnham-2009/*.rules.yaml</c>: the same kind, message, facts and missing facts.
/// </summary>
/// <remarks>
/// Three-valued logic is spelt out: an event kind with no recorded event is "not recorded" unless the timeline is
/// complete for it; a <see langword="null"/> model value is "not recorded". The missing facts are named in the order
/// the rule's expression meets them, as the engine does.
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

    public static RuleOutcome EarlyProviderEngagementBeforeTenderDecision(RuleDefinition rule, ProposedProcurement p)
    {
        var missing = default(Missing);
        var tenderDecision = TenderedWithIncumbents(p, ref missing, out var applies);
        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        if (!applies)
        {
            return NotApplicable(rule, "Does not apply: the condition 'Happened(TenderDecision) && IncumbentContracts.Any()' does not hold.");
        }

        var engagedBefore = Events.CountBefore(p, IncumbentEngaged, tenderDecision) >= 1;
        if (tenderDecision is null)
        {
            // The decision happened (derived) on a day not known: its day is missing, and so is any engagement.
            return Undetermined(rule, engagedBefore || Events.IsComplete(p, IncumbentEngaged) ? new[] { Events.Missing(TenderDecision) } : new[] { Events.Missing(TenderDecision), Events.Missing(IncumbentEngaged) }, Facts(p));
        }

        if (!engagedBefore && !Events.IsComplete(p, IncumbentEngaged))
        {
            return Undetermined(rule, new[] { Events.Missing(IncumbentEngaged) }, Facts(p));
        }

        var f = Facts(p);
        return engagedBefore
            ? Compliant(rule, $"The existing provider ({f[0].Display}) was first engaged on {f[2].Display}, before the decision to tender on {f[1].Display}.", f)
            : Breach(rule, $"The decision to tender was taken on {f[1].Display} before the existing provider ({f[0].Display}) was engaged (first recorded engagement: {f[2].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { IncumbentFact("incumbent", p), FirstFact("tenderDecision", p, TenderDecision), FirstFact("firstEngagement", p, IncumbentEngaged) };
    }

    // ---- fair-tender ----

    public static RuleOutcome FairTenderEligibilityFixedAtNotice(RuleDefinition rule, ProposedProcurement p)
    {
        var notice = Events.First(p, NoticePublished);
        if (notice is null)
        {
            return Events.FirstKnowable(p, NoticePublished)
                ? NotApplicable(rule, "Does not apply: the condition 'Happened(NoticePublished)' does not hold.")
                : Undetermined(rule, new[] { Events.Missing(NoticePublished) }, Facts(p));
        }

        var narrowed = false;
        var timeline = p.Timeline!;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == EligibilityChanged && e.Date.Earliest > notice.Value && e.Eligibility is TenderEligibility.NhsOnly or TenderEligibility.NonNhsOnly)
            {
                narrowed = true;
                break;
            }
        }

        if (!narrowed && !Events.IsComplete(p, EligibilityChanged))
        {
            return Undetermined(rule, new[] { Events.Missing(EligibilityChanged) }, Facts(p));
        }

        var f = Facts(p);
        return narrowed
            ? Breach(rule, $"The notice was published on {f[0].Display}, and on {f[1].Display} eligibility was narrowed (now {f[2].Display}).", f)
            : Compliant(rule, $"Eligibility was not narrowed after the notice of {f[0].Display}.", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { FirstFact("notice", p, NoticePublished), FirstFact("eligibilityChanged", p, EligibilityChanged), EnumFact("eligibility", p.Tender?.Eligibility) };
    }

    public static RuleOutcome FairTenderIncumbentMayBid(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not (Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.NewOrRedesignedService))
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenarios 1, 2, 4", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        var missing = default(Missing);
        TenderedWithIncumbents(p, ref missing, out var applies);
        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        if (!applies)
        {
            return NotApplicable(rule, "Does not apply: the condition 'Happened(TenderDecision) && IncumbentContracts.Any()' does not hold.");
        }

        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.IncumbentMayBid is not { } mayBid)
        {
            return Undetermined(rule, new[] { "tender.incumbentMayBid" }, Facts(p));
        }

        var f = Facts(p);
        return mayBid
            ? Compliant(rule, $"{f[0].Display} may bid in the tender on a fair and equal basis.", f)
            : Breach(rule, $"The service is tendered but {f[0].Display} may not bid on a fair and equal basis (recorded {f[1].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { IncumbentFact("incumbent", p), BoolFact("incumbentMayBid", p.Tender?.IncumbentMayBid) };
    }

    public static RuleOutcome FairTenderNhsOnlyNeedsReason(RuleDefinition rule, ProposedProcurement p)
    {
        var missing = default(Missing);
        var applies = false;
        if (!Events.Happened(p, TenderDecision))
        {
            if (!Events.IsComplete(p, TenderDecision))
            {
                missing.Add(Events.Missing(TenderDecision));
            }
        }
        else if (p.Tender is null)
        {
            missing.Add("tender");
        }
        else if (p.Tender.Eligibility is not { } eligibility)
        {
            missing.Add("tender.eligibility");
        }
        else
        {
            applies = eligibility == TenderEligibility.NhsOnly;
        }

        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        if (!applies)
        {
            return NotApplicable(rule, "Does not apply: the condition 'Happened(TenderDecision) && Tender.Eligibility == NhsOnly' does not hold.");
        }

        if (p.Tender!.EligibilityJustification is not { } reason)
        {
            return Undetermined(rule, new[] { "tender.eligibilityJustification" }, Facts(p));
        }

        var f = Facts(p);
        return reason.Kind is JustificationKind.Clinical or JustificationKind.Safety or JustificationKind.ClinicalAndSafety
            ? Compliant(rule, $"The tender is restricted to NHS providers for a recorded {f[1].Display} reason ({f[2].Display}).", f)
            : Breach(rule, $"The tender is restricted to NHS providers, but the recorded reason is of kind '{f[1].Display}' ({f[2].Display}), not a clinical or safety reason.", f);

        static FactValue[] Facts(ProposedProcurement p)
        {
            var reason = p.Tender?.EligibilityJustification;
            return new[] { EnumFact("eligibility", p.Tender?.Eligibility), EnumFact("reasonKind", reason?.Kind), StringFact("reason", reason?.Text) };
        }
    }

    // ---- improvement-opportunities ----

    public static RuleOutcome ImprovementOpportunitiesTwoFormalChances(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Underperformance)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 1", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        var alternatives = Events.First(p, Alternatives);
        if (alternatives is null)
        {
            return Events.FirstKnowable(p, Alternatives)
                ? NotApplicable(rule, "Does not apply: the condition 'Happened(AlternativeProvidersEngaged)' does not hold.")
                : Undetermined(rule, new[] { Events.Missing(Alternatives) }, Facts(p));
        }

        var met = Events.CountBefore(p, FormalChance, alternatives) >= 2;
        if (!met && !Events.IsComplete(p, FormalChance))
        {
            return Undetermined(rule, new[] { Events.Missing(FormalChance) }, Facts(p));
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"{f[0].Display} had {f[2].Display} formal chances to improve before alternative providers were first engaged on {f[1].Display}.", f)
            : Breach(rule, $"Alternative providers were first engaged on {f[1].Display}, after {f[2].Display} formal chance(s) for {f[0].Display} to improve ({f[3].Display} recorded in all); at least 2 must come first.", f);

        static FactValue[] Facts(ProposedProcurement p)
        {
            var alternatives = FirstFact("alternativesFirstEngaged", p, Alternatives);
            return new[]
            {
                IncumbentFact("incumbent", p),
                alternatives,
                IntFact("chancesBefore", Events.CountBefore(p, FormalChance, (DateOnly?)alternatives.Value), alternatives.IsRecorded),
                IntFact("chancesInAll", Events.CountBefore(p, FormalChance, null), true),
            };
        }
    }

    public static RuleOutcome ImprovementOpportunitiesTwoPlanOpportunities(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.IncrementalImprovement)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 2", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        var alternatives = Events.First(p, Alternatives);
        if (alternatives is null)
        {
            return Events.FirstKnowable(p, Alternatives)
                ? NotApplicable(rule, "Does not apply: the condition 'Happened(AlternativeProvidersEngaged)' does not hold.")
                : Undetermined(rule, new[] { Events.Missing(Alternatives) }, Facts(p));
        }

        bool met;
        if (Events.CountBefore(p, JointReview, alternatives) < 1)
        {
            if (!Events.IsComplete(p, JointReview))
            {
                return Undetermined(rule, new[] { Events.Missing(JointReview) }, Facts(p));
            }

            met = false;
        }
        else
        {
            met = Events.CountBefore(p, PlansPresented, alternatives) >= 2;
            if (!met && !Events.IsComplete(p, PlansPresented))
            {
                return Undetermined(rule, new[] { Events.Missing(PlansPresented) }, Facts(p));
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"After a joint service review on {f[2].Display}, {f[0].Display} had {f[3].Display} opportunities to present service plans before alternative providers were first engaged on {f[1].Display}.", f)
            : Breach(rule, $"Alternative providers were first engaged on {f[1].Display}; before then {f[0].Display} had {f[3].Display} opportunity(ies) to present service plans (2 required) and the joint service review was on {f[2].Display}.", f);

        static FactValue[] Facts(ProposedProcurement p)
        {
            var alternatives = FirstFact("alternativesFirstEngaged", p, Alternatives);
            return new[]
            {
                IncumbentFact("incumbent", p),
                alternatives,
                FirstFact("jointReview", p, JointReview),
                IntFact("planOpportunitiesBefore", Events.CountBefore(p, PlansPresented, (DateOnly?)alternatives.Value), alternatives.IsRecorded),
            };
        }
    }

    // ---- nhs-right-to-bid ----

    public static RuleOutcome NhsRightToBidNhsProvidersEligible(RuleDefinition rule, ProposedProcurement p)
    {
        if (!Events.Happened(p, TenderDecision) && !Events.Happened(p, AccreditationOpened))
        {
            var missing = default(Missing);
            if (!Events.IsComplete(p, TenderDecision))
            {
                missing.Add(Events.Missing(TenderDecision));
            }

            if (!Events.IsComplete(p, AccreditationOpened))
            {
                missing.Add(Events.Missing(AccreditationOpened));
            }

            return missing.Any
                ? Undetermined(rule, missing.ToArray(), Facts(p))
                : NotApplicable(rule, "Does not apply: the condition 'HappenedAny(TenderDecision, AccreditationOpened)' does not hold.");
        }

        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.Eligibility is not { } eligibility)
        {
            return Undetermined(rule, new[] { "tender.eligibility" }, Facts(p));
        }

        var f = Facts(p);
        return eligibility != TenderEligibility.NonNhsOnly
            ? Compliant(rule, $"NHS providers may bid for the opportunity (eligibility {f[2].Display}).", f)
            : Breach(rule, $"The opportunity is open to non-NHS providers only (eligibility {f[2].Display}), so NHS providers cannot bid.", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { FirstFact("tenderDecision", p, TenderDecision), FirstFact("accreditationOpened", p, AccreditationOpened), EnumFact("eligibility", p.Tender?.Eligibility) };
    }

    // ---- proportionality ----

    public static RuleOutcome ProportionalitySignificantUnderperformance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Underperformance)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 1", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        var missing = default(Missing);
        AlternativesWithIncumbents(p, ref missing, out var applies);
        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        if (!applies)
        {
            return NotApplicable(rule, "Does not apply: the condition 'Happened(AlternativeProvidersEngaged) && IncumbentContracts.Any()' does not hold.");
        }

        var met = true;
        foreach (var contract in p.IncumbentContracts!)
        {
            var missingName = contract.Performance is not { } performance ? "incumbentContracts[].performance"
                : performance.SignificantUnderperformance is null ? "incumbentContracts[].performance.significantUnderperformance"
                : performance.SignificantUnderperformance == false ? null
                : performance.InsufficientImprovement is null ? "incumbentContracts[].performance.insufficientImprovement"
                : null;
            if (missingName is not null)
            {
                return Undetermined(rule, new[] { missingName }, Facts(p));
            }

            if (contract.Performance!.SignificantUnderperformance != true || contract.Performance.InsufficientImprovement != true)
            {
                met = false;
                break;
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"The under-performance of {f[0].Display} was recorded as significant ({f[1].Display}) with insufficient improvement ({f[2].Display}) before alternatives were engaged.", f)
            : Breach(rule, $"Alternative providers were engaged although the record does not show both significant under-performance (recorded: {f[1].Display}) and insufficient improvement (recorded: {f[2].Display}) by {f[0].Display}.", f);

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

        var missing = default(Missing);
        AlternativesWithIncumbents(p, ref missing, out var applies);
        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        if (!applies)
        {
            return NotApplicable(rule, "Does not apply: the condition 'Happened(AlternativeProvidersEngaged) && IncumbentContracts.Any()' does not hold.");
        }

        var met = true;
        foreach (var contract in p.IncumbentContracts!)
        {
            var missingName = contract.Performance is not { } performance ? "incumbentContracts[].performance"
                : performance.SeriousShortcomings is null ? "incumbentContracts[].performance.seriousShortcomings"
                : performance.SeriousShortcomings == false ? null
                : performance.PlansNotCredible is null ? "incumbentContracts[].performance.plansNotCredible"
                : null;
            if (missingName is not null)
            {
                return Undetermined(rule, new[] { missingName }, Facts(p));
            }

            if (contract.Performance!.SeriousShortcomings != true || contract.Performance.PlansNotCredible != true)
            {
                met = false;
                break;
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"{f[0].Display} had serious shortcomings ({f[1].Display}) and no credible plans ({f[2].Display}) before alternatives were engaged.", f)
            : Breach(rule, $"Alternative providers were engaged although the record does not show both serious shortcomings (recorded: {f[1].Display}) and a failure to develop credible plans (recorded: {f[2].Display}) by {f[0].Display}.", f);

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            PerformanceFlags("seriousShortcomings", p, static a => a.SeriousShortcomings),
            PerformanceFlags("plansNotCredible", p, static a => a.PlansNotCredible),
        };
    }

    // ---- shared conditions ----

    /// <summary>
    /// <c>Happened(TenderDecision) &amp;&amp; IncumbentContracts.Any()</c>: returns the first tender decision, names what is
    /// not recorded, and says whether the rule applies.
    /// </summary>
    internal static DateOnly? TenderedWithIncumbents(ProposedProcurement p, ref Missing missing, out bool applies) =>
        HappenedWithIncumbents(p, TenderDecision, ref missing, out applies);

    /// <summary><c>Happened(AlternativeProvidersEngaged) &amp;&amp; IncumbentContracts.Any()</c>.</summary>
    internal static DateOnly? AlternativesWithIncumbents(ProposedProcurement p, ref Missing missing, out bool applies) =>
        HappenedWithIncumbents(p, Alternatives, ref missing, out applies);

    internal static DateOnly? HappenedWithIncumbents(ProposedProcurement p, EventKind kind, ref Missing missing, out bool applies)
    {
        applies = false;
        var first = Events.First(p, kind);
        if (first is null && !Events.HasUndated(p, kind))
        {
            if (!Events.FirstKnowable(p, kind))
            {
                missing.Add(Events.Missing(kind));
            }
        }
        else if (p.IncumbentContracts is null)
        {
            missing.Add("incumbentContracts");
        }
        else
        {
            applies = p.IncumbentContracts.Count > 0;
        }

        return first;
    }
}
