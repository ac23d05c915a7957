using System;
using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Checking;

/// <summary>
/// The date that decides whether a pack's period covers a procurement (<see cref="RulePack.DecidedBy"/>), as a span of
/// possible days, and how such a span relates to a period. Written by hand: a few comparisons of days.
/// </summary>
internal static class DecidingDates
{
    /// <summary>The event kinds whose date bounds commencement from above when no <c>processCommenced</c> is recorded: a notice, an offer or an award shows the process had commenced by then.</summary>
    private static readonly EventKind[] AfterCommencement =
    {
        EventKind.NoticePublished, EventKind.MostSuitableProviderNoticeSubmitted, EventKind.IntentionToAwardPublished,
        EventKind.BidReceived, EventKind.ContractAwarded, EventKind.AwardNoticeSubmitted, EventKind.UnsuccessfulProvidersInformed,
    };

    /// <summary>Whether the procurement is a modification of a contract (decided by the modification's date under the PSR).</summary>
    public static bool IsModification(ProposedProcurement procurement) =>
        procurement.Selection?.Process is SelectionProcess.ContractModification or SelectionProcess.UrgentModification;

    /// <summary>
    /// The possible days of the deciding date; <see langword="null"/> when the record gives no bound at all. For
    /// <see cref="DecidingDate.Commencement"/>: the first <c>processCommenced</c> (for a modification, <c>contractModified</c>)
    /// event; failing that, on or before the earliest notice, offer or award. Dates relative to other events count for
    /// their calendar bounds only.
    /// </summary>
    public static EventDate? Of(ProposedProcurement procurement, DecidingDate by)
    {
        if (by == DecidingDate.Decision)
        {
            return procurement.DecisionDate is { } decided ? EventDate.On(decided) : null;
        }

        var kind = IsModification(procurement) ? EventKind.ContractModified : EventKind.ProcessCommenced;
        var first = new DateSpan(last: false);
        DateOnly? byThen = null;
        foreach (var e in procurement.Timeline ?? Array.Empty<TimelineEvent>())
        {
            if (e is null)
            {
                continue;
            }

            if (e.Kind == kind)
            {
                first.Add(e.Date.Calendar);
            }
            else if (kind == EventKind.ProcessCommenced && Array.IndexOf(AfterCommencement, e.Kind) >= 0 && e.Date.Calendar.Latest is { } latest)
            {
                byThen = byThen is null || latest < byThen ? latest : byThen;
            }
        }

        if (first.Result() is { } span)
        {
            // A recorded commencement later than a notice or award cannot be: the notice bounds it too.
            return byThen is { } cap && (span.Latest is null || cap < span.Latest)
                ? DateSpan.Interval(span.Earliest is { } lo && lo <= cap ? lo : null, cap)
                : span;
        }

        return byThen is { } bound ? EventDate.OnOrBefore(bound) : null;
    }

    /// <summary>Whether every possible day of <paramref name="date"/> is in the period (true), none is (false), or some are (null).</summary>
    public static bool? Within(EventDate date, DateOnly from, DateOnly? until)
    {
        var earliest = date.Earliest;
        var latest = date.Latest;
        if ((latest is { } l && l < from) || (until is { } u && earliest is { } e && e > u))
        {
            return false;
        }

        if (earliest is { } s && s >= from && (until is null || (latest is { } t && t <= until.Value)))
        {
            return true;
        }

        return null;
    }

    /// <summary>
    /// The span of the timeline's dated events, from the earliest lower bound any gives to the latest upper bound (open
    /// only when no event bounds that side); null when no event has a calendar date. What the record shows of when the procurement happened, for
    /// choosing a pack when its deciding date is not recorded.
    /// </summary>
    public static EventDate? TimelineSpan(ProposedProcurement procurement)
    {
        DateOnly? earliest = null, latest = null;
        bool openStart = false, openEnd = false, any = false;
        foreach (var e in procurement.Timeline ?? Array.Empty<TimelineEvent>())
        {
            if (e is null || e.Date.Calendar is not { IsUndated: false } date || (date.Earliest is null && date.Latest is null))
            {
                continue;
            }

            any = true;
            if (date.Earliest is { } lo)
            {
                earliest = earliest is null || lo < earliest ? lo : earliest;
            }
            else
            {
                openStart = true;
            }

            if (date.Latest is { } hi)
            {
                latest = latest is null || hi > latest ? hi : latest;
            }
            else
            {
                openEnd = true;
            }
        }

        // An open bound ("on or before 2025-03-03") is left open only when no other event bounds that side: the other
        // events still place the procurement, and this is a stated inference for choosing a pack, not a deciding date.
        return any ? DateSpan.Interval(openStart && earliest is null ? null : earliest, openEnd && latest is null ? null : latest) : null;
    }

    /// <summary>Words for a span of dates: "from 2010-01 to 2011-03", "on 2010-05-01", "on or before 2010-05-01".</summary>
    public static string Describe(EventDate span) => span.Earliest is { } lo && span.Latest is { } hi && lo != hi
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"from {lo:yyyy-MM-dd} to {hi:yyyy-MM-dd}")
        : span.IsExact ? "on " + span : span.ToString();

    /// <summary>Words for a deciding date and where it came from, for reports: "commenced 2024-03 (processCommenced)".</summary>
    public static string Describe(ProposedProcurement procurement, DecidingDate by, EventDate date) => by switch
    {
        DecidingDate.Decision => $"decided {date}",
        _ when IsModification(procurement) => $"modified {date}",
        _ => $"commenced {date}",
    };
}
