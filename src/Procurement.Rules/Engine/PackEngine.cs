using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Procurement.Model;
using Procurement.Rules.Checking;

namespace Procurement.Rules.Engine;

/// <summary>
/// A pack's rules as NRules rules, compiled once into one <see cref="ISessionFactory"/>: one NRules rule per YAML rule,
/// plus a verdict rule that derives each principle's verdict from its rules' outcomes.
/// </summary>
/// <remarks>
/// <para>
/// A YAML rule becomes an NRules rule named by the rule's id, tagged <c>principle:&lt;key&gt;</c> and
/// <c>severity:&lt;severity&gt;</c>, carrying its <see cref="RuleDefinition"/> as the property <see cref="DefinitionProperty"/>.
/// Its left-hand side matches the check's <see cref="CaseBoard"/> with one alpha condition on the scenario (rules of
/// other scenarios never activate; their "not applicable" outcomes are built here, once per scenario); its action
/// runs the existing evaluator. Deciding inside the action keeps one activation per applicable rule: the prototype
/// measured about 0.45 µs and 0.7 KB per activation, and every extra node per rule costs more
/// (docs/decisions/0002-nrules-engine.md).
/// </para>
/// <para>Immutable once built; the session factory is safe to share between threads (a session is not).</para>
/// </remarks>
internal sealed class PackEngine
{
    /// <summary>The name of the rule property that carries the YAML rule's <see cref="RuleDefinition"/>.</summary>
    public const string DefinitionProperty = "definition";

    /// <summary>The name of the verdict rules' property that carries their <see cref="Principle"/>.</summary>
    public const string PrincipleProperty = "principle";

    /// <summary>The verdict rules' names: this prefix and the principle's key.</summary>
    public const string VerdictPrefix = "verdict:";

    /// <summary>Priority of the verdict rules: after any rule of default priority that the same firing activates.</summary>
    public const int VerdictPriority = -1000;

    /// <summary>The inference rules' names: this prefix and the inference's id (and <c>:chained</c> for the rule over derived sources).</summary>
    public const string InferencePrefix = "inference:";

    /// <summary>
    /// Priority of the inference rules: above the pack's checking rules, so every derived fact (chains included) is in
    /// working memory before any checking rule fires.
    /// </summary>
    public const int InferencePriority = 1000;

    private static readonly System.Reflection.MethodInfo EvaluateMethod = typeof(CaseBoard).GetMethod(nameof(CaseBoard.Evaluate))!;
    private static readonly System.Reflection.MethodInfo DecideAllMethod = typeof(CaseBoard).GetMethod(nameof(CaseBoard.DecideAll))!;
    private static readonly System.Reflection.MethodInfo DecideMethod = typeof(CaseBoard).GetMethod(nameof(CaseBoard.Decide))!;
    private static readonly System.Reflection.MethodInfo InferMethod = typeof(CaseBoard).GetMethod(nameof(CaseBoard.Infer))!;

    private readonly IRuleDefinition[] _definitions;

    // Not-applicable outcomes of rules for procurements of another scenario, by scenario then rule index; null where the
    // rule applies (its NRules rule activates and decides).
    private readonly RuleOutcome?[][] _otherScenario;

    // Verdicts of principles whose verdict rule does not activate, by scenario (index 0: not recorded) then principle.
    private readonly PrincipleVerdict?[][] _inactiveVerdicts;

    public PackEngine(string packId, IReadOnlyList<CompiledRule> rules, IReadOnlyList<Principle> principles, IRuleRepository? extra, bool fastCompile = true, bool verdictRulePerPrinciple = false, IReadOnlyList<CompiledInference>? inferences = null)
    {
        PackId = packId;
        Rules = rules;
        Principles = principles;
        Inferences = inferences ?? Array.Empty<CompiledInference>();
        _definitions = BuildDefinitions(rules, principles, verdictRulePerPrinciple).Concat(BuildInferences(Inferences)).ToArray();
        Repository = new PackRuleRepository(packId, _definitions);
        _otherScenario = BuildOtherScenarioOutcomes(rules);
        PrincipleRules = principles.Select(p => Enumerable.Range(0, rules.Count).Where(i => string.Equals(rules[i].Definition.Principle.Key, p.Key, StringComparison.Ordinal)).ToArray()).ToArray();
        _inactiveVerdicts = BuildInactiveVerdicts();

        var sets = new List<IRuleSet>(Repository.GetRuleSets());
        if (extra is not null)
        {
            sets.AddRange(extra.GetRuleSets());
        }

        var matched = MatchedTypes(sets.SelectMany(s => s.Rules));
        InsertsEvents = matched.Contains(typeof(TimelineEvent));
        InsertsContracts = matched.Contains(typeof(Contract));
        InsertsOutcomes = matched.Contains(typeof(RuleOutcome));
        InsertsProcurement = matched.Contains(typeof(ProposedProcurement));
        Reusable = extra is null;
        FastCompile = fastCompile;
        Factory = Compile(sets, rules, Inferences, fastCompile);
    }

