using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Procurement.Rules.Expressions;

/// <summary>
/// Rewrites a rule expression so that <c>&amp;&amp;</c>, <c>||</c>, <c>iif</c> (<c>? :</c>) and <c>Any</c>/<c>All</c> with a
/// predicate follow three-valued (Kleene) logic: a sub-expression is <em>unknown</em> when evaluating it noted a missing
/// fact on the <see cref="RuleScope"/>, and an operand that decides the result on its own makes the result known, the
/// missing facts the other operands noted forgotten.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>a &amp;&amp; b &amp;&amp; ...</c>: a known false operand decides (false), whichever side it is on; a known
/// false first operand still stops the rest from being evaluated. Otherwise the result is known only when every operand
/// is. <c>a || b || ...</c> is the same with a known true operand.</item>
/// <item><c>!a</c> is unknown exactly when <c>a</c> is, so it needs no rewrite.</item>
/// <item><c>iif(c, a, b)</c>: a known condition evaluates its branch alone (the result is that branch's). An unknown
/// condition evaluates both branches; when both are known and equal, the result is known.</item>
/// <item><c>list.Any(x =&gt; p)</c> is an <c>||</c> over the items and <c>list.All(x =&gt; p)</c> an <c>&amp;&amp;</c>
/// (<see cref="KleeneLinq"/>, or <see cref="ScopeLinq"/> once <see cref="LambdaLifter"/> lifts the predicate). An item
/// decides only when neither reading it from the list nor its predicate noted a missing fact.</item>
/// <item>Every other operator (comparisons, arithmetic, calls) keeps its meaning: unknown when any operand is.</item>
/// </list>
/// <para>
/// Why our own rewrite: the missing-fact tracking is ours (<see cref="MissingFactRewriter"/>), and the rewrite has to
/// keep short-circuit evaluation and allocate nothing per evaluation. A mark is a <see langword="long"/> (the scope's
/// count of notes and the length of its list) held in a local of the compiled expression. Chains of one operator are
/// flattened into one block, so <c>a &amp;&amp; b &amp;&amp; ...</c> grows no deeper than it was.
/// </para>
/// Runs after <see cref="EvaluationRewriter"/> (sequence sources are already counted) and before
/// <see cref="LambdaLifter"/> (which compiles the lambdas it lifts, so their bodies must be rewritten first).
/// </remarks>
internal sealed class KleeneRewriter : ExpressionVisitor
{
    private static readonly MethodInfo MarkMethod = typeof(RuleScope).GetMethod(nameof(RuleScope.MarkMissing), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo KnownSinceMethod = typeof(RuleScope).GetMethod(nameof(RuleScope.KnownSince), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo ForgetSinceMethod = typeof(RuleScope).GetMethod(nameof(RuleScope.ForgetSince), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo SameMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.Same))!;
    private static readonly MethodInfo AnyMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.Any))!;
    private static readonly MethodInfo AllMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.All))!;
    private static readonly MethodInfo AndOperandMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.AndOperand))!;
    private static readonly MethodInfo OrOperandMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.OrOperand))!;
    private static readonly MethodInfo KnownAndOperandMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.KnownAndOperand))!;
    private static readonly MethodInfo KnownOrOperandMethod = typeof(KleeneLinq).GetMethod(nameof(KleeneLinq.KnownOrOperand))!;

    private readonly ParameterExpression _root;

    private KleeneRewriter(ParameterExpression root)
    {
        _root = root;
    }

    /// <summary>Returns the rewritten expression.</summary>
    public static Expression Rewrite(Expression body, ParameterExpression root) => new KleeneRewriter(root).Visit(body);

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.NodeType is not (ExpressionType.AndAlso or ExpressionType.OrElse) || node.Method is not null || node.Type != typeof(bool))
        {
            return base.VisitBinary(node);
        }

        var operands = new List<Expression>();
        Flatten(node, node.NodeType, operands);
        for (var i = 0; i < operands.Count; i++)
        {
            operands[i] = Visit(operands[i]);
        }

        return Junction(operands, decider: node.NodeType == ExpressionType.OrElse);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "KleeneLinq.Same has no annotated type parameters; it is instantiated over model and primitive types, which the model's ILLink.Descriptors.xml keeps whole.")]
    protected override Expression VisitConditional(ConditionalExpression node)
    {
        if (node.Type == typeof(void))
        {
            return base.VisitConditional(node);
        }

        var test = Visit(node.Test);
        var ifTrue = Visit(node.IfTrue);
        var ifFalse = Visit(node.IfFalse);
        if (!CanNote(test))
        {
            // A test that calls nothing and reads no property cannot note a missing fact, so it is always known: an
            // ordinary ?: (this is what MissingFactRewriter puts round each member read on a parent that may be null).
            return node.Update(test, ifTrue, ifFalse);
        }

        // m = mark; c = test; known = known since m;
        // if (c || !known) { mA = mark; a = ifTrue; knownA = known since mA }
        // if (!c || !known) { mB = mark; b = ifFalse; knownB = known since mB }
        // if (!known && knownA && knownB && Same(a, b)) forget since m;
        // result = c ? a : b
        // Each branch appears once in the tree, so nested iifs do not grow it.
        var mark = Expression.Variable(typeof(long), "mark");
        var branchMark = Expression.Variable(typeof(long), "branchMark");
        var c = Expression.Variable(typeof(bool), "condition");
        var known = Expression.Variable(typeof(bool), "known");
        var a = Expression.Variable(node.Type, "whenTrue");
        var b = Expression.Variable(node.Type, "whenFalse");
        var knownA = Expression.Variable(typeof(bool), "knownTrue");
        var knownB = Expression.Variable(typeof(bool), "knownFalse");
        return Expression.Block(
            node.Type,
            new[] { mark, branchMark, c, known, a, b, knownA, knownB },
            Expression.Assign(mark, Mark()),
            Expression.Assign(c, test),
            Expression.Assign(known, KnownSince(mark)),
            Expression.IfThen(
                Expression.OrElse(c, Expression.Not(known)),
                Expression.Block(
                    Expression.Assign(branchMark, Mark()),
                    Expression.Assign(a, ifTrue),
                    Expression.Assign(knownA, KnownSince(branchMark)))),
            Expression.IfThen(
                Expression.OrElse(Expression.Not(c), Expression.Not(known)),
                Expression.Block(
                    Expression.Assign(branchMark, Mark()),
                    Expression.Assign(b, ifFalse),
                    Expression.Assign(knownB, KnownSince(branchMark)))),
            Expression.IfThen(
                Expression.AndAlso(
                    Expression.AndAlso(Expression.Not(known), Expression.AndAlso(knownA, knownB)),
                    Expression.Call(SameMethod.MakeGenericMethod(node.Type), a, b)),
                Expression.Call(_root, ForgetSinceMethod, mark)),
            Expression.Condition(c, a, b));
    }

    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "KleeneLinq's methods have no annotated type parameters; they are instantiated over model and primitive types, which the model's ILLink.Descriptors.xml keeps whole.")]
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        var method = visited.Method;
        if (method.DeclaringType == typeof(Enumerable) && method.Name is nameof(Enumerable.Any) or nameof(Enumerable.All)
            && visited.Arguments.Count == 2 && method.GetGenericArguments() is [var element]
            && visited.Arguments[1].Type == typeof(Func<,>).MakeGenericType(element, typeof(bool)))
        {
            var kleene = (method.Name == nameof(Enumerable.Any) ? AnyMethod : AllMethod).MakeGenericMethod(element);
            return Expression.Call(kleene, visited.Arguments[0], visited.Arguments[1], _root);
        }

        return visited;
    }

    /// <summary>Whether evaluating the expression may note a missing fact: only calls and property reads do (the tracking, the helpers, LINQ).</summary>
    private static bool CanNote(Expression expression)
    {
        var finder = new CallFinder();
        finder.Visit(expression);
        return finder.Found;
    }

    /// <summary>The operands of a chain of one operator, left to right, whichever way it nests.</summary>
    private static void Flatten(Expression expression, ExpressionType kind, List<Expression> operands)
    {
        if (expression is BinaryExpression binary && binary.NodeType == kind && binary.Method is null && binary.Type == typeof(bool))
        {
            Flatten(binary.Left, kind, operands);
            Flatten(binary.Right, kind, operands);
            return;
        }

        operands.Add(expression);
    }

    /// <summary>
    /// <c>&amp;&amp;</c> (<paramref name="decider"/> false) or <c>||</c> (true) over the operands: evaluated left to
    /// right until one is known to equal the decider, which decides the result and forgets what the others noted.
    /// </summary>
    /// <remarks>
    /// Written as one short-circuit chain of calls, each operand's bookkeeping in a helper
    /// (<see cref="KleeneLinq.AndOperand"/>, <see cref="KleeneLinq.OrOperand"/>), rather than spelt out in the tree with
    /// an <c>if</c>, a <c>goto</c> and three assignments per operand: the compiled trees are about a third the size,
    /// and <c>Expression.Compile</c>'s cost (most of a pack load) grows with the tree. An operand that cannot note a
    /// missing fact (<see cref="CanNote"/>) is always known, so it needs no mark of its own.
    /// </remarks>
    private BlockExpression Junction(List<Expression> operands, bool decider)
    {
        // start = mark; result = !decider;
        // Operand(mark, op1, start, ref result) || Operand(mark, op2, start, ref result) || ...;
        // result
        // where Operand (evaluated after its arguments: the mark is taken before the operand runs) returns whether the
        // operand is known to equal the decider (then it has forgotten what was noted since start), and sets result to
        // the decider whenever the operand equals it.
        var start = Expression.Variable(typeof(long), "start");
        var result = Expression.Variable(typeof(bool), "result");
        var operand = decider ? OrOperandMethod : AndOperandMethod;
        var known = decider ? KnownOrOperandMethod : KnownAndOperandMethod;
        Expression? chain = null;
        for (var i = 0; i < operands.Count; i++)
        {
            var step = CanNote(operands[i])
                ? Expression.Call(operand, _root, i == 0 ? start : Mark(), operands[i], start, result)
                : Expression.Call(known, _root, operands[i], start, result);
            chain = chain is null ? step : Expression.OrElse(chain, step);
        }

        return Expression.Block(
            typeof(bool),
            new[] { start, result },
            Expression.Assign(start, Mark()),
            Expression.Assign(result, Expression.Constant(!decider)),
            chain!,
            result);
    }

    private MethodCallExpression Mark() => Expression.Call(_root, MarkMethod);

    /// <summary>Finds any call, invocation or property read in an expression.</summary>
    private sealed class CallFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        public override Expression? Visit(Expression? node) => Found ? node : base.Visit(node);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Found = true;
            return node;
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            Found = true;
            return node;
        }

        // A property's getter runs code, and some of the scope's note a missing fact (IncumbentNames).
        protected override Expression VisitMember(MemberExpression node)
        {
            Found |= node.Member is PropertyInfo;
            return Found ? node : base.VisitMember(node);
        }
    }

    private MethodCallExpression KnownSince(ParameterExpression mark) => Expression.Call(_root, KnownSinceMethod, mark);
}

