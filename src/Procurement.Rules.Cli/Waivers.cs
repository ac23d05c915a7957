using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Procurement.Rules.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Cli;

/// <summary>
/// One accepted breach: who accepted it, why, and until when. Matches an outcome by rule id (or every rule of a principle)
/// and by case id (or a glob over the input's path).
/// </summary>
internal sealed record Waiver(
    string? Rule,
    string? Principle,
    string? Case,
    string? Path,
    string Reason,
    string Approver,
    DateOnly Date,
    DateOnly? Expires,
    string File,
    int Line)
{
    private Matcher? _matcher;

    /// <summary>Where the waiver is written, <c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";

    /// <summary>What it waives, for messages: <c>rule X for case Y</c>.</summary>
    public string Describe => (Rule is not null ? "rule " + Rule : "principle " + Principle) + " for " + (Case is not null ? "case " + Case : "files " + Path);

    /// <summary>Whether this waiver covers the outcome of the report read from <paramref name="file"/>.</summary>
    public bool Covers(RuleOutcome outcome, CheckReport report, string file)
    {
        var what = Rule is not null
            ? string.Equals(Rule, outcome.Rule.Id, StringComparison.Ordinal)
            : string.Equals(Principle, outcome.Rule.Principle.Key, StringComparison.Ordinal);
        if (!what)
        {
            return false;
        }

        if (Case is not null)
        {
            return string.Equals(Case, report.ProcurementId, StringComparison.Ordinal);
        }

        if (_matcher is null)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(Path!);
            _matcher = matcher;
        }

        // Globbing matches relative paths: an absolute input path is matched without its root ("/", "C:/").
        var path = file.Replace('\\', '/');
        path = path.Length > 2 && path[1] == ':' ? path[2..] : path;
        return _matcher.Match(path.TrimStart('/')).HasMatches;
    }
}

/// <summary>
/// The waiver file (<c>--waivers</c>): YAML with a <c>waivers</c> list. Read with YamlDotNet's representation model so every
/// problem names its file, line and column, like the other inputs.
/// </summary>
/// <remarks>Thread safety: <see cref="Apply"/> and <see cref="Unused"/> are called from the one thread that writes reports.</remarks>
internal sealed class WaiverSet
{
    private static readonly string[] Keys = ["rule", "principle", "case", "path", "reason", "approver", "date", "expires"];
    private readonly HashSet<Waiver> _used = new(ReferenceEqualityComparer.Instance);

    private WaiverSet(IReadOnlyList<Waiver> waivers) => Waivers = waivers;

    /// <summary>No waivers.</summary>
    public static WaiverSet Empty { get; } = new([]);

    /// <summary>The waivers, in file order.</summary>
    public IReadOnlyList<Waiver> Waivers { get; }