    public string PackId { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    public IReadOnlyList<Principle> Principles { get; }

    /// <summary>The pack's inferences, each two NRules rules (see <see cref="BuildInferences"/>).</summary>
    public IReadOnlyList<CompiledInference> Inferences { get; }

    public IRuleRepository Repository { get; }

    public ISessionFactory Factory { get; }

    /// <summary>Whether NRules compiled the rules' expressions with FastExpressionCompiler (else with <c>Expression.Compile</c>).</summary>
    public bool FastCompile { get; }

    /// <summary>Whether some rule matches <see cref="TimelineEvent"/> facts, so a session inserts the timeline.</summary>
    public bool InsertsEvents { get; }

    /// <summary>Whether some rule matches <see cref="Contract"/> facts, so a session inserts the incumbent contracts.</summary>
    public bool InsertsContracts { get; }

    /// <summary>
    /// Whether some rule matches <see cref="RuleOutcome"/> facts, so a session inserts the outcomes once the pack's rules
    /// have fired and fires again. Off for the pack alone: 35 inserted facts cost more than the whole check
    /// (docs/decisions/0002-nrules-engine.md).
    /// </summary>
    public bool InsertsOutcomes { get; }

    /// <summary>Whether some rule matches <see cref="ProposedProcurement"/> facts, so a session inserts the procurement.</summary>
    public bool InsertsProcurement { get; }

    /// <summary>
    /// Whether <see cref="RulePack.Check"/> may reuse a session on the same thread: only for the pack's own rules, whose
    /// actions keep nothing in the session (a caller's rule might insert facts that would outlive the check).
    /// </summary>
    public bool Reusable { get; }

    /// <summary>The indexes of each principle's rules, by the principle's index.</summary>
    public int[][] PrincipleRules { get; }

    /// <summary>The not-applicable outcome of rule <paramref name="rule"/> for a procurement of <paramref name="scenario"/>, or null when the rule applies.</summary>
    public RuleOutcome? OtherScenarioOutcome(Scenario? scenario, int rule) => scenario is { } s ? _otherScenario[(int)s][rule] : null;

    /// <summary>
    /// The verdict on principle <paramref name="principle"/> when its verdict rule does not activate: not applicable,
    /// decided by its rules' not-applicable outcomes (none when it has no rules). Built at load.
    /// </summary>
    /// <exception cref="InvalidOperationException">The principle's verdict rule should have fired.</exception>
    public PrincipleVerdict InactiveVerdict(Scenario? scenario, int principle) =>
        InactiveVerdictOrNull(scenario, principle)
        ?? throw new InvalidOperationException($"The verdict rule of principle '{Principles[principle].Key}' did not fire in the NRules session (was the session halted?).");

    /// <summary>The verdict built at load for a principle none of whose rules applies to the scenario; null when one does.</summary>
    public PrincipleVerdict? InactiveVerdictOrNull(Scenario? scenario, int principle) => _inactiveVerdicts[scenario is { } s ? (int)s + 1 : 0][principle];

    private PrincipleVerdict?[][] BuildInactiveVerdicts()
    {
        var scenarios = new Scenario?[] { null }.Concat(Enum.GetValues<Scenario>().Select(s => (Scenario?)s)).ToArray();
        var table = new PrincipleVerdict?[Enum.GetValues<Scenario>().Max(s => (int)s) + 2][];
        for (var row = 0; row < table.Length; row++)
        {
            table[row] = new PrincipleVerdict?[Principles.Count];
        }

        foreach (var scenario in scenarios)
        {
            var row = table[scenario is { } s ? (int)s + 1 : 0];
            for (var p = 0; p < Principles.Count; p++)
            {
                var outcomes = PrincipleRules[p].Select(i => OtherScenarioOutcome(scenario, i)).ToArray();
                if (outcomes.All(o => o is not null))
                {
                    var decidedBy = outcomes.Select(o => o!).ToArray();
                    Array.Sort(decidedBy, ReportOrder.Compare);
                    row[p] = new PrincipleVerdict(Principles[p], OutcomeKind.NotApplicable, decidedBy);
                }
            }
        }

        return table;
    }

    private static ISessionFactory Compile(IReadOnlyList<IRuleSet> sets, IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledInference> inferences, bool fastCompile)
    {
        // Pitfall 2: NRules compares condition expressions to share nodes and, by default, fails on trees it cannot
        // compare (blocks, try/catch in a caller's rule); such trees are simply not shared.
        var compiler = new RuleCompiler(new RuleCompilerOptions { UnsupportedExpressionHandling = RuleCompilerUnsupportedExpressionsHandling.TreatAsNotEqual });

        // Pitfall 3: NRules identifies facts by equality, and the model's types are records, equal by value: two equal
        // timeline events could not both be inserted, and a changed copy could not replace the original. Every fact
        // (a caller's records too) is identified by reference instead.
        compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;

        // Pitfall 7: NRules compiles every condition and action one after the other; FastExpressionCompiler does each
        // several times faster than Expression.Compile (the merged engine declared this but never set it, so every
        // load paid for the system compiler). Warm reload of the default pack measured 172 -> 130 ms (medians of six
        // fresh processes each, alternated, 2-core VM at load average 16); cold load within the noise.
        if (fastCompile)
        {
            compiler.ExpressionCompiler = FastCompiler.Instance;
        }

        try
        {
            return compiler.Compile(sets);
        }
        catch (RuleCompilationException e)
        {
            // A problem NRules finds in one of the pack's rules is a load problem at the rule's place; one in a
            // caller's own rule is the caller's, and surfaces as NRules reports it.
            var definition = rules.Select(r => r.Definition).FirstOrDefault(d => string.Equals(d.Id, e.RuleName, StringComparison.Ordinal));
            var isVerdict = e.RuleName?.StartsWith(VerdictPrefix, StringComparison.Ordinal) == true;
            var inference = inferences.FirstOrDefault(i => e.RuleName is { } name && (name == InferencePrefix + i.Id || name == InferencePrefix + i.Id + ":chained"));
            var reason = e.InnerException is { } inner ? $"{e.Message} ({inner.GetType().Name}: {inner.Message})" : e.Message;
            if (inference is not null)
            {
                throw new RulePackLoadException(new[] { new LoadProblem(inference.File, inference.Line, null, null, inference.Id, "NRules could not compile the inference: " + reason) });
            }

            if (definition is null && !isVerdict)
            {
                throw;
            }

            throw new RulePackLoadException(new[]
            {
                new LoadProblem(definition?.File ?? "pack.yaml", definition?.Line, null, null, definition?.Id ?? e.RuleName, "NRules could not compile the rule: " + reason),
            });
        }
    }

    private static IRuleDefinition[] BuildDefinitions(IReadOnlyList<CompiledRule> rules, IReadOnlyList<Principle> principles, bool verdictRulePerPrinciple)
    {
        var definitions = new List<IRuleDefinition>(rules.Count + principles.Count);
        var board = Expression.Parameter(typeof(CaseBoard), "board");
        var context = Expression.Parameter(typeof(IContext), "ctx");

        // Pitfall 2 again: one lambda instance per distinct scenario condition, so rules of the same scenarios share
        // one alpha node by reference.
        var conditions = new Dictionary<int, LambdaExpression>();
        LambdaExpression ScenarioCondition(int mask)
        {
            if (!conditions.TryGetValue(mask, out var condition))
            {
                // board => (board.ScenarioBits & mask) != 0: an int test that cannot throw (pitfall 4).
                condition = Expression.Lambda(
                    Expression.NotEqual(Expression.And(Expression.Property(board, typeof(CaseBoard).GetProperty(nameof(CaseBoard.ScenarioBits))!), Expression.Constant(mask)), Expression.Constant(0)),
                    board);
                conditions.Add(mask, condition);
            }

            return condition;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var definition = rules[i].Definition;
            var builder = new RuleBuilder();
            builder.Name(definition.Id);
            builder.Description(definition.Title);
            builder.Tag("principle:" + definition.Principle.Key);
            builder.Tag("severity:" + Names.Camel(definition.Severity));
            builder.Property(DefinitionProperty, definition);

            var pattern = builder.LeftHandSide().Pattern(typeof(CaseBoard), board.Name);
            if (definition.Scenarios.Count > 0)
            {
                pattern.Condition(ScenarioCondition(MaskOf(definition)));
            }

            builder.RightHandSide().Action(Expression.Lambda(Expression.Call(board, EvaluateMethod, Expression.Constant(i)), context, board));
            definitions.Add(Build(builder, definition));
        }

        if (!verdictRulePerPrinciple)
        {
            // The default: one rule derives every principle's verdict, one activation per check instead of one per
            // principle that can apply (measured 20% less per check of a scenario-1 case, docs/performance.md).
            var single = new RuleBuilder();
            single.Name(VerdictPrefix + "*");
            single.Description("The verdict on every principle: the worst outcome of its rules.");
            single.Tag("verdict");
            single.Priority(VerdictPriority);
            single.LeftHandSide().Pattern(typeof(CaseBoard), board.Name);
            single.RightHandSide().Action(Expression.Lambda(Expression.Call(board, DecideAllMethod), context, board));
            definitions.Add(Build(single, null));
            return definitions.ToArray();
        }

        for (var p = 0; p < principles.Count; p++)
        {
            var key = principles[p].Key;
            var mask = 0;
            var hasRules = false;
            foreach (var rule in rules)
            {
                if (string.Equals(rule.Definition.Principle.Key, key, StringComparison.Ordinal))
                {
                    hasRules = true;
                    mask |= MaskOf(rule.Definition);
                }
            }

            if (!hasRules)
            {
                // Nothing to decide: the verdict is "not applicable", decided by nothing (CaseSession fills it in).
                continue;
            }

            var builder = new RuleBuilder();
            builder.Name(VerdictPrefix + key);
            builder.Description($"The verdict on principle '{key}': the worst outcome of its rules.");
            builder.Tag("verdict");
            builder.Tag("principle:" + key);
            builder.Priority(VerdictPriority);
            builder.Property(PrincipleProperty, principles[p]);

            // Forward chaining by priority: this rule activates with the pack rules, for the same board, and fires
            // after all of them (lower priority), so every outcome it reads has been decided. It activates only when
            // one of the principle's rules can apply to the scenario; otherwise the verdict is built at load.
            var pattern = builder.LeftHandSide().Pattern(typeof(CaseBoard), board.Name);
            if (mask != CaseBoard.AllScenarios)
            {
                pattern.Condition(ScenarioCondition(mask));
            }

            builder.RightHandSide().Action(Expression.Lambda(Expression.Call(board, DecideMethod, Expression.Constant(p)), context, board));
            definitions.Add(Build(builder, null));
        }

        return definitions.ToArray();
    }

    /// <summary>
    /// Two NRules rules per inference, at <see cref="InferencePriority"/>: <c>inference:&lt;id&gt;</c> matches the board when
    /// the record holds an event of the source kind and none of the derived kind (recorded wins), and
    /// <c>inference:&lt;id&gt;:chained</c> matches the board (derived kind not recorded) with each
    /// <see cref="DerivedEvent"/> of the source kind: forward chaining, so a bid implies a notice and that notice a decision.
    /// Each action inserts (or updates, or retracts) one linked <see cref="DerivedEvent"/>, so NRules retracts it, and
    /// what follows from it, when the activation goes.
    /// </summary>
    private static IEnumerable<IRuleDefinition> BuildInferences(IReadOnlyList<CompiledInference> inferences)
    {
        var board = Expression.Parameter(typeof(CaseBoard), "board");
        var source = Expression.Parameter(typeof(DerivedEvent), "source");
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var recorded = Expression.Property(board, typeof(CaseBoard).GetProperty(nameof(CaseBoard.RecordedKinds))!);
        var derivable = inferences.Select(i => i.Derive).ToHashSet();
        for (var i = 0; i < inferences.Count; i++)
        {
            var inference = inferences[i];
            var fromBit = EventKindsRead.Bit(inference.From);
            var deriveBit = EventKindsRead.Bit(inference.Derive);

            var direct = new RuleBuilder();
            direct.Name(InferencePrefix + inference.Id);
            direct.Description(inference.Title);
            direct.Tag("inference");
            direct.Priority(InferencePriority);

            // board => (board.RecordedKinds & (from | derive)) == from: an integer test that cannot throw (pitfall 4).
            direct.LeftHandSide().Pattern(typeof(CaseBoard), board.Name).Condition(Expression.Lambda(
                Expression.Equal(Expression.And(recorded, Expression.Constant(fromBit | deriveBit)), Expression.Constant(fromBit)), board));
            direct.RightHandSide().Action(Expression.Lambda(
                Expression.Call(board, InferMethod, context, Expression.Constant(i), Expression.Constant(null, typeof(DerivedEvent))), context, board));
            yield return Build(direct, null);

            if (!derivable.Contains(inference.From))
            {
                // No inference derives this source kind (only inference actions insert DerivedEvents), so a rule over
                // derived sources could never match; left out, it costs nothing per check (each rule's nodes under
                // CaseBoard are updated on every check).
                continue;
            }

            var chained = new RuleBuilder();
            chained.Name(InferencePrefix + inference.Id + ":chained");
            chained.Description(inference.Title + " (from a derived " + Names.Camel(inference.From) + ")");
            chained.Tag("inference");
            chained.Priority(InferencePriority);
            var lhs = chained.LeftHandSide();
            lhs.Pattern(typeof(CaseBoard), board.Name).Condition(Expression.Lambda(
                Expression.Equal(Expression.And(recorded, Expression.Constant(deriveBit)), Expression.Constant(0L)), board));
            lhs.Pattern(typeof(DerivedEvent), source.Name).Condition(Expression.Lambda(
                Expression.Equal(Expression.Property(source, typeof(DerivedEvent).GetProperty(nameof(DerivedEvent.Kind))!), Expression.Constant(inference.From)), source));
            chained.RightHandSide().Action(Expression.Lambda(
                Expression.Call(board, InferMethod, context, Expression.Constant(i), source), context, board, source));
            yield return Build(chained, null);
        }
    }

    /// <summary>The scenarios a rule applies to as a bit mask; every bit when it names none.</summary>
    private static int MaskOf(RuleDefinition definition)
    {
        if (definition.Scenarios.Count == 0)
        {
            return CaseBoard.AllScenarios;
        }

        var mask = 0;
        foreach (var scenario in definition.Scenarios)
        {
            mask |= CaseBoard.MaskOf(scenario);
        }

        return mask;
    }

    private static IRuleDefinition Build(RuleBuilder builder, RuleDefinition? definition)
    {
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new RulePackLoadException(new[]
            {
                new LoadProblem(definition?.File ?? "pack.yaml", definition?.Line, null, null, definition?.Id, "the rule could not be built as an NRules rule: " + e.Message),
            });
        }
    }