/// <summary>
/// Three-valued <c>Any</c> and <c>All</c> over a rule's lists (see <see cref="KleeneRewriter"/>), for predicates
/// <see cref="LambdaLifter"/> does not lift (it turns the others into <see cref="ScopeLinq.KleeneAny{T}"/> and
/// <see cref="ScopeLinq.KleeneAll{T}"/>, which decide the same way). The source comes counted against the budget
/// (<see cref="Budgeted.Counted{T}"/>), as it would for <see cref="Enumerable"/>.
/// </summary>
internal static class KleeneLinq
{
    /// <summary>
    /// Whether some item satisfies the predicate: known true as soon as one item is known to; otherwise known false only
    /// when every item is known not to. An unknown result is <see langword="true"/> when some unknown item's predicate
    /// returned <see langword="true"/>.
    /// </summary>
    public static bool Any<T>(IEnumerable<T> source, Func<T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(predicate);
        var start = scope.MarkMissing();
        var unknownTrue = false;
        using var items = source.GetEnumerator();
        while (true)
        {
            // The mark comes before MoveNext: a lazy source (Where, Select) may note a missing fact while it finds the
            // item, and then the item itself is unknown.
            var mark = scope.MarkMissing();
            if (!items.MoveNext())
            {
                return unknownTrue;
            }

            if (predicate(items.Current))
            {
                if (scope.KnownSince(mark))
                {
                    scope.ForgetSince(start);
                    return true;
                }

                unknownTrue = true;
            }
        }
    }

