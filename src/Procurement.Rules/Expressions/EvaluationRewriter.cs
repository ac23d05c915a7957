using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Expressions;

/// <summary>
/// Rewrites a sandboxed rule expression so that evaluating it is bounded and means the same everywhere:
/// <list type="bullet">
/// <item>Integer arithmetic is checked: an overflow throws, so the rule fails instead of wrapping round to a wrong
/// breach or pass.</item>
/// <item>Floating-point arithmetic is finite: a <c>double</c> or <c>float</c> result that is NaN or infinite (dividing by
/// zero, <c>0.0 / 0.0</c>, <c>1e308 * 10</c>, a <c>Sum</c> that overflows) throws, so the rule fails instead of a NaN
/// comparing false (a wrong breach) or an infinity comparing greater than everything (a wrong pass).</item>
/// <item>Every sequence operation counts the items it reads against the rule's <see cref="EvaluationBudget"/>
/// (through <see cref="Budgeted.Counted{T}"/>, or inside the <see cref="ScopeLinq"/> helpers lifted lambdas use).</item>
/// <item>Text is compared ordinally and built culture-invariantly: <c>StartsWith</c>, <c>EndsWith</c>,
/// <c>string.Compare</c> (and so <c>&lt;</c> on text) and <c>OrderBy</c> on text use ordinal comparison; text built with
/// <c>+</c> or <c>string.Concat</c> formats values as reports do and counts its length against the budget.</item>
/// </list>
/// Runs after <see cref="MissingFactRewriter"/> and before <see cref="LambdaLifter"/> (which compiles lambdas as it lifts
/// them, so they must be rewritten first).
/// </summary>
internal sealed class EvaluationRewriter : ExpressionVisitor
{
    private static readonly MethodInfo CountedMethod = typeof(Budgeted).GetMethod(nameof(Budgeted.Counted))!;
    private static readonly MethodInfo ConcatTextMethod = typeof(Budgeted).GetMethod(nameof(Budgeted.ConcatText))!;
    private static readonly MethodInfo ConcatSequenceMethod = typeof(Budgeted).GetMethod(nameof(Budgeted.ConcatSequence))!;
    private static readonly MethodInfo StartsWithOrdinal = typeof(string).GetMethod(nameof(string.StartsWith), new[] { typeof(string), typeof(StringComparison) })!;
    private static readonly MethodInfo EndsWithOrdinal = typeof(string).GetMethod(nameof(string.EndsWith), new[] { typeof(string), typeof(StringComparison) })!;
    private static readonly MethodInfo CompareOrdinal = typeof(string).GetMethod(nameof(string.CompareOrdinal), new[] { typeof(string), typeof(string) })!;

    private readonly ParameterExpression _root;

    private EvaluationRewriter(ParameterExpression root)
    {
        _root = root;
    }

    /// <summary>Returns the rewritten expression.</summary>
    public static Expression Rewrite(Expression body, ParameterExpression root) => new EvaluationRewriter(root).Visit(body);

    /// <summary>The source of a sequence operation without the counting wrapper this rewriter put round it.</summary>
    public static Expression Uncounted(Expression source) =>
        source is MethodCallExpression { Method.IsGenericMethod: true } call && call.Method.GetGenericMethodDefinition() == CountedMethod
            ? call.Arguments[0]
            : source;

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = (BinaryExpression)base.VisitBinary(node);
        if (visited.Method is { } method && method.DeclaringType == typeof(string) && method.Name == nameof(string.Concat))
        {
            return Concat(new[] { visited.Left, visited.Right });
        }

        if (visited.Method is null && IsFloat(visited.Type)
            && visited.NodeType is ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide
                or ExpressionType.Modulo or ExpressionType.Power)
        {
            return Finite(visited);
        }