    private static RuleOutcome?[][] BuildOtherScenarioOutcomes(IReadOnlyList<CompiledRule> rules)
    {
        var scenarios = Enum.GetValues<Scenario>();
        var table = new RuleOutcome?[scenarios.Max(s => (int)s) + 1][];
        for (var s = 0; s < table.Length; s++)
        {
            table[s] = new RuleOutcome?[rules.Count];
        }

        foreach (var scenario in scenarios)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var definition = rules[i].Definition;
                if (definition.Scenarios.Count > 0 && !definition.Scenarios.Contains(scenario))
                {
                    // Exactly what RuleEvaluator returns for a rule of other scenarios: immutable, so built once.
                    table[(int)scenario][i] = new RuleOutcome(definition, OutcomeKind.NotApplicable, rules[i].OtherScenarioMessage(scenario), Array.Empty<FactValue>(), Array.Empty<string>(), null);
                }
            }
        }

        return table;
    }

    /// <summary>The fact types some rule's left-hand side matches, at any depth.</summary>
    private static HashSet<Type> MatchedTypes(IEnumerable<IRuleDefinition> rules)
    {
        var types = new HashSet<Type>();
        foreach (var rule in rules)
        {
            Collect(rule.LeftHandSide, types);
        }

        return types;

        static void Collect(RuleElement element, HashSet<Type> into)
        {
            switch (element)
            {
                case PatternElement pattern:
                    into.Add(pattern.ValueType);
                    if (pattern.Source is AggregateElement aggregate)
                    {
                        Collect(aggregate.Source, into);
                    }

                    break;
                case GroupElement group:
                    foreach (var child in group.ChildElements)
                    {
                        Collect(child, into);
                    }

                    break;
                case NotElement not:
                    Collect(not.Source, into);
                    break;
                case ExistsElement exists:
                    Collect(exists.Source, into);
                    break;
                case ForAllElement forAll:
                    Collect(forAll.BasePattern, into);
                    foreach (var pattern in forAll.Patterns)
                    {
                        Collect(pattern, into);
                    }

                    break;
            }
        }
    }

    /// <summary>The pack's NRules rules as one rule set named by the pack's id; a new set each call, so callers cannot change the pack's.</summary>
    private sealed class PackRuleRepository : IRuleRepository
    {
        private readonly string _name;
        private readonly IRuleDefinition[] _rules;

        public PackRuleRepository(string name, IRuleDefinition[] rules)
        {
            _name = name;
            _rules = rules;
        }

        public IEnumerable<IRuleSet> GetRuleSets()
        {
            var set = new RuleSet(_name);
            set.Add(_rules);
            return new IRuleSet[] { set };
        }
    }
}
