using System;
using System.Collections.Generic;
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
    private static readonly string[] MissingSignOffNames = Enum.GetValues<OversightBody>().Select(b => "timeline.oversightSignOff." + Names.Camel(b)).ToArray();

    /// <summary>One scope per thread, reused check after check: a check allocates no scope.</summary>
    [ThreadStatic]
    private static RuleScope? Spare;

    private ProposedProcurement _procurement;
    private List<string>? _missing;

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
        Charge(_eventCount + 1);
        return new ReadOnlySpan<TimelineEvent>(_events, 0, _eventCount);
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
        Charge(_eventCount + 1);
        return new ReadOnlySpan<TimelineEvent>(_events, 0, _eventCount);
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool Happened(EventKind kind) => AtLeastBefore(1, kind, null);

    /// <summary>Whether an event of the kind happened strictly before the date (any time when the date is null).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedBefore(EventKind kind, DateOnly? date) => AtLeastBefore(1, kind, date);

    /// <summary>
    /// Whether an event of either kind happened. Decided by any recorded event of either kind; when none is recorded,
    /// undetermined unless the timeline is complete for both kinds.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool AtLeast(int count, EventKind kind) => AtLeastBefore(count, kind, null);

    /// <summary>
    /// Whether at least <paramref name="count"/> events of the kind happened strictly before the date (any time when
    /// the date is null). Enough recorded events decide it; too few decide it only when the timeline is complete for
    /// the kind, otherwise the kind is reported as a missing fact.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Count(EventKind kind) => CountBefore(kind, null);

    /// <summary>The number of recorded events of the kind strictly before the date (any time when the date is null).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int CountBefore(EventKind kind, DateOnly? date)
    {
        var timeline = Events();
        if (timeline.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < timeline.Length; i++)
        {
            var e = timeline[i];
            if (e.Kind == kind && (date is null || e.Date.Earliest < date.Value))
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public DateOnly? First(EventKind kind)
    {
        DateOnly? first = null;
        var undated = false;
        var timeline = Events();
        if (!timeline.IsEmpty)
        {
            for (var i = 0; i < timeline.Length; i++)
            {
                var e = timeline[i];
                if (e.Kind == kind && e.Date.Earliest is { } day && (first is null || day < first.Value))
                {
                    first = day;
                }

                // An event of the kind with no earliest day (a derived "on or before", an undated record) happened,
                // but not on a day this helper can name: its date is a missing fact, whatever the timeline's completeness.
                undated |= e.Kind == kind && e.Date.Earliest is null;
            }
        }

        if ((first is null && !IsComplete(kind)) || undated)
        {
            NoteMissingEvents(kind);
        }

        return first;
    }

    /// <summary>The date of the last event of the kind; otherwise as <see cref="First(EventKind)"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public DateOnly? Last(EventKind kind)
    {
        DateOnly? last = null;
        var undated = false;
        var timeline = Events();
        if (!timeline.IsEmpty)
        {
            for (var i = 0; i < timeline.Length; i++)
            {
                var e = timeline[i];
                if (e.Kind == kind && e.Date.Earliest is { } day && (last is null || day > last.Value))
                {
                    last = day;
                }

                // An event of the kind with no earliest day (a derived "on or before", an undated record) happened,
                // but not on a day this helper can name: its date is a missing fact, whatever the timeline's completeness.
                undated |= e.Kind == kind && e.Date.Earliest is null;
            }
        }

        if ((last is null && !IsComplete(kind)) || undated)
        {
            NoteMissingEvents(kind);
        }

        return last;
    }

    /// <summary>Whether the body signed off or assured the procurement (an <see cref="EventKind.OversightSignOff"/> event).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOff(OversightBody body) => SignedOffBefore(body, null);

    /// <summary>Whether the body signed off strictly before the date (any time when the date is null).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOffBefore(OversightBody body, DateOnly? date)
    {
        var timeline = Events();
        if (!timeline.IsEmpty)
        {
            for (var i = 0; i < timeline.Length; i++)
            {
                var e = timeline[i];
                if (e.Kind == EventKind.OversightSignOff && e.Body == body && (date is null || e.Date.Earliest < date.Value))
                {
                    return true;
                }
            }
        }

        if (!IsComplete(EventKind.OversightSignOff))
        {
            NoteMissing((uint)body < (uint)MissingSignOffNames.Length ? MissingSignOffNames[(int)body] : "timeline.oversightSignOff." + Names.Camel(body));
        }

        return false;
    }

    /// <summary>
    /// Whether the body signed off on or before the date (any time when the date is null): a sign-off on the day of a
    /// decision counts as given by then.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool SignedOffOnOrBefore(OversightBody body, DateOnly? date) =>
        SignedOffBefore(body, date is null || date.Value == DateOnly.MaxValue ? date : date.Value.AddDays(1));

    /// <summary>
    /// Whether an event of the kind happened strictly after the date (<see langword="false"/> when the date is null).
    /// Undetermined when none is recorded after it and the timeline is not complete for the kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool HappenedAfter(EventKind kind, DateOnly? date)
    {
        if (date is null)
        {
            return false;
        }

        var timeline = Events();
        if (!timeline.IsEmpty)
        {
            for (var i = 0; i < timeline.Length; i++)
            {
                var e = timeline[i];
                if (e.Kind == kind && e.Date.Earliest > date.Value)
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool EligibilityNarrowedAfterNotice()
    {
        var notice = First(EventKind.NoticePublished);
        if (notice is null)
        {
            return false;
        }

        var timeline = Events();
        for (var i = 0; i < timeline.Length; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.EligibilityChanged && e.Date.Earliest > notice.Value
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool IsNhs(ProviderKind? kind) =>
        kind is ProviderKind.NhsTrust or ProviderKind.FoundationTrust or ProviderKind.PctProviderArm;

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier); 0 when either is null.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int DaysBetween(DateOnly? from, DateOnly? to) =>
        from is null || to is null ? 0 : to.Value.DayNumber - from.Value.DayNumber;

    /// <summary>The incumbents' names joined by " and ", for messages.</summary>
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
                return contracts[0].Provider.Name;
            }

            Charge(contracts.Count);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void NoteMissing(string fact)
    {
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

        Charge(kinds.Count);

        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return true;
            }
        }

        return false;
    }

    private void NoteMissingEvents(EventKind kind) =>
        NoteMissing((uint)kind < (uint)MissingEventNames.Length ? MissingEventNames[(int)kind] : "timeline." + Names.Camel(kind));
}