    /// <summary>
    /// Whether every item satisfies the predicate: known false as soon as one item is known not to; otherwise known true
    /// only when every item is known to. An unknown result is <see langword="false"/> when some unknown item's predicate
    /// returned <see langword="false"/>.
    /// </summary>
    public static bool All<T>(IEnumerable<T> source, Func<T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(predicate);
        var start = scope.MarkMissing();
        var unknownFalse = false;
        using var items = source.GetEnumerator();
        while (true)
        {
            var mark = scope.MarkMissing();
            if (!items.MoveNext())
            {
                return !unknownFalse;
            }

            if (!predicate(items.Current))
            {
                if (scope.KnownSince(mark))
                {
                    scope.ForgetSince(start);
                    return false;
                }

                unknownFalse = true;
            }
        }
    }

    /// <summary>
    /// One operand of a <c>&amp;&amp;</c> chain (<see cref="KleeneRewriter"/>): a false operand makes the result false, and
    /// decides it (forgetting what the chain noted since <paramref name="start"/>) when nothing was noted since
    /// <paramref name="mark"/>, taken just before the operand ran.
    /// </summary>
    /// <returns>Whether the operand decided the chain, so the operands after it are not evaluated.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool AndOperand(RuleScope scope, long mark, bool value, long start, ref bool result)
    {
        if (value)
        {
            return false;
        }

        result = false;
        return Decides(scope, mark, start);
    }

