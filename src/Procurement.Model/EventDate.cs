using System;
using System.Diagnostics;
using System.Globalization;

namespace Procurement.Model;

/// <summary>
/// When an event happened, as precisely as the record says: an exact day (<c>2009-07-15</c>), a month
/// (<c>2009-07</c>), a year (<c>2009</c>), a bound (<c>before 2010-05-01</c>, <c>on or after 2009-06-01</c>), a range
/// (<c>between 2009-01-01 and 2009-03-31</c>) or no date at all (<see cref="Undated"/>, the default). Every form is
/// the interval of days [<see cref="Earliest"/>, <see cref="Latest"/>] on which the event may have happened, both
/// inclusive, a <see langword="null"/> end being unbounded.
/// </summary>
/// <remarks>
/// An immutable value, safe to share between threads. Ordering questions between two dates
/// (<see cref="IsBefore(EventDate)"/> and the like) are answered when the intervals decide them and are
/// <see langword="null"/> (undetermined) when they overlap. Equality is by form: <c>before 2010-05-01</c> and
/// <c>on or before 2010-04-30</c> cover the same days but are different values, so that a date reads back as it was
/// written.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct EventDate : IEquatable<EventDate>
{
    private const string DayFormat = "yyyy-MM-dd";

    private readonly DateOnly? _earliest;
    private readonly DateOnly? _latest;
    private readonly Form _form;

    // A bound relative to the events of another kind ("before noticePublished"): the relation (0 = none) and the kind.
    // It may sit beside a calendar bound (a derived event is "on or before 2010-05-01" and "on or before the notice");
    // a file writes one or the other.
    private readonly DateRelation _relation;
    private readonly EventKind _anchor;

    private EventDate(DateOnly? earliest, DateOnly? latest, Form form, DateRelation relation = 0, EventKind anchor = default)
    {
        _earliest = earliest;
        _latest = latest;
        _form = form;
        _relation = relation;
        _anchor = anchor;
    }

    // How the date was written; the public Precision folds the bounds and ranges into Range.
    private enum Form : byte
    {
        Undated = 0,
        Day,
        Month,
        Year,
        Before,
        OnOrBefore,
        After,
        OnOrAfter,
        Between,
    }

    /// <summary>No date recorded: the event happened, but when is not known. The same as <c>default(EventDate)</c>.</summary>
    public static EventDate Undated => default;

    /// <summary>The first day the event may have happened on (inclusive); <see langword="null"/> when unbounded (undated, or a <c>before</c> bound).</summary>
    public DateOnly? Earliest => _earliest;

    /// <summary>The last day the event may have happened on (inclusive); <see langword="null"/> when unbounded (undated, or an <c>after</c> bound).</summary>
    public DateOnly? Latest => _latest;

    /// <summary>
    /// How precisely the date is known; <see cref="DatePrecision.Undated"/> for the default value and
    /// <see cref="DatePrecision.Relative"/> for a date known only relative to another event (<see cref="RelativeTo"/>).
    /// </summary>
    public DatePrecision Precision => _form switch
    {
        Form.Undated when _relation is > 0 and <= DateRelation.SameDay => DatePrecision.Relative,
        Form.Undated => DatePrecision.Undated,
        Form.Day => DatePrecision.Day,
        Form.Month => DatePrecision.Month,
        Form.Year => DatePrecision.Year,
        _ => DatePrecision.Range,
    };

    /// <summary>Whether the exact day is known (<see cref="DatePrecision.Day"/>).</summary>
    public bool IsExact => _form == Form.Day;

    /// <summary>Whether neither a date nor a bound relative to another event is recorded (<see cref="DatePrecision.Undated"/>).</summary>
    public bool IsUndated => _form == Form.Undated && _relation is not (> 0 and <= DateRelation.SameDay);

    /// <summary>
    /// The kind of event this date is bounded by (<c>before noticePublished</c>: <see cref="EventKind.NoticePublished"/>);
    /// <see langword="null"/> when the date is not relative to another event.
    /// </summary>
    /// <remarks>
    /// A relative bound is resolved when the procurement is checked, against the events of that kind in its timeline
    /// (recorded or derived): <see cref="DateRelation.Before"/> and <see cref="DateRelation.OnOrBefore"/> bound the
    /// event by the first of them, <see cref="DateRelation.After"/> and <see cref="DateRelation.OnOrAfter"/> by the
    /// last, and <see cref="DateRelation.SameDay"/> puts it on the day of the first. With no event of that kind the
    /// bound says nothing. <see cref="Earliest"/> and <see cref="Latest"/> do not include it.
    /// </remarks>
    public EventKind? RelativeTo => _relation is > 0 and <= DateRelation.SameDay ? _anchor : null;

    /// <summary>How the date relates to the events of <see cref="RelativeTo"/>; <see langword="null"/> when it is not relative.</summary>
    public DateRelation? Relation => _relation is > 0 and <= DateRelation.SameDay ? _relation : null;

    /// <summary>The exact day when it is known; otherwise <see langword="null"/>.</summary>
    public DateOnly? Exact => _form == Form.Day ? _earliest : null;

    /// <summary>An event dated <paramref name="date"/> exactly.</summary>
    /// <param name="date">The day.</param>
    public static EventDate On(DateOnly date) => new(date, date, Form.Day);

    /// <summary>An event some time in a calendar month.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static EventDate InMonth(int year, int month)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be from 1 to 9999.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be from 1 to 12.");
        }

        return new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), Form.Month);
    }

    /// <summary>An event some time in a calendar year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static EventDate InYear(int year)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be from 1 to 9999.");
        }

        return new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Form.Year);
    }

    /// <summary>An event strictly before <paramref name="date"/> (at the latest the day before).</summary>
    /// <param name="date">The first day the event cannot have happened on.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is <see cref="DateOnly.MinValue"/>, before which there is no day.</exception>
    public static EventDate Before(DateOnly date) =>
        date == DateOnly.MinValue
            ? throw new ArgumentOutOfRangeException(nameof(date), date, "There is no day before 0001-01-01.")
            : new(null, date.AddDays(-1), Form.Before);

    /// <summary>An event on or before <paramref name="date"/>.</summary>
    /// <param name="date">The last day the event may have happened on.</param>
    public static EventDate OnOrBefore(DateOnly date) => new(null, date, Form.OnOrBefore);

    /// <summary>An event strictly after <paramref name="date"/> (at the earliest the day after).</summary>
    /// <param name="date">The last day the event cannot have happened on.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is <see cref="DateOnly.MaxValue"/>, after which there is no day.</exception>
    public static EventDate After(DateOnly date) =>
        date == DateOnly.MaxValue
            ? throw new ArgumentOutOfRangeException(nameof(date), date, "There is no day after 9999-12-31.")
            : new(date.AddDays(1), null, Form.After);

    /// <summary>An event on or after <paramref name="date"/>.</summary>
    /// <param name="date">The first day the event may have happened on.</param>
    public static EventDate OnOrAfter(DateOnly date) => new(date, null, Form.OnOrAfter);

    /// <summary>An event strictly before the first event of the kind ("before the notice"), resolved when the procurement is checked (see <see cref="RelativeTo"/>).</summary>
    /// <param name="kind">The kind of event it came before.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="EventKind"/>.</exception>
    public static EventDate Before(EventKind kind) => Relative(DateRelation.Before, kind);

    /// <summary>An event on or before the first event of the kind ("by the notice"), resolved when the procurement is checked.</summary>
    /// <param name="kind">The kind of event it came no later than.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="EventKind"/>.</exception>
    public static EventDate OnOrBefore(EventKind kind) => Relative(DateRelation.OnOrBefore, kind);

    /// <summary>An event strictly after the last event of the kind ("after the workshops"), resolved when the procurement is checked.</summary>
    /// <param name="kind">The kind of event it came after.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="EventKind"/>.</exception>
    public static EventDate After(EventKind kind) => Relative(DateRelation.After, kind);

    /// <summary>An event on or after the last event of the kind, resolved when the procurement is checked.</summary>
    /// <param name="kind">The kind of event it came no earlier than.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="EventKind"/>.</exception>
    public static EventDate OnOrAfter(EventKind kind) => Relative(DateRelation.OnOrAfter, kind);

    /// <summary>An event on the same day as the first event of the kind ("at the same meeting"), resolved when the procurement is checked.</summary>
    /// <param name="kind">The kind of event it happened with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="EventKind"/>.</exception>
    public static EventDate SameDayAs(EventKind kind) => Relative(DateRelation.SameDay, kind);

    // Marks the timeline helpers put on the dates they return for First(kind) and Last(kind), so that comparing two such
    // dates can use the order of the events when the calendar does not decide it. Never written in a file; shown as the
    // calendar part alone.
    internal const DateRelation FirstOfKind = (DateRelation)100;
    internal const DateRelation LastOfKind = (DateRelation)101;

    // The mark for one given event (LastOf a single event): its index in the check's timeline, stored in the kind field.
    internal const DateRelation EventAtIndex = (DateRelation)102;

    /// <summary>The relation as stored (0 when none), including the first/last-of-kind marks.</summary>
    internal DateRelation RawRelation => _relation;

    /// <summary>The kind of <see cref="RawRelation"/>.</summary>
    internal EventKind RawAnchor => _anchor;

    /// <summary>This date with a bound relative to the events of a kind added (a derived event's: "on or before 2010-05-01, and on or before the notice").</summary>
    internal EventDate WithRelation(DateRelation relation, EventKind kind) => new(_earliest, _latest, _form, relation, kind);

    /// <summary>This date without its relative bound.</summary>
    internal EventDate Calendar => _relation == 0 ? this : new(_earliest, _latest, _form);

    private static EventDate Relative(DateRelation relation, EventKind kind) =>
        Enum.IsDefined(kind)
            ? new(null, null, Form.Undated, relation, kind)
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined event kind.");

    /// <summary>An event on a day from <paramref name="earliest"/> to <paramref name="latest"/>, both inclusive.</summary>
    /// <param name="earliest">The first day the event may have happened on.</param>
    /// <param name="latest">The last day the event may have happened on; not before <paramref name="earliest"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="latest"/> is before <paramref name="earliest"/>.</exception>
    public static EventDate Between(DateOnly earliest, DateOnly latest) =>
        latest < earliest
            ? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The range ends ({latest:yyyy-MM-dd}) before it starts ({earliest:yyyy-MM-dd})."),
                nameof(latest))
            : new(earliest, latest, Form.Between);

    /// <summary>An exact date (<see cref="On(DateOnly)"/>).</summary>
    /// <param name="date">The day.</param>
    public static implicit operator EventDate(DateOnly date) => On(date);

    /// <summary>Whether two dates are the same value (same days, written the same way).</summary>
    /// <param name="left">One date.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(EventDate left, EventDate right) => left.Equals(right);

    /// <summary>Whether two dates are different values.</summary>
    /// <param name="left">One date.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(EventDate left, EventDate right) => !left.Equals(right);

    /// <summary>
    /// Reads a date in any of the forms <see cref="ToString"/> writes: <c>2009-07-15</c>, <c>2009-07</c>, <c>2009</c>,
    /// <c>before 2010-05-01</c>, <c>on or before 2010-05-01</c>, <c>after 2010-05-01</c>, <c>on or after 2010-05-01</c>,
    /// <c>between 2009-01-01 and 2009-03-31</c> or <c>undated</c>, or a bound relative to another kind of event:
    /// <c>before noticePublished</c>, <c>on or before noticePublished</c> (also <c>by noticePublished</c>),
    /// <c>after intentionsShared</c>, <c>on or after intentionsShared</c>, <c>same day as tenderDecision</c>. Words and
    /// event kinds are matched ignoring case and extra spaces; days are ISO 8601 (<c>yyyy-MM-dd</c>).
    /// </summary>
    /// <param name="text">The text; <see langword="null"/> or blank is not a date.</param>
    /// <param name="date">The date read; <see cref="Undated"/> when the text is not a date.</param>
    /// <returns>Whether the text is a date in one of the forms (a range must not end before it starts).</returns>
    public static bool TryParse(string? text, out EventDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words.Length)
        {
            case 1 when Is(words[0], "undated"):
                return true;
            case 1:
                return TryParseCalendar(words[0], out date);
            case 2 when TryKind(words[1], out var kind) && RelationWord(words[0]) is { } relation:
                date = Relative(relation, kind);
                return true;
            case 4 when Is(words[0], "on") && Is(words[1], "or") && TryKind(words[3], out var kind):
                date = Is(words[2], "before") ? OnOrBefore(kind) : Is(words[2], "after") ? OnOrAfter(kind) : default;
                return !date.IsUndated;
            case 4 when Is(words[0], "same") && Is(words[1], "day") && Is(words[2], "as") && TryKind(words[3], out var kind):
                date = SameDayAs(kind);
                return true;
            case 2 when Is(words[0], "before") && TryDay(words[1], out var day) && day != DateOnly.MinValue:
                date = Before(day);
                return true;
            case 2 when Is(words[0], "after") && TryDay(words[1], out var day) && day != DateOnly.MaxValue:
                date = After(day);
                return true;
            case 4 when Is(words[0], "on") && Is(words[1], "or") && Is(words[2], "before") && TryDay(words[3], out var day):
                date = OnOrBefore(day);
                return true;
            case 4 when Is(words[0], "on") && Is(words[1], "or") && Is(words[2], "after") && TryDay(words[3], out var day):
                date = OnOrAfter(day);
                return true;
            case 4 when Is(words[0], "between") && Is(words[2], "and") && TryDay(words[1], out var from) && TryDay(words[3], out var to) && from <= to:
                date = Between(from, to);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a date as <see cref="TryParse(string?, out EventDate)"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not a date in one of the accepted forms.</exception>
    public static EventDate Parse(string text) =>
        TryParse(text, out var date)
            ? date
            : throw new FormatException(
                $"'{text}' is not a date: write 2009-07-15, 2009-07, 2009, before 2010-05-01, on or before 2010-05-01, "
                + "after 2010-05-01, on or after 2010-05-01, between 2009-01-01 and 2009-03-31, undated, or relative to "
                + "another kind of event: before noticePublished, by noticePublished, after intentionsShared, on or after "
                + "intentionsShared, same day as tenderDecision.");

    /// <summary>
    /// Whether this event was strictly before <paramref name="other"/>: <see langword="true"/> when every possible day
    /// of this one is before every possible day of the other, <see langword="false"/> when none is, and
    /// <see langword="null"/> (undetermined) when the intervals overlap or either is unbounded on the deciding side.
    /// </summary>
    /// <param name="other">The other date.</param>
    /// <returns>The answer, or <see langword="null"/> when the dates do not decide it.</returns>
    public bool? IsBefore(EventDate other) =>
        _latest is { } latest && other._earliest is { } start && latest < start ? true
        : _earliest is { } earliest && other._latest is { } end && earliest >= end ? false
        : null;

    /// <summary>Whether this event was on or before <paramref name="other"/>; decided and undetermined as <see cref="IsBefore(EventDate)"/>.</summary>
    /// <param name="other">The other date.</param>
    /// <returns>The answer, or <see langword="null"/> when the dates do not decide it.</returns>
    public bool? IsOnOrBefore(EventDate other) =>
        _latest is { } latest && other._earliest is { } start && latest <= start ? true
        : _earliest is { } earliest && other._latest is { } end && earliest > end ? false
        : null;

    /// <summary>Whether this event was strictly after <paramref name="other"/>; decided and undetermined as <see cref="IsBefore(EventDate)"/>.</summary>
    /// <param name="other">The other date.</param>
    /// <returns>The answer, or <see langword="null"/> when the dates do not decide it.</returns>
    public bool? IsAfter(EventDate other) => other.IsBefore(this);

    /// <summary>Whether this event was on or after <paramref name="other"/>; decided and undetermined as <see cref="IsBefore(EventDate)"/>.</summary>
    /// <param name="other">The other date.</param>
    /// <returns>The answer, or <see langword="null"/> when the dates do not decide it.</returns>
    public bool? IsOnOrAfter(EventDate other) => other.IsOnOrBefore(this);

    /// <inheritdoc/>
    public bool Equals(EventDate other) =>
        _form == other._form && _earliest == other._earliest && _latest == other._latest && _relation == other._relation && _anchor == other._anchor;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EventDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_form, _earliest, _latest, _relation, _anchor);

    /// <summary>
    /// The date as written in a procurement file: <c>2009-07-15</c>, <c>2009-07</c>, <c>2009</c>,
    /// <c>before 2010-05-01</c>, <c>on or before 2010-05-01</c>, <c>after 2010-05-01</c>, <c>on or after 2010-05-01</c>,
    /// <c>between 2009-01-01 and 2009-03-31</c>, <c>undated</c>, or a bound relative to another kind of event
    /// (<c>before noticePublished</c>, <c>on or before noticePublished</c>, <c>after intentionsShared</c>,
    /// <c>on or after intentionsShared</c>, <c>same day as tenderDecision</c>).
    /// <see cref="TryParse(string?, out EventDate)"/> reads it back. A date with both (only a derived event's) shows
    /// its calendar part.
    /// </summary>
    public override string ToString() => _form switch
    {
        Form.Undated when _relation is > 0 and <= DateRelation.SameDay => RelationText(_relation) + KindName(_anchor),
        Form.Day => Day(_earliest!.Value),
        Form.Month => _earliest!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Form.Year => _earliest!.Value.Year.ToString("D4", CultureInfo.InvariantCulture),
        Form.Before => "before " + Day(_latest!.Value.AddDays(1)),
        Form.OnOrBefore => "on or before " + Day(_latest!.Value),
        Form.After => "after " + Day(_earliest!.Value.AddDays(-1)),
        Form.OnOrAfter => "on or after " + Day(_earliest!.Value),
        Form.Between => "between " + Day(_earliest!.Value) + " and " + Day(_latest!.Value),
        _ => "undated",
    };

    private static string Day(DateOnly date) => date.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static string RelationText(DateRelation relation) => relation switch
    {
        DateRelation.Before => "before ",
        DateRelation.OnOrBefore => "on or before ",
        DateRelation.After => "after ",
        DateRelation.OnOrAfter => "on or after ",
        _ => "same day as ",
    };

    /// <summary>The kind as files write it (<c>noticePublished</c>).</summary>
    private static string KindName(EventKind kind)
    {
        var name = kind.ToString();
        return name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }

    private static DateRelation? RelationWord(string word) =>
        Is(word, "before") ? DateRelation.Before
        : Is(word, "by") ? DateRelation.OnOrBefore
        : Is(word, "after") ? DateRelation.After
        : null;

    /// <summary>An event kind by its name (ignoring case); never a number, so that <c>before 2010</c> is not a kind.</summary>
    private static bool TryKind(string word, out EventKind kind)
    {
        kind = default;
        return word.Length > 0 && char.IsLetter(word[0]) && Enum.TryParse(word, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static bool Is(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static bool TryParseCalendar(string text, out EventDate date)
    {
        date = default;
        if (TryDay(text, out var day))
        {
            date = On(day);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && AllDigits(text.AsSpan(0, 4)) && AllDigits(text.AsSpan(5, 2)))
        {
            var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            var month = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (year is >= 1 and <= 9999 && month is >= 1 and <= 12)
            {
                date = InMonth(year, month);
                return true;
            }

            return false;
        }

        if (text.Length == 4 && AllDigits(text.AsSpan()))
        {
            var year = int.Parse(text.AsSpan(), NumberStyles.None, CultureInfo.InvariantCulture);
            if (year >= 1)
            {
                date = InYear(year);
                return true;
            }
        }

        return false;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
