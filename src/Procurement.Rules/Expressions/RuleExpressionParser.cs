using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Procurement.Model;

namespace Procurement.Rules.Expressions;

/// <summary>
/// Parses rule expressions with System.Linq.Dynamic.Core under a configuration this project owns, then checks them
/// against the sandbox. One instance serves one pack load: <see cref="Parse"/> runs on one thread (the parser's
/// configuration is not shared across threads); <see cref="Compile{T}"/> shares no state and may run on many.
/// </summary>
internal sealed partial class RuleExpressionParser
{
    /// <summary>Every value of every model enum, by its C# name, so that rules can write <c>UnionsEngaged</c>.</summary>
    private static readonly IReadOnlyDictionary<string, object> EnumValues = BuildEnumValues();

    private readonly ParsingConfig _config;

    private readonly bool _liftLambdas;

    /// <summary>The depth and size of every tree parsed in this load, so an expression naming a fact is measured without walking the fact again.</summary>
    private readonly Dictionary<Expression, (int Depth, long Nodes)> _measured = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a parser for one pack load.</summary>
    /// <param name="liftLambdas">Lift lambdas out of compiled expressions (<see cref="LambdaLifter"/>); false only to compare both ways in tests.</param>
    public RuleExpressionParser(bool liftLambdas = true)
    {
        _liftLambdas = liftLambdas;
        _config = new ParsingConfig
        {
            AllowNewToEvaluateAnyType = false,
            DisableMemberAccessToIndexAccessorFallback = true,
            ResolveTypesBySimpleName = false,
            AllowEqualsAndToStringMethodsOnObject = false,
            SupportEnumerationsFromSystemNamespace = false,
            IsCaseSensitive = true,
        };
        _config.CustomTypeProvider = new ScopeTypeProvider();
    }

    /// <summary>The parameter every rule expression of a pack is parsed against.</summary>
    public ParameterExpression Root { get; } = Expression.Parameter(typeof(RuleScope), "it");

    /// <summary>
    /// Parses one expression. Returns the body (unrewritten, for inlining into other expressions) or the problem as a
    /// message and a 0-based character offset into <paramref name="text"/>.
    /// </summary>
    /// <param name="text">The expression as written.</param>
    /// <param name="resultType">The required result type, or null to infer it.</param>
    /// <param name="facts">Named facts already parsed, inlined where the expression names them.</param>
    public ParseResult Parse(string text, Type? resultType, IReadOnlyDictionary<string, Expression> facts)
    {
        var symbols = new Dictionary<string, object>(EnumValues, StringComparer.Ordinal);
        foreach (var (name, expression) in facts)
        {
            symbols[name] = expression;
        }

        if (ExpressionLimits.CheckText(text) is { } tooBig)
        {
            return ParseResult.Failure(tooBig.Error, tooBig.Position);
        }

        Expression body;
        try
        {
            var lambda = DynamicExpressionParser.ParseLambda(_config, new[] { Root }, resultType, text, symbols);
            body = lambda.Body;
        }
        catch (ParseException e)
        {
            return ParseResult.Failure(Friendly(e.Message, facts.Keys), e.Position);
        }
#pragma warning disable CA1031 // The parser is a library's: whatever it throws on hostile text becomes a located load problem, never an exception out of the load.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // The parser reports a lower-case name it does not know as "Value cannot be empty. (Parameter 'name')":
            // name it instead (typically a fact used before it is declared, or by itself).
            if (FirstUnknownName(text, facts.Keys) is { } unknown)
            {
                var suggestion = Names.Suggest(unknown.Name, ScopeMembers.Concat(facts.Keys).Concat(EnumValues.Keys));
                return ParseResult.Failure(
                    $"unknown name '{unknown.Name}' (a fact may use only the facts declared before it, not itself or a later one)"
                        + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"),
                    unknown.Position);
            }

            return ParseResult.Failure(Friendly(e.Message, facts.Keys), 0);
        }

        // Measured before anything else walks the tree: the depth limit keeps every later visitor (the sandbox, the
        // rewriters, the compiler) far from the end of the stack, and the size limit keeps facts used twice by facts
        // used twice from growing exponentially.
        if (ExpressionLimits.CheckTree(body, _measured, out var depth, out var nodes) is { } tooLarge)
        {
            return ParseResult.Failure(tooLarge, 0);
        }

        _measured[body] = (depth, nodes);
        if (MentionsScope(body.Type))
        {
            return ParseResult.Failure("the value cannot be the procurement itself ('it') or hold it; name one of its members, such as Tender or Timeline", 0);
        }

        var violations = SandboxValidator.Check(body);
        if (violations.Count > 0)
        {
            return ParseResult.Failure("outside the rule sandbox: " + string.Join("; ", violations), 0);
        }