    /// <summary>One operand of a <c>||</c> chain: as <see cref="AndOperand"/> with a true operand deciding.</summary>
    /// <returns>Whether the operand decided the chain.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool OrOperand(RuleScope scope, long mark, bool value, long start, ref bool result)
    {
        if (!value)
        {
            return false;
        }

        result = true;
        return Decides(scope, mark, start);
    }

    /// <summary>An operand of a <c>&amp;&amp;</c> chain that cannot note a missing fact, so is always known: false decides.</summary>
    /// <returns>Whether the operand decided the chain.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool KnownAndOperand(RuleScope scope, bool value, long start, ref bool result)
    {
        if (value)
        {
            return false;
        }

        result = false;
        scope.ForgetSince(start);
        return true;
    }

    /// <summary>An operand of a <c>||</c> chain that cannot note a missing fact, so is always known: true decides.</summary>
    /// <returns>Whether the operand decided the chain.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool KnownOrOperand(RuleScope scope, bool value, long start, ref bool result)
    {
        if (!value)
        {
            return false;
        }

        result = true;
        scope.ForgetSince(start);
        return true;
    }

    private static bool Decides(RuleScope scope, long mark, long start)
    {
        if (!scope.KnownSince(mark))
        {
            return false;
        }

        scope.ForgetSince(start);
        return true;
    }

    /// <summary>Whether the two branches of an <c>iif</c> with an unknown condition give the same value.</summary>
    public static bool Same<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);
}
