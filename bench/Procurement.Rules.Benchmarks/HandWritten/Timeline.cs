using System;
using System.Collections.Generic;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>
/// A date a rule compares with, as the engine's helpers give it: the possible days (<see cref="EventDate"/>; null when
/// there is none), the facts not recorded that reading it met, and, for an imprecise date, the fact that names it
/// (<c>timeline.&lt;kind&gt;.date</c>).
/// </summary>
internal readonly record struct DateQ(EventDate? Date, string[]? Missing, string? Source, Expressions.RelativeOrder? Order = null)
{
    /// <summary>No date: "any time" for the helpers that take one.</summary>
    public static DateQ None => default;

    /// <summary>A document's exact date (or none).</summary>
    public static DateQ Exact(DateOnly? date) => new(date is { } d ? EventDate.On(d) : null, null, null);
}

/// <summary>
/// The engine's timeline helpers (RuleScope) in Kleene and interval logic, written by hand: an ordering is decided when
/// the intervals of days do not overlap; otherwise the answer is unknown, naming the imprecise date. An undated event
/// counts for "did it happen", never for "before X". Each helper returns what it found and what it met not recorded.
/// </summary>
internal static class Timeline
{
    // The order of a timeline whose dates are relative to other events, built once per procurement. The mirror uses the
    // engine's RelativeOrder for it: re-deriving constraint propagation and graph search by hand would test nothing the
    // relative-date tests do not, while every helper below still decides by hand what it asks of the order. The span of
    // several events' dates (First, Last, LastOf) is the engine's DateSpan for the same reason.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProposedProcurement, Holder> Orders = new();

    private static readonly string[] DateNames = Build(k => "timeline." + Text.Camel(k.ToString()) + ".date");

    public static string DateName(EventKind kind) => DateNames[(int)kind];

    public static string SignOffName(OversightBody body) => "timeline.oversightSignOff." + Text.Camel(body.ToString());

    /// <summary><c>Happened(kind)</c>.</summary>
    public static Tri Happened(ProposedProcurement p, EventKind kind) => AtLeastBefore(p, 1, kind, DateQ.None);

    /// <summary><c>HappenedBefore(kind, date)</c>: strictly before (any time when there is no date).</summary>
    public static Tri HappenedBefore(ProposedProcurement p, EventKind kind, DateQ date) => AtLeastBefore(p, 1, kind, date);

    /// <summary><c>AtLeastBefore(count, kind, date)</c>.</summary>
    public static Tri AtLeastBefore(ProposedProcurement p, int count, EventKind kind, DateQ date)
    {
        var missing = date.Missing;
        var (sure, maybe) = CountOrdered(p, kind, date.Date, before: true);
        if (sure >= count)
        {
            return Result(true, missing);
        }

        if (sure + maybe >= count)
        {
            missing = Tri.Union(missing, ImpreciseDates(p, kind, date));
        }
        else if (!Events.IsComplete(p, kind)
            && !(date.Date is { Latest: { } latest } && Events.IsCompleteSoFar(p, kind) && Events.Now(p, Order(p)) is { } now && latest <= now)
            && !ListedBefore(p, kind, date))
        {
            missing = Tri.Union(missing, new[] { Events.Missing(kind) });
        }

        return Result(false, missing);
    }

