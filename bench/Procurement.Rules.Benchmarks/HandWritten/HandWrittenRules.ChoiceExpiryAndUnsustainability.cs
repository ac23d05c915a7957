using System;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// Group B of the hand-written rules: choice-adds-providers, open-tender-on-expiry, unsustainability-resolution and
/// clear-rationale.
/// </summary>
internal static partial class HandWrittenRules
{
    // ---- choice-adds-providers ----

    public static RuleOutcome ChoiceAddsProvidersAnyWillingProviderRoute(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.PatientChoice)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 5", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.Route is not { } route)
        {
            return Undetermined(rule, new[] { "tender.route" }, Facts(p));
        }

        var f = Facts(p);
        return route is ProcurementRoute.AnyWillingProviderOpen or ProcurementRoute.AnyWillingProviderManaged
            ? Compliant(rule, $"Choice is increased by an Any Willing Provider accreditation process ({f[0].Display}).", f)
            : Breach(rule, $"Choice is to be increased by {f[0].Display}, not by an open or managed Any Willing Provider accreditation process.", f);

        static FactValue[] Facts(ProposedProcurement p) => new[] { EnumFact("route", p.Tender?.Route) };
    }

    public static RuleOutcome ChoiceAddsProvidersExistingProvidersNotDisplaced(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.PatientChoice)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 5", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        // Tender.DisplacesExistingProviders == false || IncumbentContracts.All(c => c.Performance.MeetsRequirements == false)
        var missing = default(Missing);
        var displaces = p.Tender?.DisplacesExistingProviders;
        if (displaces is null)
        {
            missing.Add(p.Tender is null ? "tender" : "tender.displacesExistingProviders");
        }

        var met = true;
        if (displaces != false)
        {
            var contracts = p.IncumbentContracts;
            if (contracts is null)
            {
                missing.Add("incumbentContracts");
            }
            else
            {
                for (var i = 0; i < contracts.Count; i++)
                {
                    if (contracts[i].Performance is not { } performance)
                    {
                        missing.Add("incumbentContracts[].performance");
                        met = false;
                        break;
                    }

                    if (performance.MeetsRequirements is not { } meets)
                    {
                        missing.Add("incumbentContracts[].performance.meetsRequirements");
                        met = false;
                        break;
                    }

                    if (meets)
                    {
                        met = false;
                        break;
                    }
                }
            }
        }

        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"No existing provider that still meets quality, value for money and registration requirements is displaced (displaces existing providers: {f[1].Display}; {f[0].Display} meet(s) requirements: {f[3].Display}).", f)
            : Breach(rule, $"The route displaces existing providers (numbers capped: {f[2].Display}) although {f[4].Display} still meet(s) quality, value for money and registration requirements.", f);

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            BoolFact("displaces", p.Tender?.DisplacesExistingProviders),
            BoolFact("numbersCapped", p.Tender?.ProviderNumbersCapped),
            PerformanceFlags("meetsRequirements", p, static a => a.MeetsRequirements),
            StillMeetingFact(p),
        };

        // IncumbentContracts.Where(c => c.Performance != null && ... MeetsRequirements == true).Select(c => c.Provider.Name)
        static FactValue StillMeetingFact(ProposedProcurement p)
        {
            var contracts = p.IncumbentContracts;
            if (contracts is null)
            {
                return new FactValue("stillMeeting", null, Text.NotRecorded, false);
            }

            var count = 0;
            for (var i = 0; i < contracts.Count; i++)
            {
                if (contracts[i].Performance?.MeetsRequirements == true)
                {
                    count++;
                }
            }

            if (count == 0)
            {
                return new FactValue("stillMeeting", Array.Empty<object?>(), Text.None, true);
            }

            var names = new object?[count];
            var n = 0;
            for (var i = 0; i < contracts.Count; i++)
            {
                if (contracts[i].Performance?.MeetsRequirements == true)
                {
                    names[n++] = contracts[i].Provider.Name;
                }
            }

            return new FactValue("stillMeeting", names, string.Join(", ", names), true);
        }
    }

    // ---- open-tender-on-expiry ----

    public static RuleOutcome OpenTenderOnExpiryOpenTender(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.ContractExpiry)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 6", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        // IncumbentContracts.Any(c => kind is independent or third sector) && HappenedAny(TenderDecision, ContractAwarded)
        var missing = default(Missing);
        var applies = false;
        var contracts = p.IncumbentContracts;
        if (contracts is null)
        {
            missing.Add("incumbentContracts");
        }
        else
        {
            var nonNhs = false;
            for (var i = 0; i < contracts.Count; i++)
            {
                var kind = contracts[i].Provider.Kind;
                if (kind is null)
                {
                    missing.Add("incumbentContracts[].provider.kind");
                }
                else if (kind is ProviderKind.IndependentSector or ProviderKind.ThirdSector)
                {
                    nonNhs = true;
                    break;
                }
            }

            if (nonNhs)
            {
                if (Events.Happened(p, TenderDecision) || Events.Happened(p, EventKind.ContractAwarded))
                {
                    applies = true;
                }
                else
                {
                    if (!Events.IsComplete(p, TenderDecision))
                    {
                        missing.Add(Events.Missing(TenderDecision));
                    }

                    if (!Events.IsComplete(p, EventKind.ContractAwarded))
                    {
                        missing.Add(Events.Missing(EventKind.ContractAwarded));
                    }
                }
            }
        }

        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        if (!applies)
        {
            return NotApplicable(rule, "Does not apply: the condition 'IncumbentContracts.Any(c => c.Provider.Kind == IndependentSector || c.Provider.Kind == ThirdSector) && HappenedAny(TenderDecision, ContractAwarded)' does not hold.");
        }

        // Tender.Route == OpenTender && Tender.Eligibility == Open
        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.Route is not { } route)
        {
            return Undetermined(rule, new[] { "tender.route" }, Facts(p));
        }

        var met = false;
        if (route == ProcurementRoute.OpenTender)
        {
            if (tender.Eligibility is not { } eligibility)
            {
                return Undetermined(rule, new[] { "tender.eligibility" }, Facts(p));
            }

            met = eligibility == TenderEligibility.Open;
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"The expiring contract of {f[0].Display} is tendered openly ({f[1].Display}, eligibility {f[2].Display}).", f)
            : Breach(rule, $"The expiring contract of {f[0].Display} is to be re-provided by {f[1].Display} (eligibility: {f[2].Display}), not by an open tender that any provider, NHS or not, may enter.", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { IncumbentFact("incumbent", p), EnumFact("route", p.Tender?.Route), EnumFact("eligibility", p.Tender?.Eligibility) };
    }

    public static RuleOutcome OpenTenderOnExpiryExistingProvidersEngagedBeforehand(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.ContractExpiry)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 6", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        if (Events.First(p, TenderDecision) is not { } tenderDecision)
        {
            return Events.FirstKnowable(p, TenderDecision)
                ? NotApplicable(rule, "Does not apply: the condition 'Happened(TenderDecision)' does not hold.")
                : Undetermined(rule, new[] { Events.Missing(TenderDecision) }, Facts(p));
        }

        var engagedBefore = Events.CountBefore(p, EventKind.NhsProvidersEngaged, tenderDecision) >= 1;
        if (!engagedBefore && !Events.IsComplete(p, EventKind.NhsProvidersEngaged))
        {
            return Undetermined(rule, new[] { Events.Missing(EventKind.NhsProvidersEngaged) }, Facts(p));
        }

        var f = Facts(p);
        return engagedBefore
            ? Compliant(rule, $"Other existing providers were engaged on {f[1].Display}, before the decision to tender on {f[0].Display}.", f)
            : Breach(rule, $"The decision to tender was taken on {f[0].Display} before other existing providers were engaged (first recorded: {f[1].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { FirstFact("tenderDecision", p, TenderDecision), FirstFact("providersFirstEngaged", p, EventKind.NhsProvidersEngaged) };
    }

    // ---- unsustainability-resolution ----

    public static RuleOutcome UnsustainabilityResolutionWorkedWithProviderFirst(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        if (Events.First(p, TenderDecision) is not { } tenderDecision)
        {
            return Events.FirstKnowable(p, TenderDecision)
                ? NotApplicable(rule, "Does not apply: the condition 'Happened(TenderDecision)' does not hold.")
                : Undetermined(rule, new[] { Events.Missing(TenderDecision) }, Facts(p));
        }

        var workedBefore = Events.CountBefore(p, EventKind.WorkedWithProvider, tenderDecision) >= 1;
        if (!workedBefore && !Events.IsComplete(p, EventKind.WorkedWithProvider))
        {
            return Undetermined(rule, new[] { Events.Missing(EventKind.WorkedWithProvider) }, Facts(p));
        }

        var f = Facts(p);
        return workedBefore
            ? Compliant(rule, $"The commissioner worked with {f[0].Display} from {f[2].Display} (local providers enlisted: {f[3].Display}) before deciding to tender on {f[1].Display}.", f)
            : Breach(rule, $"The decision to tender was taken on {f[1].Display} without first working with {f[0].Display} on the causes of un-sustainability (first recorded: {f[2].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            FirstFact("tenderDecision", p, TenderDecision),
            FirstFact("workedWithProvider", p, EventKind.WorkedWithProvider),
            FirstFact("localProvidersEnlisted", p, EventKind.LocalProvidersEnlisted),
        };
    }

    public static RuleOutcome UnsustainabilityResolutionMarketTestNeedsReason(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.Route is not { } route)
        {
            return Undetermined(rule, new[] { "tender.route" }, Facts(p));
        }

        if (route is not (ProcurementRoute.OpenTender or ProcurementRoute.RestrictedTender or ProcurementRoute.CompetitiveDialogue))
        {
            return NotApplicable(rule, "Does not apply: the condition 'Tender.Route == OpenTender || Tender.Route == RestrictedTender || Tender.Route == CompetitiveDialogue' does not hold.");
        }

        if (tender.RouteJustification is not { } reason)
        {
            return Undetermined(rule, new[] { "tender.routeJustification" }, Facts(p));
        }

        var f = Facts(p);
        return reason.Kind != JustificationKind.None
            ? Compliant(rule, $"Market testing ({f[0].Display}) was chosen for a recorded {f[1].Display} reason: \"{f[2].Display}\"", f)
            : Breach(rule, $"The service is to be market-tested ({f[0].Display}) with no recorded reason for not pursuing merger, acquisition or franchising (reason recorded as {f[1].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p)
        {
            var reason = p.Tender?.RouteJustification;
            return new[] { EnumFact("route", p.Tender?.Route), EnumFact("reasonKind", reason?.Kind), StringFact("reason", reason?.Text) };
        }
    }

    public static RuleOutcome UnsustainabilityResolutionUnderShaDirection(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        // HappenedBefore(ShaDirection, First(TenderDecision)): with no decision to tender, a direction at any time counts;
        // a decision to tender that may have gone unrecorded leaves it undetermined whatever the directions.
        var missing = default(Missing);
        var tenderDecision = Events.First(p, TenderDecision);
        if (tenderDecision is null && !Events.FirstKnowable(p, TenderDecision))
        {
            missing.Add(Events.Missing(TenderDecision));
        }

        var met = Events.CountBefore(p, EventKind.ShaDirection, tenderDecision) >= 1;
        if (!met && !Events.IsComplete(p, EventKind.ShaDirection))
        {
            missing.Add(Events.Missing(EventKind.ShaDirection));
        }

        if (missing.Any)
        {
            return Undetermined(rule, missing.ToArray(), Facts(p));
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"The commissioner acted under the SHA's direction of {f[0].Display} (decision to tender: {f[1].Display}).", f)
            : Breach(rule, $"No direction from the SHA came before any decision to tender (first direction: {f[0].Display}; decision to tender: {f[1].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { FirstFact("shaDirection", p, EventKind.ShaDirection), FirstFact("tenderDecision", p, TenderDecision) };
    }

    // ---- clear-rationale ----

    public static RuleOutcome ClearRationaleRationaleRecorded(RuleDefinition rule, ProposedProcurement p)
    {
        var tenderDecision = Events.First(p, TenderDecision);
        var unknownDay = tenderDecision is null && Events.HasUndated(p, TenderDecision);
        if (tenderDecision is null && !unknownDay)
        {
            return Events.FirstKnowable(p, TenderDecision)
                ? NotApplicable(rule, "Does not apply: the condition 'Happened(TenderDecision)' does not hold.")
                : Undetermined(rule, new[] { Events.Missing(TenderDecision) }, Facts(p));
        }

        // RationaleDocuments.Any(d => d.Date == null || d.Date <= First(TenderDecision))
        if (p.RationaleDocuments is not { } documents)
        {
            return Undetermined(rule, new[] { "rationaleDocuments" }, Facts(p));
        }

        var met = false;
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].Date is { } dated && unknownDay)
            {
                // The decision happened (derived) on a day not known: a dated document cannot be placed before it.
                return Undetermined(rule, new[] { Events.Missing(TenderDecision) }, Facts(p));
            }

            if (documents[i].Date is not { } date || date <= tenderDecision!.Value)
            {
                met = true;
                break;
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"The decision to tender on {f[0].Display} rests on a recorded rationale: {f[1].Display}.", f)
            : Breach(rule, $"No rationale document is dated on or before the decision to tender on {f[0].Display} (rationale documents: {f[1].Display}; dated: {f[2].Display}).", f);

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { FirstFact("tenderDecision", p, TenderDecision), RationaleTitlesFact(p), RationaleDatesFact(p) };
    }

    /// <summary><c>RationaleDocuments.Select(d =&gt; d.Title)</c>.</summary>
    private static FactValue RationaleTitlesFact(ProposedProcurement p)
    {
        var documents = p.RationaleDocuments;
        if (documents is null)
        {
            return new FactValue("rationaleDocuments", null, Text.NotRecorded, false);
        }

        if (documents.Count == 0)
        {
            return new FactValue("rationaleDocuments", Array.Empty<object?>(), Text.None, true);
        }

        var values = new object?[documents.Count];
        var titles = new string[documents.Count];
        var firstNonEmpty = -1;
        for (var i = 0; i < titles.Length; i++)
        {
            values[i] = titles[i] = documents[i].Title;
            if (firstNonEmpty < 0 && titles[i].Length > 0)
            {
                firstNonEmpty = i;
            }
        }

        // The engine's list formatting puts no separator before the first non-empty item, so leading empty titles
        // vanish, and a list of empty titles reads "none".
        var display = firstNonEmpty < 0 ? Text.None : string.Join(", ", titles, firstNonEmpty, titles.Length - firstNonEmpty);
        return new FactValue("rationaleDocuments", values, display, true);
    }

    /// <summary><c>RationaleDocuments.Select(d =&gt; d.Date)</c>: not recorded when any document is undated.</summary>
    private static FactValue RationaleDatesFact(ProposedProcurement p)
    {
        var documents = p.RationaleDocuments;
        if (documents is null)
        {
            return new FactValue("rationaleDates", null, Text.NotRecorded, false);
        }

        if (documents.Count == 0)
        {
            return new FactValue("rationaleDates", Array.Empty<object?>(), Text.None, true);
        }

        var dates = new object?[documents.Count];
        var display = new string[documents.Count];
        for (var i = 0; i < dates.Length; i++)
        {
            if (documents[i].Date is not { } date)
            {
                return new FactValue("rationaleDates", null, Text.NotRecorded, false);
            }

            dates[i] = date;
            display[i] = Text.Date(date);
        }

        return new FactValue("rationaleDates", dates, string.Join(", ", display), true);
    }
}
