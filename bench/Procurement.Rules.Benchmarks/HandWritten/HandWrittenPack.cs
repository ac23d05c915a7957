using System;
using System.Collections.Generic;
using System.Linq;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// The default pack's rules written by hand in plain C#: what the engine's cost is measured against. It produces the
/// same report as <see cref="RulePack.Check"/> (same outcomes, messages, facts, missing facts and order), which the
/// equivalence tests check on every fixture and on thousands of generated procurements.
/// </summary>
/// <remarks>
/// <para>
/// When the pack grows: add one method per new rule id below and one line in <see cref="Methods"/>. The test
/// <c>EveryDefaultPackRule_HasAHandWrittenCounterpart</c> names the rules that still lack one.
/// </para>
/// <para>
/// Like the engine, a check validates the procurement first (the same validator; a bad procurement throws the same
/// exception) and builds the same <see cref="CheckReport"/>. Rule texts (titles, citations) are taken from the loaded
/// pack's <see cref="RuleDefinition"/>s, since a report refers to them; everything a check computes is written here.
/// </para>
/// </remarks>
public sealed class HandWrittenPack
{
    /// <summary>One method per rule id of the default pack.</summary>
    private static readonly Dictionary<string, RuleMethod> Methods = new(StringComparer.Ordinal)
    {
        ["early-provider-engagement.before-tender-decision"] = HandWrittenRules.EarlyProviderEngagementBeforeTenderDecision,
        ["early-provider-engagement.before-direct-award"] = HandWrittenRules.EarlyProviderEngagementBeforeDirectAward,
        ["staff-engagement.before-direct-award"] = HandWrittenRules.StaffEngagementBeforeDirectAward,
        ["early-provider-engagement.before-alternatives-approached"] = HandWrittenRules.EarlyProviderEngagementBeforeAlternativesApproached,
        ["fair-tender.eligibility-fixed-at-notice"] = HandWrittenRules.FairTenderEligibilityFixedAtNotice,
        ["fair-tender.incumbent-may-bid"] = HandWrittenRules.FairTenderIncumbentMayBid,
        ["fair-tender.nhs-only-needs-reason"] = HandWrittenRules.FairTenderNhsOnlyNeedsReason,
        ["improvement-opportunities.two-formal-chances"] = HandWrittenRules.ImprovementOpportunitiesTwoFormalChances,
        ["improvement-opportunities.two-plan-opportunities"] = HandWrittenRules.ImprovementOpportunitiesTwoPlanOpportunities,
        ["nhs-right-to-bid.nhs-providers-eligible"] = HandWrittenRules.NhsRightToBidNhsProvidersEligible,
        ["proportionality.significant-underperformance"] = HandWrittenRules.ProportionalitySignificantUnderperformance,
        ["proportionality.serious-shortcomings"] = HandWrittenRules.ProportionalitySeriousShortcomings,

        ["oversight.scenario-1-assurance"] = HandWrittenRules.OversightScenario1Assurance,
        ["oversight.scenario-2-assurance"] = HandWrittenRules.OversightScenario2Assurance,
        ["oversight.scenario-3-assurance"] = HandWrittenRules.OversightScenario3Assurance,
        ["oversight.scenario-4-assurance"] = HandWrittenRules.OversightScenario4Assurance,
        ["oversight.scenario-5-assurance"] = HandWrittenRules.OversightScenario5Assurance,
        ["oversight.scenario-6-assurance"] = HandWrittenRules.OversightScenario6Assurance,
        ["oversight.partnership-forum"] = HandWrittenRules.OversightPartnershipForum,
        ["oversight.pct-board"] = HandWrittenRules.OversightPctBoard,
        ["local-decision.local-board-decision"] = HandWrittenRules.LocalDecisionLocalBoardDecision,
        ["best-value.competition-at-final-stage"] = HandWrittenRules.BestValueCompetitionAtFinalStage,

        ["choice-adds-providers.any-willing-provider-route"] = HandWrittenRules.ChoiceAddsProvidersAnyWillingProviderRoute,
        ["choice-adds-providers.existing-providers-not-displaced"] = HandWrittenRules.ChoiceAddsProvidersExistingProvidersNotDisplaced,
        ["open-tender-on-expiry.open-tender"] = HandWrittenRules.OpenTenderOnExpiryOpenTender,
        ["open-tender-on-expiry.existing-providers-engaged-beforehand"] = HandWrittenRules.OpenTenderOnExpiryExistingProvidersEngagedBeforehand,
        ["unsustainability-resolution.worked-with-provider-first"] = HandWrittenRules.UnsustainabilityResolutionWorkedWithProviderFirst,
        ["unsustainability-resolution.market-test-needs-reason"] = HandWrittenRules.UnsustainabilityResolutionMarketTestNeedsReason,
        ["unsustainability-resolution.under-sha-direction"] = HandWrittenRules.UnsustainabilityResolutionUnderShaDirection,
        ["clear-rationale.rationale-recorded"] = HandWrittenRules.ClearRationaleRationaleRecorded,
        ["clear-rationale.direct-award-reason"] = HandWrittenRules.ClearRationaleDirectAwardReason,

        ["contractual-mechanism-first.agreed-review-in-contract"] = HandWrittenRules.ContractualMechanismFirstAgreedReviewInContract,
        ["contractual-mechanism-first.before-alternatives"] = HandWrittenRules.ContractualMechanismFirstBeforeAlternatives,
        ["early-provider-engagement.shaping-new-service"] = HandWrittenRules.EarlyProviderEngagementShapingNewService,
        ["fair-tender.criteria-published"] = HandWrittenRules.FairTenderCriteriaPublished,
        ["fair-tender.open-competition-on-expiry"] = HandWrittenRules.FairTenderOpenCompetitionOnExpiry,
        ["needs-driven.needs-assessed"] = HandWrittenRules.NeedsDrivenNeedsAssessed,
        ["needs-driven.direct-award-needs-assessed"] = HandWrittenRules.NeedsDrivenDirectAwardNeedsAssessed,
        ["quality-monitoring.clear-measures"] = HandWrittenRules.QualityMonitoringClearMeasures,
        ["quality-monitoring.concerns-raised-first"] = HandWrittenRules.QualityMonitoringConcernsRaisedFirst,
        ["staff-engagement.before-tender-decision"] = HandWrittenRules.StaffEngagementBeforeTenderDecision,
        ["staff-engagement.continues-while-alternatives-considered"] = HandWrittenRules.StaffEngagementContinuesWhileAlternativesConsidered,
        ["staff-engagement.throughout-unsustainability"] = HandWrittenRules.StaffEngagementThroughoutUnsustainability,
        ["staff-engagement.in-joint-service-review"] = HandWrittenRules.StaffEngagementInJointServiceReview,
    };

