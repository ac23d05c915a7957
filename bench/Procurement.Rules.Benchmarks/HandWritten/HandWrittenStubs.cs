using System;
using System.Collections.Generic;
using System.Linq;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// TEMPORARY, while the new rules are written by hand in parallel: a rule listed here and not yet in
/// <c>HandWrittenPack.Methods</c> takes the engine's own outcome. This file is deleted before the branch is merged.
/// </summary>
internal static class HandWrittenStubs
{
    private static readonly HashSet<string> Ids = new(StringComparer.Ordinal)
    {
        // group A
        "oversight.scenario-1-assurance", "oversight.scenario-2-assurance", "oversight.scenario-3-assurance",
        "oversight.scenario-4-assurance", "oversight.scenario-5-assurance", "oversight.scenario-6-assurance",
        "oversight.partnership-forum", "local-decision.local-board-decision", "best-value.competition-at-final-stage",

        // group B
        "choice-adds-providers.any-willing-provider-route", "choice-adds-providers.existing-providers-not-displaced",
        "open-tender-on-expiry.open-tender", "open-tender-on-expiry.existing-providers-engaged-beforehand",
        "unsustainability-resolution.worked-with-provider-first", "unsustainability-resolution.market-test-needs-reason",
        "unsustainability-resolution.under-sha-direction", "clear-rationale.rationale-recorded",

        // group C
        "contractual-mechanism-first.before-alternatives", "contractual-mechanism-first.agreed-review-in-contract",
        "early-provider-engagement.shaping-new-service", "fair-tender.criteria-published", "needs-driven.needs-assessed",
        "quality-monitoring.clear-measures", "quality-monitoring.concerns-raised-first",
        "staff-engagement.before-tender-decision", "staff-engagement.continues-while-alternatives-considered",
    };

    public static bool Covers(string id) => Ids.Contains(id);

    public static Func<RuleDefinition, ProposedProcurement, RuleOutcome> For(RulePack pack) =>
        (rule, p) => pack.Check(p, new CheckOptions { CheckOutsidePeriod = true }).Outcomes.Single(o => o.Rule.Id == rule.Id);
}
