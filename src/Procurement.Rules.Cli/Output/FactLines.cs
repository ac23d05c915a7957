using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Cli.Output;

/// <summary>
/// Where in a case file a SARIF result points: the line of the fact that decided it, as far as the rule's text shows it.
/// The binder records the position of every value it reads but keeps them inside the library, and a rule's fact
/// expressions are not public either; so this re-reads the case file (one at a time: results come case by case) and
/// looks up, in the rule's <c>require</c> and then its <c>when</c>, the first member path (<c>Tender.Eligibility</c>: the
/// <c>tender.eligibility</c> key, or its deepest recorded parent) or timeline event (<c>Happened(NoticePublished)</c>: the
/// first <c>noticePublished</c> entry) that the file records. Anything else points at line 1, the case's top.
/// </summary>
/// <remarks>Not thread safe: one instance per output, used by the thread that writes it.</remarks>
internal sealed partial class FactLines
{
    private string? _path;
    private YamlMappingNode? _root;

    /// <summary>The 1-based line a result for <paramref name="outcome"/> of the case read from <paramref name="path"/> points at.</summary>
    public int Line(string? path, RuleOutcome outcome)
    {
        if (path is null)
        {
            return 1;
        }

        if (!string.Equals(_path, path, StringComparison.Ordinal))
        {
            _path = path;
            _root = Load(path);
        }

        if (_root is null)
        {
            return 1;
        }

        foreach (var expression in new[] { outcome.Rule.Require, outcome.Rule.When })
        {
            if (expression is null)
            {
                continue;
            }

            foreach (Match member in MemberPath().Matches(expression))
            {
                if (FindPath(member.Value.Split('.')) is { } line)
                {
                    return line;
                }
            }

            foreach (Match happened in EventKind().Matches(expression))
            {
                if (FindEvent(Camel(happened.Groups["kind"].Value)) is { } line)
                {
                    return line;
                }
            }
        }

        return 1;
    }

    private static YamlMappingNode? Load(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var yaml = new YamlStream();
            yaml.Load(reader);
            return yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlException)
        {
            return null;
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private int? FindPath(string[] segments)
    {
        YamlNode node = _root!;
        int? line = null;
        foreach (var segment in segments)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(Camel(segment)), out var child))
            {
                break;
            }

            line = (int)map.Children.Keys.First(k => k is YamlScalarNode s && s.Value == Camel(segment)).Start.Line;
            node = child;
        }

        return line;
    }

    private int? FindEvent(string kind)
    {
        if (!_root!.Children.TryGetValue(new YamlScalarNode("timeline"), out var timeline) || timeline is not YamlSequenceNode events)
        {
            return null;
        }

        foreach (var item in events)
        {
            if (item is YamlMappingNode entry && entry.Children.TryGetValue(new YamlScalarNode("kind"), out var value)
                && value is YamlScalarNode scalar && string.Equals(scalar.Value, kind, StringComparison.Ordinal))
            {
                return (int)entry.Start.Line;
            }
        }

        return null;
    }

    // Tender.EligibilityJustification.Kind, RationaleDocuments.Any: capitalised member chains, not enum constants.
    [GeneratedRegex(@"(?<![\w.])[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+")]
    private static partial Regex MemberPath();

    // Happened(NoticePublished), First(TenderDecision), HappenedBefore(A, First(B)), Count(X), Last(X).
    [GeneratedRegex(@"\b(?:Happened|HappenedBefore|First|Last|Count)\(\s*(?<kind>[A-Z][A-Za-z0-9]*)")]
    private static partial Regex EventKind();
}
