using System;
using System.Collections.Generic;
using System.Linq;
using NRules;
using NRules.RuleModel;
using Procurement.Model;
using Procurement.Rules.Checking;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Engine;

/// <summary>
/// The fact every pack rule matches: the procurement under check, the scenario as a bit mask the rules' alpha
/// conditions test, and the slots the rules' actions fill with outcomes and the verdict rule fills with verdicts.
/// </summary>
/// <remarks>
/// One board per session, a plain class so NRules identifies it by reference (pitfall 3 in the design notes: the model's
/// records compare by value). Not thread-safe: a session fires on one thread at a time.
/// </remarks>
internal sealed class CaseBoard
{
    /// <summary>The mask of a procurement whose scenario is not recorded: every scenario rule activates (and reports "undetermined").</summary>
    public const int AllScenarios = ~0;

    private readonly PackEngine _engine;
    private RuleScope? _scope;

    // Whether an inference action inserted or updated a derived event since the last reset: only then does the first
    // checking rule ask the session for them.
    private bool _mayHaveDerived;
    private DerivedEvent[] _derived = Array.Empty<DerivedEvent>();
    private long _derivedKinds;

    public CaseBoard(PackEngine engine, ProposedProcurement procurement)
    {
        _engine = engine;
        Outcomes = new RuleOutcome?[engine.Rules.Count];
        Verdicts = new PrincipleVerdict?[engine.Principles.Count];
        Procurement = procurement;
        ScenarioBits = MaskOf(procurement.Scenario);
        RecordedKinds = KindsOf(procurement);
    }

    /// <summary>The session the board is in, where the inferences' derived events are; set by <see cref="CaseSession"/>.</summary>
    public ISession? Session { get; set; }

    /// <summary>
    /// The event kinds the record holds, as a bit mask (<c>1 &lt;&lt; kind</c>); the inference rules' conditions test it.
    /// 0 when the pack has no inferences.
    /// </summary>
    public long RecordedKinds { get; private set; }

    /// <summary>The derived events the checking rules read this check, sorted; empty until the first checking rule fires.</summary>
    public IReadOnlyList<DerivedEvent> Derived => _derived;

    public ProposedProcurement Procurement { get; private set; }

    /// <summary>The procurement's scenario as one bit (<c>1 &lt;&lt; scenario</c>), or <see cref="AllScenarios"/> when not recorded.</summary>
    public int ScenarioBits { get; private set; }

    /// <summary>Each rule's outcome, by the rule's index in the pack; null until its NRules rule fires.</summary>
    public RuleOutcome?[] Outcomes { get; }

    /// <summary>Each principle's verdict, by the principle's index in the pack; null until its verdict rule fires.</summary>
    public PrincipleVerdict?[] Verdicts { get; }

    public static int MaskOf(Scenario? scenario) => scenario is { } s ? 1 << (int)s : AllScenarios;

    /// <summary>Points the board at another procurement (a what-if change) and forgets every outcome and verdict.</summary>
    public void Reset(ProposedProcurement procurement)
    {
        ReleaseScope();
        Procurement = procurement;
        ScenarioBits = MaskOf(procurement.Scenario);
        RecordedKinds = KindsOf(procurement);
        _mayHaveDerived = false;
        _derived = Array.Empty<DerivedEvent>();
        _derivedKinds = 0;
        Array.Clear(Outcomes);
        Array.Clear(Verdicts);
    }

    /// <summary>
    /// The action of the pack rule at <paramref name="rule"/>: runs the existing evaluator (when, require, facts,
    /// message) against the procurement and records the outcome. Never throws: the evaluator turns any failure into a
    /// "failed" or "undetermined" outcome.
    /// </summary>
    public void Evaluate(int rule)
    {
        _scope ??= RentWithDerived();
        var compiled = _engine.Rules[rule];
        var outcome = RuleEvaluator.Evaluate(compiled, _scope, Procurement.Scenario);
        if ((compiled.EventKinds & _derivedKinds) != 0)
        {
            // Provenance: the derived facts of the kinds the rule asks about (never an outcome built once at load).
            outcome.Derived = DerivedEvent.FactsOfKinds(_derived, compiled.EventKinds);
        }

        Outcomes[rule] = outcome;
    }

