using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Procurement.Model;
using Procurement.Rules.Checking;
using Procurement.Rules.Expressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Loading;

/// <summary>Reading a pack's inferences (<c>inferences.yaml</c> beside <c>pack.yaml</c>).</summary>
internal static partial class RulePackLoader
{
    /// <summary>The file of a pack's inferences; optional.</summary>
    internal const string InferenceFile = "inferences.yaml";

    /// <summary>At most this many inferences in a pack: each is two NRules rules, and a chain is at most this long.</summary>
    internal const int MaxInferences = 64;

    internal static readonly string[] InferenceFileKeys = { "inferences" };
    internal static readonly string[] InferenceKeys = { "id", "title", "from", "when", "derive", "date", "reason", "citations" };

    /// <summary>
    /// Reads and compiles <c>inferences.yaml</c> when the pack has one; every problem is located (file, line, column,
    /// inference id) and added to <paramref name="problems"/>.
    /// </summary>
    private static IReadOnlyList<CompiledInference> ReadInferences(PackFiles files, PackHeader header, RuleExpressionParser parser, HashSet<string> ruleIds, ProblemList problems)
    {
        var read = files.Read(InferenceFile);
        if (read.Text is null)
        {
            if (read.Error != "not found")
            {
                problems.File = files.Display(InferenceFile);
                problems.Add(read.Line, read.Column, null, read.Error ?? "cannot be read");
            }

            return Array.Empty<CompiledInference>();
        }

        problems.File = files.Display(InferenceFile);
        var root = ParseYaml(read.Text, problems, files.Limits);
        if (root is null || YamlMap.From(root, problems, "an inference file", InferenceFileKeys) is not { } map || map.Sequence("inferences", required: true) is not { } list)
        {
            return Array.Empty<CompiledInference>();
        }

        if (list.Children.Count > MaxInferences)
        {
            problems.Add(list.Start, null, $"a pack may hold at most {MaxInferences} inferences; this one has {list.Children.Count}");
            return Array.Empty<CompiledInference>();
        }

        var before = problems.Count;
        var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var pending = new List<(CompiledInference Shape, Expression? When, Mark Start, string Display)>();
        foreach (var node in list.Children)
        {
            var id = (node as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) == true ? (idNode as YamlScalarNode)?.Value : null;
            var count = problems.Count;
            if (YamlMap.From(node, problems, "an inference", InferenceKeys, id) is not { } entry)
            {
                continue;
            }

            var idScalar = entry.Scalar("id", required: true);
            if (idScalar is not null)
            {
                if (!IdPattern().IsMatch(idScalar.Value!))
                {
                    problems.Add(idScalar.Start, id, "an inference id must be lower-case words and digits joined by '-' or '.', such as 'notice-implies-tender-decision'");
                }
                else if (seen.TryGetValue(idScalar.Value!, out var first))
                {
                    problems.Add(idScalar.Start, id, $"duplicate inference id (first defined at line {first.Line})");
                }
                else if (ruleIds.Contains(idScalar.Value!))
                {
                    problems.Add(idScalar.Start, id, "an inference id must differ from every rule id: reports name both");
                }
                else
                {
                    seen.Add(idScalar.Value!, idScalar.Start);
                }
            }

            var title = entry.String("title", required: true);
            var from = entry.Enum<EventKind>("from", required: true);
            var derive = entry.Enum<EventKind>("derive", required: true);
            var date = entry.Enum<InferredDate>("date", required: true);
            var reason = entry.String("reason", required: true);
            if (from is { } f && derive is { } d && f == d)
            {
                problems.Add(entry.Start, id, $"an inference must derive another kind of event than it reads ('{Names.Camel(f)}')");
            }

            var whenNode = entry.Scalar("when", required: false);
            var whenBody = whenNode is null ? null : Parse(parser, whenNode, typeof(bool), new Dictionary<string, Expression>(), problems, id, "'when'", read.Text);
            var citations = entry.Node("citations") is null ? Array.Empty<Citation>() : ReadCitations(entry, header, problems, id);
            if (problems.Count > count || idScalar is null || title is null || from is null || derive is null || date is null || reason is null)
            {
                continue;
            }

            var shape = new CompiledInference(idScalar.Value!, title, from.Value, derive.Value, date.Value, whenNode?.Value, null, reason.Trim(), citations, InferenceFile, (int)node.Start.Line);
            pending.Add((shape, whenBody, node.Start, problems.File));
        }

        if (problems.Count > before)
        {
            return Array.Empty<CompiledInference>();
        }

        ReportCycle(pending.Select(p => p.Shape).ToArray(), problems);
        if (problems.Count > before)
        {
            return Array.Empty<CompiledInference>();
        }

        var compiled = new List<CompiledInference>(pending.Count);
        foreach (var (shape, when, start, _) in pending)
        {
            Func<RuleScope, bool>? condition = null;
            if (when is not null)
            {
                try
                {
                    condition = parser.Compile<bool>(when);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
                {
                    problems.Add(start, shape.Id, "the inference's 'when' could not be compiled: " + e.Message);
                    continue;
                }
            }

            compiled.Add(new CompiledInference(shape.Id, shape.Title, shape.From, shape.Derive, shape.Date, shape.WhenText, condition, shape.Reason, shape.Citations, shape.File, shape.Line));
        }

        return compiled;
    }

    /// <summary>
    /// Inferences chain (a bid implies a notice, a notice a decision); a cycle (a notice implies a decision, a decision
    /// a notice) would derive without end, so it is a load problem naming the inferences in it.
    /// </summary>
    private static void ReportCycle(IReadOnlyList<CompiledInference> inferences, ProblemList problems)
    {
        var state = new Dictionary<EventKind, int>();
        var path = new List<CompiledInference>();
        foreach (var start in inferences.Select(i => i.From).Distinct())
        {
            if (Visit(start))
            {
                return;
            }
        }

        bool Visit(EventKind kind)
        {
            state.TryGetValue(kind, out var s);
            if (s == 2)
            {
                return false;
            }

            state[kind] = 1;
            foreach (var next in inferences.Where(i => i.From == kind))
            {
                path.Add(next);
                state.TryGetValue(next.Derive, out var t);
                if (t == 1)
                {
                    var cycle = path.SkipWhile(i => i.From != next.Derive).Select(i => i.Id);
                    problems.Add(next.Line, null, next.Id, $"the inferences derive in a circle ({string.Join(" -> ", cycle)} -> back to '{Names.Camel(next.Derive)}'); one of them must go");
                    return true;
                }

                if (Visit(next.Derive))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }

            state[kind] = 2;
            return false;
        }
    }
}
