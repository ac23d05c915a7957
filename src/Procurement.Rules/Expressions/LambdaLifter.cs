using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

namespace Procurement.Rules.Expressions;

/// <summary>
/// Lifts the lambdas inside a rule expression (<c>IncumbentContracts.All(c =&gt; ...)</c>) out into delegates compiled
/// once at load, so that a check does not build a new delegate each time the expression runs.
/// </summary>
/// <remarks>
/// <para>
/// Why: <see cref="LambdaExpression.Compile()"/> turns a nested lambda into code that creates its delegate through
/// reflection (<c>MethodInfo.CreateDelegate</c>) every time the outer expression runs: about a microsecond per lambda,
/// half of a whole check of the default pack. A lifted lambda is compiled on its own as
/// <c>Func&lt;RuleScope, T, R&gt;</c> and passed in as a constant.
/// </para>
/// <para>
/// <c>Any</c>, <c>All</c>, <c>Count</c>, <c>Where</c> and <c>Select</c> call <see cref="ScopeLinq"/> helpers that take the
/// lifted delegate and the scope (no allocation, or only the sequence's own); every other LINQ function gets an ordinary <c>Func&lt;T, R&gt;</c>
/// bound to the scope (<see cref="ScopeLinq.Bind{T, TResult}"/>), so it runs the framework's own implementation.
/// Only lambdas of one parameter that use nothing but that parameter and the expression root are lifted; any other
/// lambda is left as it is, so the outcome is the same either way (tests compare both on every fixture).
/// </para>
/// </remarks>
internal sealed class LambdaLifter : ExpressionVisitor
{
    private static readonly Dictionary<string, MethodInfo> Helpers = typeof(ScopeLinq)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name != nameof(ScopeLinq.Bind))
        .ToDictionary(m => m.Name, StringComparer.Ordinal);

    private static readonly MethodInfo BindMethod = typeof(ScopeLinq).GetMethod(nameof(ScopeLinq.Bind))!;

    private readonly ParameterExpression _root;

    private LambdaLifter(ParameterExpression root)
    {
        _root = root;
    }

    /// <summary>Returns the expression with every liftable lambda lifted (bottom-up, so nested ones first).</summary>
    public static Expression Lift(Expression body, ParameterExpression root) => new LambdaLifter(root).Visit(body);

    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "ScopeLinq.Bind has no annotated type parameters; it is instantiated over model and primitive types, and the model's ILLink.Descriptors.xml keeps it whole.")]
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        if (visited.Method.DeclaringType == typeof(KleeneLinq))
        {
            return LiftKleene(visited);
        }

        if (visited.Method.DeclaringType != typeof(Enumerable))
        {
            return visited;
        }

        var arguments = visited.Arguments.ToArray();
        var lifted = new Expression?[arguments.Length];
        for (var i = 1; i < arguments.Length; i++)
        {
            if (arguments[i] is LambdaExpression { Parameters.Count: 1 } lambda && UsesOnly(lambda))
            {
                lifted[i] = Compile(lambda);
            }
        }

        // Any, All, Count, Where, Select: a helper taking the lifted delegate and the scope (no delegate per call).
        if (arguments.Length == 2 && lifted[1] is { } liftedFunction && Helpers.TryGetValue(visited.Method.Name, out var helper)
            && helper.GetGenericArguments().Length == visited.Method.GetGenericArguments().Length)
        {
            // The helper counts the items it reads itself, so the source goes in without its counting wrapper.
            var source = EvaluationRewriter.Uncounted(arguments[0]);
            return Expression.Call(helper.MakeGenericMethod(visited.Method.GetGenericArguments()), source, liftedFunction, _root);
        }

        // Any other LINQ function: a Func<T, R> bound to the scope, given to the framework's implementation.
        var changed = false;
        for (var i = 1; i < arguments.Length; i++)
        {
            if (lifted[i] is { } function && arguments[i].Type == Expression.GetFuncType(function.Type.GetGenericArguments()[1], function.Type.GetGenericArguments()[2]))
            {
                var types = function.Type.GetGenericArguments();
                arguments[i] = Expression.Call(BindMethod.MakeGenericMethod(types[1], types[2]), function, _root);
                changed = true;
            }
        }

        return changed ? visited.Update(visited.Object, arguments) : visited;
    }

    /// <summary>
    /// Three-valued <c>Any</c>/<c>All</c> (<see cref="KleeneRewriter"/>): with a liftable predicate,
    /// <see cref="ScopeLinq.KleeneAny{T}"/> or <see cref="ScopeLinq.KleeneAll{T}"/>, which decide the same way and count
    /// the items themselves.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "ScopeLinq's helpers have no annotated type parameters; they are instantiated over model and primitive types, and the model's ILLink.Descriptors.xml keeps it whole.")]
    private MethodCallExpression LiftKleene(MethodCallExpression call)
    {
        if (call.Method.Name is not (nameof(KleeneLinq.Any) or nameof(KleeneLinq.All))
            || call.Arguments[1] is not LambdaExpression { Parameters.Count: 1 } lambda || !UsesOnly(lambda))
        {
            return call;
        }

        var helper = Helpers["Kleene" + call.Method.Name].MakeGenericMethod(call.Method.GetGenericArguments());
        return Expression.Call(helper, EvaluationRewriter.Uncounted(call.Arguments[0]), Compile(lambda), _root);
    }

    /// <summary>Compiles <c>x =&gt; body</c> as <c>(root, x) =&gt; body</c>; returns it as a constant.</summary>
    private ConstantExpression Compile(LambdaExpression lambda)
    {
        var parameter = lambda.Parameters[0];
        var type = typeof(Func<,,>).MakeGenericType(typeof(RuleScope), parameter.Type, lambda.ReturnType);
        var compiled = Expression.Lambda(type, lambda.Body, _root, parameter).Compile();
        return Expression.Constant(compiled, type);
    }

    /// <summary>Whether the lambda's body uses no parameter but its own and the root (it captures no other lambda's).</summary>
    private bool UsesOnly(LambdaExpression lambda)
    {
        var finder = new ParameterFinder();
        finder.Visit(lambda.Body);
        return finder.Free.All(p => p == _root || p == lambda.Parameters[0]);
    }

    /// <summary>Collects the parameters an expression uses that it does not declare itself.</summary>
    private sealed class ParameterFinder : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _declared = new();

        public HashSet<ParameterExpression> Free { get; } = new();

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _declared.UnionWith(node.Variables);
            return base.VisitBlock(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_declared.Contains(node))
            {
                Free.Add(node);
            }

            return node;
        }
    }
}

