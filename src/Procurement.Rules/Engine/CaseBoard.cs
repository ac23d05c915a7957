using System;
using System.Collections.Generic;
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

    public CaseBoard(PackEngine engine, ProposedProcurement procurement)
    {
        _engine = engine;
        Outcomes = new RuleOutcome?[engine.Rules.Count];
        Verdicts = new PrincipleVerdict?[engine.Principles.Count];
        Procurement = procurement;
        ScenarioBits = MaskOf(procurement.Scenario);
    }

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
        _scope ??= RuleScope.Rent(Procurement);
        Outcomes[rule] = RuleEvaluator.Evaluate(_engine.Rules[rule], _scope, Procurement.Scenario);
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
