using System;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>
/// The possible dates of the first (or last) of several events: from the least (greatest) start to the least
/// (greatest) end, an open start being the earliest and an open end the latest possible. When one event's own date
/// is that interval, it is kept as written (<c>2009-07</c>, not <c>between 2009-07-01 and 2009-07-31</c>). Written
/// by hand: a few comparisons of nullable days, no library needed. Shared by the timeline helpers and the hand-written
/// mirror in the benchmarks.
/// </summary>
internal struct DateSpan
{
    private readonly bool _last;
    private DateOnly? _start;
    private DateOnly? _end;
    private bool _startOpen;
    private bool _endOpen;
    private EventDate? _best;
    private int _count;

    public DateSpan(bool last)
    {
        _last = last;
    }

    public readonly bool Any => _count > 0;

    private readonly DateOnly? Start => !_last && _startOpen ? null : _start;

    private readonly DateOnly? End => _last && _endOpen ? null : _end;

    public void Add(EventDate date)
    {
        var (start, end) = (Start, End);
        _count++;
        if (date.Earliest is { } s)
        {
            if (_start is null || (_last ? s > _start.Value : s < _start.Value))
            {
                _start = s;
            }
        }
        else
        {
            _startOpen = true;
        }

        if (date.Latest is { } e)
        {
            if (_end is null || (_last ? e > _end.Value : e < _end.Value))
            {
                _end = e;
            }
        }
        else
        {
            _endOpen = true;
        }

        if (Start == date.Earliest && End == date.Latest)
        {
            _best = date;
        }
        else if (_count == 1 || Start != start || End != end)
        {
            _best = null;
        }
    }

    /// <summary>The span's dates; <see langword="null"/> when no date was added.</summary>
    public readonly EventDate? Result() => _count == 0 ? null : _best ?? Interval(Start, End);

    /// <summary>The date covering the days from <paramref name="start"/> to <paramref name="end"/> (an open end unbounded), in its plainest form.</summary>
    public static EventDate Interval(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } s, { } e) when s == e => EventDate.On(s),
        ({ } s, { } e) => EventDate.Between(s, e),
        (null, { } e) => EventDate.OnOrBefore(e),
        ({ } s, null) => EventDate.OnOrAfter(s),
        _ => EventDate.Undated,
    };
}
