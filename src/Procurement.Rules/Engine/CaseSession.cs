using System;
using System.Collections.Generic;
using System.Linq;
using NRules;
using Procurement.Model;
using Procurement.Rules.Files;

namespace Procurement.Rules.Engine;

/// <summary>
/// An NRules session holding one procurement, for what-if questions: change the procurement, fire again, and get the
/// report a fresh <see cref="RulePack.Check"/> of the changed procurement gives.
/// </summary>
/// <remarks>
/// <para>
/// The session's working memory holds, as facts a caller's own NRules rules can match: the
/// <see cref="ProposedProcurement"/>; its incumbent <see cref="Contract"/>s and <see cref="TimelineEvent"/>s when
/// some rule of the session factory matches those types; after each <see cref="Fire"/>, every rule's
/// <see cref="RuleOutcome"/> (with its <see cref="RuleOutcome.Citations"/>), inserted all at once after the pack's rules
/// have fired, when some rule of the session factory matches them. Facts are identified by reference, so equal records
/// are distinct facts.
/// </para>
/// <para>
/// Thread safety: not thread-safe. Use one session per caller; the <see cref="RulePack.SessionFactory"/> it comes
/// from is shared safely between threads.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var session = RulePack.Default.OpenSession(procurement);
/// CheckReport before = session.Fire();
/// session.Update(procurement with { Scenario = Scenario.ContractExpiry });
/// CheckReport after = session.Fire();   // equal to RulePack.Default.Check(the changed procurement)
/// </code>
/// </example>
public sealed class CaseSession
{
    /// <summary>What a kept session points at between checks, so it keeps no procurement alive.</summary>
    private static readonly ProposedProcurement Parked = new() { Id = string.Empty };

    /// <summary>This thread's session kept from the last <see cref="CheckOnce"/> (see there).</summary>
    [ThreadStatic]
    private static CaseSession? Spare;

    private readonly RulePack _pack;
    private readonly PackEngine _engine;
    private readonly CheckOptions _options;
    private readonly CaseBoard _board;
    private readonly List<object> _caseFacts = new();
    private RuleOutcome[]? _outcomeFacts;
    private PrincipleVerdict[]? _verdictFacts;
    private bool _boardInserted;
    private bool _outcomesInserted;
    private bool _changed = true;

    internal CaseSession(RulePack pack, PackEngine engine, ProposedProcurement procurement, CheckOptions? options)
    {
        _pack = pack;
        _engine = engine;
        _options = options ?? CheckOptions.Default;
        Procurement = procurement;
        _board = new CaseBoard(engine, procurement);
        Session = engine.Factory.CreateSession();
        _board.Session = Session;
        InsertCaseFacts();
    }

    /// <summary>
    /// The underlying NRules session, for inserting facts a caller's own rules match and for querying what they
    /// derive (<c>Session.Query&lt;T&gt;()</c>). Retracting or updating the pack's facts directly is not supported:
    /// change the procurement with <see cref="Update(ProposedProcurement)"/>.
    /// </summary>
    public ISession Session { get; }

    /// <summary>The procurement the session holds now.</summary>
    public ProposedProcurement Procurement { get; private set; }

    /// <summary>Replaces the procurement (for example a copy with one more event, or another eligibility); <see cref="Fire"/> re-checks it.</summary>
    /// <param name="changed">The changed procurement.</param>
    /// <exception cref="ArgumentNullException"><paramref name="changed"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">The changed procurement is invalid; the session keeps the previous one.</exception>
    public void Update(ProposedProcurement changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ProcurementValidator.ThrowIfInvalid(changed, file: null);
        if (_caseFacts.Count > 0)
        {
            Session.RetractAll(_caseFacts);
            _caseFacts.Clear();
        }

        Procurement = changed;
        _board.Reset(changed);
        InsertCaseFacts();
        _changed = true;
    }

    /// <summary>Replaces the procurement with a changed copy of it: <c>session.Update(p =&gt; p with { ... })</c>.</summary>
    /// <param name="change">Returns the changed procurement from the current one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">The changed procurement is invalid; the session keeps the previous one.</exception>
    public void Update(Func<ProposedProcurement, ProposedProcurement> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Update(change(Procurement));
    }

    /// <summary>Adds an event to the procurement's timeline: shorthand for an <see cref="Update(ProposedProcurement)"/>.</summary>
    /// <param name="timelineEvent">The event to add.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timelineEvent"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">The event is invalid; the session keeps the previous procurement.</exception>
    public void AddEvent(TimelineEvent timelineEvent)
    {
        ArgumentNullException.ThrowIfNull(timelineEvent);
        var timeline = new List<TimelineEvent>(Procurement.Timeline ?? (IReadOnlyList<TimelineEvent>)Array.Empty<TimelineEvent>()) { timelineEvent };
        Update(Procurement with { Timeline = timeline.ToArray() });
    }

