using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;

namespace Procurement.Rules.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run whose driver lists every rule of each pack the run used
/// (citations, help text; with one named pack, every rule of it), one result per breach (per undetermined rule too, at
/// level <c>note</c>, with <c>--include-undetermined</c>) located in the case file, waived ones with an accepted external
/// suppression. A rule id two packs share is written <c>pack/rule</c>. A case no pack could be chosen for
/// (<c>--pack auto</c>) is a warning notification of the invocation. Written as reports stream: the results first, then
/// the driver (which only then knows which packs were used), then the invocation with the exit code.
/// </summary>
internal sealed class SarifSink : ReportSink
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema URI written in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private readonly JsonTextWriter _json;
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private readonly List<BadCase> _bad = [];
    private readonly List<NotCheckedCase> _notChecked = [];
    private readonly List<RulePack> _usedPacks = [];
    private readonly List<(RulePack Pack, RuleDefinition Rule)> _rules = [];
    private readonly HashSet<string> _shared;
    private readonly FactLines _lines = new();

    /// <summary>Creates the sink.</summary>
    public SarifSink(TextWriter output, SinkOptions options)
        : base(output, options)
    {
        _json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        _shared = options.Packs.Candidates.SelectMany(p => p.Rules.Select(r => r.Id).Distinct())
            .GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The SARIF level of a rule's severity: critical is an error, major a warning, minor a note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical => "error",
        Severity.Major => "warning",
        _ => "note",
    };

    /// <summary>A relative or absolute path as a SARIF artifact URI (forward slashes, each segment escaped).</summary>
    public static string Uri(string file) =>
        string.Join('/', file.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    /// <inheritdoc/>
    public override void Begin()
    {
        _json.WriteStartObject();
        Prop("$schema", SchemaUri);
        Prop("version", Version);
        _json.WritePropertyName("runs");
        _json.WriteStartArray();
        _json.WriteStartObject();
        _json.WritePropertyName("results");
        _json.WriteStartArray();
        if (Options.Packs.Fixed is { } pack)
        {
            // One pack: its every rule is listed, whether or not a case used it, as before packs were chosen per case.
            Use(pack);
        }
    }

    /// <summary>
    /// The rule id results and the driver use: the rule's own id, or <c>pack/rule</c> when another pack that could be
    /// chosen has a rule with the same id (so a dashboard never merges two packs' rules).
    /// </summary>
    internal string RuleId(RulePack pack, RuleDefinition rule) => _shared.Contains(rule.Id) ? pack.Id + "/" + rule.Id : rule.Id;

    /// <summary>Lists a pack's rules in the driver (once), when the first case checked against it is written.</summary>
    private void Use(RulePack pack)
    {
        if (_usedPacks.Any(p => ReferenceEquals(p, pack)))
        {
            return;
        }

        _usedPacks.Add(pack);
        foreach (var rule in pack.Rules)
        {
            _ruleIndex[RuleId(pack, rule)] = _rules.Count;
            _rules.Add((pack, rule));
        }
    }

    /// <summary>The driver with the rules of every pack used (written last: results come first so the run streams).</summary>
    private void WriteTool()
    {
        _json.WritePropertyName("tool");
        _json.WriteStartObject();
        _json.WritePropertyName("driver");
        _json.WriteStartObject();
        Prop("name", "procurement-check");
        Prop("version", Options.ToolVersion);
        Prop("informationUri", "https://github.com/procurement-rules/procurement-rules");
        _json.WritePropertyName("rules");
        _json.WriteStartArray();
        foreach (var (pack, rule) in _rules)
        {
            _json.WriteStartObject();
            Prop("id", RuleId(pack, rule));
            Message("shortDescription", rule.Title);
            Message("fullDescription", rule.Description);
            _json.WritePropertyName("help");
            _json.WriteStartObject();
            Prop("text", HelpText(rule));
            Prop("markdown", HelpMarkdown(rule));
            _json.WriteEndObject();
            _json.WritePropertyName("defaultConfiguration");
            _json.WriteStartObject();
            Prop("level", Level(rule.Severity));
            _json.WriteEndObject();
            _json.WritePropertyName("properties");
            _json.WriteStartObject();
            Prop("pack", pack.Id + " " + pack.Version);
            Prop("ruleId", rule.Id);
            Prop("principle", rule.Principle.Key);
            Prop("severity", Gate.Names(rule.Severity));
            _json.WritePropertyName("tags");
            _json.WriteStartArray();
            _json.WriteValue(rule.Principle.Key);
            _json.WriteValue(pack.Id);
            _json.WriteValue("procurement");
            _json.WriteEndArray();
            _json.WritePropertyName("citations");
            _json.WriteStartArray();
            foreach (var c in rule.Citations)
            {
                _json.WriteStartObject();
                Prop("source", c.SourceId);
                Prop("locator", c.Locator);
                Prop("quote", c.Quote);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    /// <inheritdoc/>
    public override void Case(CaseResult result)
    {
        Use(result.Report.Pack);
        foreach (var o in result.Report.Outcomes)
        {
            if (o.Kind == OutcomeKind.Breach || (o.Kind == OutcomeKind.Undetermined && Options.IncludeUndetermined) || o.Kind == OutcomeKind.Failed)
            {
                WriteResult(result, o);
            }
        }

        _json.Flush();
    }

    /// <inheritdoc/>
    public override void Bad(BadCase bad) => _bad.Add(bad);

    /// <inheritdoc/>
    public override void NotChecked(NotCheckedCase notChecked) => _notChecked.Add(notChecked);

    /// <inheritdoc/>
    public override void End(RunSummary summary)
    {
        _json.WriteEndArray();
        WriteTool();
        _json.WritePropertyName("invocations");
        _json.WriteStartArray();
        _json.WriteStartObject();
        _json.WritePropertyName("executionSuccessful");
        _json.WriteValue(summary.ExitCode is ExitCodes.Clean or ExitCodes.GateTripped);
        _json.WritePropertyName("exitCode");
        _json.WriteValue(summary.ExitCode);
        _json.WritePropertyName("toolExecutionNotifications");
        _json.WriteStartArray();
        foreach (var notChecked in _notChecked)
        {
            // A case no pack could be chosen for is not a result of any rule: a notification, where a dashboard shows
            // what the run could not do, with the reason and the case file.
            _json.WriteStartObject();
            Prop("level", "warning");
            Message("message", NotCheckedLine(notChecked));
            Locations(notChecked.File, 1);
            _json.WritePropertyName("properties");
            _json.WriteStartObject();
            Prop("caseId", notChecked.Procurement.Id);
            Prop("selection", notChecked.Status);
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        foreach (var bad in _bad)
        {
            foreach (var error in bad.Errors)
            {
                _json.WriteStartObject();
                Prop("level", "error");
                Message("message", error);
                Locations(bad.File, LineOf(bad.File, error));
                _json.WriteEndObject();
            }
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        Output.WriteLine();
    }

    private static string HelpText(RuleDefinition rule)
    {
        var text = new StringBuilder(rule.Title).Append(". ").Append(rule.Description.Trim());
        text.Append(CultureInfo.InvariantCulture, $"\nPrinciple: {rule.Principle.Key} ({rule.Principle.Title}). Severity: {Gate.Names(rule.Severity)}.");
        foreach (var c in rule.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nCites {c.SourceId}, {c.Locator}: \"{c.Quote}\"");
        }

        return text.ToString();
    }

    private static string HelpMarkdown(RuleDefinition rule)
    {
        var text = new StringBuilder("**").Append(rule.Title).Append("**\n\n").Append(rule.Description.Trim()).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Principle: `{rule.Principle.Key}` ({rule.Principle.Title}). Severity: {Gate.Names(rule.Severity)}.\n");
        foreach (var c in rule.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{c.SourceId}, {c.Locator}:\n\n> {c.Quote}\n");
        }

        return text.ToString();
    }

    private void WriteResult(CaseResult result, RuleOutcome o)
    {
        _json.WriteStartObject();
        var ruleId = RuleId(result.Report.Pack, o.Rule);
        Prop("ruleId", ruleId);
        if (_ruleIndex.TryGetValue(ruleId, out var index))
        {
            _json.WritePropertyName("ruleIndex");
            _json.WriteValue(index);
        }

        Prop("kind", o.Kind == OutcomeKind.Breach ? "fail" : o.Kind == OutcomeKind.Failed ? "fail" : "review");
        Prop("level", o.Kind == OutcomeKind.Breach ? Level(o.Rule.Severity) : o.Kind == OutcomeKind.Failed ? "error" : "note");
        var message = o.Kind == OutcomeKind.Failed ? $"{o.Message} ({o.Error})" : o.Message;
        foreach (var sentence in o.WouldDecide)
        {
            // An undetermined result says what would decide it, after the message (also in properties.wouldDecide).
            message += " " + Reporting.TextReport.WouldDecideLabel + sentence;
        }

        Message("message", $"{result.Report.ProcurementId}: {message}");
        Locations(result.File, _lines.Line(result.Path, o));
        _json.WritePropertyName("partialFingerprints");
        _json.WriteStartObject();
        Prop("caseRule/v1", result.Report.ProcurementId + "|" + ruleId);
        _json.WriteEndObject();
        if (result.WaiverFor(o) is { } waiver)
        {
            _json.WritePropertyName("suppressions");
            _json.WriteStartArray();
            _json.WriteStartObject();
            Prop("kind", "external");
            Prop("status", "accepted");
            Prop("justification", waiver.Reason);
            _json.WritePropertyName("location");
            _json.WriteStartObject();
            _json.WritePropertyName("physicalLocation");
            _json.WriteStartObject();
            _json.WritePropertyName("artifactLocation");
            _json.WriteStartObject();
            Prop("uri", Uri(waiver.File));
            _json.WriteEndObject();
            _json.WritePropertyName("region");
            _json.WriteStartObject();
            _json.WritePropertyName("startLine");
            _json.WriteValue(waiver.Line);
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WritePropertyName("properties");
            _json.WriteStartObject();
            Prop("approver", waiver.Approver);
            Prop("date", waiver.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Prop("expires", waiver.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteEndArray();
        }

        _json.WritePropertyName("properties");
        _json.WriteStartObject();
        Prop("caseId", result.Report.ProcurementId);
        Prop("pack", result.Report.PackId);
        if (result.Report.Version is { } version)
        {
            Prop("packVersion", version.Name);
        }

        if (result.Report.Selection is { } selection)
        {
            Prop("selection", selection.Reason);
        }

        Prop("outcome", o.Kind.ToString());
        Prop("principle", o.Rule.Principle.Key);
        Prop("severity", Gate.Names(o.Rule.Severity));
        if (o.WouldDecide.Count > 0)
        {
            _json.WritePropertyName("wouldDecide");
            _json.WriteStartArray();
            foreach (var sentence in o.WouldDecide)
            {
                _json.WriteValue(sentence);
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    private void Locations(string file, int line)
    {
        _json.WritePropertyName("locations");
        _json.WriteStartArray();
        _json.WriteStartObject();
        _json.WritePropertyName("physicalLocation");
        _json.WriteStartObject();
        _json.WritePropertyName("artifactLocation");
        _json.WriteStartObject();
        Prop("uri", Uri(file));
        _json.WriteEndObject();
        _json.WritePropertyName("region");
        _json.WriteStartObject();
        _json.WritePropertyName("startLine");
        _json.WriteValue(Math.Max(1, line));
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.WriteEndArray();
    }

    /// <summary>
    /// The line a load problem names (<c>cases/x.yaml:3:9: ...</c>), so a dashboard points at it; 1, the file's top, when
    /// the problem names no line (a missing file, an unreadable one).
    /// </summary>
    internal static int LineOf(string file, string problem)
    {
        if (!problem.StartsWith(file + ":", StringComparison.Ordinal))
        {
            return 1;
        }

        var rest = problem.AsSpan(file.Length + 1);
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && int.TryParse(rest[..digits], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) && line > 0 ? line : 1;
    }

    private void Message(string name, string text)
    {
        _json.WritePropertyName(name);
        _json.WriteStartObject();
        Prop("text", text);
        _json.WriteEndObject();
    }

    private void Prop(string name, string? value)
    {
        _json.WritePropertyName(name);
        _json.WriteValue(value);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ((IDisposable)_json).Dispose();
        }

        base.Dispose(disposing);
    }
}
