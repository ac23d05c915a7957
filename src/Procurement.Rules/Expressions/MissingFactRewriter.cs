using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>
/// Rewrites a validated rule expression so that reading a fact that is not recorded (a <see langword="null"/>
/// model member) names that fact on the <see cref="RuleScope"/> instead of throwing or silently counting as false.
/// A rule whose evaluation named a missing fact is reported as undetermined, whatever its value.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each read of a nullable model member is wrapped in <c>scope.Track(value, "path")</c>; the path is the
/// member's place in a procurement file, such as <c>tender.eligibilityJustification</c> or
/// <c>incumbentContracts[].provider.kind</c>.</item>
/// <item>A member read on a parent that is <see langword="null"/> yields the default value instead of throwing
/// (the parent has already been named as missing).</item>
/// <item>A missing list reads as empty (it has already been named).</item>
/// <item>An explicit test <c>x == null</c> or <c>x != null</c> asks whether <c>x</c> is recorded, so it does not
/// name <c>x</c> as missing.</item>
/// </list>
/// </remarks>
internal sealed class MissingFactRewriter : ExpressionVisitor
{
    private static readonly Assembly ModelAssembly = typeof(ProposedProcurement).Assembly;
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly ConcurrentDictionary<MemberInfo, bool> NullableMembers = new();
    private static readonly MethodInfo TrackRefMethod = typeof(RuleScope).GetMethod(nameof(RuleScope.TrackRef), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo TrackValueMethod = typeof(RuleScope).GetMethod(nameof(RuleScope.TrackValue), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo TrackListMethod = typeof(RuleScope).GetMethod(nameof(RuleScope.TrackList), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private readonly ParameterExpression _root;
    private readonly Dictionary<ParameterExpression, string> _parameterPaths = new();

    private MissingFactRewriter(ParameterExpression root)
    {
        _root = root;
    }

    public static Expression Rewrite(Expression body, ParameterExpression root) => new MissingFactRewriter(root).Visit(body);

    protected override Expression VisitMember(MemberExpression node) => RewriteMember(node, track: true);

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual)
        {
            if (IsNullConstant(node.Right) && AsMember(node.Left) is not null)
            {
                return node.Update(RewriteUntracked(node.Left), node.Conversion, node.Right);
            }

            if (IsNullConstant(node.Left) && AsMember(node.Right) is not null)
            {
                return node.Update(node.Left, node.Conversion, RewriteUntracked(node.Right));
            }
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // LINQ over a model list: lambda parameters stand for the list's items, "path[]".
        if (node.Method.DeclaringType == typeof(Enumerable) && node.Arguments.Count > 1 && PathOf(node.Arguments[0]) is { } path)
        {
            foreach (var argument in node.Arguments.Skip(1))
            {
                if (argument is LambdaExpression lambda && lambda.Parameters.Count > 0)
                {
                    _parameterPaths[lambda.Parameters[0]] = path + "[]";
                }
            }
        }

        return base.VisitMethodCall(node);
    }

    private Expression RewriteUntracked(Expression operand) => operand switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Operand: MemberExpression m } u
            => u.Update(RewriteMember(m, track: false)),
        MemberExpression m => RewriteMember(m, track: false),
        _ => Visit(operand),
    };

    private Expression RewriteMember(MemberExpression node, bool track)
    {
        if (node.Expression is null || !IsFactOwner(node.Expression.Type))
        {
            return base.VisitMember(node);
        }

        var inner = Visit(node.Expression);
        var fact = track && IsNullable(node.Member) ? PathOf(node) ?? Names.Camel(node.Member.Name) : null;
        if (inner.Type.IsValueType || inner is ParameterExpression)
        {
            return Read(node, inner, fact);
        }

        // parent?.Member: when the parent is missing it has been named already, and the member reads as its default;
        // a list or text read on (not tested for null) reads as empty instead, so a method called on it (Contains, Any,
        // StartsWith) does not throw: the parent's note already makes the operand unknown, and the three-valued || and
        // && can still be decided by another operand ("Selection.RecordKept.Contains(X) || true" is true).
        var parent = Expression.Variable(inner.Type, "parent");
        return Expression.Block(
            node.Type,
            new[] { parent },
            Expression.Assign(parent, inner),
            Expression.Condition(
                Expression.Equal(parent, Expression.Constant(null, inner.Type)),
                track ? EmptyOrDefault(node.Type) : Expression.Default(node.Type),
                Read(node, parent, fact)));
    }

    /// <summary>An empty list or text for a member read on a missing parent; the type's default for anything else.</summary>
    private static Expression EmptyOrDefault(Type type)
    {
        if (type == typeof(string))
        {
            return Expression.Constant(string.Empty, type);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Expression.Constant(Array.CreateInstance(type.GetGenericArguments()[0], 0), type);
        }

        return Expression.Default(type);
    }

    /// <summary>Reads the member from its (non-null) parent, naming the fact when the value is null.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "RuleScope.Track* have no annotated type parameters; they are instantiated over model and primitive types, and the model's ILLink.Descriptors.xml keeps it whole.")]
    private Expression Read(MemberExpression node, Expression parent, string? fact)
    {
        var access = node.Update(parent);
        if (fact is null)
        {
            return access;
        }

        var type = node.Type;
        var name = Expression.Constant(fact);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Expression.Call(_root, TrackValueMethod.MakeGenericMethod(underlying), access, name);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Expression.Call(_root, TrackListMethod.MakeGenericMethod(type.GetGenericArguments()[0]), access, name);
        }

        return Expression.Call(_root, TrackRefMethod.MakeGenericMethod(type), access, name);
    }

    private string? PathOf(Expression expression)
    {
        switch (expression)
        {
            case ParameterExpression p when p == _root:
                return string.Empty;
            case ParameterExpression p:
                return _parameterPaths.GetValueOrDefault(p);
            case UnaryExpression { NodeType: ExpressionType.Convert } u:
                return PathOf(u.Operand);
            case MemberExpression { Expression: { } parent } m when IsFactOwner(parent.Type):
                var parentPath = PathOf(parent);
                if (parentPath is null)
                {
                    return null;
                }

                var name = Names.Camel(m.Member.Name);
                return parentPath.Length == 0 ? name : parentPath + "." + name;
            default:
                return null;
        }
    }

    private static MemberExpression? AsMember(Expression e) => e switch
    {
        MemberExpression m => m,
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Operand: MemberExpression m } => m,
        _ => null,
    };

    private static bool IsNullConstant(Expression e) => e switch
    {
        ConstantExpression { Value: null } => true,
        UnaryExpression { NodeType: ExpressionType.Convert, Operand: ConstantExpression { Value: null } } => true,
        _ => false,
    };

    private static bool IsFactOwner(Type type) => type == typeof(RuleScope) || type.Assembly == ModelAssembly;

    internal static bool IsNullable(MemberInfo member) => NullableMembers.GetOrAdd(member, static m =>
    {
        if (m is not PropertyInfo property)
        {
            return false;
        }

        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            return true;
        }

        if (property.PropertyType.IsValueType)
        {
            return false;
        }

        lock (Nullability)
        {
            return Nullability.Create(property).ReadState == NullabilityState.Nullable;
        }
    });
}
