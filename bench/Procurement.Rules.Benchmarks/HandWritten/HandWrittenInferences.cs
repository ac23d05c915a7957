using System;
using System.Collections.Generic;
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
    private static readonly (string Id, EventKind From, EventKind Derive, Func<ProposedProcurement, bool> When, bool OnSourceDate)[] Table =
    {
        ("notice-implies-tender-decision", EventKind.NoticePublished, EventKind.TenderDecision, static _ => true, false),
        ("competitive-award-implies-tender-decision", EventKind.ContractAwarded, EventKind.TenderDecision, Competitive, false),
        ("direct-award-implies-decision-not-to-tender", EventKind.ContractAwarded, EventKind.DirectAwardDecision, static p => p.Tender?.Route is ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation, false),
        ("tender-bid-implies-notice", EventKind.BidReceived, EventKind.NoticePublished, Competitive, false),
        ("accreditation-bid-implies-accreditation-opened", EventKind.BidReceived, EventKind.AccreditationOpened, static p => p.Tender?.Route is ProcurementRoute.AnyWillingProviderOpen or ProcurementRoute.AnyWillingProviderManaged, false),
        ("improvement-opportunity-implies-concerns", EventKind.FormalImprovementOpportunity, EventKind.ConcernsRaised, static _ => true, false),
        ("notice-approaches-alternative-providers", EventKind.NoticePublished, EventKind.AlternativeProvidersEngaged, static _ => true, true),
        ("joint-review-engages-incumbent", EventKind.JointServiceReview, EventKind.IncumbentEngaged, static _ => true, true),
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
        foreach (var (id, from, derive, when, on) in Table)
        {
            if ((recorded & (1L << (int)from)) == 0 || (recorded & (1L << (int)derive)) != 0 || !when(p))
            {
                continue;
            }

            var first = FirstBounded(timeline, from);
            (derived ??= new()).Add(Make(id, derive, Following(first, on, from), Source(from, first), reasons));
        }

        // Chains: each derived source of an inference's kind derives once more, until nothing new follows (the pack's
        // inferences never derive in a circle).
        for (var next = 0; derived is not null && next < derived.Count; next++)
        {
            var source = derived[next];
            foreach (var (id, from, derive, when, on) in Table)
            {
                if (source.Fact.Kind == from && (recorded & (1L << (int)derive)) == 0 && when(p))
                {
                    derived.Add(Make(id, derive, Following(source.Fact.Date, on, from), $"a derived {Text.Camel(from.ToString())} ({source.Fact.InferenceId})", reasons));
                }
            }
        }

        derived?.Sort(static (a, b) => a.Fact.Kind != b.Fact.Kind ? a.Fact.Kind.CompareTo(b.Fact.Kind)
            : a.Fact.InferenceId != b.Fact.InferenceId ? string.CompareOrdinal(a.Fact.InferenceId, b.Fact.InferenceId)
            : string.CompareOrdinal(a.Fact.From, b.Fact.From));
        return derived;
    }

    /// <summary>The source that bounds a derived date best: the earliest latest day; an unbounded one only when alone.</summary>
    private static EventDate FirstBounded(IReadOnlyList<TimelineEvent> timeline, EventKind kind)
    {
        EventDate? first = null;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind != kind)
            {
                continue;
            }

            if (first is not { } current
                || (e.Date.Latest is { } latest && (current.Latest is not { } now || latest < now || (latest == now && e.Date.IsExact && !current.IsExact))))
            {
                first = e.Date;
            }
        }

        return first!.Value;
    }

    /// <summary>
    /// The derived event's date: the source's own ("on", the source is the evidence of the day) or on or before its
    /// latest day; when the source's day is not known, also bound to the source's kind (the same day as, or on or
    /// before, the first of it), as the engine does.
    /// </summary>
    private static EventDate Following(EventDate source, bool onSourceDate, EventKind sourceKind)
    {
        var calendar = source.Calendar;
        var date = onSourceDate ? calendar : calendar.Latest is { } latest ? EventDate.OnOrBefore(latest) : EventDate.Undated;
        return calendar.IsExact ? date : date.WithRelation(onSourceDate ? DateRelation.SameDay : DateRelation.OnOrBefore, sourceKind);
    }

    private static string Source(EventKind kind, EventDate date) => Text.Camel(kind.ToString()) + date.Precision switch
    {
        DatePrecision.Day => " on " + date,
        DatePrecision.Month or DatePrecision.Year => " in " + date,
        DatePrecision.Undated => " (undated)",
        _ => " " + date,
    };

    private static bool Competitive(ProposedProcurement p) =>
        p.Tender?.Route is ProcurementRoute.OpenTender or ProcurementRoute.RestrictedTender or ProcurementRoute.CompetitiveDialogue;

    private static (TimelineEvent, DerivedFact) Make(string id, EventKind kind, EventDate date, string from, IReadOnlyDictionary<string, string> reasons)
    {
        var fact = new DerivedFact(kind, date, id, reasons[id], from);
        return (new TimelineEvent { Kind = kind, Date = date, Description = fact.ToString() }, fact);
    }
}
