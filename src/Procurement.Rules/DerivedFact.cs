using System;
using System.Diagnostics;
using Procurement.Model;

namespace Procurement.Rules;

/// <summary>
/// A fact the engine derived from what the record says, with where it came from: for example "decision to tender: on or
/// before 2010-05-01, inferred from noticePublished on 2010-05-01". Derived by an inference of the pack
/// (<c>inferences.yaml</c> beside <c>pack.yaml</c>); never derived when the record states a fact of the same kind.
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class DerivedFact
{
    internal DerivedFact(EventKind kind, EventDate date, string inferenceId, string reason, string from)
    {
        Kind = kind;
        Date = date;
        InferenceId = inferenceId;
        Reason = reason;
        From = from;
    }

    /// <summary>The kind of the derived event, as if it were in the timeline.</summary>
    public EventKind Kind { get; }

    /// <summary>
    /// When the derived event happened, as precisely as the source allows: typically on or before the source's latest
    /// possible date (<see cref="EventDate.OnOrBefore(DateOnly)"/>); undated when the source's date has no upper bound.
    /// </summary>
    public EventDate Date { get; }

    /// <summary>The id of the pack's inference that derived it.</summary>
    public string InferenceId { get; }

    /// <summary>Why the source implies the fact, in plain words.</summary>
    public string Reason { get; }

    /// <summary>What it was inferred from: the source event's kind and date, for example <c>noticePublished on 2010-05-01</c>.</summary>
    public string From { get; }

    /// <summary>Formats the fact as <c>decision to tender: on or before 2010-05-01, inferred from noticePublished on 2010-05-01</c>.</summary>
    public override string ToString() => $"{Describe(Kind)}: {Date}, inferred from {From}";

    /// <summary>How a source event reads in <see cref="From"/>: <c>noticePublished on 2010-05-01</c>, <c>bidReceived in 2010-05</c>, <c>bidReceived (undated)</c>.</summary>
    internal static string Source(EventKind kind, EventDate date) => Names.Camel(kind) + date.Precision switch
    {
        DatePrecision.Day => " on " + date,
        DatePrecision.Month or DatePrecision.Year => " in " + date,
        DatePrecision.Undated => " (undated)",
        _ => " " + date,
    };

    /// <summary>
    /// The date of an event derived from a source dated <paramref name="source"/>: on or before its latest possible day
    /// (undated when it has none), or the source's own date for an inference that derives on it.
    /// </summary>
    internal static EventDate Following(EventDate source, bool onSourceDate) =>
        onSourceDate ? source : source.Latest is { } latest ? EventDate.OnOrBefore(latest) : EventDate.Undated;

    /// <summary>The order derived facts are listed in: by kind, then inference, then source.</summary>
    internal static int Compare(DerivedFact a, DerivedFact b) =>
        a.Kind != b.Kind ? ((int)a.Kind).CompareTo((int)b.Kind) // not Enum.CompareTo, which boxes both
        : !string.Equals(a.InferenceId, b.InferenceId, StringComparison.Ordinal) ? string.CompareOrdinal(a.InferenceId, b.InferenceId)
        : string.CompareOrdinal(a.From, b.From);

    /// <summary>The event kind in plain words, for reports ("decision to tender").</summary>
    internal static string Describe(EventKind kind) => kind switch
    {
        EventKind.TenderDecision => "decision to tender",
        EventKind.DirectAwardDecision => "decision not to tender openly",
        EventKind.NoticePublished => "notice published",
        EventKind.ConcernsRaised => "concerns raised",
        EventKind.AlternativeProvidersEngaged => "alternative providers engaged",
        EventKind.IncumbentEngaged => "existing provider engaged",
        EventKind.AccreditationOpened => "accreditation process opened",
        _ => Names.Camel(kind),
    };
}