    /// <summary>
    /// Fires the session: the pack's rules decide each rule's outcome, the verdict rule derives each principle's
    /// verdict, the outcomes go in as facts when some rule matches them, and any rule of the caller's that matches
    /// fires too.
    /// </summary>
    /// <returns>The report; equal to <see cref="RulePack.Check"/> of <see cref="Procurement"/> with the same options.</returns>
    /// <exception cref="InvalidOperationException">A rule of the pack did not fire (for example a caller's rule halted the session).</exception>
    public CheckReport Fire()
    {
        var procurement = Procurement;
        var period = _pack.PeriodOf(procurement, _options);
        if (_changed)
        {
            Decide();
            _changed = false;
        }

        var deciding = _pack.DecidingDateOf(procurement);
        return period == PeriodStatus.OutsidePeriod
            ? new CheckReport(_pack, procurement.Id, procurement.Title, procurement.DecisionDate, period, Array.Empty<RuleOutcome>(), Array.Empty<PrincipleVerdict>()) { DecidingDate = deciding, DecidedByModification = Checking.DecidingDates.IsModification(procurement) }
            : new CheckReport(_pack, procurement.Id, procurement.Title, procurement.DecisionDate, period, _outcomeFacts!, _verdictFacts!) { DecidingDate = deciding, DecidedByModification = Checking.DecidingDates.IsModification(procurement) };
    }

    /// <summary>The derived facts in the session after the last <see cref="Fire"/>, sorted by kind, date and inference.</summary>
    internal IReadOnlyList<DerivedFact> DerivedFacts() =>
        Session.Query<DerivedEvent>().Select(d => d.Fact).Order(Comparer<DerivedFact>.Create(DerivedFact.Compare)).ToArray();

    /// <summary>Fires the rules once, for <see cref="RulePack.Check"/>: the same steps as <see cref="Fire"/> without the what-if bookkeeping.</summary>
    /// <remarks>
    /// For the pack's own rules, the session is kept for the next check on the same thread and pointed at the next
    /// procurement with one <c>Update</c> of the board: creating a session costs about as much as two rule activations
    /// and 10 KB (docs/performance.md). It holds no procurement between checks. A check that throws drops it.
    /// </remarks>
    internal static CheckReport CheckOnce(RulePack pack, PackEngine engine, ProposedProcurement procurement, PeriodStatus period)
    {
        var session = Spare;
        if (session is not null && ReferenceEquals(session._engine, engine) && ReferenceEquals(session._pack, pack))
        {
            Spare = null;
            session.Point(procurement);
        }
        else
        {
            session = new CaseSession(pack, engine, procurement, null);
        }

        session.Decide();
        var report = new CheckReport(pack, procurement.Id, procurement.Title, procurement.DecisionDate, period, session._outcomeFacts!, session._verdictFacts!)
        {
            DecidingDate = pack.DecidingDateOf(procurement),
            DecidedByModification = Checking.DecidingDates.IsModification(procurement),
        };
        if (engine.Reusable)
        {
            session.Point(Parked);
            Spare = session;
        }

        return report;
    }

    /// <summary>Points the session at another procurement without validating it (the caller has).</summary>
    private void Point(ProposedProcurement procurement)
    {
        if (_caseFacts.Count > 0)
        {
            Session.RetractAll(_caseFacts);
            _caseFacts.Clear();
        }

        Procurement = procurement;
        _board.Reset(procurement);
        _outcomeFacts = null;
        _verdictFacts = null;
        if (!ReferenceEquals(procurement, Parked))
        {
            InsertCaseFacts();
        }

        _changed = true;
    }

    private void InsertCaseFacts()
    {
        var procurement = Procurement;
        if (_engine.InsertsProcurement)
        {
            _caseFacts.Add(procurement);
        }

        if (_engine.InsertsContracts && procurement.IncumbentContracts is { Count: > 0 } contracts)
        {
            AddDistinct(contracts);
        }

        if (_engine.InsertsEvents && procurement.Timeline is { Count: > 0 } timeline)
        {
            AddDistinct(timeline);
        }

        if (_caseFacts.Count > 0)
        {
            Session.InsertAll(_caseFacts);
        }

        void AddDistinct<T>(IReadOnlyList<T> items)
            where T : class
        {
            // Facts are identified by reference; the same instance listed twice is one fact.
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            foreach (var item in items)
            {
                if (item is not null && seen.Add(item))
                {
                    _caseFacts.Add(item);
                }
            }
        }
    }

    private void Decide()
    {
        var session = Session;
        if (_outcomesInserted)
        {
            session.RetractAll(_outcomeFacts!);
            _outcomesInserted = false;
        }

        if (_boardInserted)
        {
            session.Update(_board);
        }
        else
        {
            session.Insert(_board);
            _boardInserted = true;
        }

        // Each applicable pack rule decides its outcome (one activation per rule that applies), then, at a lower
        // priority, each principle's verdict rule reads its rules' outcomes.
        try
        {
            session.Fire();
        }
        finally
        {
            _board.ReleaseScope();
        }

        var outcomes = new RuleOutcome[_board.Outcomes.Length];
        var scenario = Procurement.Scenario;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = _board.OutcomeOf(i, scenario);
        }

        Array.Sort(outcomes, ReportOrder.Compare);
        _outcomeFacts = outcomes;
        if (_engine.InsertsOutcomes)
        {
            // For the caller's rules over outcomes: every outcome inserted at once (pitfall 6: batched, so a
            // collection over them is built once), then fire again.
            session.InsertAll(outcomes);
            _outcomesInserted = true;
            session.Fire();
        }

        var verdicts = new PrincipleVerdict[_board.Verdicts.Length];
        for (var p = 0; p < verdicts.Length; p++)
        {
            // A principle whose verdict rule did not activate: none of its rules applies to the scenario (or it has none).
            verdicts[p] = _board.Verdicts[p] ?? _engine.InactiveVerdict(scenario, p);
        }

        _verdictFacts = verdicts;
    }
}
