using System;
using System.Collections.Generic;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>
/// The root of every rule expression: the procurement's facts plus the helper functions rule authors may call.
/// One instance serves one check of one procurement on one thread; it records the facts an expression needed but
/// found not recorded, so that the outcome is "undetermined" rather than a guess.
/// </summary>
/// <remarks>
/// Public members here are the expression vocabulary documented in <c>docs/writing-rules.md</c>. Every helper is
/// pure: it reads the procurement and returns a value, never changing anything.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Helpers are instance members so that expressions can call them on the expression root.")]
internal sealed class RuleScope
{
    private readonly ProposedProcurement _procurement;
    private List<string>? _missing;

    public RuleScope(ProposedProcurement procurement)
    {
        _procurement = procurement;
    }

    // ---- The procurement's facts (the model's top-level members) ----

    public Commissioner? Commissioner => _procurement.Commissioner;

    public ServiceDescription? Service => _procurement.Service;

    public Scenario? Scenario => _procurement.Scenario;

    public DateOnly? DecisionDate => _procurement.DecisionDate;

    public IReadOnlyList<Contract>? IncumbentContracts => _procurement.IncumbentContracts;

    public Money? Value => _procurement.Value;

    public int? TermMonths => _procurement.TermMonths;

    public TenderPlan? Tender => _procurement.Tender;

    public IReadOnlyList<TimelineEvent>? Timeline => _procurement.Timeline;

    public IReadOnlyList<Document>? RationaleDocuments => _procurement.RationaleDocuments;

    public IReadOnlyList<Document>? NeedsAssessments => _procurement.NeedsAssessments;

    public IReadOnlyList<QualityMeasure>? QualityMeasures => _procurement.QualityMeasures;

    // ---- Timeline helpers ----

    /// <summary>Whether an event of the kind happened. Undetermined when none is recorded and the timeline is not complete for it.</summary>
    public bool Happened(EventKind kind) => AtLeastBefore(1, kind, null);

    /// <summary>Whether an event of the kind happened strictly before the date (any time when the date is null).</summary>
    public bool HappenedBefore(EventKind kind, DateOnly? date) => AtLeastBefore(1, kind, date);

    /// <summary>
    /// Whether an event of either kind happened. Decided by any recorded event of either kind; when none is recorded,
    /// undetermined unless the timeline is complete for both kinds.
    /// </summary>
    public bool HappenedAny(EventKind first, EventKind second)
    {
        if (CountBefore(first, null) > 0 || CountBefore(second, null) > 0)
        {
            return true;
        }

        if (!IsComplete(first))
        {
            NoteMissingEvents(first);
        }

        if (!IsComplete(second))
        {
            NoteMissingEvents(second);
        }

        return false;
    }

    /// <summary>Whether at least <paramref name="count"/> events of the kind happened.</summary>
    public bool AtLeast(int count, EventKind kind) => AtLeastBefore(count, kind, null);

    /// <summary>
    /// Whether at least <paramref name="count"/> events of the kind happened strictly before the date (any time when
    /// the date is null). Enough recorded events decide it; too few decide it only when the timeline is complete for
    /// the kind, otherwise the kind is reported as a missing fact.
    /// </summary>
    public bool AtLeastBefore(int count, EventKind kind, DateOnly? date)
    {
        if (CountBefore(kind, date) >= count)
        {
            return true;
        }

        if (!IsComplete(kind))
        {
            NoteMissingEvents(kind);
        }

        return false;
    }

    /// <summary>The number of recorded events of the kind (a lower bound unless the timeline is complete for it).</summary>
    public int Count(EventKind kind) => CountBefore(kind, null);

    /// <summary>The number of recorded events of the kind strictly before the date (any time when the date is null).</summary>
    public int CountBefore(EventKind kind, DateOnly? date)
    {
        var timeline = _procurement.Timeline;
        if (timeline is null)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == kind && (date is null || e.Date < date.Value))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The date of the first event of the kind; <see langword="null"/> when the timeline is complete for the kind and
    /// it never happened. Undetermined when none is recorded and the timeline is not complete for it.
    /// </summary>
    public DateOnly? First(EventKind kind)
    {
        DateOnly? first = null;
        var timeline = _procurement.Timeline;
        if (timeline is not null)
        {
            for (var i = 0; i < timeline.Count; i++)
            {
                var e = timeline[i];
                if (e.Kind == kind && (first is null || e.Date < first.Value))
                {
                    first = e.Date;
                }
            }
        }

        if (first is null && !IsComplete(kind))
        {
            NoteMissingEvents(kind);
        }

        return first;
    }

    /// <summary>The date of the last event of the kind; otherwise as <see cref="First(EventKind)"/>.</summary>
    public DateOnly? Last(EventKind kind)
    {
        DateOnly? last = null;
        var timeline = _procurement.Timeline;
        if (timeline is not null)
        {
            for (var i = 0; i < timeline.Count; i++)
            {
                var e = timeline[i];
                if (e.Kind == kind && (last is null || e.Date > last.Value))
                {
                    last = e.Date;
                }
            }
        }

        if (last is null && !IsComplete(kind))
        {
            NoteMissingEvents(kind);
        }

        return last;
    }