        return ParseResult.Success(body);
    }

    /// <summary>Compiles a parsed body into a delegate, adding missing-fact tracking and three-valued logic.</summary>
    public Func<RuleScope, T> Compile<T>(Expression body)
    {
        var tracked = MissingFactRewriter.Rewrite(body, Root);
        tracked = EvaluationRewriter.Rewrite(tracked, Root);
        tracked = KleeneRewriter.Rewrite(tracked, Root);

        if (_liftLambdas)
        {
            tracked = LambdaLifter.Lift(tracked, Root);
        }

        if (tracked.Type != typeof(T))
        {
            tracked = Expression.Convert(tracked, typeof(T));
        }

        return Expression.Lambda<Func<RuleScope, T>>(tracked, Root).Compile();
    }

    /// <summary>Words the parser knows itself: keywords and the types an expression may name.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "it", "root", "parent", "iif", "new", "np", "as", "is", "and", "or", "not", "in",
        "string", "int", "long", "decimal", "double", "bool", "object", "DateOnly", "DateTime", "Math", "String", "Int32", "Decimal", "Boolean",
    };

    /// <summary>The first name in the text that is not a member, helper, fact, enum value, keyword or lambda parameter; null if none.</summary>
    private static (string Name, int Position)? FirstUnknownName(string text, IEnumerable<string> factNames)
    {
        var words = new List<(string Word, int Position, bool AfterDot, bool BeforeArrow)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != c)
                {
                    j += text[j] == '\\' ? 2 : 1;
                }

                i = j;
                continue;
            }

            if (!char.IsAsciiLetter(c) && c != '_')
            {
                continue;
            }

            var start = i;
            while (i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
            {
                i++;
            }

            var before = text.AsSpan(0, start).TrimEnd();
            var after = text.AsSpan(i + 1).TrimStart();
            words.Add((text[start..(i + 1)], start, before.EndsWith(".", StringComparison.Ordinal), after.StartsWith("=>", StringComparison.Ordinal)));
        }

        var known = new HashSet<string>(ScopeMembers.Concat(factNames).Concat(EnumValues.Keys).Concat(Keywords), StringComparer.Ordinal);
        known.UnionWith(words.Where(w => w.BeforeArrow).Select(w => w.Word));
        foreach (var (word, position, afterDot, _) in words)
        {
            if (!afterDot && !known.Contains(word))
            {
                return (word, position);
            }
        }

        return null;
    }

    private static bool MentionsScope(Type type) =>
        type == typeof(RuleScope) || (type.HasElementType && MentionsScope(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(MentionsScope));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Procurement.Model is preserved whole by its ILLink.Descriptors.xml, so every model type keeps its public properties and constructors.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Procurement.Model is preserved whole by its ILLink.Descriptors.xml, so every model type keeps its public properties and constructors.")]
    private static string Friendly(string message, IEnumerable<string> factNames)
    {
        var unknown = UnknownMember().Match(message);
        if (unknown.Success)
        {
            var typeName = unknown.Groups["type"].Value;
            var modelType = typeof(ProposedProcurement).Assembly.GetExportedTypes().FirstOrDefault(t => t.Name == typeName);
            var candidates = typeName == nameof(RuleScope)
                ? ScopeMembers.Concat(factNames).Concat(EnumValues.Keys)
                : modelType?.GetProperties().Select(p => p.Name) ?? Enumerable.Empty<string>();
            if (Names.Suggest(unknown.Groups["name"].Value, candidates) is { } suggestion)
            {
                message += $"; did you mean '{suggestion}'?";
            }
            else if (typeName == nameof(RuleScope) && char.IsAsciiLetterLower(unknown.Groups["name"].Value[0]))
            {
                message += " (a fact may use only the facts declared before it, not itself or a later one)";
            }
        }

        // An event's date is an interval (EventDate), so <, <=, > and >= on it have no two-valued answer; rules written
        // before dates could be imprecise compared First(...) results that way. Say what to write instead.
        if (message.StartsWith("Operator ", StringComparison.Ordinal) && message.Contains("'EventDate", StringComparison.Ordinal))
        {
            message += "; an event's date may be imprecise (a month, a bound), so compare dates with Before(a, b), OnOrBefore(a, b), After(a, b) or OnOrAfter(a, b), which leave the rule undetermined when the dates overlap";
        }

        return message.Replace("type 'RuleScope'", "the procurement", StringComparison.Ordinal);
    }

    private static IEnumerable<string> ScopeMembers => typeof(RuleScope)
        .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .Where(m => m is PropertyInfo or MethodInfo { IsSpecialName: false })
        .Select(m => m.Name)
        .Distinct(StringComparer.Ordinal);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Procurement.Model is preserved whole by its ILLink.Descriptors.xml, so every model type keeps its public properties and constructors.")]
    private static Dictionary<string, object> BuildEnumValues()
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        // DateRelation is how a file writes a date relative to another event; rules compare dates with the helpers of the
        // same names (Before, OnOrAfter...), so its values are not expression words.
        var enums = typeof(ProposedProcurement).Assembly.GetExportedTypes()
            .Where(t => t.IsEnum && t != typeof(DateRelation))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in enums)
        {
            foreach (var value in Enum.GetValues(type))
            {
                var name = value.ToString()!;
                if (!values.TryAdd(name, value))
                {
                    throw new InvalidOperationException(
                        $"The model's enums both define '{name}' ({values[name].GetType().Name} and {type.Name}); rule expressions name enum values without their type, so each name must be unique.");
                }
            }
        }

        return values;
    }

    [GeneratedRegex(@"No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'")]
    private static partial Regex UnknownMember();

    /// <summary>Exposes <see cref="RuleScope"/> (for its helper methods) and nothing else to the parser.</summary>
    private sealed class ScopeTypeProvider : IDynamicLinqCustomTypeProvider
    {
        private readonly HashSet<Type> _types = new() { typeof(RuleScope) };

        public HashSet<Type> GetCustomTypes() => _types;

        public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => new();

        public Type? ResolveType(string typeName) => null;

        public Type? ResolveTypeBySimpleName(string simpleTypeName) => null;
    }
}

/// <summary>The result of parsing one rule expression.</summary>
internal readonly record struct ParseResult(Expression? Body, string? Error, int Position)
{
    public static ParseResult Success(Expression body) => new(body, null, 0);

    public static ParseResult Failure(string error, int position) => new(null, error, position);
}