        if (visited.Method is null && IsInteger(visited.Type))
        {
            return visited.NodeType switch
            {
                ExpressionType.Add => Expression.AddChecked(visited.Left, visited.Right),
                ExpressionType.Subtract => Expression.SubtractChecked(visited.Left, visited.Right),
                ExpressionType.Multiply => Expression.MultiplyChecked(visited.Left, visited.Right),
                _ => visited,
            };
        }

        return visited;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var visited = (UnaryExpression)base.VisitUnary(node);
        if (visited.Method is not null)
        {
            return visited;
        }

        if (visited.NodeType == ExpressionType.Negate && IsInteger(visited.Type))
        {
            return Expression.NegateChecked(visited.Operand);
        }

        if (visited.NodeType == ExpressionType.Convert && IsNumber(visited.Type) && IsNumber(visited.Operand.Type))
        {
            return Expression.ConvertChecked(visited.Operand, visited.Type);
        }

        return visited;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "The counting helpers and Enumerable's ordering methods have no annotated type parameters; they are instantiated over model and primitive types, which the model's ILLink.Descriptors.xml keeps whole.")]
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        var method = visited.Method;
        if (method.DeclaringType == typeof(Enumerable))
        {
            // Sum and Average of finite numbers can still overflow to infinity.
            var sequence = Sequence(visited);
            return IsFloat(sequence.Type) ? Finite(sequence) : sequence;
        }

        if (method.DeclaringType == typeof(Math) && IsFloat(visited.Type))
        {
            return Finite(visited);
        }

        if (method.DeclaringType != typeof(string))
        {
            return visited;
        }

        var parameters = method.GetParameters();
        switch (method.Name)
        {
            case nameof(string.StartsWith) when parameters is [{ ParameterType: var p }] && p == typeof(string):
                return Expression.Call(visited.Object, StartsWithOrdinal, visited.Arguments[0], Expression.Constant(StringComparison.Ordinal));
            case nameof(string.EndsWith) when parameters is [{ ParameterType: var p }] && p == typeof(string):
                return Expression.Call(visited.Object, EndsWithOrdinal, visited.Arguments[0], Expression.Constant(StringComparison.Ordinal));
            case nameof(string.Compare) when parameters.Length == 2 && parameters.All(q => q.ParameterType == typeof(string)):
                return Expression.Call(CompareOrdinal, visited.Arguments[0], visited.Arguments[1]);
            case nameof(string.Concat) when parameters is [{ ParameterType: { IsGenericType: true } sequence }]
                && sequence.GetGenericTypeDefinition() == typeof(IEnumerable<>):
                var element = sequence.GetGenericArguments()[0];
                return Expression.Call(ConcatSequenceMethod.MakeGenericMethod(element), Uncounted(visited.Arguments[0]), _root);
            case nameof(string.Concat) when parameters.All(q => !q.ParameterType.IsArray):
                return Concat(visited.Arguments);
            default:
                return visited;
        }
    }

    /// <summary>Counts the items of every sequence a LINQ function reads; orders text ordinally.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "The counting helpers and Enumerable's ordering methods have no annotated type parameters; they are instantiated over model and primitive types, which the model's ILLink.Descriptors.xml keeps whole.")]
    private MethodCallExpression Sequence(MethodCallExpression call)
    {
        var method = call.Method;
        var arguments = call.Arguments.ToArray();
        var parameters = method.GetParameters();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (SequenceElement(parameters[i].ParameterType) is { } element)
            {
                arguments[i] = Expression.Call(CountedMethod.MakeGenericMethod(element), arguments[i], _root);
            }
        }

        if (method.Name is nameof(Enumerable.OrderBy) or nameof(Enumerable.OrderByDescending) or nameof(Enumerable.ThenBy) or nameof(Enumerable.ThenByDescending)
            && arguments.Length == 2 && method.GetGenericArguments() is [var source, var key] && key == typeof(string))
        {
            var ordinal = typeof(Enumerable).GetMethods()
                .Single(m => m.Name == method.Name && m.GetParameters().Length == 3)
                .MakeGenericMethod(source, key);
            return Expression.Call(ordinal, arguments[0], arguments[1], Expression.Constant(StringComparer.Ordinal, typeof(IComparer<string>)));
        }

        return call.Update(call.Object, arguments);
    }

    protected override Expression VisitConstant(ConstantExpression node) =>
        node.Value is double d && !double.IsFinite(d) || node.Value is float f && !float.IsFinite(f) ? Finite(node) : node;

    /// <summary>The floating-point value, or an <see cref="OverflowException"/> when it is NaN or infinite.</summary>
    private static MethodCallExpression Finite(Expression value)
    {
        var method = typeof(Budgeted).GetMethod(nameof(Budgeted.Finite), new[] { value.Type })!;
        return Expression.Call(method, value);
    }

    private static bool IsFloat(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(double) || t == typeof(float));

    private MethodCallExpression Concat(IEnumerable<Expression> parts) =>
        Expression.Call(ConcatTextMethod, _root, Expression.NewArrayInit(typeof(object), parts.Select(p => p.Type == typeof(object) ? p : Expression.Convert(p, typeof(object)))));

    private static Type? SequenceElement(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    private static bool IsInteger(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long));

    private static bool IsNumber(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(float)
            || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong);
    }
}

