using System.Diagnostics;
using System.Linq.Expressions;
using System.Threading.Tasks;
using Procurement.Model;
using Procurement.Rules.Checking;
using Procurement.Rules.Expressions;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// A seeded, bounded fuzzer over rule expressions: generated ones (a small grammar of what rules use, with hostile
/// literals and operators) and mutations of the default pack's own. Asserts what a host relies on: parsing reports a
/// problem or succeeds (it never throws), compiling throws only what the loader turns into a located problem, a check
/// never throws out of a rule, the same input gives the same outcome, and no input takes longer than a hang guard.
/// More inputs on demand: <c>PROCUREMENT_RULES_FUZZ_COUNT=100000 dotnet test --filter ExpressionFuzz</c>; another
/// seed with <c>PROCUREMENT_RULES_FUZZ_SEED</c>.
/// </summary>
public class ExpressionFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private static readonly string[] Members =
    {
        "TermMonths", "DecisionDate", "Scenario", "Tender.Eligibility", "Tender.IncumbentMayBid", "Value.Amount", "Commissioner.Name",
        "Tender.FinalStageBidders", "IncumbentNames", "Service.IsClinical", "Timeline.Count", "IncumbentContracts.Count",
    };

    private static readonly string[] Literals =
    {
        "0", "1", "-1", "2147483647", "-2147483648", "9223372036854775807", "1.5", "0.0", "1e308", "null", "true", "false",
        "\"\"", "\"a\\\"b\"", "\"\\u001b[31m\"", "'x'", "DateOnly(2010, 1, 1)", "DateOnly(9999, 12, 31)", "DateOnly(0, 0, 0)",
        "NhsOnly", "TenderDecision", "Underperformance", "UnionsEngaged", "it", "root",
    };

    private static readonly string[] Sequences = { "Timeline", "IncumbentContracts", "RationaleDocuments", "NeedsAssessments", "QualityMeasures", "root.Timeline" };

    private static readonly string[] Operators = { " && ", " || ", " == ", " != ", " < ", " >= ", " + ", " - ", " * ", " / ", " % ", " ?? ", " and ", " or " };

    private static readonly string[] Junk = { "(", ")", "!", "-", "?", ":", ".", ",", "=>", "\"", "'", "[", "]", "{", "}", "@", "$", "\\", "\0", "\u202e", "iif(", "new(", "np(", "as ", "is " };

    [Test]
    public void Fuzz_GeneratedAndMutatedExpressions_OnlyDocumentedFailures()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("PROCUREMENT_RULES_FUZZ_COUNT"), out var n) ? n : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PROCUREMENT_RULES_FUZZ_SEED"), out var s) ? s : 20261201;
        var random = new Random(seed);
        var seeds = RulePack.Default.Rules.SelectMany(r => new[] { r.When, r.Require }).OfType<string>().ToArray();
        var procurements = new[]
        {
            GreatYarmouth(),
            Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1)),
            new ProposedProcurement { Id = "empty" },
            GreatYarmouth() with { Id = "long", TermMonths = int.MaxValue, Timeline = Enumerable.Range(0, 60).Select(i => new TimelineEvent { Date = D(2010, 1, 1).AddDays(i), Kind = (EventKind)(i % 10), Description = "event " + i }).ToArray() },
        };
        var template = RulePack.Default.CompiledRules[0];
        var stats = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < count; i++)
        {
            var expression = random.Next(3) == 0 ? Mutate(seeds[random.Next(seeds.Length)], random) : Generate(random, random.Next(1, 5));
            var asFact = random.Next(4) == 0;
            var task = Task.Run(() => Exercise(expression, asFact, template, procurements));
            if (!task.Wait(PerInput))
            {
                Assert.Fail($"input {i} (seed {seed}) took longer than {PerInput.TotalSeconds} s: {Shorten(expression)}");
            }

            var result = task.Result;
            if (result.Failure is not null)
            {
                Assert.Fail($"input {i} (seed {seed}): {result.Failure}\n  expression: {Shorten(expression)}");
            }

            stats[result.Stage] = stats.GetValueOrDefault(result.Stage) + 1;
        }

        TestContext.Out.WriteLine($"{count} expressions, seed {seed}: " + string.Join(", ", stats.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        stats.GetValueOrDefault("checked").Should().BeGreaterThan(count / 20, "enough inputs must get as far as a check for the fuzzer to test checks");
        stats.GetValueOrDefault("load problem").Should().BeGreaterThan(count / 20, "enough inputs must be rejected for the fuzzer to test the parser");
    }

    private static (string Stage, string? Failure) Exercise(string expression, bool asFact, CompiledRule template, ProposedProcurement[] procurements)
    {
        var parser = new RuleExpressionParser();
        var facts = new Dictionary<string, Expression>(StringComparer.Ordinal);
        ParseResult parsed;
        try
        {
            parsed = parser.Parse(expression, asFact ? null : typeof(bool), facts);
        }
        catch (Exception e)
        {
            return ("parse", "the parser threw instead of reporting a problem: " + e);
        }

        if (parsed.Body is null)
        {
            return parsed.Error is { Length: > 0 } && parsed.Position >= 0 ? ("load problem", null) : ("parse", "a problem without a message or position");
        }

        CompiledRule rule;
        try
        {
            rule = asFact
                ? new CompiledRule(Definition(template, facts: ["value"]), null, _ => true, [parser.Compile<object?>(parsed.Body)], template.BreachMessage, template.CompliantMessage)
                : new CompiledRule(Definition(template, facts: []), null, parser.Compile<bool>(parsed.Body), [], template.BreachMessage, template.CompliantMessage);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // What the loader reports as "could not be compiled", a located problem.
            return ("compile problem", null);
        }
        catch (Exception e)
        {
            return ("compile", "compiling threw an undocumented exception: " + e);
        }

        foreach (var procurement in procurements)
        {
            string first, second;
            try
            {
                first = Describe(Evaluate(rule, procurement));
                second = Describe(Evaluate(rule, procurement));
            }
            catch (Exception e)
            {
                return ("check", "evaluating threw out of the rule: " + e);
            }

            if (first != second)
            {
                return ("check", $"the same input gave two outcomes: {first} / {second}");
            }
        }

        return ("checked", null);
    }

    private static RuleOutcome Evaluate(CompiledRule rule, ProposedProcurement procurement)
    {
        var scope = RuleScope.Rent(procurement);
        try
        {
            return RuleEvaluator.Evaluate(rule, scope, procurement.Scenario);
        }
        finally
        {
            RuleScope.Return(scope);
        }
    }

    private static string Describe(RuleOutcome outcome) =>
        $"{outcome.Kind} {outcome.Message} [{string.Join("; ", outcome.Facts.Select(f => f.ToString()))}] ({string.Join(", ", outcome.MissingFacts)})";

    private static RuleDefinition Definition(CompiledRule template, IReadOnlyList<string> facts)
    {
        var d = template.Definition;
        return new RuleDefinition("fuzz.rule", d.Title, d.Description, d.Principle, [], d.Severity, null, "fuzz", facts, d.Citations, d.File, d.Line);
    }

    /// <summary>An expression of the shapes rules use, with hostile literals; <paramref name="depth"/> bounds the nesting.</summary>
    private static string Generate(Random random, int depth) => random.Next(8) == 0 ? Untyped(random, depth) : new Typed(random).Bool(depth, null);

    /// <summary>Anything from the vocabulary, types ignored: mostly load problems.</summary>
    private static string Untyped(Random random, int depth)
    {
        if (depth <= 0)
        {
            return random.Next(3) == 0 ? Literals[random.Next(Literals.Length)] : Members[random.Next(Members.Length)];
        }

        string Sub() => Untyped(random, depth - 1);
        var sequence = Sequences[random.Next(Sequences.Length)];
        return random.Next(6) switch
        {
            0 => Sub() + Operators[random.Next(Operators.Length)] + Sub(),
            1 => "!" + Sub(),
            2 => $"iif({Sub()}, {Sub()}, {Sub()})",
            3 => $"{sequence}.{new[] { "Sum", "Max", "Min", "Average", "First", "Last", "Distinct", "Skip", "Take" }[random.Next(9)]}(v => {Sub()})",
            4 => $"{Sub()}.{new[] { "StartsWith", "EndsWith", "Contains", "CompareTo", "AddDays", "Length", "Value", "HasValue" }[random.Next(8)]}({Sub()})",
            _ => $"{Sub()} ? {Sub()} : {Sub()}",
        };
    }

    /// <summary>Well-typed expressions (so that many get as far as a check), with hostile values and nesting.</summary>
    private sealed class Typed(Random random)
    {
        private static readonly string[] Kinds = { "TenderDecision", "NoticePublished", "UnionsEngaged", "FormalImprovementOpportunity", "AlternativeProvidersEngaged", "BidReceived" };
        private int _variables;

        public string Bool(int depth, string? item)
        {
            if (depth <= 0)
            {
                return Pick("true", "false", $"Happened({Kind()})", "Tender.IncumbentMayBid == true", "TermMonths > 12", item is null ? "Scenario == Underperformance" : $"{item}.Kind == {Kind()}");
            }

            var d = depth - 1;
            return random.Next(14) switch
            {
                0 => $"{Bool(d, item)} && {Bool(d, item)}",
                1 => $"{Bool(d, item)} || {Bool(d, item)}",
                2 => $"!({Bool(d, item)})",
                3 => $"iif({Bool(d, item)}, {Bool(d, item)}, {Bool(d, item)})",
                4 => $"{Int(d, item)} {Pick("<", ">=", "==", "!=")} {Int(d, item)}",
                5 => $"{Text(d, item)}.{Pick("StartsWith", "EndsWith", "Contains")}({Text(d, item)})",
                6 => $"{Text(d, item)} {Pick("==", "!=", "<", ">")} {Text(d, item)}",
                7 => $"{Date(d, item)} {Pick("<", "<=", "==")} {Date(d, item)}",
                8 => Lambda("Any", d),
                9 => Lambda("All", d),
                10 => $"HappenedBefore({Kind()}, {Date(d, item)})",
                11 => $"string.Compare({Text(d, item)}, {Text(d, item)}) < 0",
                12 => $"({Bool(d, item)} ? {Bool(d, item)} : {Bool(d, item)})",
                _ => Pick(RulePack.Default.Rules.Select(r => r.Require).ToArray()),
            };
        }

        private string Int(int depth, string? item)
        {
            if (depth <= 0)
            {
                return Pick("0", "1", "-1", "2147483647", "-2147483648", "TermMonths", $"Count({Kind()})", "Timeline.Count", "Tender.FinalStageBidders");
            }

            var d = depth - 1;
            return random.Next(7) switch
            {
                0 => $"{Int(d, item)} {Pick("+", "-", "*", "/", "%")} {Int(d, item)}",
                1 => $"-({Int(d, item)})",
                2 => $"{Text(d, item)}.Length",
                3 => $"DaysBetween({Date(d, item)}, {Date(d, item)})",
                4 => $"{Seq()}.Count({Var(out var v)} => {Bool(d, v)})",
                5 => $"Math.Abs({Int(d, item)})",
                _ => Int(0, item),
            };
        }

        private string Text(int depth, string? item)
        {
            if (depth <= 0)
            {
                return Pick("\"\"", "\"a\"", "\"\u001b]0;x\u0007\"", "\"\u0130\"", "\"ß\"", "Commissioner.Name", "IncumbentNames", item is null ? "\"é\"" : $"{item}.Description");
            }

            var d = depth - 1;
            return random.Next(5) switch
            {
                0 => $"{Text(d, item)} + {Text(d, item)}",
                1 => $"string.Concat(root.Timeline.Select({Var(out var v)} => {Text(d, v)}))",
                2 => $"{Text(d, item)}.{Pick("ToUpperInvariant", "ToLowerInvariant", "Trim")}()",
                3 => $"iif({Bool(d, item)}, {Text(d, item)}, {Text(d, item)})",
                _ => Text(0, item),
            };
        }

        private string Date(int depth, string? item)
        {
            if (depth <= 0)
            {
                return Pick("DecisionDate", $"First({Kind()})", $"Last({Kind()})", "DateOnly(2010, 1, 1)", "DateOnly(9999, 12, 31)", item is null ? "DateOnly(1, 1, 1)" : $"{item}.Date.Earliest");
            }

            return random.Next(3) == 0 ? $"{Date(depth - 1, item)}.Value.AddDays({Int(depth - 1, item)})" : Date(0, item);
        }

        private string Lambda(string name, int depth) => $"{Seq()}.{name}({Var(out var v)} => {Bool(depth, v)})";

        private string Seq() => Pick("Timeline", "root.Timeline", "root.Timeline.Where(x => x.Date.Earliest > DateOnly(2009, 1, 1))", "root.Timeline.OrderBy(x => x.Description)");

        private string Var(out string name)
        {
            name = "v" + _variables++;
            return name;
        }

        private string Kind() => Kinds[random.Next(Kinds.Length)];

        private string Pick(params string[] options) => options[random.Next(options.Length)];
    }

    /// <summary>A character-level mutation of a real expression: cut, repeat, insert junk, or blow a token up.</summary>
    private static string Mutate(string expression, Random random)
    {
        var text = expression;
        for (var round = random.Next(1, 4); round > 0 && text.Length > 0; round--)
        {
            var at = random.Next(text.Length);
            var length = random.Next(1, Math.Min(12, text.Length - at) + 1);
            text = random.Next(6) switch
            {
                0 => text.Remove(at, length),
                1 => text.Insert(at, text.Substring(at, length)),
                2 => text.Insert(at, Junk[random.Next(Junk.Length)]),
                3 => text.Insert(at, string.Concat(Enumerable.Repeat(Junk[random.Next(5)], random.Next(50, 3_000)))),
                4 => text.Insert(at, Literals[random.Next(Literals.Length)]),
                _ => text[..at] + Members[random.Next(Members.Length)] + text[Math.Min(text.Length, at + length)..],
            };
        }

        return text;
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + $"... ({text.Length} characters)";
}
