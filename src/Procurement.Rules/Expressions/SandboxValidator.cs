using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>
/// Walks a parsed rule expression and lists everything in it that reaches outside the sandbox. The parser's own
/// restrictions are a first line; this allow-list over the final expression tree is the guarantee: an expression
/// may read the procurement, call the helpers on <see cref="RuleScope"/>, use a short list of pure LINQ, string,
/// date and maths functions, and nothing else (no reflection, no <c>GetType()</c>, no object creation other than
/// dates, no I/O, no methods on model objects).
/// </summary>
internal sealed class SandboxValidator : ExpressionVisitor
{
    private static readonly Assembly ModelAssembly = typeof(ProposedProcurement).Assembly;

    private static readonly HashSet<string> AllowedEnumerableMethods = new(StringComparer.Ordinal)
    {
        "Any", "All", "Count", "Where", "Select", "First", "FirstOrDefault", "Last", "LastOrDefault",
        "Min", "Max", "Sum", "Average", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
        "Contains", "Distinct", "Skip", "Take", "Concat", "DefaultIfEmpty",
    };

    /// <summary>
    /// The string methods an expression may call, by exact signature: each is ordinal and culture-invariant as it
    /// stands, or is rewritten to be so before it is compiled (<see cref="EvaluationRewriter"/>: <c>StartsWith</c> and
    /// <c>EndsWith</c> get <see cref="StringComparison.Ordinal"/>, <c>Compare</c> becomes <c>CompareOrdinal</c>,
    /// <c>Concat</c> formats values invariantly). No overload taking a culture, a comparison kind or an array is allowed.
    /// </summary>
    internal static readonly HashSet<string> AllowedStringMethods = new(StringComparer.Ordinal)
    {
        "Contains(String)", "Contains(Char)", "StartsWith(String)", "StartsWith(Char)", "EndsWith(String)", "EndsWith(Char)",
        "ToLowerInvariant()", "ToUpperInvariant()", "Trim()", "IsNullOrEmpty(String)", "IsNullOrWhiteSpace(String)",
        "Compare(String, String)", "CompareOrdinal(String, String)", "Equals(String)", "Equals(String, String)",
        "Concat(String, String)", "Concat(String, String, String)", "Concat(String, String, String, String)",
        "Concat(Object)", "Concat(Object, Object)", "Concat(Object, Object, Object)", "Concat(IEnumerable`1)",
        "op_Equality(String, String)", "op_Inequality(String, String)",
    };

    private static readonly HashSet<string> AllowedDateMethods = new(StringComparer.Ordinal)
    {
        "AddDays", "AddMonths", "AddYears", "CompareTo", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan",
        "op_GreaterThanOrEqual", "op_Equality", "op_Inequality",
    };

    private static readonly HashSet<Type> ValueTypes = new()
    {
        typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(string), typeof(DateOnly),
    };

    private readonly List<string> _violations = new();
    private int _lambdaArgumentDepth;

    private SandboxValidator()
    {
    }

    /// <summary>Lists the sandbox violations in an expression; empty when it is allowed.</summary>
    public static IReadOnlyList<string> Check(Expression expression)
    {
        var validator = new SandboxValidator();
        validator.Visit(expression);
        return validator._violations.Distinct(StringComparer.Ordinal).ToList();
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is not null && !IsAllowedValueType(node.Type))
        {
            Fail($"a constant of type '{Describe(node.Type)}' is not allowed");
        }

        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var member = node.Member;
        var declaring = member.DeclaringType!;
        var allowed = member switch
        {
            PropertyInfo or FieldInfo when IsModelType(declaring) || declaring == typeof(RuleScope) => IsPublic(member),
            _ when declaring == typeof(DateOnly) => member.Name is "Year" or "Month" or "Day" or "DayNumber" or "DayOfWeek" or "DayOfYear" or "MinValue" or "MaxValue",
            _ when declaring == typeof(string) => member.Name is "Length" or "Empty",
            _ when declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(Nullable<>) => member.Name is "HasValue" or "Value",
            _ when IsCollectionType(declaring) => member.Name is "Count" or "Length",
            _ when declaring == typeof(decimal) => member.Name is "Zero" or "One",
            _ => false,
        };