    /// <summary>
    /// The action of an inference's NRules rule: derives the event the inference at <paramref name="inference"/> implies
    /// from the earliest recorded source (<paramref name="source"/> null) or from one derived source, and keeps the one
    /// linked fact of the activation in step: inserted, updated when the derivation changed, retracted when the
    /// condition no longer holds. Never throws on the procurement's content.
    /// </summary>
    public void Infer(IContext context, int inference, DerivedEvent? source)
    {
        const string Key = "derived";
        var definition = _engine.Inferences[inference];
        var derived = Derive(definition, source);
        var linked = context.GetLinked(Key) as DerivedEvent;
        if (derived is null)
        {
            if (linked is not null)
            {
                context.RetractLinked(Key, linked);
            }

            return;
        }

        _mayHaveDerived = true;
        if (linked is null)
        {
            context.InsertLinked(Key, derived);
        }
        else if (!linked.Says(derived))
        {
            linked.Become(derived);
            context.UpdateLinked(Key, linked);
        }
    }

    private DerivedEvent? Derive(CompiledInference inference, DerivedEvent? source)
    {
        EventDate date;
        string from;
        if (source is not null)
        {
            date = source.Fact.Date;
            from = $"a derived {Names.Camel(source.Kind)} ({source.Fact.InferenceId})";
        }
        else if (FirstRecorded(inference.From) is { } first)
        {
            date = first;
            from = DerivedFact.Source(inference.From, first);
        }
        else
        {
            return null;
        }

        // When the source's day is not known, the derived event is bounded by its source's kind too ("on or before the
        // notice"), so that its order to other events holds when the source is undated or dated relative to another
        // event. An exact source's day bounds it as well as the relation would, and keeps the check on the fast path.
        var sourceKind = source?.Kind ?? inference.From;
        var exactSource = date.Calendar.IsExact;
        date = DerivedFact.Following(date.Calendar, inference.Date == InferredDate.On);
        if (!exactSource)
        {
            date = date.WithRelation(inference.Date == InferredDate.On ? DateRelation.SameDay : DateRelation.OnOrBefore, sourceKind);
        }

        if (inference.When is { } when && !Holds(when))
        {
            return null;
        }

        var fact = new DerivedFact(inference.Derive, date, inference.Id, inference.Reason, from);
        var timelineEvent = new TimelineEvent { Kind = inference.Derive, Date = date, Description = fact.ToString() };
        return new DerivedEvent(timelineEvent, fact);
    }