    /// <summary>
    /// Every event of the kind before the date is listed: the record says so up to the first event of another kind
    /// (<c>timelineCompleteBefore</c>), and the date is surely on or before that event.
    /// </summary>
    private static bool ListedBefore(ProposedProcurement p, EventKind kind, DateQ date)
    {
        if (date.Date is not { } d || p.TimelineCompleteBefore is not { } entries)
        {
            return false;
        }

        foreach (var entry in entries)
        {
            if (entry is { Before: { } anchor, Kinds: { } kinds } && System.Linq.Enumerable.Contains(kinds, kind)
                && Count(p, anchor) > 0 && First(p, anchor) is { Date: { } first } anchorDate)
            {
                var ordered = ByCalendar(d.Calendar, first.Calendar, Expressions.DateOrder.OnOrBefore);
                if (ordered is null && (date.Order ?? anchorDate.Order) is { } relative)
                {
                    ordered = relative.Ordered(d, first, Expressions.DateOrder.OnOrBefore);
                }

                if (ordered == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>CountBefore(kind, date)</c> (<c>Count(kind)</c> with no date): the events surely before it; unknown when some may be.</summary>
    public static (int Value, string[]? Missing) CountBefore(ProposedProcurement p, EventKind kind, DateQ date)
    {
        var (sure, maybe) = CountOrdered(p, kind, date.Date, before: true);
        return (sure, maybe > 0 ? Tri.Union(date.Missing, ImpreciseDates(p, kind, date)) : date.Missing);
    }

    /// <summary><c>Count(kind)</c>: the recorded events of the kind (known).</summary>
    public static int Count(ProposedProcurement p, EventKind kind) => CountOrdered(p, kind, null, before: true).Sure;

    /// <summary><c>HappenedAny(first, second)</c>.</summary>
    public static Tri HappenedAny(ProposedProcurement p, EventKind first, EventKind second)
    {
        if (Count(p, first) > 0 || Count(p, second) > 0)
        {
            return Tri.True;
        }

        string[]? missing = null;
        if (!Events.IsComplete(p, first))
        {
            missing = new[] { Events.Missing(first) };
        }

        if (!Events.IsComplete(p, second))
        {
            missing = Tri.Union(missing, new[] { Events.Missing(second) });
        }

        return Result(false, missing);
    }

    /// <summary><c>First(kind)</c>: from the earliest start to the earliest end of the kind's events.</summary>
    public static DateQ First(ProposedProcurement p, EventKind kind) => Extreme(p, kind, last: false);

    /// <summary><c>Last(kind)</c>: from the latest start to the latest end of the kind's events.</summary>
    public static DateQ Last(ProposedProcurement p, EventKind kind) => Extreme(p, kind, last: true);

    /// <summary><c>LastOf(events)</c>, for events of one kind from the procurement's timeline (null when there are none).</summary>
    public static DateQ LastOf(ProposedProcurement p, IReadOnlyList<TimelineEvent> events, EventKind kind)
    {
        var order = Order(p);
        var span = new Expressions.DateSpan(last: true);
        foreach (var e in events)
        {
            span.Add(order is not null && order.IndexOf(e) is var i and >= 0 ? order.DateOf(i) : e.Date);
        }

        if (span.Result() is not { } date)
        {
            return DateQ.None;
        }

        if (order is not null)
        {
            // Marked as the engine marks it: the one event, or every event of the kind.
            date = events.Count == 1 ? date.WithRelation(EventDate.EventAtIndex, (EventKind)order.IndexOf(events[0]))
                : events.Count == order.CountOf(kind) ? date.WithRelation(EventDate.LastOfKind, kind)
                : date;
        }

        return new DateQ(date, null, date.Calendar.IsExact ? null : DateName(kind), order);
    }

    /// <summary><c>SignedOff(body)</c>, <c>SignedOffOnOrBefore(body, date)</c> (<paramref name="onOrBefore"/>) or <c>SignedOffBefore</c>.</summary>
    public static Tri SignedOff(ProposedProcurement p, OversightBody body, DateQ date, bool onOrBefore = false)
    {
        var timeline = p.Timeline ?? Array.Empty<TimelineEvent>();
        var order = Order(p);
        var maybe = false;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.OversightSignOff && e.Body == body)
            {
                var ordered = date.Date is { } d ? OrderedAt(order, i, e, d, onOrBefore ? Expressions.DateOrder.OnOrBefore : Expressions.DateOrder.Before) : true;
                if (ordered == true)
                {
                    return Result(true, date.Missing);
                }

                maybe |= ordered is null;
            }
        }

        if (maybe)
        {
            return Result(false, Tri.Union(date.Missing, ImpreciseDates(p, EventKind.OversightSignOff, date)));
        }

        return Result(false, Events.IsComplete(p, EventKind.OversightSignOff) || System.Linq.Enumerable.Contains(p.SignOffsCompleteFor ?? Array.Empty<OversightBody>(), body)
            ? date.Missing
            : Tri.Union(date.Missing, new[] { SignOffName(body) }));
    }

    /// <summary><c>HappenedAfter(kind, date)</c>, or <c>HappenedOnOrAfter</c> (<paramref name="orOn"/>); false when there is no date.</summary>
    public static Tri HappenedLater(ProposedProcurement p, EventKind kind, DateQ date, bool orOn)
    {
        if (date.Date is not { } d)
        {
            return Result(false, date.Missing);
        }

        int sure = 0, maybe = 0;
        var timeline = p.Timeline ?? Array.Empty<TimelineEvent>();
        var order = Order(p);
        for (var i = 0; i < timeline.Count; i++)
        {
            if (timeline[i].Kind == kind)
            {
                switch (OrderedAt(order, i, timeline[i], d, orOn ? Expressions.DateOrder.OnOrAfter : Expressions.DateOrder.After))
                {
                    case true: sure++; break;
                    case null: maybe++; break;
                }
            }
        }

        if (sure > 0)
        {
            return Result(true, date.Missing);
        }

        if (maybe > 0)
        {
            return Result(false, Tri.Union(date.Missing, ImpreciseDates(p, kind, date)));
        }

        return Result(false, Events.IsComplete(p, kind) ? date.Missing : Tri.Union(date.Missing, new[] { Events.Missing(kind) }));
    }

    /// <summary><c>OnOrBefore(a, b)</c>, <c>OnOrAfter(a, b)</c>...: false when either is missing; unknown when the intervals overlap.</summary>
    public static Tri Compare(DateQ a, DateQ b, Expressions.DateOrder order)
    {
        var missing = Tri.Union(a.Missing, b.Missing);
        if (a.Date is not { } x || b.Date is not { } y)
        {
            return Result(false, missing);
        }

        var ordered = ByCalendar(x.Calendar, y.Calendar, order);
        if (ordered is null && (a.Order ?? b.Order) is { } relative)
        {
            ordered = relative.Ordered(x, y, order);
        }

        if (ordered is null)
        {
            missing = Tri.Union(missing, Tri.Union(SourceOf(a), SourceOf(b)));
        }

        return Result(ordered == true, missing);
    }

    /// <summary><c>EligibilityNarrowedAfterNotice()</c>.</summary>
    public static Tri EligibilityNarrowedAfterNotice(ProposedProcurement p)
    {
        var notice = First(p, EventKind.NoticePublished);
        if (notice.Date is not { } n)
        {
            return Result(false, notice.Missing);
        }

        var timeline = p.Timeline!;
        var order = Order(p);
        var maybe = false;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.EligibilityChanged && e.Eligibility is TenderEligibility.NhsOnly or TenderEligibility.NonNhsOnly)
            {
                var after = OrderedAt(order, i, e, n, Expressions.DateOrder.After);
                if (after == true)
                {
                    return Tri.True;
                }

                maybe |= after is null;
            }
        }

        if (maybe)
        {
            return Result(false, ImpreciseDates(p, EventKind.EligibilityChanged, notice));
        }

        return Events.IsComplete(p, EventKind.EligibilityChanged) ? Tri.False : Tri.Unknown(Events.Missing(EventKind.EligibilityChanged));
    }