/// <summary>What the rewritten expressions call: counting wrappers and text built within the budget.</summary>
internal static class Budgeted
{
    /// <summary>
    /// The sequence, counting each item read against the scope's budget. A collection that is already in memory (an
    /// array, a list) is charged its whole length at once and passed on as it is: the LINQ function reads it at most
    /// once (any lazy result it returns is counted again by whatever reads that), and it keeps the framework's fast
    /// paths (<c>Count()</c> of an array) and allocates no iterator.
    /// </summary>
    public static IEnumerable<T> Counted<T>(IEnumerable<T> source, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source is ICollection<T> collection)
        {
            scope.Charge(collection.Count + 1L);
            return source;
        }

        return Iterate(source, scope);

        static IEnumerable<T> Iterate(IEnumerable<T> source, RuleScope scope)
        {
            foreach (var item in source)
            {
                scope.Charge(1);
                yield return item;
            }
        }
    }

    /// <summary>The number, or an <see cref="OverflowException"/> when it is NaN or infinite (see <see cref="EvaluationRewriter"/>).</summary>
    public static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new OverflowException(NotFinite(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The number, or an <see cref="OverflowException"/> when it is NaN or infinite (see <see cref="EvaluationRewriter"/>).</summary>
    public static float Finite(float value) =>
        float.IsFinite(value) ? value : throw new OverflowException(NotFinite(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Null, or the number checked as <see cref="Finite(double)"/> does.</summary>
    public static double? Finite(double? value) => value is { } v ? Finite(v) : null;

    /// <summary>Null, or the number checked as <see cref="Finite(float)"/> does.</summary>
    public static float? Finite(float? value) => value is { } v ? Finite(v) : null;

    private static string NotFinite(string value) =>
        $"a floating-point result was {value}, not a finite number (a division by zero or an overflow)";

    /// <summary><c>a + b</c> on text: null reads as empty, other values as reports show them (culture-invariant).</summary>
    public static string ConcatText(RuleScope scope, object?[] parts)
    {
        var texts = new string[parts.Length];
        long length = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            texts[i] = Text(parts[i]);
            length += texts[i].Length;
        }

        scope.ChargeText(length);
        return string.Concat(texts);
    }

    /// <summary><c>string.Concat(sequence)</c>: each item counted as it is read, the text counted as it grows.</summary>
    public static string ConcatSequence<T>(IEnumerable<T> source, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder();
        foreach (var item in source)
        {
            scope.Charge(1);
            var part = Text(item);
            scope.ChargeText(part.Length);
            text.Append(part);
        }

        return text.ToString();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => FactFormatter.Format(value),
    };
}
