using System;
using System.Collections.Generic;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>How two dates are compared.</summary>
internal enum DateOrder
{
    Before,
    OnOrBefore,
    After,
    OnOrAfter,
}

/// <summary>
/// The order of one check's timeline when some dates are bounded by other events ("before noticePublished", a derived
/// decision "on or before the notice"): each event's calendar interval narrowed by those bounds, and the order the
/// bounds give between events whose calendar dates do not decide it (docs/procurement-files.md, "Dates relative to
/// another event").
/// </summary>
/// <remarks>
/// <para>
/// Built once per check from the timeline (recorded and derived events), only when some date is relative; immutable
/// afterwards, used by one check on one thread. Written by hand: a difference-constraint propagation over day numbers
/// and a reachability search over a small graph; no library in the dependency set does either, and both are a few
/// dozen lines.
/// </para>
/// <para>
/// The graph has one node per event and two per anchor kind: "every event of K" on the way out (an event before the
/// first K is before each K) and on the way in (an event after the last K is after each K). An edge is strict (&lt;)
/// or not (≤). A path from x to y means x ≤ y, strictly if an edge on it is strict. A cycle through a strict edge is a
/// contradiction: the record's relative dates cannot all hold, and <see cref="Build"/> reports it instead of an order.
/// </para>
/// <para>
/// Limits (hostile input): the propagation runs at most <see cref="MaxRounds"/> rounds (bounds found by then are kept:
/// each is implied by the record). Cycles are found in linear time; only when there are some does each relative date
/// on one get checked for a contradiction, and when <c>relative dates × (events + edges)</c> then exceeds
/// <see cref="MaxWork"/> the relative dates decide no order, only what the propagation found. Each order search is
/// linear in the graph and its result kept for up to 256 events. An event dated relative to its own kind is ignored
/// (the file loader rejects it).
/// </para>
/// </remarks>
internal sealed class RelativeOrder
{
    /// <summary>The most propagation rounds (each O(events)); a chain of relative dates longer than this is narrowed only so far.</summary>
    internal const int MaxRounds = 256;

    /// <summary>The most work the contradiction check may take: relative dates × (events + edges).</summary>
    internal const long MaxWork = 4_000_000;

    private const int Unbounded = int.MinValue;
    private const int UnboundedHigh = int.MaxValue;

    private readonly TimelineEvent[] _events;
    private readonly EventDate[] _dates;
    private readonly int[] _kindOf;
    private readonly List<(int To, bool Strict)>[]? _edges;
    private readonly Dictionary<int, (bool[] Any, bool[] Strict)> _reach = new();

    private RelativeOrder(TimelineEvent[] events, EventDate[] dates, int[] kindOf, List<(int, bool)>[]? edges, string? contradiction, int contradictionAt)
    {
        _events = events;
        _dates = dates;
        _kindOf = kindOf;
        _edges = edges;
        Contradiction = contradiction;
        ContradictionAt = contradictionAt;
    }

    /// <summary>When the relative dates contradict each other: which bound cannot hold, in words; otherwise null.</summary>
    public string? Contradiction { get; }

    /// <summary>The index of the event whose relative date is part of the contradiction; -1 when none.</summary>
    public int ContradictionAt { get; }