    /// <summary>The timeline's order when some date is relative to another event; null when none is.</summary>
    private static Expressions.RelativeOrder? Order(ProposedProcurement p) =>
        p.Timeline is { Count: > 0 } timeline && Expressions.RelativeOrder.AnyRelative(ToArray(timeline))
            ? Orders.GetValue(p, static q => new Holder(Expressions.RelativeOrder.Build(ToArray(q.Timeline!)))).Order
            : null;

    private static TimelineEvent[] ToArray(IReadOnlyList<TimelineEvent> timeline) => timeline as TimelineEvent[] ?? [.. timeline];

    /// <summary>An event's date as compared: narrowed by the relative dates when there are any.</summary>
    private static EventDate DateAt(Expressions.RelativeOrder? order, int index, TimelineEvent e) => order?.DateOf(index) ?? e.Date;

    /// <summary>Event <paramref name="index"/> in the order to the date: by the calendar, then by the relative dates.</summary>
    private static bool? OrderedAt(Expressions.RelativeOrder? order, int index, TimelineEvent e, EventDate date, Expressions.DateOrder how)
    {
        var byCalendar = ByCalendar(DateAt(order, index, e), date.Calendar, how);
        return byCalendar is null && order is not null ? order.Ordered(index, date, how) : byCalendar;
    }

