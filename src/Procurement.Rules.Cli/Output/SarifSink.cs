using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;

namespace Procurement.Rules.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run whose driver lists every rule of the pack (citations, help
/// text), one result per breach (per undetermined rule too, at level <c>note</c>, with <c>--include-undetermined</c>) located
/// in the case file, waived ones with an accepted external suppression. Written as reports stream: the rules first, then
/// results, then the invocation with the exit code.
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
    private readonly FactLines _lines = new();

    /// <summary>Creates the sink.</summary>
    public SarifSink(TextWriter output, SinkOptions options)
        : base(output, options) => _json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };

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
        _json.WritePropertyName("tool");
        _json.WriteStartObject();
        _json.WritePropertyName("driver");
        _json.WriteStartObject();
        Prop("name", "procurement-check");
        Prop("version", Options.ToolVersion);
        Prop("informationUri", "https://github.com/procurement-rules/procurement-rules");
        _json.WritePropertyName("rules");
        _json.WriteStartArray();
        var pack = Options.Pack;
        for (var i = 0; i < pack.Rules.Count; i++)
        {
            var rule = pack.Rules[i];
            _ruleIndex[rule.Id] = i;
            _json.WriteStartObject();
            Prop("id", rule.Id);
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
            Prop("principle", rule.Principle.Key);
            Prop("severity", Gate.Names(rule.Severity));
            _json.WritePropertyName("tags");
            _json.WriteStartArray();
            _json.WriteValue(rule.Principle.Key);
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
        _json.WritePropertyName("results");
        _json.WriteStartArray();
    }

    /// <inheritdoc/>
    public override void Case(CaseResult result)
    {
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
    public override void End(RunSummary summary)
    {
        _json.WriteEndArray();
        _json.WritePropertyName("invocations");
        _json.WriteStartArray();
        _json.WriteStartObject();
        _json.WritePropertyName("executionSuccessful");
        _json.WriteValue(summary.ExitCode is ExitCodes.Clean or ExitCodes.GateTripped);
        _json.WritePropertyName("exitCode");
        _json.WriteValue(summary.ExitCode);
        _json.WritePropertyName("toolExecutionNotifications");
        _json.WriteStartArray();
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
        Prop("ruleId", o.Rule.Id);
        if (_ruleIndex.TryGetValue(o.Rule.Id, out var index))
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
        Prop("caseRule/v1", result.Report.ProcurementId + "|" + o.Rule.Id);
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