    /// <summary>Reads and validates a waiver file; <paramref name="errors"/> gets every located problem (an expired waiver is one).</summary>
    public static WaiverSet Load(string path, string display, DateOnly today, List<string> errors)
    {
        // Read through the library's own file and YAML readers first: only a regular file (never /dev/zero or a FIFO),
        // within InputLimits, strict UTF-8, no tags, no self-referencing aliases, bounded nesting (YamlDotNet's own
        // parser overflows the stack on deep nesting) and single-value keys. Only text that passed is loaded below.
        var problems = new List<LoadProblem>();
        var bytes = InputFile.ReadBytes(path, display, InputLimits.Default, problems);
        var text = bytes is null ? null : InputFile.Decode(bytes, display, problems);
        if (text is not null)
        {
            DocReaders.ReadYaml(text, display, InputLimits.Default, problems);
        }

        if (problems.Count > 0 || text is null)
        {
            errors.AddRange(problems.Select(p => p.ToString()));
            return Empty;
        }

        YamlStream yaml = [];
        try
        {
            using var reader = new StringReader(text);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            errors.Add($"{display}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}");
            return Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{display}: could not read the waiver file: {e.Message}");
            return Empty;
        }

        string At(YamlNode node) => $"{display}:{node.Start.Line}:{node.Start.Column}";
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("waivers"), out var listNode) || listNode is not YamlSequenceNode list)
        {
            errors.Add($"{display}:1:1: a waiver file is a mapping with a 'waivers' list");
            return Empty;
        }

        var waivers = new List<Waiver>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode map)
            {
                errors.Add($"{At(list.Children[i])}: waivers[{i}]: each waiver is a mapping");
                continue;
            }

            var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                if (!Keys.Contains(key))
                {
                    errors.Add($"{At(keyNode)}: waivers[{i}]: unknown key '{key}' (known: {string.Join(", ", Keys)})");
                }
                else if (valueNode is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
                {
                    values[key] = scalar;
                }
                else
                {
                    errors.Add($"{At(valueNode)}: waivers[{i}].{key}: needs a value");
                }
            }

            var count = errors.Count;
            string? Text(string key) => values.TryGetValue(key, out var node) ? node.Value : null;
            DateOnly? Date(string key)
            {
                if (!values.TryGetValue(key, out var node))
                {
                    return null;
                }

                if (DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                errors.Add($"{At(node)}: waivers[{i}].{key}: '{node.Value}' is not a date (yyyy-MM-dd)");
                return null;
            }

            void Need(bool ok, string message)
            {
                if (!ok)
                {
                    errors.Add($"{At(map)}: waivers[{i}]: {message}");
                }
            }

            var rule = Text("rule");
            var principle = Text("principle");
            var caseId = Text("case");
            var pathGlob = Text("path");
            Need((rule is null) != (principle is null), "give exactly one of 'rule' (a rule id) or 'principle' (a principle key)");
            Need((caseId is null) != (pathGlob is null), "give exactly one of 'case' (a procurement id) or 'path' (a glob over input paths)");
            Need(Text("reason") is not null, "missing required key 'reason'");
            Need(Text("approver") is not null, "missing required key 'approver'");
            Need(values.ContainsKey("date"), "missing required key 'date' (when the waiver was approved)");
            var date = Date("date");
            var expires = Date("expires");
            if (expires is { } until && until < today)
            {
                errors.Add($"{At(values["expires"])}: waivers[{i}]: the waiver of {rule ?? principle} expired on {until:yyyy-MM-dd}: renew it or fix the breach");
            }

            if (errors.Count == count && date is { } approved)
            {
                waivers.Add(new Waiver(rule, principle, caseId, pathGlob, Text("reason")!, Text("approver")!, approved, expires, display, (int)map.Start.Line));
            }
        }

        return new WaiverSet(waivers);
    }

    /// <summary>The waiver covering each waivable outcome (a breach or an undetermined rule) of the report, by rule id.</summary>
    public IReadOnlyDictionary<string, Waiver> Apply(CheckReport report, string file)
    {
        if (Waivers.Count == 0)
        {
            return Waived.None;
        }

        Dictionary<string, Waiver>? waived = null;
        foreach (var outcome in report.Outcomes)
        {
            if (outcome.Kind is not (OutcomeKind.Breach or OutcomeKind.Undetermined))
            {
                continue;
            }

            foreach (var waiver in Waivers)
            {
                if (waiver.Covers(outcome, report, file))
                {
                    (waived ??= new(StringComparer.Ordinal))[outcome.Rule.Id] = waiver;
                    _used.Add(waiver);
                    break;
                }
            }
        }

        return waived ?? Waived.None;
    }

    /// <summary>The waivers that covered nothing in the run.</summary>
    public IEnumerable<Waiver> Unused() => Waivers.Where(w => !_used.Contains(w));

    private static class Waived
    {
        public static readonly IReadOnlyDictionary<string, Waiver> None = new Dictionary<string, Waiver>();
    }
}