/// <summary>
/// LINQ over a rule's lists with lifted lambdas (<see cref="LambdaLifter"/>): the same results, order of evaluation
/// and exceptions as <see cref="Enumerable"/>, without a delegate per call; <c>KleeneAny</c> and <c>KleeneAll</c> are
/// the three-valued ones <see cref="KleeneRewriter"/> asks for, deciding as <see cref="KleeneLinq"/>'s do.
/// </summary>
internal static class ScopeLinq
{
    /// <summary>As <see cref="Enumerable.Any{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/>.</summary>
    public static bool Any<T>(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is IReadOnlyList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                scope.Charge(1);
                if (predicate(scope, list[i]))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var item in source)
        {
            scope.Charge(1);
            if (predicate(scope, item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="Enumerable.All{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/>.</summary>
    public static bool All<T>(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is IReadOnlyList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                scope.Charge(1);
                if (!predicate(scope, list[i]))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var item in source)
        {
            scope.Charge(1);
            if (!predicate(scope, item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// As <see cref="KleeneLinq.Any{T}"/>: three-valued, so it may read past an item whose predicate is unknown, looking
    /// for one that decides.
    /// </summary>
    public static bool KleeneAny<T>(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        var start = scope.MarkMissing();
        var unknownTrue = false;
        if (source is IReadOnlyList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                scope.Charge(1);
                var mark = scope.MarkMissing();
                if (predicate(scope, list[i]))
                {
                    if (scope.KnownSince(mark))
                    {
                        scope.ForgetSince(start);
                        return true;
                    }

                    unknownTrue = true;
                }
            }

            return unknownTrue;
        }

        using var items = source.GetEnumerator();
        while (true)
        {
            // Before MoveNext: a lazy source that notes a missing fact while finding an item makes the item unknown.
            var mark = scope.MarkMissing();
            if (!items.MoveNext())
            {
                return unknownTrue;
            }

            scope.Charge(1);
            if (predicate(scope, items.Current))
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

    /// <summary>As <see cref="KleeneLinq.All{T}"/>: three-valued, as <see cref="KleeneAny{T}"/> is.</summary>
    public static bool KleeneAll<T>(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        var start = scope.MarkMissing();
        var unknownFalse = false;
        if (source is IReadOnlyList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                scope.Charge(1);
                var mark = scope.MarkMissing();
                if (!predicate(scope, list[i]))
                {
                    if (scope.KnownSince(mark))
                    {
                        scope.ForgetSince(start);
                        return false;
                    }

                    unknownFalse = true;
                }
            }

            return !unknownFalse;
        }

        using var items = source.GetEnumerator();
        while (true)
        {
            var mark = scope.MarkMissing();
            if (!items.MoveNext())
            {
                return !unknownFalse;
            }

            scope.Charge(1);
            if (!predicate(scope, items.Current))
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

    /// <summary>As <see cref="Enumerable.Count{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/>.</summary>
    public static int Count<T>(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = 0;
        foreach (var item in source)
        {
            scope.Charge(1);
            if (predicate(scope, item))
            {
                checked
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>As <see cref="Enumerable.Where{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/>: lazy, checked for null at once.</summary>
    public static IEnumerable<T> Where<T>(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Iterate(source, predicate, scope);

        static IEnumerable<T> Iterate(IEnumerable<T> source, Func<RuleScope, T, bool> predicate, RuleScope scope)
        {
            foreach (var item in source)
            {
                scope.Charge(1);
                if (predicate(scope, item))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>
    /// As <see cref="Enumerable.Select{TSource, TResult}(IEnumerable{TSource}, Func{TSource, TResult})"/>: lazy, checked
    /// for null at once. A list-valued fact is read through <see cref="ISequenceFact.CopyTo"/>, which allocates no
    /// enumerator.
    /// </summary>
    public static IEnumerable<TResult> Select<T, TResult>(IEnumerable<T> source, Func<RuleScope, T, TResult> selector, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SelectSequence<T, TResult>(source, selector, scope);
    }

    /// <summary>A <c>Func&lt;T, R&gt;</c> that runs a lifted lambda against the scope, for any other LINQ function.</summary>
    public static Func<T, TResult> Bind<T, TResult>(Func<RuleScope, T, TResult> function, RuleScope scope) => item => function(scope, item);
}

/// <summary>A lazy sequence that knows its length and can copy itself into an array without an enumerator (how list-valued facts are read).</summary>
internal interface ISequenceFact
{
    /// <summary>The number of items when known without reading them; otherwise null.</summary>
    int? KnownCount { get; }

    /// <summary>Writes the items, in order, as <c>foreach</c> would see them, into an array of <see cref="KnownCount"/> items.</summary>
    void CopyTo(object?[] items);
}

/// <summary>The lazy result of <see cref="ScopeLinq.Select{T, TResult}"/>: evaluated each time it is enumerated.</summary>
internal sealed class SelectSequence<T, TResult> : IEnumerable<TResult>, ISequenceFact
{
    private readonly IEnumerable<T> _source;
    private readonly Func<RuleScope, T, TResult> _selector;
    private readonly RuleScope _scope;

    public SelectSequence(IEnumerable<T> source, Func<RuleScope, T, TResult> selector, RuleScope scope)
    {
        _source = source;
        _selector = selector;
        _scope = scope;
    }

    public int? KnownCount => _source is IReadOnlyList<T> list ? list.Count : null;

    public void CopyTo(object?[] items)
    {
        // The caller has counted the items against the budget. A list that changes length meanwhile (a caller's own
        // list type can) is read only as far as both allow.
        var list = (IReadOnlyList<T>)_source;
        for (var i = 0; i < items.Length && i < list.Count; i++)
        {
            items[i] = _selector(_scope, list[i]);
        }
    }

    public IEnumerator<TResult> GetEnumerator()
    {
        foreach (var item in _source)
        {
            _scope.Charge(1);
            yield return _selector(_scope, item);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
