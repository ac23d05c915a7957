using System.Linq.Expressions;
using System.Reflection;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// Every text operation an expression can reach is ordinal and culture-invariant. This repository builds everything
/// with invariant globalization, where culture-sensitive calls happen to compare ordinally too, so running rules here
/// could not show a difference; instead these tests prove it from the sandbox: the allow-list admits only known
/// signatures, and every culture-sensitive one among them is gone from the tree the compiler sees.
/// </summary>
public class OrdinalTextTests
{
    /// <summary>Ordinal or culture-free as they stand (String.Contains, Equals and == compare ordinally; *Invariant and Trim use no culture).</summary>
    private static readonly string[] OrdinalAsTheyStand =
    {
        "Contains(String)", "Contains(Char)", "StartsWith(Char)", "EndsWith(Char)", "ToLowerInvariant()", "ToUpperInvariant()", "Trim()",
        "IsNullOrEmpty(String)", "IsNullOrWhiteSpace(String)", "CompareOrdinal(String, String)", "Equals(String)", "Equals(String, String)",
        "op_Equality(String, String)", "op_Inequality(String, String)",
    };

    /// <summary>Culture-sensitive in .NET, rewritten before compiling (EvaluationRewriter).</summary>
    private static readonly string[] Rewritten =
    {
        "StartsWith(String)", "EndsWith(String)", "Compare(String, String)",
        "Concat(String, String)", "Concat(String, String, String)", "Concat(String, String, String, String)",
        "Concat(Object)", "Concat(Object, Object)", "Concat(Object, Object, Object)", "Concat(IEnumerable`1)",
    };

    [Test]
    public void Sandbox_AllowedStringMethods_AreExactlyTheReviewedOnes()
    {
        SandboxValidator.AllowedStringMethods.Should().BeEquivalentTo(OrdinalAsTheyStand.Concat(Rewritten),
            "a string method added to the sandbox must be reviewed for culture and added here");
    }

    [TestCase("Commissioner.Name.StartsWith(\"a\")")]
    [TestCase("Commissioner.Name.EndsWith(\"a\")")]
    [TestCase("string.Compare(Commissioner.Name, \"a\") < 0")]
    [TestCase("Commissioner.Name < \"a\"")]
    [TestCase("Commissioner.Name >= \"a\"")]
    [TestCase("(Commissioner.Name + \"x\" + IncumbentNames) == \"a\"")]
    [TestCase("string.Concat(Timeline.Select(e => e.Description)) == \"a\"")]
    [TestCase("Timeline.OrderBy(e => e.Description).First().Description == \"a\"")]
    [TestCase("Timeline.OrderByDescending(e => e.Party).ThenBy(e => e.Description).Any()")]
    public void Compile_TextOperation_ReachesNoCultureSensitiveMethod(string expression)
    {
        var parser = new RuleExpressionParser();
        var parsed = parser.Parse(expression, typeof(bool), new Dictionary<string, Expression>(StringComparer.Ordinal));
        parsed.Error.Should().BeNull();

        var rewritten = EvaluationRewriter.Rewrite(MissingFactRewriter.Rewrite(parsed.Body!, parser.Root), parser.Root);

        var calls = new CallCollector();
        calls.Visit(rewritten);
        calls.Methods.Where(IsCultureSensitive).Select(m => m.DeclaringType!.Name + "." + SandboxValidator.Signature(m)).Should().BeEmpty();
        calls.Methods.Should().NotBeEmpty();
    }

    [Test]
    public void Check_OrdinalComparison_OrdersByCodePoint()
    {
        using var pack = TestPack.WithRule("'\"B\" < \"a\" && \"a\" < \"é\" && \"Z\".StartsWith(\"Z\") && !\"straße\".StartsWith(\"strasse\")'");

        var outcome = pack.Load().Check(new Model.ProposedProcurement { Id = "ordinal" }).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    private static bool IsCultureSensitive(MethodInfo method)
    {
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        if (method.DeclaringType == typeof(string))
        {
            return (method.Name is "StartsWith" or "EndsWith" && parameters is [var only] && only == typeof(string))
                || (method.Name == "Compare" && !parameters.Contains(typeof(StringComparison)))
                || method.Name is "ToUpper" or "ToLower" or "IndexOf" or "LastIndexOf" or "Format"
                || (method.Name == "Concat" && parameters.Any(p => p != typeof(string) && p != typeof(string[]) && p != typeof(IEnumerable<string>)));
        }

        // Ordering text without a comparer uses the current culture.
        return method.DeclaringType == typeof(Enumerable) && method.Name is "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Min" or "Max"
            && method.GetParameters().Length == 2 && method.IsGenericMethod && method.GetGenericArguments().Last() == typeof(string);
    }

    private sealed class CallCollector : ExpressionVisitor
    {
        public List<MethodInfo> Methods { get; } = new();

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Methods.Add(node.Method);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is not null)
            {
                Methods.Add(node.Method);
            }

            return base.VisitBinary(node);
        }
    }
}
