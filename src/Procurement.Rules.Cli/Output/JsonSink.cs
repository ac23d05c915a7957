using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Procurement.Rules.Cli.Output;

/// <summary>
/// JSON: always one run object, <c>{ formatVersion, tool, pack, packs, reports: [...], problems: [...], summary }</c>, each
/// report the library's report JSON with the input's <c>file</c>, the pack's <c>version</c> in force for the case, the
/// <c>selection</c> that chose the pack (<c>--pack auto</c>; null when the pack was named) and any <c>waiver</c> on its
/// outcomes, written as it comes. With <c>--pack auto</c> the run's <c>pack</c> is null and <c>packs</c> lists the packs
/// chosen among; a case no pack could be chosen for is a report with <c>"pack": null</c>, <c>"period": "notChecked"</c>
/// and its selection.
/// JSON Lines (<c>jsonl</c>): one report object per line, a bad input as <c>{ "file", "problems" }</c>; the summary goes to
/// standard error.
/// </summary>
internal sealed class JsonSink : ReportSink
{
    /// <summary>The version of the run object's shape (the reports inside carry their own <c>formatVersion</c>).</summary>
    /// <remarks>Version 2 (the pack chosen per case): <c>packSelection</c> and <c>packs</c> on the run, <c>pack</c> null with
    /// <c>--pack auto</c>; <c>version</c> and <c>selection</c> on each report; reports with <c>"pack": null</c> for cases
    /// no pack could be chosen for; <c>noPack</c> and <c>packsUsed</c> in the summary.</remarks>
    public const int RunFormatVersion = 2;

    private readonly bool _lines;
    private readonly JsonTextWriter _json;
    private readonly System.Collections.Generic.List<JObject> _pending = [];

    /// <summary>Creates the sink.</summary>
    public JsonSink(TextWriter output, SinkOptions options, bool lines)
        : base(output, options)
    {
        _lines = lines;
        _json = new JsonTextWriter(output) { Formatting = lines ? Formatting.None : Formatting.Indented, CloseOutput = false };
    }

    /// <inheritdoc/>
    public override bool CarriesSummary => !_lines;

    /// <inheritdoc/>
    public override void Begin()
    {
        if (_lines)
        {
            return;
        }

        _json.WriteStartObject();
        _json.WritePropertyName("formatVersion");
        _json.WriteValue(RunFormatVersion);
        _json.WritePropertyName("tool");
        _json.WriteStartObject();
        _json.WritePropertyName("name");
        _json.WriteValue("procurement-check");
        _json.WritePropertyName("version");
        _json.WriteValue(Options.ToolVersion);
        _json.WriteEndObject();
        _json.WritePropertyName("packSelection");
        _json.WriteValue(Options.Packs.IsAuto ? "auto" : "fixed");
        _json.WritePropertyName("pack");
        if (Options.Packs.Fixed is { } pack)
        {
            PackObject(pack).WriteTo(_json);
        }
        else
        {
            _json.WriteNull();
        }

        _json.WritePropertyName("packs");
        new JArray(Options.Packs.Candidates.Select(PackObject)).WriteTo(_json);
        _json.WritePropertyName("reports");
        _json.WriteStartArray();
    }

    /// <inheritdoc/>
    public override void Case(CaseResult result)
    {
        // The library writes one report's JSON; re-read it to add the file and waivers. One report is small, and this
        // keeps the report shape defined in one place.
        var report = JObject.Parse(result.Report.ToJson());
        var withFile = new JObject { ["file"] = result.File };
        foreach (var property in report.Properties())
        {
            withFile.Add(property.Name, property.Value);
            if (property.Name == "pack")
            {
                var version = result.Report.Version;
                withFile.Add("version", version is null ? JValue.CreateNull() : new JObject
                {
                    ["name"] = version.Name,
                    ["from"] = version.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["title"] = version.Title,
                });
                withFile.Add("selection", result.Report.Selection is { } selection ? Selection(selection) : JValue.CreateNull());
            }
        }

        if (withFile["outcomes"] is JArray outcomes)
        {
            foreach (var outcome in outcomes)
            {
                if (result.Waived.TryGetValue((string)outcome["ruleId"]!, out var waiver))
                {
                    outcome["waiver"] = new JObject
                    {
                        ["reason"] = waiver.Reason,
                        ["approver"] = waiver.Approver,
                        ["date"] = waiver.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        ["expires"] = waiver.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        ["source"] = waiver.Location,
                    };
                }
            }
        }

        Write(withFile);
    }