    /// <summary>Whether any date in the timeline is relative to another event (a file's, or a derived event's link to its source).</summary>
    public static bool AnyRelative(ReadOnlySpan<TimelineEvent> events)
    {
        foreach (var e in events)
        {
            if (e is not null && (IsRelative(e.Date) || e.Occasion is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The order of the timeline, or null when no date is relative. Never throws on the timeline's content; a
    /// contradiction is reported through <see cref="Contradiction"/> (the relative bounds are then not used).
    /// </summary>
    public static RelativeOrder? Build(ReadOnlySpan<TimelineEvent> timeline)
    {
        if (!AnyRelative(timeline))
        {
            return null;
        }

        var events = timeline.ToArray();
        var n = events.Length;
        var kinds = new Dictionary<EventKind, int>();
        var kindOf = new int[n];
        var lo = new int[n];
        var hi = new int[n];
        var anchored = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var e = events[i];
            kindOf[i] = e is null ? -1 : KindIndex(kinds, e.Kind);
            var date = e?.Date ?? default;
            lo[i] = date.Earliest is { } s ? s.DayNumber : Unbounded;
            hi[i] = date.Latest is { } l ? l.DayNumber : UnboundedHigh;
            if (e is not null && IsRelative(date) && date.RawAnchor != e.Kind)
            {
                KindIndex(kinds, date.RawAnchor);
                anchored.Add(i);
            }
        }

        var calendar = Dates(events, lo, hi, narrowed: null);
        var occasions = Occasions(events);
        if (anchored.Count == 0 && occasions.Count == 0)
        {
            return new RelativeOrder(events, calendar, kindOf, null, null, -1);
        }

        // The graph: events, then per kind an "every K" node out (index n + 2k) and in (n + 2k + 1).
        var nodes = n + (2 * kinds.Count);
        var edges = new List<(int, bool)>[nodes];
        for (var v = 0; v < nodes; v++)
        {
            edges[v] = new List<(int, bool)>(1);
        }

        var members = new int[kinds.Count];
        for (var i = 0; i < n; i++)
        {
            if (kindOf[i] >= 0)
            {
                members[kindOf[i]]++;
                edges[n + (2 * kindOf[i])].Add((i, false));
                edges[i].Add((n + (2 * kindOf[i]) + 1, false));
            }
        }

        var edgeCount = 2 * n;
        foreach (var i in anchored)
        {
            var date = events[i].Date;
            var k = kinds[date.RawAnchor];
            var (outNode, inNode) = (n + (2 * k), n + (2 * k) + 1);
            switch (date.RawRelation)
            {
                case DateRelation.Before:
                    edges[i].Add((outNode, true));
                    break;
                case DateRelation.OnOrBefore:
                    edges[i].Add((outNode, false));
                    break;
                case DateRelation.SameDay:
                    edges[i].Add((outNode, false));
                    if (members[k] == 1)
                    {
                        edges[inNode].Add((i, false));
                    }

                    break;
                case DateRelation.After:
                    edges[inNode].Add((i, true));
                    break;
                case DateRelation.OnOrAfter:
                    edges[inNode].Add((i, false));
                    break;
            }

            edgeCount++;
        }

        // The events of one occasion are on one day: each is on or before the next, round the group.
        foreach (var group in occasions)
        {
            for (var g = 0; g < group.Count; g++)
            {
                edges[group[g]].Add((group[(g + 1) % group.Count], false));
                edgeCount++;
            }
        }

        var narrowed = Propagate(events, kindOf, kinds, anchored, occasions, lo, hi, out var empty);
        if (narrowed is null)
        {
            var message = events[empty].Occasion is { } occasion
                ? $"the events of occasion '{occasion}' have no day in common (their dates and the dates relative to other events cannot all hold)"
                : $"'{events[empty].Date}' cannot hold together with the other dates (relative to events, or of one occasion)";
            return new RelativeOrder(events, calendar, kindOf, null, message, empty);
        }

        var dates = Dates(events, lo, hi, narrowed);
        var checkedOrder = new RelativeOrder(events, dates, kindOf, edges, null, -1);
        var cyclic = OnCycles(edges);
        if (cyclic is null)
        {
            return checkedOrder;
        }

        if ((long)anchored.Count * (nodes + edgeCount) > MaxWork)
        {
            // Too many to check one by one: the relative dates decide no order, only what the propagation found.
            return new RelativeOrder(events, dates, kindOf, null, null, -1);
        }

        foreach (var i in anchored)
        {
            if (!cyclic[i])
            {
                continue;
            }

            // A strict edge u -> v on a cycle: v reaches u.
            var date = events[i].Date;
            var k = kinds[date.RawAnchor];
            var (from, to) = date.RawRelation switch
            {
                DateRelation.Before => (i, n + (2 * k)),
                DateRelation.After => (n + (2 * k) + 1, i),
                _ => (-1, -1),
            };
            if (from >= 0 && checkedOrder.Reach(to).Any[from])
            {
                return new RelativeOrder(events, calendar, kindOf, null,
                    $"'{date}' cannot hold together with the other dates relative to events (the event would have to be after itself)", i);
            }
        }

        return checkedOrder;
    }

    /// <summary>
    /// Which nodes lie on a cycle (left after removing, again and again, every node nothing points to: Kahn's
    /// topological sort, linear in the graph); null when there is no cycle, as in almost every record.
    /// </summary>
    private static bool[]? OnCycles(List<(int To, bool Strict)>[] edges)
    {
        var nodes = edges.Length;
        var incoming = new int[nodes];
        foreach (var list in edges)
        {
            foreach (var (to, _) in list)
            {
                incoming[to]++;
            }
        }

        var ready = new Stack<int>();
        for (var v = 0; v < nodes; v++)
        {
            if (incoming[v] == 0)
            {
                ready.Push(v);
            }
        }

        var removed = 0;
        while (ready.Count > 0)
        {
            var v = ready.Pop();
            removed++;
            foreach (var (to, _) in edges[v])
            {
                if (--incoming[to] == 0)
                {
                    ready.Push(to);
                }
            }
        }

        if (removed == nodes)
        {
            return null;
        }

        var cyclic = new bool[nodes];
        for (var v = 0; v < nodes; v++)
        {
            cyclic[v] = incoming[v] > 0;
        }

        return cyclic;
    }

    /// <summary>The event's date: its calendar interval narrowed by the relative bounds.</summary>
    public EventDate DateOf(int index) => _dates[index];

    /// <summary>How many events of the kind the timeline has.</summary>
    public int CountOf(EventKind kind)
    {
        var count = 0;
        foreach (var e in _events)
        {
            count += e is not null && e.Kind == kind ? 1 : 0;
        }

        return count;
    }

    /// <summary>The index of the event in the timeline, or -1.</summary>
    public int IndexOf(TimelineEvent e)
    {
        for (var i = 0; i < _events.Length; i++)
        {
            if (ReferenceEquals(_events[i], e))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether event <paramref name="index"/> is in the order to the date (which may be a First/Last mark); null when undecided.</summary>
    public bool? Ordered(int index, EventDate date, DateOrder order) =>
        order is DateOrder.Before or DateOrder.OnOrBefore
            ? Less(Operand.Event(index), Operand.Of(date), order == DateOrder.Before)
            : Less(Operand.Of(date), Operand.Event(index), order == DateOrder.After);

    /// <summary>Whether <paramref name="a"/> is in the order to <paramref name="b"/> (either may be a First/Last mark); null when undecided.</summary>
    public bool? Ordered(EventDate a, EventDate b, DateOrder order) =>
        order is DateOrder.Before or DateOrder.OnOrBefore
            ? Less(Operand.Of(a), Operand.Of(b), order == DateOrder.Before)
            : Less(Operand.Of(b), Operand.Of(a), order == DateOrder.After);

    /// <summary>Whether the date is a bound relative to another kind of event (not a First/Last mark).</summary>
    internal static bool IsRelative(EventDate date) => date.RawRelation is > 0 and <= DateRelation.SameDay;

    /// <summary>The events that share an occasion (two or more, compared ignoring case), as groups of indexes.</summary>
    private static List<List<int>> Occasions(TimelineEvent[] events)
    {
        Dictionary<string, List<int>>? byName = null;
        for (var i = 0; i < events.Length; i++)
        {
            if (events[i]?.Occasion is { } name)
            {
                byName ??= new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
                if (!byName.TryGetValue(name, out var group))
                {
                    byName.Add(name, group = new List<int>(4));
                }

                group.Add(i);
            }
        }

        var groups = new List<List<int>>();
        if (byName is not null)
        {
            foreach (var group in byName.Values)
            {
                if (group.Count > 1)
                {
                    groups.Add(group);
                }
            }
        }

        return groups;
    }

    private static int KindIndex(Dictionary<EventKind, int> kinds, EventKind kind)
    {
        if (!kinds.TryGetValue(kind, out var index))
        {
            index = kinds.Count;
            kinds.Add(kind, index);
        }

        return index;
    }

    /// <summary>
    /// Narrows each event's [lo, hi] by the relative bounds until nothing changes (or <see cref="MaxRounds"/>); returns
    /// which events changed, or null when some interval became empty (the bounds contradict each other).
    /// </summary>
    private static bool[]? Propagate(TimelineEvent[] events, int[] kindOf, Dictionary<EventKind, int> kinds, List<int> anchored, List<List<int>> occasions, int[] lo, int[] hi, out int empty)
    {
        empty = -1;
        var n = events.Length;
        var kindCount = kinds.Count;
        var minHi = new int[kindCount];
        var maxLo = new int[kindCount];
        var minLo = new int[kindCount];
        var pushLo = new int[kindCount];
        var pushHi = new int[kindCount];
        var any = new bool[kindCount];
        var changed = new bool[n];
        for (var round = 0; round < MaxRounds; round++)
        {
            Array.Fill(minHi, UnboundedHigh);
            Array.Fill(maxLo, Unbounded);
            Array.Fill(minLo, UnboundedHigh);
            Array.Fill(pushLo, Unbounded);
            Array.Fill(pushHi, UnboundedHigh);
            Array.Clear(any);
            for (var i = 0; i < n; i++)
            {
                if (kindOf[i] is var k and >= 0)
                {
                    any[k] = true;
                    minHi[k] = Math.Min(minHi[k], hi[i]);
                    maxLo[k] = Math.Max(maxLo[k], lo[i]);
                    minLo[k] = Math.Min(minLo[k], lo[i]);
                }
            }

            var moved = false;
            foreach (var i in anchored)
            {
                var date = events[i].Date;
                var k = kinds[date.RawAnchor];
                if (!any[k])
                {
                    continue;
                }

                int newLo = lo[i], newHi = hi[i];
                switch (date.RawRelation)
                {
                    case DateRelation.Before:
                        newHi = Math.Min(newHi, Down(minHi[k]));
                        pushLo[k] = Math.Max(pushLo[k], Up(lo[i]));
                        break;
                    case DateRelation.OnOrBefore:
                        newHi = Math.Min(newHi, minHi[k]);
                        pushLo[k] = Math.Max(pushLo[k], lo[i]);
                        break;
                    case DateRelation.SameDay:
                        newHi = Math.Min(newHi, minHi[k]);
                        newLo = Math.Max(newLo, minLo[k] == UnboundedHigh ? Unbounded : minLo[k]);
                        pushLo[k] = Math.Max(pushLo[k], lo[i]);
                        break;
                    case DateRelation.After:
                        newLo = Math.Max(newLo, Up(maxLo[k]));
                        pushHi[k] = Math.Min(pushHi[k], Down(hi[i]));
                        break;
                    case DateRelation.OnOrAfter:
                        newLo = Math.Max(newLo, maxLo[k]);
                        pushHi[k] = Math.Min(pushHi[k], hi[i]);
                        break;
                }

                if (newLo != lo[i] || newHi != hi[i])
                {
                    (lo[i], hi[i], changed[i], moved) = (newLo, newHi, true, true);
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (kindOf[i] is var k and >= 0 && (pushLo[k] > lo[i] || pushHi[k] < hi[i]))
                {
                    lo[i] = Math.Max(lo[i], pushLo[k]);
                    hi[i] = Math.Min(hi[i], pushHi[k]);
                    changed[i] = moved = true;
                }
            }

            // One occasion, one day: every member's interval is what all of them allow.
            foreach (var group in occasions)
            {
                int groupLo = Unbounded, groupHi = UnboundedHigh;
                foreach (var i in group)
                {
                    groupLo = Math.Max(groupLo, lo[i]);
                    groupHi = Math.Min(groupHi, hi[i]);
                }

                foreach (var i in group)
                {
                    if (lo[i] != groupLo || hi[i] != groupHi)
                    {
                        (lo[i], hi[i], changed[i], moved) = (groupLo, groupHi, true, true);
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (lo[i] != Unbounded && hi[i] != UnboundedHigh && lo[i] > hi[i])
                {
                    empty = i;
                    return null;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return changed;

        // One day earlier or later, an open end staying open and the calendar's ends kept.
        static int Down(int day) => day == UnboundedHigh ? UnboundedHigh : day <= DateOnly.MinValue.DayNumber ? DateOnly.MinValue.DayNumber : day - 1;
        static int Up(int day) => day == Unbounded ? Unbounded : day >= DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue.DayNumber : day + 1;
    }

    /// <summary>Each event's date: as recorded unless the relative bounds narrowed it, then the narrowed interval.</summary>
    private static EventDate[] Dates(TimelineEvent[] events, int[] lo, int[] hi, bool[]? narrowed)
    {
        var dates = new EventDate[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var recorded = events[i]?.Date ?? default;
            if (narrowed is null || !narrowed[i])
            {
                dates[i] = recorded.Calendar;
                continue;
            }

            dates[i] = DateSpan.Interval(
                lo[i] == Unbounded ? null : DateOnly.FromDayNumber(lo[i]),
                hi[i] == UnboundedHigh ? null : DateOnly.FromDayNumber(hi[i]));
        }

        return dates;
    }

    /// <summary>Whether x &lt; y (or x ≤ y when not strict), over events, First/Last marks and plain dates; Kleene over sets.</summary>
    private bool? Less(Operand x, Operand y, bool strict)
    {
        if (x.Kind is { } xk)
        {
            // min A < y: some a is; max A < y: every a is.
            return Quantify(xk, exists: !x.Last, i => Less(Operand.Event(i), y, strict));
        }

        if (y.Kind is { } yk)
        {
            // x < min B: every b; x < max B: some b.
            return Quantify(yk, exists: y.Last, j => Less(x, Operand.Event(j), strict));
        }

        if (x.Index >= _dates.Length || y.Index >= _dates.Length)
        {
            return null;
        }

        var a = x.Index >= 0 ? _dates[x.Index] : x.Date;
        var b = y.Index >= 0 ? _dates[y.Index] : y.Date;
        var byCalendar = strict ? a.IsBefore(b) : a.IsOnOrBefore(b);
        if (byCalendar is not null || _edges is null || x.Index < 0 || y.Index < 0)
        {
            return byCalendar;
        }

        if (x.Index == y.Index)
        {
            return !strict;
        }

        var forward = Reach(x.Index);
        if (strict ? forward.Strict[y.Index] : forward.Any[y.Index])
        {
            return true;
        }

        var back = Reach(y.Index);
        return (strict ? back.Any[x.Index] : back.Strict[x.Index]) ? false : null;
    }

    private bool? Quantify(EventKind kind, bool exists, Func<int, bool?> test)
    {
        bool? result = exists ? false : true;
        var found = false;
        for (var i = 0; i < _events.Length; i++)
        {
            if (_events[i] is not { } e || e.Kind != kind)
            {
                continue;
            }

            found = true;
            var r = test(i);
            if (r == exists)
            {
                return exists;
            }

            if (r is null)
            {
                result = null;
            }
        }

        return found ? result : null;
    }

    /// <summary>The nodes reachable from an event, and those reachable through a strict edge; cached per event.</summary>
    private (bool[] Any, bool[] Strict) Reach(int from)
    {
        if (_reach.TryGetValue(from, out var known))
        {
            return known;
        }

        var nodes = _edges!.Length;
        var any = new bool[nodes];
        var strict = new bool[nodes];
        var queue = new Queue<(int Node, bool Strict)>();
        queue.Enqueue((from, false));
        while (queue.Count > 0)
        {
            var (node, viaStrict) = queue.Dequeue();
            foreach (var (to, edgeStrict) in _edges[node])
            {
                var s = viaStrict || edgeStrict;
                if (s ? strict[to] : any[to])
                {
                    continue;
                }

                any[to] = true;
                strict[to] |= s;
                queue.Enqueue((to, s));
            }
        }

        var result = (any, strict);
        if (_reach.Count < 256)
        {
            _reach[from] = result;
        }

        return result;
    }

    /// <summary>A comparison's operand: an event, the first or last event of a kind (a helper's mark), or a plain date.</summary>
    private readonly record struct Operand(int Index, EventKind? Kind, bool Last, EventDate Date)
    {
        public static Operand Event(int index) => new(index, null, false, default);

        public static Operand Of(EventDate date) => date.RawRelation switch
        {
            EventDate.FirstOfKind => new(-1, date.RawAnchor, false, date),
            EventDate.LastOfKind => new(-1, date.RawAnchor, true, date),
            EventDate.EventAtIndex => new((int)date.RawAnchor, null, false, date),
            _ => new(-1, null, false, date.Calendar),
        };
    }
}