    /// <summary>Whether <paramref name="a"/> is in the order to <paramref name="b"/> by their intervals of days; null when they overlap.</summary>
    private static bool? ByCalendar(EventDate a, EventDate b, Expressions.DateOrder order) => order switch
    {
        Expressions.DateOrder.Before => a.IsBefore(b),
        Expressions.DateOrder.OnOrBefore => a.IsOnOrBefore(b),
        Expressions.DateOrder.After => a.IsAfter(b),
        _ => a.IsOnOrAfter(b),
    };

    private static Tri Result(bool value, string[]? missing) => missing is null ? Tri.Known(value) : Tri.UnknownWith(value, missing);

    private static string[]? SourceOf(DateQ date) => date.Date is { } d && !d.Calendar.IsExact ? new[] { date.Source ?? "timeline.date" } : null;

    /// <summary>The imprecise dates of an undecided ordering: the kind's events' (when one is imprecise), then the date compared with.</summary>
    private static string[]? ImpreciseDates(ProposedProcurement p, EventKind kind, DateQ date)
    {
        string[]? names = null;
        var timeline = p.Timeline ?? Array.Empty<TimelineEvent>();
        var order = Order(p);
        for (var i = 0; i < timeline.Count; i++)
        {
            if (timeline[i].Kind == kind && !DateAt(order, i, timeline[i]).IsExact)
            {
                names = new[] { DateName(kind) };
                break;
            }
        }

        return Tri.Union(names, SourceOf(date));
    }

    private static (int Sure, int Maybe) CountOrdered(ProposedProcurement p, EventKind kind, EventDate? date, bool before)
    {
        int sure = 0, maybe = 0;
        var timeline = p.Timeline;
        if (timeline is null)
        {
            return (0, 0);
        }

        var order = Order(p);
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind != kind)
            {
                continue;
            }

            switch (date is { } d ? OrderedAt(order, i, e, d, Expressions.DateOrder.Before) : true)
            {
                case true: sure++; break;
                case null: maybe++; break;
            }
        }

        return (sure, maybe);
    }

    private static DateQ Extreme(ProposedProcurement p, EventKind kind, bool last)
    {
        var span = new Expressions.DateSpan(last);
        var timeline = p.Timeline;
        var order = Order(p);
        for (var i = 0; timeline is not null && i < timeline.Count; i++)
        {
            if (timeline[i].Kind == kind)
            {
                span.Add(DateAt(order, i, timeline[i]));
            }
        }

        if (!span.Any && !Events.IsComplete(p, kind) && Events.IsCompleteSoFar(p, kind) && Events.Now(p, order) is { } now)
        {
            // Not yet: when it comes, it comes after every event the record lists.
            return new DateQ(EventDate.OnOrAfter(now), null, DateName(kind), order);
        }

        var missing = !span.Any && !Events.IsComplete(p, kind) ? new[] { Events.Missing(kind) } : null;
        var date = span.Result();
        if (date is { } found && order is not null)
        {
            // Marked as the first (last) of the kind, so that comparing it can use the order of the events.
            date = found.WithRelation(last ? EventDate.LastOfKind : EventDate.FirstOfKind, kind);
        }

        return new DateQ(date, missing, date is { } d && !d.Calendar.IsExact ? DateName(kind) : null, order);
    }

    private static string[] Build(Func<EventKind, string> name)
    {
        var values = Enum.GetValues<EventKind>();
        var names = new string[values.Length];
        foreach (var kind in values)
        {
            names[(int)kind] = name(kind);
        }

        return names;
    }

    /// <summary>A procurement's order, null when its relative dates cannot all hold (the table holds reference values).</summary>
    private sealed class Holder(Expressions.RelativeOrder? order)
    {
        public Expressions.RelativeOrder? Order { get; } = order;
    }
}