    /// <summary>Whether an inference's condition holds on the record: not when it reads a fact not recorded, or fails.</summary>
    private bool Holds(Func<RuleScope, bool> when)
    {
        var scope = RuleScope.Rent(Procurement);
        try
        {
            scope.StartBudget();
            scope.ResetMissing();
            return when(scope) && !scope.HasMissing;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
        finally
        {
            scope.ResetMissing();
            RuleScope.Return(scope);
        }
    }

    /// <summary>
    /// The date of the first recorded event of the kind: the one with the earliest latest possible day (what bounds a
    /// derived "on or before"); an event with no upper bound only when no other is recorded. Null when none is recorded.
    /// </summary>
    private EventDate? FirstRecorded(EventKind kind)
    {
        EventDate? first = null;
        if (Procurement.Timeline is { } timeline)
        {
            for (var i = 0; i < timeline.Count; i++)
            {
                var e = timeline[i];
                if (e is not null && e.Kind == kind && (first is null || Bounds(e.Date, first.Value)))
                {
                    first = e.Date;
                }
            }
        }

        return first;

        static bool Bounds(EventDate candidate, EventDate current) =>
            candidate.Latest is { } latest && (current.Latest is not { } now || latest < now || (latest == now && candidate.IsExact && !current.IsExact));
    }

    /// <summary>A scope for the checking rules, holding the derived events now in the session.</summary>
    private RuleScope RentWithDerived()
    {
        var scope = RuleScope.Rent(Procurement);
        if (_mayHaveDerived && Session is not null)
        {
            var derived = Session.Query<DerivedEvent>().ToArray();
            if (derived.Length > 0)
            {
                Array.Sort(derived, static (a, b) => DerivedFact.Compare(a.Fact, b.Fact));
                _derived = derived;
                foreach (var d in derived)
                {
                    _derivedKinds |= EventKindsRead.Bit(d.Kind);
                }

                scope.SetDerived(derived.Select(d => d.Event).ToArray());
            }
        }

        return scope;
    }

    /// <summary>The kinds of the recorded events as a bit mask; 0 when the pack has no inferences to test it.</summary>
    private long KindsOf(ProposedProcurement procurement)
    {
        if (_engine.Inferences.Count == 0 || procurement.Timeline is not { } timeline)
        {
            return 0;
        }

        long kinds = 0;
        try
        {
            for (var i = 0; i < timeline.Count; i++)
            {
                if (timeline[i] is { } e && (uint)e.Kind < 64)
                {
                    kinds |= EventKindsRead.Bit(e.Kind);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A caller's own list type that throws: the rules reading it fail on their own; nothing is inferred.
            return 0;
        }

        return kinds;
    }

    /// <summary>
    /// The action of the verdict rule for the principle at <paramref name="principle"/>: the worst of its rules'
    /// outcomes, with the outcomes of that kind in report order. Fires after every pack rule (lower priority), so the
    /// outcomes it reads are decided; a rule of another scenario contributes its not-applicable outcome.
    /// </summary>
    public void Decide(int principle)
    {
        var rules = _engine.PrincipleRules[principle];
        var scenario = Procurement.Scenario;
        var worst = OutcomeKind.NotApplicable;
        var count = 0;
        foreach (var rule in rules)
        {
            var kind = OutcomeOf(rule, scenario).Kind;
            if (PrincipleVerdict.Rank(kind) < PrincipleVerdict.Rank(worst))
            {
                worst = kind;
                count = 0;
            }

            count += kind == worst ? 1 : 0;
        }

        var decidedBy = new RuleOutcome[count];
        var n = 0;
        foreach (var rule in rules)
        {
            var outcome = OutcomeOf(rule, scenario);
            if (outcome.Kind == worst)
            {
                decidedBy[n++] = outcome;
            }
        }

        if (decidedBy.Length > 1)
        {
            Array.Sort(decidedBy, ReportOrder.Compare);
        }

        Verdicts[principle] = new PrincipleVerdict(_engine.Principles[principle], worst, decidedBy);
    }

    /// <summary>The action of the single verdict rule: every principle's verdict, from its rules' outcomes.</summary>
    public void DecideAll()
    {
        var scenario = Procurement.Scenario;
        for (var p = 0; p < Verdicts.Length; p++)
        {
            if (_engine.InactiveVerdictOrNull(scenario, p) is { } verdict)
            {
                Verdicts[p] = verdict;
            }
            else
            {
                Decide(p);
            }
        }
    }

    /// <summary>A rule's outcome: decided by its NRules rule, or not applicable to the scenario (built at load).</summary>
    public RuleOutcome OutcomeOf(int rule, Scenario? scenario) =>
        Outcomes[rule]
        ?? _engine.OtherScenarioOutcome(scenario, rule)
        ?? throw new InvalidOperationException($"Rule '{_engine.Rules[rule].Definition.Id}' did not fire in the NRules session (was the session halted?).");

    /// <summary>Gives the scope rented by <see cref="Evaluate"/> back to this thread's spare.</summary>
    public void ReleaseScope()
    {
        if (_scope is not null)
        {
            RuleScope.Return(_scope);
            _scope = null;
        }
    }
}