    /// <inheritdoc/>
    public override void NotChecked(NotCheckedCase notChecked) => Write(new JObject
    {
        ["file"] = notChecked.File,
        ["formatVersion"] = CheckReport.JsonFormatVersion,
        ["pack"] = null,
        ["version"] = null,
        ["selection"] = Selection(notChecked.Selection),
        ["procurement"] = new JObject { ["id"] = notChecked.Procurement.Id, ["title"] = notChecked.Procurement.Title },
        ["period"] = "notChecked",
        ["summary"] = "not checked: " + notChecked.Selection.Reason,
        ["hasBreaches"] = false,
        ["verdicts"] = new JArray(),
        ["outcomes"] = new JArray(),
    });

    /// <inheritdoc/>
    public override void Bad(BadCase bad)
    {
        var problem = new JObject { ["file"] = bad.File, ["problems"] = new JArray(bad.Errors) };
        if (_lines)
        {
            Write(problem);
            return;
        }

        // Problems are written after the reports, so bad inputs are held (a list of names and messages, not reports).
        _pending.Add(problem);
    }

    /// <inheritdoc/>
    public override void End(RunSummary summary)
    {
        if (_lines)
        {
            _json.Flush();
            return;
        }

        _json.WriteEndArray();
        _json.WritePropertyName("problems");
        _json.WriteStartArray();
        foreach (var p in _pending)
        {
            p.WriteTo(_json);
        }

        _json.WriteEndArray();
        _json.WritePropertyName("summary");
        new JObject
        {
            ["cases"] = summary.Cases,
            ["inputs"] = summary.Inputs,
            ["withBreaches"] = summary.WithBreaches,
            ["breaches"] = summary.Breaches,
            ["waived"] = summary.Waived,
            ["gate"] = new JObject { ["failOn"] = Gate.Names(Options.Gate.FailOn), ["minSeverity"] = Gate.Names(Options.Gate.MinSeverity), ["tripped"] = new JArray(summary.Tripped) },
            ["outOfPeriod"] = new JArray(summary.OutOfPeriod),
            ["noPack"] = new JArray(summary.NoPack),
            ["packsUsed"] = new JObject(summary.PacksUsed.Select(p => new JProperty(p.Key, p.Value))),
            ["allUndetermined"] = new JArray(summary.AllUndetermined),
            ["incomplete"] = new JArray(summary.Incomplete),
            ["badInputs"] = new JArray(summary.BadInputs),
            ["stoppedAtBadInput"] = summary.Stopped,
            ["exitCode"] = summary.ExitCode,
        }.WriteTo(_json);
        _json.WriteEndObject();
        _json.Flush();
        Output.WriteLine();
    }

    private static JObject PackObject(RulePack pack) => new()
    {
        ["id"] = pack.Id,
        ["version"] = pack.Version,
        ["title"] = pack.Title,
    };

    private static JObject Selection(PackSelection selection) => new()
    {
        ["status"] = Names.Camel(selection.Status),
        ["pack"] = selection.Pack?.Id,
        ["reason"] = selection.Reason,
        ["considered"] = new JArray(selection.Considered),
    };

    private void Write(JObject value)
    {
        if (_lines)
        {
            Output.WriteLine(value.ToString(Formatting.None));
            return;
        }

        value.WriteTo(_json);
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