        if (!allowed)
        {
            Fail($"'{Describe(declaring)}.{member.Name}' is not allowed");
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var declaring = method.DeclaringType!;
        bool allowed;
        if (declaring == typeof(Enumerable))
        {
            allowed = AllowedEnumerableMethods.Contains(method.Name);
            if (allowed && method.Name is "Min" or "Max" && method.ReturnType == typeof(string))
            {
                Fail($"'{method.Name}' of text is not allowed (it would compare by culture); use OrderBy, which compares text ordinally");
                return node;
            }
        }
        else if (declaring == typeof(RuleScope))
        {
            allowed = method.IsPublic && !method.IsSpecialName;
        }
        else if (declaring == typeof(string))
        {
            allowed = AllowedStringMethods.Contains(Signature(method));
        }
        else if (declaring == typeof(DateOnly))
        {
            allowed = AllowedDateMethods.Contains(method.Name);
        }
        else if (declaring == typeof(Math))
        {
            allowed = method.Name is "Abs" or "Min" or "Max" or "Round" or "Floor" or "Ceiling";
        }
        else if (declaring == typeof(decimal))
        {
            allowed = method.Name.StartsWith("op_", StringComparison.Ordinal) || method.Name is "Compare" or "Round";
        }
        else if (IsCollectionType(declaring))
        {
            allowed = method.Name is "get_Item" or "Contains";
        }
        else
        {
            allowed = false;
        }

        if (!allowed)
        {
            Fail($"calling '{Describe(declaring)}.{method.Name}' is not allowed");
            return node;
        }

        // Lambdas are allowed only as arguments of the LINQ functions above.
        _lambdaArgumentDepth++;
        try
        {
            return base.VisitMethodCall(node);
        }
        finally
        {
            _lambdaArgumentDepth--;
        }
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        // A shift cannot be checked: C# masks the count (x << 32 is x) and drops the bits shifted out (5 << 31 is
        // negative), so a shifted value could decide a breach the way unchecked overflow would.
        if (node.NodeType is ExpressionType.LeftShift or ExpressionType.RightShift)
        {
            Fail($"the shift operator '{(node.NodeType == ExpressionType.LeftShift ? "<<" : ">>")}' is not allowed (it wraps silently; use * or /)");
        }

        if (node.Method is { } method && !IsAllowedOperator(method))
        {
            Fail($"the operator '{Describe(method.DeclaringType!)}.{method.Name}' is not allowed");
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        switch (node.NodeType)
        {
            case ExpressionType.Not:
            case ExpressionType.Negate:
            case ExpressionType.IsTrue:
            case ExpressionType.IsFalse:
                break;
            case ExpressionType.Convert:
            case ExpressionType.ConvertChecked:
                if (!IsAllowedValueType(node.Type) && !IsModelType(UnderlyingType(node.Type)))
                {
                    Fail($"converting to '{Describe(node.Type)}' is not allowed");
                }

                break;
            default:
                Fail($"'{node.NodeType}' is not allowed");
                break;
        }

        if (node.Method is { } method && !IsAllowedOperator(method))
        {
            Fail($"the operator '{Describe(method.DeclaringType!)}.{method.Name}' is not allowed");
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Type != typeof(DateOnly))
        {
            Fail($"creating a '{Describe(node.Type)}' is not allowed (only DateOnly(year, month, day))");
            return node;
        }

        return base.VisitNew(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        if (_lambdaArgumentDepth == 0)
        {
            Fail("a lambda is allowed only as an argument of a LINQ function such as Any or Count");
        }

        return base.VisitLambda(node);
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        Fail("type tests ('is') are not allowed");
        return node;
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        Fail("invoking a delegate is not allowed");
        return node;
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        Fail("creating an array is not allowed");
        return node;
    }

    protected override Expression VisitMemberInit(MemberInitExpression node)
    {
        Fail($"creating a '{Describe(node.Type)}' is not allowed");
        return node;
    }

    protected override Expression VisitListInit(ListInitExpression node)
    {
        Fail($"creating a '{Describe(node.Type)}' is not allowed");
        return node;
    }

    protected override Expression VisitBlock(BlockExpression node)
    {
        Fail("blocks are not allowed");
        return node;
    }

    protected override Expression VisitIndex(IndexExpression node)
    {
        if (!IsCollectionType(node.Object?.Type ?? typeof(object)))
        {
            Fail("indexing is allowed only on the procurement's lists");
        }

        return base.VisitIndex(node);
    }

    protected override Expression VisitExtension(Expression node)
    {
        Fail($"'{node.GetType().Name}' is not allowed");
        return node;
    }

    /// <summary>A method's name and parameter types, as <see cref="AllowedStringMethods"/> lists them.</summary>
    internal static string Signature(MethodInfo method) =>
        method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name)) + ")";

    private static bool IsAllowedOperator(MethodInfo method)
    {
        var declaring = method.DeclaringType!;
        if (declaring == typeof(string))
        {
            return AllowedStringMethods.Contains(Signature(method));
        }

        return (declaring == typeof(decimal) || declaring == typeof(DateOnly))
            && (method.Name.StartsWith("op_", StringComparison.Ordinal) || method.Name is "Compare" or "Equals");
    }

    private static bool IsAllowedValueType(Type type)
    {
        var t = UnderlyingType(type);
        return ValueTypes.Contains(t) || (t.IsEnum && IsModelType(t));
    }

    private static Type UnderlyingType(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsModelType(Type type) => type.Assembly == ModelAssembly;

    private static bool IsPublic(MemberInfo member) => member switch
    {
        PropertyInfo p => p.GetMethod is { IsPublic: true },
        FieldInfo f => f.IsPublic,
        _ => false,
    };

    private static bool IsCollectionType(Type type)
    {
        if (type.IsArray)
        {
            return IsModelType(type.GetElementType()!) || IsAllowedValueType(type.GetElementType()!);
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        var isCollection = definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IEnumerable<>);
        var element = type.GetGenericArguments()[0];
        return isCollection && (IsModelType(UnderlyingType(element)) || IsAllowedValueType(element));
    }

    private static string Describe(Type type)
    {
        if (type == typeof(RuleScope))
        {
            return "procurement";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }

    private void Fail(string violation) => _violations.Add(violation);
}