    /// <summary>Whether the body signed off or assured the procurement (an <see cref="EventKind.OversightSignOff"/> event).</summary>
    public bool SignedOff(OversightBody body) => SignedOffBefore(body, null);

    /// <summary>Whether the body signed off strictly before the date (any time when the date is null).</summary>
    public bool SignedOffBefore(OversightBody body, DateOnly? date)
    {
        var timeline = _procurement.Timeline;
        if (timeline is not null)
        {
            for (var i = 0; i < timeline.Count; i++)
            {
                var e = timeline[i];
                if (e.Kind == EventKind.OversightSignOff && e.Body == body && (date is null || e.Date < date.Value))
                {
                    return true;
                }
            }
        }

        if (!IsComplete(EventKind.OversightSignOff))
        {
            NoteMissing("timeline.oversightSignOff." + Names.Camel(body));
        }

        return false;
    }

    /// <summary>
    /// Whether the body signed off on or before the date (any time when the date is null): a sign-off on the day of a
    /// decision counts as given by then.
    /// </summary>
    public bool SignedOffOnOrBefore(OversightBody body, DateOnly? date) =>
        SignedOffBefore(body, date is null || date.Value == DateOnly.MaxValue ? date : date.Value.AddDays(1));

    /// <summary>
    /// Whether an event of the kind happened strictly after the date (<see langword="false"/> when the date is null).
    /// Undetermined when none is recorded after it and the timeline is not complete for the kind.
    /// </summary>
    public bool HappenedAfter(EventKind kind, DateOnly? date)
    {
        if (date is null)
        {
            return false;
        }

        var timeline = _procurement.Timeline;
        if (timeline is not null)
        {
            for (var i = 0; i < timeline.Count; i++)
            {
                var e = timeline[i];
                if (e.Kind == kind && e.Date > date.Value)
                {
                    return true;
                }
            }
        }

        if (!IsComplete(kind))
        {
            NoteMissingEvents(kind);
        }

        return false;
    }

    /// <summary>
    /// Whether the eligibility to bid was narrowed (changed to NHS only or to non-NHS only) after the first notice was
    /// published; <see langword="false"/> when no notice was published.
    /// </summary>
    public bool EligibilityNarrowedAfterNotice()
    {
        var notice = First(EventKind.NoticePublished);
        if (notice is null)
        {
            return false;
        }

        var timeline = _procurement.Timeline!;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.EligibilityChanged && e.Date > notice.Value
                && e.Eligibility is TenderEligibility.NhsOnly or TenderEligibility.NonNhsOnly)
            {
                return true;
            }
        }

        if (!IsComplete(EventKind.EligibilityChanged))
        {
            NoteMissingEvents(EventKind.EligibilityChanged);
        }

        return false;
    }

    // ---- Other helpers ----

    /// <summary>Whether a provider kind is an NHS body (NHS trust, foundation trust or PCT provider arm).</summary>
    public bool IsNhs(ProviderKind? kind) =>
        kind is ProviderKind.NhsTrust or ProviderKind.FoundationTrust or ProviderKind.PctProviderArm;

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier); 0 when either is null.</summary>
    public int DaysBetween(DateOnly? from, DateOnly? to) =>
        from is null || to is null ? 0 : to.Value.DayNumber - from.Value.DayNumber;

    /// <summary>The incumbents' names joined by " and ", for messages.</summary>
    public string IncumbentNames
    {
        get
        {
            var contracts = _procurement.IncumbentContracts;
            if (contracts is null)
            {
                NoteMissing("incumbentContracts");
                return string.Empty;
            }

            if (contracts.Count == 0)
            {
                return "no incumbent";
            }

            var names = new string[contracts.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = contracts[i].Provider.Name;
            }

            return string.Join(" and ", names);
        }
    }

    // ---- Missing-fact tracking (called by helpers and by the code the compiler adds around member reads) ----

    internal bool HasMissing => _missing is { Count: > 0 };

    internal void ResetMissing() => _missing?.Clear();

    internal IReadOnlyList<string> TakeMissing()
    {
        if (_missing is not { Count: > 0 })
        {
            return Array.Empty<string>();
        }

        var taken = _missing.ToArray();
        _missing.Clear();
        return taken;
    }

    internal void NoteMissing(string fact)
    {
        _missing ??= new List<string>(2);
        if (!_missing.Contains(fact))
        {
            _missing.Add(fact);
        }
    }

    internal T? TrackRef<T>(T? value, string fact)
        where T : class
    {
        if (value is null)
        {
            NoteMissing(fact);
        }

        return value;
    }

    internal T? TrackValue<T>(T? value, string fact)
        where T : struct
    {
        if (value is null)
        {
            NoteMissing(fact);
        }

        return value;
    }

    internal IReadOnlyList<T> TrackList<T>(IReadOnlyList<T>? value, string fact)
    {
        if (value is null)
        {
            NoteMissing(fact);
            return Array.Empty<T>();
        }

        return value;
    }

    private bool IsComplete(EventKind kind)
    {
        if (_procurement.TimelineComplete == true)
        {
            return true;
        }

        var kinds = _procurement.TimelineCompleteFor;
        if (kinds is null)
        {
            return false;
        }

        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return true;
            }
        }

        return false;
    }

    private void NoteMissingEvents(EventKind kind) => NoteMissing("timeline." + Names.Camel(kind));
}
