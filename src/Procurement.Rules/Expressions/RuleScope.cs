using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
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
    /// <summary>"timeline.&lt;kind&gt;" and "timeline.oversightSignOff.&lt;body&gt;", the names of missing events, built once.</summary>
    private static readonly string[] MissingEventNames = Enum.GetValues<EventKind>().Select(k => "timeline." + Names.Camel(k)).ToArray();
    private static readonly string[] MissingDateNames = Enum.GetValues<EventKind>().Select(k => "timeline." + Names.Camel(k) + ".date").ToArray();
    private static readonly string[] MissingSignOffNames = Enum.GetValues<OversightBody>().Select(b => "timeline.oversightSignOff." + Names.Camel(b)).ToArray();

    /// <summary>One scope per thread, reused check after check: a check allocates no scope.</summary>
    [ThreadStatic]
    private static RuleScope? Spare;

    private ProposedProcurement _procurement;
    private List<string>? _missing;

    // Imprecise dates that First, Last and LastOf gave in this rule, with the fact each stands for
    // ("timeline.tenderDecision.date"), so that an undecided comparison names it.
    private List<(EventDate Date, string Name)>? _dateSources;

    // The evaluation budget of the rule being evaluated (see EvaluationBudget), set for each rule by StartBudget.
    private long _steps;
    private long _stepsLeft;
    private long _charsLeft;

    // The timeline as an array, read once per check (see Events).
    private TimelineEvent[]? _events;
    private TimelineEvent[]? _ownEvents;
    private int _eventCount = -1;

    // Events the pack's inferences derived for this check (see SetDerived); read after the recorded ones.
    private TimelineEvent[]? _derived;

    // The timeline's order when some dates are relative to other events (built with the events; null when none is).
    private RelativeOrder? _order;

    public RuleScope(ProposedProcurement procurement)
    {
        _procurement = procurement;
    }

    /// <summary>A scope for one check on this thread: this thread's spare one when free, else a new one.</summary>
    internal static RuleScope Rent(ProposedProcurement procurement)
    {
        var scope = Spare;
        if (scope is null)
        {
            return new RuleScope(procurement);
        }

        Spare = null;
        scope._procurement = procurement;
        scope._steps = 0;
        return scope;
    }

    /// <summary>Gives the next rule its own budget: <see cref="EvaluationBudget.Steps(ProposedProcurement)"/> steps and <see cref="EvaluationBudget.MaxTextCharacters"/> characters.</summary>
    internal void StartBudget()
    {
        if (_steps == 0)
        {
            try
            {
                _steps = EvaluationBudget.Steps(_procurement);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A caller's own list type whose Count throws: the rule reading it will fail on its own; the budget
                // must not take the check down.
                _steps = EvaluationBudget.BaseSteps;
            }
        }

        _stepsLeft = _steps;
        _charsLeft = EvaluationBudget.MaxTextCharacters;
        _dateSources?.Clear();
    }

    /// <summary>Counts <paramref name="steps"/> steps of work against the rule's budget; throws once it is spent.</summary>
    internal void Charge(long steps)
    {
        _stepsLeft -= steps;
        if (_stepsLeft < 0)
        {
            EvaluationBudgetExceededException.ThrowSteps(_steps);
        }
    }

    /// <summary>Counts text about to be built against the rule's character budget (and one step per 64 characters).</summary>
    internal void ChargeText(long characters)
    {
        _charsLeft -= characters;
        if (_charsLeft < 0)
        {
            EvaluationBudgetExceededException.ThrowText();
        }

        Charge(1 + (characters >> 6));
    }

    /// <summary>Gives a scope back after its check; it keeps no reference to the procurement.</summary>
    internal static void Return(RuleScope scope)
    {
        scope._procurement = null!;
        scope._missing?.Clear();
        if (scope._eventCount > 0 && ReferenceEquals(scope._events, scope._ownEvents))
        {
            Array.Clear(scope._ownEvents!, 0, scope._eventCount);
        }

        scope._events = null;
        scope._eventCount = -1;
        scope._derived = null;
        scope._order = null;
        Spare = scope;
    }

    /// <summary>
    /// The timeline's events as a span, read once per check: the procurement's own array when it is one (as files give),
    /// else a copy into this scope's reused buffer. The helpers loop over it, so their cost does not depend on the
    /// list type a caller built, or on which list types the runtime's profile has seen.
    /// </summary>
    private ReadOnlySpan<TimelineEvent> Events()
    {
        if (_eventCount >= 0)
        {
            // Every helper that asks walks the timeline: its length counts against the rule's budget.
            Charge(_eventCount + 1);
            return new ReadOnlySpan<TimelineEvent>(_events, 0, _eventCount);
        }

        var timeline = _procurement.Timeline;
        if (_derived is not null)
        {
            return WithDerived(timeline, _derived);
        }

        if (timeline is null || timeline.Count == 0)
        {
            _eventCount = 0;
            return default;
        }

        if (timeline is TimelineEvent[] array)
        {
            _events = array;
        }
        else
        {
            if (_ownEvents is null || _ownEvents.Length < timeline.Count)
            {
                _ownEvents = new TimelineEvent[Math.Max(timeline.Count, 16)];
            }

            for (var i = 0; i < timeline.Count; i++)
            {
                _ownEvents[i] = timeline[i];
            }

            _events = _ownEvents;
        }

        _eventCount = timeline.Count;
        return Loaded();
    }

    /// <summary>The events just loaded, with their order built when some dates are relative to other events.</summary>
    private ReadOnlySpan<TimelineEvent> Loaded()
    {
        var events = new ReadOnlySpan<TimelineEvent>(_events, 0, _eventCount);
        Charge(_eventCount + 1);
        _order = null;
        if (RelativeOrder.AnyRelative(events))
        {
            // Building the order is linear per round (see RelativeOrder's limits); it counts against the rule that
            // first reads the timeline.
            Charge(4L * (_eventCount + 1));
            _order = RelativeOrder.Build(events);
        }

        return events;
    }

    /// <summary>An event's date as the helpers compare it: narrowed by the relative dates when there are any.</summary>
    private EventDate DateAt(int index, TimelineEvent e) => _order is { } order ? order.DateOf(index) : e.Date;

    /// <summary>Whether event <paramref name="index"/> is in the order to the date: by the calendar, then by the relative dates.</summary>
    private bool? OrderedAt(int index, TimelineEvent e, EventDate date, DateOrder order)
    {
        var byCalendar = Ordered(DateAt(index, e), date.Calendar, order);
        return byCalendar is null && _order is { } relative ? relative.Ordered(index, date, order) : byCalendar;
    }

    /// <summary>
    /// Gives the helpers the events the pack's inferences derived (docs/writing-rules.md, "Derived facts"): they read them
    /// after the recorded ones, as if recorded. Set before the first helper reads the timeline; cleared by <see cref="Return"/>.
    /// </summary>
    internal void SetDerived(TimelineEvent[] derived)
    {
        _derived = derived.Length > 0 ? derived : null;
        _eventCount = -1;
        _events = null;
        _order = null;
    }

    /// <summary>The recorded events then the derived ones, copied once per check into this scope's buffer.</summary>
    private ReadOnlySpan<TimelineEvent> WithDerived(IReadOnlyList<TimelineEvent>? timeline, TimelineEvent[] derived)
    {
        var recorded = timeline?.Count ?? 0;
        var total = recorded + derived.Length;
        if (_ownEvents is null || _ownEvents.Length < total)
        {
            _ownEvents = new TimelineEvent[Math.Max(total, 16)];
        }

        for (var i = 0; i < recorded; i++)
        {
            _ownEvents[i] = timeline![i];
        }

        derived.CopyTo(_ownEvents, recorded);
        _events = _ownEvents;
        _eventCount = total;
        return Loaded();
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

    public ProviderSelection? Selection => _procurement.Selection;

    public IReadOnlyList<ConflictOfInterest>? ConflictsOfInterest => _procurement.ConflictsOfInterest;

    // ---- Timeline helpers ----
    //
    // An event's date is the interval of days it may have happened on (EventDate.Earliest..Latest, an open end
    // unbounded). An ordering question is decided when the intervals do not overlap; when they do, the helper answers
    // false and names the imprecise date (timeline.<kind>.date) as the missing fact, so the rule is undetermined. An
    // undated event counts for "did it happen" but never for "before X".

    /// <summary>Whether an event of the kind happened. Undetermined when none is recorded and the timeline is not complete for it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool Happened(EventKind kind) => AtLeastBefore(1, kind, (EventDate?)null);

    /// <summary>
    /// Whether an event of the kind happened strictly before the date (any time when the date is null). Undetermined
    /// when an event's date and the date overlap (naming the imprecise date) and no event is surely before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedBefore(EventKind kind, EventDate? date) => AtLeastBefore(1, kind, date);

    /// <summary>As <see cref="HappenedBefore(EventKind, EventDate?)"/>, for an exact date such as a document's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedBefore(EventKind kind, DateOnly? date) => AtLeastBefore(1, kind, Exact(date));

    /// <summary>
    /// Whether an event of either kind happened. Decided by any recorded event of either kind; when none is recorded,
    /// undetermined unless the timeline is complete for both kinds.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedAny(EventKind first, EventKind second)
    {
        if (CountBefore(first, (EventDate?)null) > 0 || CountBefore(second, (EventDate?)null) > 0)
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool AtLeast(int count, EventKind kind) => AtLeastBefore(count, kind, (EventDate?)null);

    /// <summary>
    /// Whether at least <paramref name="count"/> events of the kind happened strictly before the date (any time when
    /// the date is null). Enough events surely before it decide it; when enough only may be (their dates overlap the
    /// date), the imprecise dates are the missing facts; too few decide it only when the timeline is complete for the
    /// kind, otherwise the kind is reported as a missing fact.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool AtLeastBefore(int count, EventKind kind, EventDate? date)
    {
        var (sure, maybe) = CountOrdered(kind, date, DateOrder.Before);
        if (sure >= count)
        {
            return true;
        }

        if (sure + maybe >= count)
        {
            NoteImpreciseDates(kind, date);
        }
        else if (!IsComplete(kind) && !CompleteSoFarBefore(kind, date) && !ListedBefore(kind, date))
        {
            NoteMissingEvents(kind);
        }

        return false;
    }

    /// <summary>As <see cref="AtLeastBefore(int, EventKind, EventDate?)"/>, for an exact date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool AtLeastBefore(int count, EventKind kind, DateOnly? date) => AtLeastBefore(count, kind, Exact(date));

    /// <summary>
    /// Whether the kind has not happened yet: the timeline is complete so far for it
    /// (<see cref="ProposedProcurement.TimelineCompleteSoFarFor"/>) and lists none. Never unknown. A rule that skips a
    /// step no event of which is recorded (<c>Count(kind) == 0 || ...</c>) does not skip one that is still to come, whose
    /// <see cref="First(EventKind)"/> is after every recorded event.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool NotYet(EventKind kind) => !IsComplete(kind) && IsCompleteSoFar(kind) && CountBefore(kind, (EventDate?)null) == 0;

    /// <summary>The number of recorded events of the kind (a lower bound unless the timeline is complete for it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Count(EventKind kind) => CountBefore(kind, (EventDate?)null);

    /// <summary>
    /// The number of recorded events of the kind surely strictly before the date (any time when the date is null);
    /// when some events' dates overlap the date, their imprecise dates are named as missing facts.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int CountBefore(EventKind kind, EventDate? date)
    {
        var (sure, maybe) = CountOrdered(kind, date, DateOrder.Before);
        if (maybe > 0)
        {
            NoteImpreciseDates(kind, date);
        }

        return sure;
    }

    /// <summary>As <see cref="CountBefore(EventKind, EventDate?)"/>, for an exact date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int CountBefore(EventKind kind, DateOnly? date) => CountBefore(kind, Exact(date));

    /// <summary>
    /// The possible dates of the first event of the kind: from the earliest start to the earliest end of the events'
    /// dates (an event's own date when it alone decides). <see langword="null"/> when the timeline is complete for the
    /// kind and it never happened; undetermined when none is recorded and the timeline is not complete for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? First(EventKind kind) => Extreme(kind, last: false);

    /// <summary>The possible dates of the last event of the kind (latest start to latest end); otherwise as <see cref="First(EventKind)"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? Last(EventKind kind) => Extreme(kind, last: true);

    /// <summary>
    /// The possible dates of the last of the given events (latest start to latest end); <see langword="null"/> when
    /// there are none. For a filtered timeline: <c>LastOf(Timeline.Where(e =&gt; e.Agreed == true))</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? LastOf(IEnumerable<TimelineEvent>? events) => OfEvents(events, last: true);

    /// <summary>
    /// The possible dates of the first of the given events (earliest start to earliest end); <see langword="null"/> when
    /// there are none. For a filtered timeline: <c>FirstOf(Timeline.Where(e =&gt; e.Includes.Contains(EvaluationCriteriaStated)))</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? FirstOf(IEnumerable<TimelineEvent>? events) => OfEvents(events, last: false);

    private EventDate? OfEvents(IEnumerable<TimelineEvent>? events, bool last)
    {
        if (events is null)
        {
            return null;
        }

        var range = new DateSpan(last);
        EventKind? kind = null;
        var oneKind = true;
        var count = 0;
        var single = -1;
        foreach (var e in events)
        {
            Charge(1);
            var index = _order?.IndexOf(e) ?? -1;
            range.Add(index >= 0 ? _order!.DateOf(index) : e.Date.Calendar);
            oneKind &= kind is null || kind == e.Kind;
            kind = e.Kind;
            single = count++ == 0 ? index : -1;
        }

        var result = Remembered(range.Result(), oneKind && kind is { } k ? DateName(k) : null);
        if (result is not { } date || _order is not { } order)
        {
            return result;
        }

        // Marked, so that comparing it can use the order of the events: the one event, or every event of its kind.
        return single >= 0 ? date.WithRelation(EventDate.EventAtIndex, (EventKind)single)
            : oneKind && kind is { } all && order.CountOf(all) == count ? date.WithRelation(last ? EventDate.LastOfKind : EventDate.FirstOfKind, all)
            : date;
    }

    /// <summary>Whether the body signed off or assured the procurement (an <see cref="EventKind.OversightSignOff"/> event, dated or not).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOff(OversightBody body) => SignedOff(body, null, DateOrder.Before);

    /// <summary>Whether the body signed off strictly before the date (any time when the date is null); interval logic as <see cref="HappenedBefore(EventKind, EventDate?)"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOffBefore(OversightBody body, EventDate? date) => SignedOff(body, date, DateOrder.Before);

    /// <summary>As <see cref="SignedOffBefore(OversightBody, EventDate?)"/>, for an exact date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOffBefore(OversightBody body, DateOnly? date) => SignedOff(body, Exact(date), DateOrder.Before);

    /// <summary>
    /// Whether the body signed off on or before the date (any time when the date is null): a sign-off on the day of a
    /// decision counts as given by then.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOffOnOrBefore(OversightBody body, EventDate? date) => SignedOff(body, date, DateOrder.OnOrBefore);

    /// <summary>As <see cref="SignedOffOnOrBefore(OversightBody, EventDate?)"/>, for an exact date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOffOnOrBefore(OversightBody body, DateOnly? date) => SignedOff(body, Exact(date), DateOrder.OnOrBefore);

    /// <summary>
    /// Whether an event of the kind happened strictly after the date (<see langword="false"/> when the date is null).
    /// Undetermined when an event's date overlaps it, or when none is recorded after it and the timeline is not
    /// complete for the kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedAfter(EventKind kind, EventDate? date) => HappenedLater(kind, date, DateOrder.After);

    /// <summary>As <see cref="HappenedAfter(EventKind, EventDate?)"/>, for an exact date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedAfter(EventKind kind, DateOnly? date) => HappenedLater(kind, Exact(date), DateOrder.After);

    /// <summary>Whether an event of the kind happened on or after the date; otherwise as <see cref="HappenedAfter(EventKind, EventDate?)"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedOnOrAfter(EventKind kind, EventDate? date) => HappenedLater(kind, date, DateOrder.OnOrAfter);

    /// <summary>
    /// Whether the eligibility to bid was narrowed (changed to NHS only or to non-NHS only) after the first notice was
    /// published; <see langword="false"/> when no notice was published. Undetermined when a narrowing's date overlaps
    /// the first notice's.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool EligibilityNarrowedAfterNotice()
    {
        var notice = First(EventKind.NoticePublished);
        if (notice is null)
        {
            return false;
        }

        var timeline = Events();
        var maybe = false;
        for (var i = 0; i < timeline.Length; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.EligibilityChanged && e.Eligibility is TenderEligibility.NhsOnly or TenderEligibility.NonNhsOnly)
            {
                var after = OrderedAt(i, e, notice.Value, DateOrder.After);
                if (after == true)
                {
                    return true;
                }

                maybe |= after is null;
            }
        }

        if (maybe)
        {
            NoteImpreciseDates(EventKind.EligibilityChanged, notice);
        }
        else if (!IsComplete(EventKind.EligibilityChanged))
        {
            NoteMissingEvents(EventKind.EligibilityChanged);
        }

        return false;
    }

    // ---- Comparing two dates (decided when the intervals do not overlap; otherwise false, naming the imprecise date) ----

    /// <summary>Whether <paramref name="a"/> is strictly before <paramref name="b"/>; <see langword="false"/> when either is null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool Before(EventDate? a, EventDate? b) => Compare(a, b, DateOrder.Before);

    /// <summary>As <see cref="Before(EventDate?, EventDate?)"/>, for an exact first date such as a document's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool Before(DateOnly? a, EventDate? b) => Compare(Exact(a), b, DateOrder.Before);

    /// <summary>Whether <paramref name="a"/> is on or before <paramref name="b"/>; <see langword="false"/> when either is null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool OnOrBefore(EventDate? a, EventDate? b) => Compare(a, b, DateOrder.OnOrBefore);

    /// <summary>As <see cref="OnOrBefore(EventDate?, EventDate?)"/>, for an exact first date such as a document's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool OnOrBefore(DateOnly? a, EventDate? b) => Compare(Exact(a), b, DateOrder.OnOrBefore);

    /// <summary>Whether <paramref name="a"/> is strictly after <paramref name="b"/>; <see langword="false"/> when either is null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool After(EventDate? a, EventDate? b) => Compare(a, b, DateOrder.After);

    /// <summary>As <see cref="After(EventDate?, EventDate?)"/>, for an exact first date such as a document's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool After(DateOnly? a, EventDate? b) => Compare(Exact(a), b, DateOrder.After);

    /// <summary>Whether <paramref name="a"/> is on or after <paramref name="b"/>; <see langword="false"/> when either is null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool OnOrAfter(EventDate? a, EventDate? b) => Compare(a, b, DateOrder.OnOrAfter);

    /// <summary>As <see cref="OnOrAfter(EventDate?, EventDate?)"/>, for an exact first date such as a document's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool OnOrAfter(DateOnly? a, EventDate? b) => Compare(Exact(a), b, DateOrder.OnOrAfter);

    private static EventDate? Exact(DateOnly? date) => date is { } d ? EventDate.On(d) : null;

    private static bool? Ordered(EventDate a, EventDate b, DateOrder order) => order switch
    {
        DateOrder.Before => a.IsBefore(b),
        DateOrder.OnOrBefore => a.IsOnOrBefore(b),
        DateOrder.After => a.IsAfter(b),
        _ => a.IsOnOrAfter(b),
    };

    private static string DateName(EventKind kind) =>
        (uint)kind < (uint)MissingDateNames.Length ? MissingDateNames[(int)kind] : "timeline." + Names.Camel(kind) + ".date";

    /// <summary>How many events of the kind are surely, and how many may be, in the order to the date (all, surely, when it is null).</summary>
    private (int Sure, int Maybe) CountOrdered(EventKind kind, EventDate? date, DateOrder order)
    {
        var timeline = Events();
        int sure = 0, maybe = 0;
        for (var i = 0; i < timeline.Length; i++)
        {
            var e = timeline[i];
            if (e.Kind != kind)
            {
                continue;
            }

            switch (date is { } d ? OrderedAt(i, e, d, order) : true)
            {
                case true:
                    sure++;
                    break;
                case null:
                    maybe++;
                    break;
            }
        }

        return (sure, maybe);
    }

    private EventDate? Extreme(EventKind kind, bool last)
    {
        var range = new DateSpan(last);
        var timeline = Events();
        for (var i = 0; i < timeline.Length; i++)
        {
            if (timeline[i].Kind == kind)
            {
                range.Add(DateAt(i, timeline[i]));
            }
        }

        if (!range.Any && !IsComplete(kind))
        {
            // Not yet (complete so far, none listed): when it comes, it comes after every event the record lists.
            if (IsCompleteSoFar(kind) && Now() is { } now)
            {
                return Remembered(EventDate.OnOrAfter(now), DateName(kind));
            }

            NoteMissingEvents(kind);
        }

        var result = Remembered(range.Result(), DateName(kind));

        // Marked as the first (last) of the kind, so that comparing it can use the order of the events.
        return result is { } date && _order is not null
            ? date.WithRelation(last ? EventDate.LastOfKind : EventDate.FirstOfKind, kind)
            : result;
    }

    private bool SignedOff(OversightBody body, EventDate? date, DateOrder order)
    {
        var timeline = Events();
        var maybe = false;
        for (var i = 0; i < timeline.Length; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.OversightSignOff && e.Body == body)
            {
                var ordered = date is { } d ? OrderedAt(i, e, d, order) : true;
                if (ordered == true)
                {
                    return true;
                }

                maybe |= ordered is null;
            }
        }

        if (maybe)
        {
            NoteImpreciseDates(EventKind.OversightSignOff, date);
        }
        else if (!IsComplete(EventKind.OversightSignOff) && !SignOffsComplete(body))
        {
            NoteMissing((uint)body < (uint)MissingSignOffNames.Length ? MissingSignOffNames[(int)body] : "timeline.oversightSignOff." + Names.Camel(body));
        }

        return false;
    }

    private bool HappenedLater(EventKind kind, EventDate? date, DateOrder order)
    {
        if (date is null)
        {
            return false;
        }

        var (sure, maybe) = CountOrdered(kind, date, order);
        if (sure > 0)
        {
            return true;
        }

        if (maybe > 0)
        {
            NoteImpreciseDates(kind, date);
        }
        else if (!IsComplete(kind))
        {
            NoteMissingEvents(kind);
        }

        return false;
    }

    private bool Compare(EventDate? a, EventDate? b, DateOrder order)
    {
        if (a is not { } x || b is not { } y)
        {
            return false;
        }

        var ordered = Ordered(x.Calendar, y.Calendar, order);
        if (ordered is null && _order is { } relative)
        {
            ordered = relative.Ordered(x, y, order);
        }

        if (ordered is null)
        {
            NoteSource(x);
            NoteSource(y);
        }

        return ordered == true;
    }

    /// <summary>Names the imprecise dates of an undecided ordering: the kind's events' and, when imprecise, the date compared with.</summary>
    private void NoteImpreciseDates(EventKind kind, EventDate? date)
    {
        var timeline = Events();
        for (var i = 0; i < timeline.Length; i++)
        {
            if (timeline[i].Kind == kind && !DateAt(i, timeline[i]).IsExact)
            {
                NoteMissing(DateName(kind));
                break;
            }
        }

        if (date is { } d)
        {
            NoteSource(d);
        }
    }

    /// <summary>Names where an imprecise date came from (the kind whose <c>First</c> or <c>Last</c> gave it); an exact date is not missing.</summary>
    private void NoteSource(EventDate date)
    {
        date = date.Calendar;
        if (date.IsExact)
        {
            return;
        }

        var named = false;
        foreach (var (value, name) in _dateSources ?? [])
        {
            if (value == date)
            {
                NoteMissing(name);
                named = true;
            }
        }

        // A date read straight off an event (Before(e.Date, ...)): named by the kinds of the events dated so.
        var timeline = Events();
        for (var i = 0; !named && i < timeline.Length; i++)
        {
            if (DateAt(i, timeline[i]) == date)
            {
                NoteMissing(DateName(timeline[i].Kind));
                named = true;
            }
        }

        if (!named)
        {
            NoteMissing("timeline.date");
        }
    }

    /// <summary>The date First, Last or LastOf gives, remembered with the fact it stands for when it is imprecise.</summary>
    private EventDate? Remembered(EventDate? date, string? name)
    {
        if (date is { IsExact: false } d && name is not null)
        {
            RememberSource(d, name);
        }

        return date;
    }

    private void RememberSource(EventDate date, string name)
    {
        _dateSources ??= new List<(EventDate, string)>(2);
        if (!_dateSources.Contains((date, name)))
        {
            _dateSources.Add((date, name));
        }
    }

    // ---- The commissioner's record ----

    /// <summary>
    /// Whether the commissioner's record holds <paramref name="item"/>: false when <c>selection.recordLacks</c> lists it;
    /// true when <c>selection.recordKept</c> lists it; false when that list is everything the record holds (the
    /// default); otherwise (not recorded, or known only in part: <c>recordKeptComplete: false</c>) unknown, naming
    /// <c>selection.recordKept</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool RecordHolds(RecordItem item)
    {
        var selection = _procurement.Selection;
        if (Lists(selection?.RecordLacks, item))
        {
            return false;
        }

        if (selection?.RecordKept is { } kept)
        {
            if (Lists(kept, item))
            {
                return true;
            }

            if (selection.RecordKeptComplete != false)
            {
                return false;
            }
        }

        NoteMissing("selection.recordKept");
        return false;
    }

    /// <summary>
    /// Whether the notice <paramref name="notice"/> contains <paramref name="item"/>: true when its <c>includes</c>
    /// lists it; otherwise false when the list is everything the notice contains (the default), and unknown, naming
    /// <c>includes</c>, when the list is only what is known to be in it (<c>includesComplete: false</c>) or is not
    /// recorded. Use it rather than <c>e.Includes.Contains(...)</c>, which cannot see a partial list.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool NoticeHolds(TimelineEvent? notice, NoticeItem item)
    {
        if (notice?.Includes is not { } items)
        {
            NoteMissing("includes");
            return false;
        }

        if (Lists(items, item))
        {
            return true;
        }

        if (notice.IncludesComplete == false)
        {
            NoteMissing("includes");
        }

        return false;
    }

    // ---- Deadlines (the Provider Selection Regime's days and working days) ----

    /// <summary>
    /// The date <paramref name="days"/> calendar days after <paramref name="date"/> (before it when negative): exact
    /// when the date is, else the span its bounds give. Null when the date is null.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? AddDays(EventDate? date, int days) =>
        Shift(date, d => (long)d.DayNumber + days is var n && n >= DateOnly.MinValue.DayNumber && n <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)n) : null);

    /// <summary>
    /// The date <paramref name="days"/> working days in England after <paramref name="date"/> (Provider Selection Regime
    /// regulation 12(12): not a Saturday, Sunday or public holiday; the holidays are the data in
    /// <c>rules/calendars/england.yaml</c>). Exact when the date is, else the span its bounds give; a bound outside the
    /// years the calendar covers is unknown rather than guessed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? AddWorkingDays(EventDate? date, int days) =>
        Shift(date, d => EnglandCalendar.AddWorkingDays(d, days), beyond: CalendarFact);

    /// <summary>
    /// The last day of the standstill period after a notice of intention to award published on <paramref name="published"/>:
    /// the period begins the day after publication and, when no representations are made, ends at midnight at the end of
    /// the 8th working day after the day it began (regulation 12(2) and (9)). A contract may be entered into only after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public EventDate? StandstillEnd(EventDate? published) => AddWorkingDays(AddDays(published, 1), 8);

    /// <summary>
    /// Whether the process commenced on or after <paramref name="date"/> (<c>yyyy-MM-dd</c>): the first
    /// <c>processCommenced</c> event, or for a contract modification the first <c>contractModified</c>. Unknown (and named
    /// as missing) when the record has no such event or its date spans the day. The loader adds it to the conditions of a
    /// rule that applies only from a later version of its pack (a rule's <c>from</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool CommencedOnOrAfter(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kind = _procurement.Selection?.Process is SelectionProcess.ContractModification or SelectionProcess.UrgentModification
            ? EventKind.ContractModified
            : EventKind.ProcessCommenced;
        var mark = MarkMissing();
        var first = First(kind);

        // The date that chose the pack and its version decides the gate too: a notice, offer or award before the day
        // shows the process commenced before it, whatever processCommenced says (or when it is not recorded), so a
        // rule an amendment added never applies to a process the record shows commenced earlier.
        if (Checking.DecidingDates.Of(_procurement, DecidingDate.Commencement) is { Latest: { } latest } && latest < day)
        {
            ForgetSince(mark);
            return false;
        }

        return Compare(first, EventDate.On(day), DateOrder.OnOrAfter);
    }

    /// <summary>The fact named when a deadline falls outside the years the working-day calendar covers.</summary>
    internal const string CalendarFact = "calendar.england";

    /// <summary>
    /// Maps each bound of a date through <paramref name="map"/> (monotonic), keeping the name it stands for when
    /// imprecise. When the map knows nothing of a date the record does give (a working day beyond the calendar's years),
    /// the result is unknown: <paramref name="beyond"/> is named, so the operand is undetermined and the report says
    /// why, rather than blaming an unrelated undated event.
    /// </summary>
    private EventDate? Shift(EventDate? date, Func<DateOnly, DateOnly?> map, string? beyond = null)
    {
        if (date is not { } value)
        {
            return null;
        }

        var calendar = value.Calendar;
        if (calendar.Exact is { } exact)
        {
            if (map(exact) is { } shifted)
            {
                return EventDate.On(shifted);
            }

            return Beyond(beyond);
        }

        var earliest = calendar.Earliest is { } lo ? map(lo) : null;
        var latest = calendar.Latest is { } hi ? map(hi) : null;
        if (earliest is null && latest is null && (calendar.Earliest is not null || calendar.Latest is not null))
        {
            return Beyond(beyond);
        }

        var result = (earliest, latest) switch
        {
            ({ } a, { } b) => EventDate.Between(a, b),
            ({ } a, null) => EventDate.OnOrAfter(a),
            (null, { } b) => EventDate.OnOrBefore(b),
            _ => EventDate.Undated,
        };

        // An undecided comparison with the shifted date names what the original stood for.
        foreach (var (source, name) in _dateSources ?? [])
        {
            if (source == calendar)
            {
                RememberSource(result, name);
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// The result of a shift the map could not make: null with <paramref name="fact"/> named (an unknown operand), or,
    /// with no fact to name, an undated date, which any comparison leaves undecided.
    /// </summary>
    private EventDate? Beyond(string? fact)
    {
        if (fact is null)
        {
            return EventDate.Undated;
        }

        NoteMissing(fact);
        return null;
    }

    // ---- Other helpers ----

    /// <summary>Whether a provider kind is an NHS body (NHS trust, foundation trust, PCT provider arm, or NHS of unknown type).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool IsNhs(ProviderKind? kind) =>
        kind is ProviderKind.NhsTrust or ProviderKind.FoundationTrust or ProviderKind.PctProviderArm or ProviderKind.Nhs;

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier); 0 when either is null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int DaysBetween(DateOnly? from, DateOnly? to) =>
        from is null || to is null ? 0 : to.Value.DayNumber - from.Value.DayNumber;

    /// <summary>
    /// Whole days between two events' dates when both are exact; 0 when either is null. When either is imprecise, 0
    /// and the imprecise date is named as a missing fact (the days are not known).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int DaysBetween(EventDate? from, EventDate? to)
    {
        if (from is not { } a || to is not { } b)
        {
            return 0;
        }

        if (a.Exact is { } x && b.Exact is { } y)
        {
            return y.DayNumber - x.DayNumber;
        }

        NoteSource(a);
        NoteSource(b);
        return 0;
    }

    /// <summary>The incumbents' names joined by " and ", for messages; an incumbent the record does not name is "an unnamed provider".</summary>
    public string IncumbentNames
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
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

            if (contracts.Count == 1)
            {
                return NameOf(contracts[0].Provider);
            }

            Charge(contracts.Count);
            var names = new string[contracts.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = NameOf(contracts[i].Provider);
            }

            return string.Join(" and ", names);
        }
    }

    /// <summary>A provider's name for a message: "an unnamed provider" when the record does not name it.</summary>
    internal static string NameOf(Provider? provider) => provider?.Name ?? "an unnamed provider";

    // ---- Missing-fact tracking (called by helpers and by the code the compiler adds around member reads) ----

    // Three-valued logic (see KleeneRewriter): a sub-expression is unknown when evaluating it noted a missing fact. The
    // names are de-duplicated, so "noted since" is told by a count of notes (_notes), not by the list's length: a mark
    // holds both (the count in the high half, the list's length in the low half). When a known operand decides a result,
    // ForgetSince(mark) drops what was noted since the mark, so only the facts that could change the outcome are named.
    // Every evaluation starts with ResetMissing, which zeroes the count.
    private int _notes;

    internal bool HasMissing => _missing is { Count: > 0 };

    internal void ResetMissing()
    {
        _missing?.Clear();
        _notes = 0;
    }

    internal IReadOnlyList<string> TakeMissing()
    {
        _notes = 0;
        if (_missing is not { Count: > 0 })
        {
            return Array.Empty<string>();
        }

        var taken = _missing.ToArray();
        _missing.Clear();
        return taken;
    }

    /// <summary>The missing-fact state now, to ask later whether anything was noted since (an int pair in a long: no allocation).</summary>
    internal long MarkMissing() => ((long)_notes << 32) | (uint)(_missing?.Count ?? 0);

    /// <summary>Whether no missing fact was noted since the mark: the value computed since is known.</summary>
    internal bool KnownSince(long mark) => _notes == (int)(mark >> 32);

    /// <summary>Forgets the missing facts noted since the mark: a known operand decided the result without them.</summary>
    internal void ForgetSince(long mark)
    {
        _notes = (int)(mark >> 32);
        var length = (int)(uint)mark;
        if (_missing is { } missing && missing.Count > length)
        {
            missing.RemoveRange(length, missing.Count - length);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void NoteMissing(string fact)
    {
        _notes++;
        _missing ??= new List<string>(2);
        if (!_missing.Contains(fact))
        {
            _missing.Add(fact);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal T? TrackRef<T>(T? value, string fact)
        where T : class
    {
        if (value is null)
        {
            NoteMissing(fact);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal T? TrackValue<T>(T? value, string fact)
        where T : struct
    {
        if (value is null)
        {
            NoteMissing(fact);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal IReadOnlyList<T> TrackList<T>(IReadOnlyList<T>? value, string fact)
    {
        if (value is null)
        {
            NoteMissing(fact);
            return Array.Empty<T>();
        }

        return value;
    }

    /// <summary>
    /// Whether the recorded route says there was no tender, so a decision to tender or a notice not recorded did not
    /// happen: a direct award, a contract variation, a merger, an acquisition or a franchise is not a competition
    /// (docs/procurement-files.md, "What a record implies").
    /// </summary>
    internal static bool NoTenderByRoute(ProposedProcurement procurement, EventKind kind) =>
        kind is EventKind.TenderDecision or EventKind.NoticePublished
        && procurement.Tender?.Route is ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation
            or ProcurementRoute.Merger or ProcurementRoute.Acquisition or ProcurementRoute.Franchise;

    /// <summary>Whether the record lists every sign-off of the body (<see cref="ProposedProcurement.SignOffsCompleteFor"/>).</summary>
    private bool SignOffsComplete(OversightBody body) => Lists(_procurement.SignOffsCompleteFor, body);

    /// <summary>Whether the record lists every event of the kind so far (<see cref="ProposedProcurement.TimelineCompleteSoFarFor"/>).</summary>
    private bool IsCompleteSoFar(EventKind kind) => Lists(_procurement.TimelineCompleteSoFarFor, kind);

    /// <summary>Whether a recorded list of enum values holds <paramref name="wanted"/>, charged to the budget by its length; false when not recorded.</summary>
    private bool Lists<T>(IReadOnlyList<T>? items, T wanted)
        where T : struct, Enum
    {
        if (items is null)
        {
            return false;
        }

        Charge(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(items[i], wanted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every event of a kind complete so far that is before the date is listed: so when the date is surely no
    /// later than the latest day the record speaks from (<see cref="Now"/>), since an event still to come is not before it.
    /// </summary>
    private bool CompleteSoFarBefore(EventKind kind, EventDate? date) =>
        date is { Latest: { } latest } && IsCompleteSoFar(kind) && Now() is { } now && latest <= now;

    /// <summary>
    /// Whether every event of the kind before the date is listed because the record says none was missed before the
    /// first event of another kind (<see cref="ProposedProcurement.TimelineCompleteBefore"/>) and the date is surely on
    /// or before that event: by the calendar, or by the order of the events (a decision inferred on or before the
    /// notice). Names no missing fact: when it does not hold, the caller names the kind as before.
    /// </summary>
    private bool ListedBefore(EventKind kind, EventDate? date)
    {
        if (date is not { } d || _procurement.TimelineCompleteBefore is not { } entries)
        {
            return false;
        }

        Charge(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { Before: { } anchor, Kinds: { } kinds } && kinds.Contains(kind)
                && CountBefore(anchor, (EventDate?)null) > 0 && Extreme(anchor, last: false) is { } first)
            {
                var ordered = Ordered(d.Calendar, first.Calendar, DateOrder.OnOrBefore);
                if (ordered is null && _order is { } relative)
                {
                    ordered = relative.Ordered(d, first, DateOrder.OnOrBefore);
                }

                if (ordered == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The latest day the record surely speaks from: the latest of its events' earliest days (null when none is dated).
    /// An event of a kind complete so far that is not listed has not happened yet, so it is on or after this day.
    /// </summary>
    private DateOnly? Now()
    {
        DateOnly? now = null;
        var timeline = Events();
        for (var i = 0; i < timeline.Length; i++)
        {
            if (DateAt(i, timeline[i]).Earliest is { } day && (now is null || day > now))
            {
                now = day;
            }
        }

        return now;
    }

    private bool IsComplete(EventKind kind)
    {
        if (_procurement.TimelineComplete == true || NoTenderByRoute(_procurement, kind))
        {
            return true;
        }

        return Lists(_procurement.TimelineCompleteFor, kind);
    }

    private void NoteMissingEvents(EventKind kind) =>
        NoteMissing((uint)kind < (uint)MissingEventNames.Length ? MissingEventNames[(int)kind] : "timeline." + Names.Camel(kind));
}
