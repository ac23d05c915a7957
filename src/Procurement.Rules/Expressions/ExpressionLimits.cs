using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;

namespace Procurement.Rules.Expressions;

/// <summary>
/// The bounds on a rule expression, checked at load so that no expression can overflow the stack of the host (a stack
/// overflow cannot be caught in .NET: it ends the process) or make the load take exponential time. Documented in
/// <c>docs/security.md</c> and <c>docs/writing-rules.md</c>; real rules stay far below every one of them.
/// </summary>
/// <remarks>
/// Why our own scanner before System.Linq.Dynamic.Core: its parser is recursive descent, about a dozen frames per
/// parenthesis and per prefix operator, so the depth has to be measured before it runs. The scan is iterative and
/// linear in the text.
/// </remarks>
internal static class ExpressionLimits
{
    /// <summary>The longest expression text, in characters.</summary>
    public const int MaxLength = 10_000;

    /// <summary>The deepest nesting: parentheses, brackets, <c>iif(...)</c>, <c>? :</c> and prefix operators such as <c>!</c> together.</summary>
    public const int MaxNesting = 64;

    /// <summary>The deepest expression tree once parsed, facts it uses included (a chain <c>a &amp;&amp; b &amp;&amp; ...</c> is as deep as it is long).</summary>
    public const int MaxTreeDepth = 256;

    /// <summary>The most nodes in an expression tree once parsed, counting every use of a fact as a copy of that fact's tree.</summary>
    public const int MaxTreeNodes = 20_000;

    /// <summary>
    /// Checks the text before it is parsed. Returns null when it is within the limits, else the problem and the
    /// 0-based offset where the limit is first passed.
    /// </summary>
    public static (string Error, int Position)? CheckText(string text)
    {
        if (text.Length > MaxLength)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"the expression is {text.Length:N0} characters long; the limit is {MaxLength:N0}"), MaxLength);
        }

        // Per open level: the prefix operators pending (they end with their operand) and the conditionals ('?', '??')
        // opened at that level (they end with the level); the parser nests one call deeper for each.
        var levels = new Stack<(int Prefix, int Ternary)>();
        var prefix = 0;
        var ternary = 0;
        var nesting = 0;
        var expectOperand = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is '"' or '\'')
            {
                // A literal: skip to its closing quote (a backslashed quote stays inside).
                var j = i + 1;
                while (j < text.Length && text[j] != c)
                {
                    j += text[j] == '\\' ? 2 : 1;
                }

                i = j;
                EndOperand();
                continue;
            }

            var isWordNot = expectOperand && IsWord(text, i, "not");
            if ((expectOperand && c is '!' or '-' or '+' or '~') || (c == '!' && (i + 1 >= text.Length || text[i + 1] != '=')) || isWordNot)
            {
                prefix++;
                if (++nesting > MaxNesting)
                {
                    return (TooDeep(), i);
                }

                i += isWordNot ? 2 : 0;
                expectOperand = true;
                continue;
            }

            if (c == '?' && (i + 1 >= text.Length || text[i + 1] is not '.' and not '?'))
            {
                ternary++;
                if (++nesting > MaxNesting)
                {
                    return (TooDeep(), i);
                }

                expectOperand = true;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                levels.Push((prefix, ternary));
                prefix = 0;
                ternary = 0;
                if (++nesting > MaxNesting)
                {
                    return (TooDeep(), i);
                }

                expectOperand = true;
                continue;
            }

            if (c is ')' or ']' or '}')
            {
                if (levels.Count > 0)
                {
                    nesting -= prefix + ternary + 1;
                    (prefix, ternary) = levels.Pop();
                }

                EndOperand();
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '_' or '.' or '@')
            {
                // An operand, or a member of one; the keywords that are binary operators expect an operand after them.
                var start = i;
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '_' or '.'))
                {
                    i++;
                }

                var word = text.AsSpan(start, i - start + 1);
                if (word is "and" or "or" or "in" or "is" or "as")
                {
                    expectOperand = true;
                }
                else
                {
                    EndOperand();
                }

                continue;
            }

            // An operator or separator: ',', '&&', '==', '<', ':' and so on; an operand comes next.
            expectOperand = true;
        }

        void EndOperand()
        {
            // The prefix operators before an operand are complete once it is read.
            nesting -= prefix;
            prefix = 0;
            expectOperand = false;
        }

        return null;
    }

    /// <summary>
    /// Checks the parsed tree's depth and size, counting each use of a fact as a copy of its tree without walking it
    /// again. Returns the problem, or null within the limits; <paramref name="depth"/> and <paramref name="nodes"/> are the
    /// figures (for the fact table when the expression is a fact). Depth-limited, so it cannot overflow itself.
    /// </summary>
    public static string? CheckTree(Expression body, IReadOnlyDictionary<Expression, (int Depth, long Nodes)> facts, out int depth, out long nodes)
    {
        var measure = new Measure(facts);
        measure.Visit(body);
        depth = measure.Deepest;
        nodes = measure.Nodes;
        if (measure.Deepest > MaxTreeDepth)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the expression is nested more than {MaxTreeDepth} levels deep (facts it uses included); split it into facts or simpler conditions");
        }

        if (measure.Nodes > MaxTreeNodes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the expression has {measure.Nodes:N0} parts once the facts it uses are included; the limit is {MaxTreeNodes:N0}");
        }

        return null;
    }

    private static string TooDeep() =>
        string.Create(CultureInfo.InvariantCulture, $"the expression is nested more than {MaxNesting} levels deep (parentheses, iif, '?', '!' and '-' together)");

    private static bool IsWord(string text, int i, string word) =>
        string.CompareOrdinal(text, i, word, 0, word.Length) == 0
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && (i + word.Length >= text.Length || !char.IsLetterOrDigit(text[i + word.Length]));

    /// <summary>Counts depth and nodes; stops descending past the depth limit and at facts, whose figures are known.</summary>
    private sealed class Measure : ExpressionVisitor
    {
        private readonly IReadOnlyDictionary<Expression, (int Depth, long Nodes)> _facts;
        private int _depth;

        public Measure(IReadOnlyDictionary<Expression, (int Depth, long Nodes)> facts)
        {
            _facts = facts;
        }

        public int Deepest { get; private set; }

        public long Nodes { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Deepest > MaxTreeDepth || Nodes > MaxTreeNodes)
            {
                return node;
            }

            if (_facts.TryGetValue(node, out var fact))
            {
                Deepest = Math.Max(Deepest, _depth + fact.Depth);
                Nodes += fact.Nodes;
                return node;
            }

            _depth++;
            Nodes++;
            Deepest = Math.Max(Deepest, _depth);
            try
            {
                return base.Visit(node);
            }
            finally
            {
                _depth--;
            }
        }
    }
}
