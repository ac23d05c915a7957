using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Loading;

/// <summary>
/// A YAML mapping read against a known set of keys. Every problem (unknown key, missing key, wrong kind of value)
/// is added to the shared problem list with its line and column; reading goes on so that all problems are found.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly ProblemList _problems;
    private readonly string? _ruleId;

    private YamlMap(YamlMappingNode node, ProblemList problems, string? ruleId)
    {
        _node = node;
        _problems = problems;
        _ruleId = ruleId;
    }

    public Mark Start => _node.Start;

    /// <summary>Reads a node as a mapping with the given keys; null (with a problem) when it is not a mapping.</summary>
    public static YamlMap? From(YamlNode node, ProblemList problems, string what, IReadOnlyCollection<string> keys, string? ruleId = null)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(node.Start, ruleId, $"{what} must be a mapping of keys to values");
            return null;
        }

        var map = new YamlMap(mapping, problems, ruleId);
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!keys.Contains(name))
            {
                var suggestion = Names.Suggest(name, keys);
                problems.Add(key.Start, ruleId, $"unknown key '{name}' in {what}"
                    + (suggestion is null ? $" (expected: {string.Join(", ", keys)})" : $"; did you mean '{suggestion}'?"));
            }
        }

        return map;
    }

    public YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A non-empty scalar; records a problem when required and absent or empty, or when not a scalar.</summary>
    public YamlScalarNode? Scalar(string key, bool required)
    {
        var scalar = Typed<YamlScalarNode>(key, required, "a single value");
        if (scalar is null || !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar;
        }

        if (required)
        {
            _problems.Add(scalar.Start, _ruleId, $"'{key}' must not be empty");
        }

        return null;
    }

    public string? String(string key, bool required) => Scalar(key, required)?.Value;

    public YamlSequenceNode? Sequence(string key, bool required) => Typed<YamlSequenceNode>(key, required, "a list");

    public DateOnly? Date(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        _problems.Add(scalar.Start, _ruleId, $"'{key}': '{scalar.Value}' is not a valid date (yyyy-MM-dd)");
        return null;
    }

    public T? Enum<T>(string key, bool required)
        where T : struct, Enum
    {
        var scalar = Scalar(key, required);
        if (scalar is null)
        {
            return null;
        }

        var names = System.Enum.GetNames<T>().Select(Names.Camel).ToArray();
        var match = names.FirstOrDefault(n => string.Equals(n, scalar.Value, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return System.Enum.Parse<T>(match, ignoreCase: true);
        }

        var suggestion = Names.Suggest(scalar.Value!, names);
        _problems.Add(scalar.Start, _ruleId, $"'{key}': '{scalar.Value}' is not one of {string.Join(", ", names)}"
            + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
        return null;
    }

    /// <summary>The value of a key as the expected kind of node; records a problem when required and absent, or of another kind.</summary>
    private TNode? Typed<TNode>(string key, bool required, string expected)
        where TNode : YamlNode
    {
        var node = Node(key);
        if (node is TNode typed)
        {
            return typed;
        }

        if (node is not null)
        {
            _problems.Add(node.Start, _ruleId, $"'{key}' must be {expected}, not {Describe(node)}");
        }
        else if (required)
        {
            _problems.Add(_node.Start, _ruleId, $"missing required key '{key}'");
        }

        return null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "a single value",
    };
}
