using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace Procurement.Rules.Reporting;

/// <summary>The JSON report (Newtonsoft.Json), versioned by <see cref="CheckReport.JsonFormatVersion"/>.</summary>
internal static class JsonReport
{
    public static string Write(CheckReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            Write(json, report);
        }

        return text.ToString();
    }

    public static void Write(JsonWriter json, CheckReport report)
    {
        json.WriteStartObject();
        json.WritePropertyName("formatVersion");
        json.WriteValue(CheckReport.JsonFormatVersion);

        json.WritePropertyName("pack");
        json.WriteStartObject();
        Property(json, "id", report.Pack.Id);
        Property(json, "version", report.Pack.Version);
        Property(json, "title", report.Pack.Title);
        Property(json, "inForceFrom", TextReport.Format(report.Pack.InForceFrom));
        Property(json, "inForceUntil", report.Pack.InForceUntil is { } until ? TextReport.Format(until) : null);
        json.WriteEndObject();

        json.WritePropertyName("procurement");
        json.WriteStartObject();
        Property(json, "id", report.ProcurementId);
        Property(json, "title", report.ProcurementTitle);
        Property(json, "decisionDate", report.DecisionDate is { } date ? TextReport.Format(date) : null);
        json.WriteEndObject();

        Property(json, "period", Names.Camel(report.Period));
        Property(json, "summary", TextReport.Summary(report));
        json.WritePropertyName("hasBreaches");
        json.WriteValue(report.HasBreaches);

        // Since format version 2: the principles' verdicts, before the outcomes they come from.
        json.WritePropertyName("verdicts");
        json.WriteStartArray();
        foreach (var v in report.Verdicts)
        {
            json.WriteStartObject();
            Property(json, "principle", v.Principle.Key);
            Property(json, "title", v.Principle.Title);
            Property(json, "verdict", Names.Camel(v.Kind));
            json.WritePropertyName("decidedBy");
            json.WriteStartArray();
            foreach (var o in v.DecidedBy)
            {
                json.WriteValue(o.Rule.Id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WritePropertyName("outcomes");
        json.WriteStartArray();
        foreach (var o in report.Outcomes)
        {
            json.WriteStartObject();
            Property(json, "ruleId", o.Rule.Id);
            Property(json, "outcome", Names.Camel(o.Kind));
            Property(json, "severity", Names.Camel(o.Rule.Severity));
            Property(json, "principle", o.Rule.Principle.Key);
            Property(json, "title", o.Rule.Title);
            Property(json, "message", o.Message);
            json.WritePropertyName("facts");
            json.WriteStartArray();
            foreach (var f in o.Facts)
            {
                json.WriteStartObject();
                Property(json, "name", f.Name);
                Property(json, "value", f.Display);
                json.WritePropertyName("recorded");
                json.WriteValue(f.IsRecorded);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("missingFacts");
            json.WriteStartArray();
            foreach (var m in o.MissingFacts)
            {
                json.WriteValue(m);
            }

            json.WriteEndArray();

            // Since format version 3: what would decide an undetermined rule, in plain words (at most two; else empty).
            json.WritePropertyName("wouldDecide");
            json.WriteStartArray();
            foreach (var sentence in o.WouldDecide)
            {
                json.WriteValue(sentence);
            }

            json.WriteEndArray();

            // Since format version 3: the derived facts the rule read, with their provenance.
            json.WritePropertyName("derived");
            json.WriteStartArray();
            foreach (var d in o.Derived)
            {
                json.WriteStartObject();
                Property(json, "kind", Names.Camel(d.Kind));
                Property(json, "date", d.Date.ToString());
                Property(json, "inferenceId", d.InferenceId);
                Property(json, "from", d.From);
                Property(json, "reason", d.Reason);
                Property(json, "text", d.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (o.Error is not null)
            {
                Property(json, "error", o.Error);
            }

            json.WritePropertyName("citations");
            json.WriteStartArray();
            foreach (var c in o.Citations)
            {
                json.WriteStartObject();
                Property(json, "source", c.SourceId);
                Property(json, "locator", c.Locator);
                Property(json, "quote", c.Quote);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Property(JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
