using System;
using System.Collections.Generic;
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
        return Verdict.Decide(
            rule,
            Tri.True,
            string.Empty,
            () =>
            {
                var notDisplacing = p.Tender is not { } tender ? Tri.Unknown("tender")
                    : tender.DisplacesExistingProviders is not { } displaces ? Tri.Unknown("tender.displacesExistingProviders")
                    : Tri.Known(!displaces);
                return notDisplacing.IsKnownTrue ? notDisplacing : Tri.Or(notDisplacing, AllContracts(p, c =>
                    c.Performance is not { } performance ? Tri.Unknown("incumbentContracts[].performance")
                    : performance.MeetsRequirements is not { } meets ? Tri.Unknown("incumbentContracts[].performance.meetsRequirements")
                    : Tri.Known(!meets)));
            },
            () => Facts(p),
            f => $"No existing provider that still meets quality, value for money and registration requirements is displaced{Opt(" (displaces existing providers: " + f[1].Display + ")", f[1])}{Opt(" (" + f[0].Display + " meet(s) requirements: " + f[3].Display + ")", f[0], f[3])}.",
            f => $"The route displaces existing providers{Opt(" (numbers capped: " + f[2].Display + ")", f[2])} although {f[4].Display} still meet(s) quality, value for money and registration requirements.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            BoolFact("displaces", p.Tender?.DisplacesExistingProviders),
            BoolFact("numbersCapped", p.Tender?.ProviderNumbersCapped),
            PerformanceFlags("meetsRequirements", p, static a => a.MeetsRequirements),
            StillMeetingFact(p),
        };

        // IncumbentContracts.Where(c => c.Performance != null && ... MeetsRequirements == true).Select(c => c.Provider.Name ?? "an unnamed provider")
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
                    names[n++] = contracts[i].Provider.Name ?? "an unnamed provider";
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

        // IncumbentContracts.Any(c => kind is independent or third sector) && (a sign the service goes on: a decision,
        // a notice, an award or a recorded route || HappenedAny(TenderDecision, ContractAwarded))
        var when = AnyContract(p, c => c.Provider.Kind is { } kind ? Tri.Known(kind is ProviderKind.IndependentSector or ProviderKind.ThirdSector) : Tri.Unknown("incumbentContracts[].provider.kind"));
        if (!when.IsKnownFalse)
        {
            var goesOn = Timeline.Count(p, TenderDecision) + Timeline.Count(p, EventKind.NoticePublished) + Timeline.Count(p, EventKind.ContractAwarded) > 0 || p.Tender?.Route is not null
                ? Tri.True
                : Timeline.HappenedAny(p, TenderDecision, EventKind.ContractAwarded);
            when = Tri.And(when, goesOn);
        }

        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition '" + OpenTenderOnExpiryWhen + "' does not hold.",
            () =>
            {
                // An award with no route recorded and no notice recorded: open only if a notice was published after all.
                if (p.Tender?.Route is null && Timeline.Count(p, EventKind.ContractAwarded) > 0 && Timeline.Count(p, EventKind.NoticePublished) == 0)
                {
                    return Timeline.Happened(p, EventKind.NoticePublished);
                }

                // Tender.Route == OpenTender && Tender.Eligibility == Open
                if (p.Tender is not { } tender)
                {
                    return Tri.Unknown("tender");
                }

                var open = tender.Route is { } route ? Tri.Known(route == ProcurementRoute.OpenTender) : Tri.Unknown("tender.route");
                return open.IsKnownFalse ? open
                    : Tri.And(open, tender.Eligibility is { } eligibility ? Tri.Known(eligibility == TenderEligibility.Open) : Tri.Unknown("tender.eligibility"));
            },
            () => Facts(p),
            f => $"The expiring contract{Opt(" of " + f[0].Display, f[0])} is tendered openly{Opt(" (" + f[1].Display + ", eligibility " + f[2].Display + ")", f[1], f[2])}.",
            BreachMessage);

        static string BreachMessage(FactValue[] f) =>
            $"The expiring contract{Opt(" of " + f[0].Display, f[0])} is to be re-provided{Opt(" by " + f[1].Display, f[1])}{Opt(" (eligibility: " + f[2].Display + ")", f[2])}{Opt(" (contract awarded: " + f[3].Display + ")", f[3])}{Opt(" (first notice: " + f[4].Display + ")", f[4])}, not by an open tender that any provider, NHS or not, may enter.";

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p), EnumFact("route", p.Tender?.Route), EnumFact("eligibility", p.Tender?.Eligibility),
            FirstFact("awarded", p, EventKind.ContractAwarded), FirstFact("firstNotice", p, EventKind.NoticePublished),
        };
    }

    private const string OpenTenderOnExpiryWhen =
        "IncumbentContracts.Any(c => c.Provider.Kind == IndependentSector || c.Provider.Kind == ThirdSector) && (Count(TenderDecision) + Count(NoticePublished) + Count(ContractAwarded) > 0 || (Tender != null && Tender.Route != null) || HappenedAny(TenderDecision, ContractAwarded))";

    public static RuleOutcome OpenTenderOnExpiryExistingProvidersEngagedBeforehand(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.ContractExpiry)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 6", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        return Verdict.Decide(
            rule,
            Timeline.HappenedAny(p, TenderDecision, EventKind.DirectAwardDecision),
            "Does not apply: the condition 'HappenedAny(TenderDecision, DirectAwardDecision)' does not hold.",
            () =>
            {
                // (Count(TenderDecision) == 0 || HappenedBefore(NhsProvidersEngaged, First(TenderDecision))
                //   || Count(NoticePublished) > 0 && HappenedBefore(NhsProvidersEngaged, First(NoticePublished)))
                //   && (Count(DirectAwardDecision) == 0 || HappenedBefore(NhsProvidersEngaged, First(DirectAwardDecision)))
                var result = Tri.True;
                foreach (var decision in new[] { TenderDecision, EventKind.DirectAwardDecision })
                {
                    if (Timeline.Count(p, decision) > 0)
                    {
                        var before = Timeline.HappenedBefore(p, EventKind.NhsProvidersEngaged, Timeline.First(p, decision));
                        if (decision == TenderDecision && !before.IsKnownTrue && Timeline.Count(p, EventKind.NoticePublished) > 0)
                        {
                            // Or before the tender went out (the letter's 'beforehand').
                            before = Tri.Or(before, Timeline.HappenedBefore(p, EventKind.NhsProvidersEngaged, Timeline.First(p, EventKind.NoticePublished)));
                        }

                        result = Tri.And(result, before);
                        if (result.IsKnownFalse)
                        {
                            break;
                        }
                    }
                }

                return result;
            },
            () => Facts(p),
            f => $"Other existing providers were engaged{Opt(" " + On(f[2]), f[2])}, before the decision about the service{Opt(" (to tender: " + f[0].Display + ")", f[0])}{Opt(" (to re-award without a tender: " + f[1].Display + ")", f[1])} or the tender going out{Opt(" (first notice: " + f[3].Display + ")", f[3])}.",
            f => $"The decision about the service{Opt(" (to tender: " + f[0].Display + ")", f[0])}{Opt(" (to re-award without a tender: " + f[1].Display + ")", f[1])} was taken before other existing providers were engaged{Opt(" (first recorded: " + f[2].Display + ")", f[2])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            FirstFact("tenderDecision", p, TenderDecision), FirstFact("directAwardDecision", p, EventKind.DirectAwardDecision), FirstFact("providersFirstEngaged", p, EventKind.NhsProvidersEngaged),
            FirstFact("firstNotice", p, EventKind.NoticePublished),
        };
    }

    // ---- unsustainability-resolution ----

    public static RuleOutcome UnsustainabilityResolutionWorkedWithProviderFirst(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        // Happened(TenderDecision) || a merger, acquisition or franchise route
        var decided = Timeline.Happened(p, TenderDecision);
        var when = decided.IsKnownTrue ? decided : Tri.Or(decided, Tri.Known(ResolvedWithoutTender(p)));
        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition '" + WorkedWithProviderWhen + "' does not hold.",
            () => Timeline.Count(p, TenderDecision) == 0 && ResolvedWithoutTender(p)
                ? Timeline.Happened(p, EventKind.WorkedWithProvider)
                : Timeline.HappenedBefore(p, EventKind.WorkedWithProvider, Timeline.First(p, TenderDecision)),
            () => Facts(p),
            f => $"The commissioner worked with the provider{Opt(" (" + f[0].Display + ")", f[0])} on the causes of un-sustainability{Opt(", first " + On(f[2]), f[2])}{Opt(" (local providers enlisted " + On(f[3]) + ")", f[3])} before choosing how to resolve them{Opt(" (" + f[4].Display + ")", f[4])}{Opt(" (decision to tender: " + f[1].Display + ")", f[1])}.",
            f => $"The service is to be resolved{Opt(" by " + f[4].Display, f[4])}{Opt(" (decision to tender: " + f[1].Display + ")", f[1])} without first working with the provider{Opt(" (" + f[0].Display + ")", f[0])} on the causes of un-sustainability{Opt(" (work first recorded " + On(f[2]) + ")", f[2])}.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            IncumbentFact("incumbent", p),
            FirstFact("tenderDecision", p, TenderDecision),
            FirstFact("workedWithProvider", p, EventKind.WorkedWithProvider),
            FirstFact("localProvidersEnlisted", p, EventKind.LocalProvidersEnlisted),
            EnumFact("route", p.Tender?.Route),
        };
    }

    private const string WorkedWithProviderWhen =
        "Happened(TenderDecision) || (Tender != null && Tender.Route != null && (Tender.Route == Merger || Tender.Route == Acquisition || Tender.Route == Franchise))";

    /// <summary><c>Tender != null &amp;&amp; Tender.Route != null &amp;&amp; (Tender.Route == Merger || ... Acquisition || ... Franchise)</c>: always known.</summary>
    internal static bool ResolvedWithoutTender(ProposedProcurement p) =>
        p.Tender?.Route is ProcurementRoute.Merger or ProcurementRoute.Acquisition or ProcurementRoute.Franchise;

    public static RuleOutcome UnsustainabilityResolutionMarketTestNeedsReason(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        var tender = p.Tender;
        var when = tender is null ? Tri.Unknown("tender")
            : tender.Route is not { } route ? Tri.Unknown("tender.route")
            : Tri.Known(route is ProcurementRoute.OpenTender or ProcurementRoute.RestrictedTender or ProcurementRoute.CompetitiveDialogue);
        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition 'Tender.Route == OpenTender || Tender.Route == RestrictedTender || Tender.Route == CompetitiveDialogue' does not hold.",
            () => tender is null ? Tri.Unknown("tender")
                : tender.RouteJustification is not { } reason ? Tri.Unknown("tender.routeJustification")
                : Tri.Known(reason.Kind != JustificationKind.None),
            () => Facts(p),
            f => $"Market testing{Opt(" (" + f[0].Display + ")", f[0])} was chosen for a recorded {f[1].Display} reason{Opt(": \"" + f[2].Display + "\"", f[2])}",
            f => $"The service is to be market-tested ({f[0].Display}) with no recorded reason for not pursuing merger, acquisition or franchising (reason recorded as {f[1].Display}).");

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

        // iif(no decision to tender recorded && a merger, acquisition or franchise route, Happened(ShaDirection),
        //     HappenedBefore(ShaDirection, First(TenderDecision))): with no decision to tender, a direction at any time
        // counts; a decision to tender that may have gone unrecorded leaves it undetermined whatever the directions.
        return Verdict.Decide(
            rule,
            Tri.True,
            string.Empty,
            () => Timeline.Count(p, TenderDecision) == 0 && ResolvedWithoutTender(p)
                ? Timeline.Happened(p, EventKind.ShaDirection)
                : Timeline.HappenedBefore(p, EventKind.ShaDirection, Timeline.First(p, TenderDecision)),
            () => Facts(p),
            f => $"The commissioner acted under the SHA's direction{Opt(", given " + On(f[0]), f[0])}{Opt(" (route: " + f[2].Display + ")", f[2])}{Opt(" (decision to tender: " + f[1].Display + ")", f[1])}.",
            f => $"No direction from the SHA came before the resolution{Opt(" by " + f[2].Display, f[2])}{Opt(" (decision to tender: " + f[1].Display + ")", f[1])}{Opt(" (first direction " + On(f[0]) + ")", f[0])}.");

        static FactValue[] Facts(ProposedProcurement p) =>
            new[] { FirstFact("shaDirection", p, EventKind.ShaDirection), FirstFact("tenderDecision", p, TenderDecision), EnumFact("route", p.Tender?.Route) };
    }

    // ---- clear-rationale ----

    public static RuleOutcome ClearRationaleRationaleRecorded(RuleDefinition rule, ProposedProcurement p) =>
        Verdict.Decide(
            rule,
            Timeline.Happened(p, TenderDecision),
            "Does not apply: the condition 'Happened(TenderDecision)' does not hold.",
            () => DatedByFirst(p, p.RationaleDocuments, d => d.Date, "rationaleDocuments", TenderDecision),
            () => new[] { FirstFact("tenderDecision", p, TenderDecision), RationaleTitlesFact(p), RationaleDatesFact(p) },
            f => $"The decision to tender{Opt(" " + On(f[0]), f[0])} rests on a recorded rationale{Opt(": " + f[1].Display, f[1])}.",
            f => $"No rationale document is dated on or before the decision to tender{Opt(" " + On(f[0]), f[0])}{Opt(" (rationale documents: " + f[1].Display + ")", f[1])}{Opt(" (dated: " + f[2].Display + ")", f[2])}.");

    public static RuleOutcome ClearRationaleDirectAwardReason(RuleDefinition rule, ProposedProcurement p)
    {
        // Count(DirectAwardDecision) > 0 || (route recorded, direct award or variation)
        //   || !Happened(TenderDecision) && (Tender.Route == DirectAward || Tender.Route == ContractVariation)
        var tender = p.Tender;
        Tri when;
        if (BeforeDirectAwardApplies(p))
        {
            when = Tri.True;
        }
        else
        {
            var notTendered = Tri.Not(Timeline.Happened(p, TenderDecision));
            var route = tender is null ? Tri.Unknown("tender")
                : tender.Route is null ? Tri.Unknown("tender.route")
                : Tri.False;
            when = notTendered.IsKnownFalse ? Tri.False : Tri.And(notTendered, route);
        }

        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition 'Count(DirectAwardDecision) > 0 || (Tender != null && Tender.Route != null && (Tender.Route == DirectAward || Tender.Route == ContractVariation)) || !Happened(TenderDecision) && (Tender.Route == DirectAward || Tender.Route == ContractVariation)' does not hold.",
            () =>
            {
                // Tender.RouteJustification.Kind != None || (RationaleDocuments != null && RationaleDocuments.Any())
                var reason = tender is null ? Tri.Unknown("tender")
                    : tender.RouteJustification is not { } justification ? Tri.Unknown("tender.routeJustification")
                    : Tri.Known(justification.Kind != JustificationKind.None);
                return reason.IsKnownTrue ? reason : Tri.Or(reason, Tri.Known(p.RationaleDocuments is { Count: > 0 }));
            },
            () =>
            {
                var reason = p.Tender?.RouteJustification;
                return new[] { EnumFact("route", p.Tender?.Route), EnumFact("reasonKind", reason?.Kind), StringFact("reason", reason?.Text), RationaleTitlesFact(p) };
            },
            f => $"The re-provision{Opt(" by " + f[0].Display, f[0])} rests on a recorded reason{Opt(" of kind " + f[1].Display, f[1])}{Opt(" (\"" + f[2].Display + "\")", f[2])}{Opt(" or rationale: " + f[3].Display, f[3])}.",
            f => $"The contract is re-provided{Opt(" by " + f[0].Display, f[0])} without a tender, with no recorded reason for that route (reason: {f[1].Display}) and no rationale document.");
    }

    /// <summary>
    /// <c>Documents.Any(d =&gt; d.Date == null || root.OnOrBefore(d.Date, root.First(kind)))</c> in Kleene logic: known
    /// true when one document decides it; unknown when none does and one may (its date and the first event's overlap,
    /// or the event may be unrecorded); unknown naming the list when it is not recorded.
    /// </summary>
    internal static Tri DatedByFirst<T>(ProposedProcurement p, IReadOnlyList<T>? documents, Func<T, DateOnly?> date, string listName, EventKind kind)
    {
        if (documents is null)
        {
            return Tri.Unknown(listName);
        }

        var result = Tri.False;
        for (var i = 0; i < documents.Count; i++)
        {
            var item = date(documents[i]) is null ? Tri.True : Timeline.Compare(DateQ.Exact(date(documents[i])), Timeline.First(p, kind), Expressions.DateOrder.OnOrBefore);
            result = Tri.Or(result, item);
            if (result.IsKnownTrue)
            {
                return result;
            }
        }

        return result;
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
