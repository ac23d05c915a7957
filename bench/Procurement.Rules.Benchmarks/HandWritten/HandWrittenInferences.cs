using System;
using System.Collections.Generic;
using System.Globalization;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// The pack's inferences (rules/burnham-2009/inferences.yaml) written by hand: what the engine's NRules inference rules
/// derive, derived here with loops, so the hand-written check reads the same derived events and lists the same
/// provenance. A recorded event of the derived kind wins; chains (a bid implies a notice, the notice a decision) run
/// until nothing new follows.
/// </summary>
internal static class HandWrittenInferences
{
    private static readonly (string Id, EventKind From, EventKind Derive, Func<ProposedProcurement, bool> When)[] Table =
    {
        ("notice-implies-tender-decision", EventKind.NoticePublished, EventKind.TenderDecision, static _ => true),
        ("competitive-award-implies-tender-decision", EventKind.ContractAwarded, EventKind.TenderDecision, Competitive),
        ("direct-award-implies-decision-not-to-tender", EventKind.ContractAwarded, EventKind.DirectAwardDecision, static p => p.Tender?.Route is ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation),
        ("tender-bid-implies-notice", EventKind.BidReceived, EventKind.NoticePublished, Competitive),
        ("accreditation-bid-implies-accreditation-opened", EventKind.BidReceived, EventKind.AccreditationOpened, static p => p.Tender?.Route is ProcurementRoute.AnyWillingProviderOpen or ProcurementRoute.AnyWillingProviderManaged),
        ("improvement-opportunity-implies-concerns", EventKind.FormalImprovementOpportunity, EventKind.ConcernsRaised, static _ => true),
        ("notice-approaches-alternative-providers", EventKind.NoticePublished, EventKind.AlternativeProvidersEngaged, static _ => true),
    };

    /// <summary>The derived events and their provenance; empty (no allocation) when nothing follows.</summary>
    public static List<(TimelineEvent Event, DerivedFact Fact)>? Derive(ProposedProcurement p, IReadOnlyDictionary<string, string> reasons)
    {
        var timeline = p.Timeline;
        if (timeline is null || timeline.Count == 0)
        {
            return null;
        }

        long recorded = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            recorded |= 1L << (int)timeline[i].Kind;
        }

        List<(TimelineEvent Event, DerivedFact Fact)>? derived = null;
        foreach (var (id, from, derive, when) in Table)
        {
            if ((recorded & (1L << (int)from)) == 0 || (recorded & (1L << (int)derive)) != 0 || !when(p))
            {
                continue;
            }

            var first = Events.First(p, from)!.Value;
            (derived ??= new()).Add(Make(id, derive, first, string.Create(CultureInfo.InvariantCulture, $"{Text.Camel(from.ToString())} on {first:yyyy-MM-dd}"), reasons));
        }

        // Chains: each derived source of an inference's kind derives once more, until nothing new follows (the pack's
        // inferences never derive in a circle).
        for (var next = 0; derived is not null && next < derived.Count; next++)
        {
            var source = derived[next];
            foreach (var (id, from, derive, when) in Table)
            {
                if (source.Fact.Kind == from && (recorded & (1L << (int)derive)) == 0 && when(p))
                {
                    derived.Add(Make(id, derive, source.Fact.Date, $"a derived {Text.Camel(from.ToString())} ({source.Fact.InferenceId})", reasons));
                }
            }
        }

        derived?.Sort(static (a, b) => a.Fact.Kind != b.Fact.Kind ? a.Fact.Kind.CompareTo(b.Fact.Kind)
            : a.Fact.Date != b.Fact.Date ? a.Fact.Date.CompareTo(b.Fact.Date)
            : string.CompareOrdinal(a.Fact.InferenceId + " " + a.Fact.From, b.Fact.InferenceId + " " + b.Fact.From));
        return derived;
    }

    private static bool Competitive(ProposedProcurement p) =>
        p.Tender?.Route is ProcurementRoute.OpenTender or ProcurementRoute.RestrictedTender or ProcurementRoute.CompetitiveDialogue;

    private static (TimelineEvent, DerivedFact) Make(string id, EventKind kind, DateOnly date, string from, IReadOnlyDictionary<string, string> reasons)
    {
        var fact = new DerivedFact(kind, date, id, reasons[id], from);
        return (new TimelineEvent { Kind = kind, Date = date, Description = fact.ToString() }, fact);
    }
}