    private readonly RulePack _pack;
    private readonly RuleDefinition[] _definitions;
    private readonly RuleMethod[] _methods;

    // The derived facts: each inference's reason (from the pack), and the event kinds each rule asks about (the
    // engine's own reading of the rule's expressions, so provenance is listed for the same rules).
    private readonly Dictionary<string, string> _reasons;
    private readonly long[] _kinds;

    /// <summary>Binds the hand-written rules to a loaded pack's rule definitions.</summary>
    /// <param name="pack">The default pack (or a pack with the same rules).</param>
    /// <exception cref="InvalidOperationException">A rule of the pack has no hand-written counterpart.</exception>
    public HandWrittenPack(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var missing = MissingFrom(pack);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No hand-written counterpart for: " + string.Join(", ", missing));
        }

        _pack = pack;
        _definitions = pack.Rules.ToArray();
        _methods = _definitions.Select(d => Methods[d.Id]).ToArray();
        _reasons = pack.Inferences.ToDictionary(i => i.Id, i => i.Reason, StringComparer.Ordinal);
        _kinds = _definitions.Select(d => pack.CompiledRules.Single(r => ReferenceEquals(r.Definition, d)).EventKinds).ToArray();
    }

    private delegate RuleOutcome RuleMethod(RuleDefinition rule, ProposedProcurement procurement);

    /// <summary>The rule ids written by hand.</summary>
    public static IReadOnlyCollection<string> RuleIds => Methods.Keys;

    /// <summary>The rules of a pack that have no hand-written counterpart.</summary>
    public static IReadOnlyList<string> MissingFrom(RulePack pack) =>
        pack.Rules.Select(r => r.Id).Where(id => !Methods.ContainsKey(id)).ToList();

    /// <summary>Checks a procurement: the same report as <see cref="RulePack.Check"/> on the default pack.</summary>
    public CheckReport Check(ProposedProcurement procurement, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        Files.ProcurementValidator.ThrowIfInvalid(procurement, file: null);

        PeriodStatus period;
        if (procurement.DecisionDate is not { } decided)
        {
            period = PeriodStatus.DecisionDateNotRecorded;
        }
        else if (_pack.IsInForce(decided))
        {
            period = PeriodStatus.InForce;
        }
        else if (options?.CheckOutsidePeriod == true)
        {
            period = PeriodStatus.OutsidePeriodCheckedAnyway;
        }
        else
        {
            return new CheckReport(_pack, procurement.Id, procurement.Title, procurement.DecisionDate, PeriodStatus.OutsidePeriod, Array.Empty<RuleOutcome>());
        }

        var derived = _reasons.Count == 0 ? null : HandWrittenInferences.Derive(procurement, _reasons);
        var read = procurement;
        long derivedKinds = 0;
        if (derived is not null)
        {
            var timeline = new TimelineEvent[procurement.Timeline!.Count + derived.Count];
            for (var i = 0; i < procurement.Timeline.Count; i++)
            {
                timeline[i] = procurement.Timeline[i];
            }

            for (var i = 0; i < derived.Count; i++)
            {
                timeline[procurement.Timeline.Count + i] = derived[i].Event;
                derivedKinds |= 1L << (int)derived[i].Fact.Kind;
            }

            read = procurement with { Timeline = timeline };
        }

        var outcomes = new RuleOutcome[_methods.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = _methods[i](_definitions[i], read);
            if ((_kinds[i] & derivedKinds) != 0 && AppliesToScenario(_definitions[i], procurement.Scenario))
            {
                var kinds = _kinds[i];
                outcomes[i].Derived = derived!.Where(d => (kinds & (1L << (int)d.Fact.Kind)) != 0).Select(d => d.Fact).ToArray();
            }
        }

        Array.Sort(outcomes, ReportOrder);
        return new CheckReport(_pack, procurement.Id, procurement.Title, procurement.DecisionDate, period, outcomes);
    }

    /// <summary>Breaches first, then failed, undetermined, compliant, not applicable; then most severe; then id.</summary>
    /// <summary>Whether the engine evaluates the rule at all (the engine's outcomes for other scenarios are built at load, without provenance).</summary>
    private static bool AppliesToScenario(RuleDefinition rule, Scenario? scenario) =>
        rule.Scenarios.Count == 0 || scenario is null || rule.Scenarios.Contains(scenario.Value);

    private static readonly Comparison<RuleOutcome> ReportOrder = static (x, y) =>
    {
        var byKind = ((int)x.Kind).CompareTo((int)y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var bySeverity = ((int)y.Rule.Severity).CompareTo((int)x.Rule.Severity);
        return bySeverity != 0 ? bySeverity : string.CompareOrdinal(x.Rule.Id, y.Rule.Id);
    };
}
