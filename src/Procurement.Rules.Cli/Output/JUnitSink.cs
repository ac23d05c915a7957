using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace Procurement.Rules.Cli.Output;

/// <summary>
/// JUnit XML, for CI test tabs: <c>&lt;testsuites&gt;</c> holding a <c>&lt;testsuite&gt;</c> per case and a
/// <c>&lt;testcase&gt;</c> per rule. A breach is a <c>&lt;failure&gt;</c> whose text quotes the citations; a rule that could not
/// be evaluated an <c>&lt;error&gt;</c>; undetermined, not applicable and waived rules are <c>&lt;skipped&gt;</c> with the reason;
/// an input that could not be read is a suite with one errored test case. Written as reports stream.
/// </summary>
internal sealed class JUnitSink : ReportSink
{
    private readonly XmlWriter _xml;

    /// <summary>Creates the sink.</summary>
    public JUnitSink(TextWriter output, SinkOptions options)
        : base(output, options) =>
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, Encoding = new UTF8Encoding(false) });

    /// <inheritdoc/>
    public override void Begin()
    {
        _xml.WriteStartDocument();
        _xml.WriteStartElement("testsuites");
        _xml.WriteAttributeString("name", $"procurement-check {Options.Packs.Describe()}");
    }

    /// <inheritdoc/>
    public override void Case(CaseResult result)
    {
        var report = result.Report;
        var outcomes = report.Outcomes;
        var waived = outcomes.Count(o => result.WaiverFor(o) is not null);
        var failures = outcomes.Count(o => o.Kind == OutcomeKind.Breach && result.WaiverFor(o) is null);
        var errors = outcomes.Count(o => o.Kind == OutcomeKind.Failed);
        var skipped = outcomes.Count(o => o.Kind is OutcomeKind.Undetermined or OutcomeKind.NotApplicable || result.WaiverFor(o) is not null);
        StartSuite(report.ProcurementId, outcomes.Count, failures, errors, skipped, result.File);
        _xml.WriteStartElement("properties");
        Property("pack", $"{report.PackId} {report.Pack.Version}");
        if (report.Version is { } version)
        {
            Property("packVersion", version.Name);
        }

        if (report.Selection is { } selection)
        {
            Property("selection", selection.Reason);
        }

        // camelCase, as the JSON report writes it ("inForce"), not the enum's own name ("InForce").
        Property("period", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(report.Period.ToString()));
        Property("summary", report.Summary);
        Property("waived", Count(waived));
        _xml.WriteEndElement();
        foreach (var o in outcomes)
        {
            _xml.WriteStartElement("testcase");
            _xml.WriteAttributeString("name", o.Rule.Id);
            _xml.WriteAttributeString("classname", $"{report.PackId}.{o.Rule.Principle.Key}");
            _xml.WriteAttributeString("file", result.File);
            if (result.WaiverFor(o) is { } waiver)
            {
                Element("skipped", $"{o.Kind.ToString().ToLowerInvariant()} {Describe(waiver)}", Cites(o));
            }
            else if (o.Kind == OutcomeKind.Breach)
            {
                _xml.WriteStartElement("failure");
                _xml.WriteAttributeString("message", o.Message);
                _xml.WriteAttributeString("type", "breach." + Gate.Names(o.Rule.Severity));
                _xml.WriteString(Cites(o));
                _xml.WriteEndElement();
            }
            else if (o.Kind == OutcomeKind.Failed)
            {
                _xml.WriteStartElement("error");
                _xml.WriteAttributeString("message", o.Message);
                _xml.WriteAttributeString("type", "failed");
                _xml.WriteString(o.Error ?? string.Empty);
                _xml.WriteEndElement();
            }
            else if (o.Kind is OutcomeKind.Undetermined or OutcomeKind.NotApplicable)
            {
                // An undetermined rule's text says what would decide it, a line per fact.
                Element(
                    "skipped",
                    (o.Kind == OutcomeKind.Undetermined ? "undetermined: " : "not applicable: ") + o.Message,
                    o.WouldDecide.Count > 0 ? string.Join("\n", o.WouldDecide.Select(w => Reporting.TextReport.WouldDecideLabel + w)) : null);
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.Flush();
    }

    /// <inheritdoc/>
    public override void NotChecked(NotCheckedCase notChecked)
    {
        StartSuite(notChecked.Procurement.Id, tests: 1, failures: 0, errors: 0, skipped: 1, notChecked.File);
        _xml.WriteStartElement("properties");
        Property("pack", string.Empty);
        Property("period", "notChecked");
        Property("selection", notChecked.Selection.Reason);
        _xml.WriteEndElement();
        _xml.WriteStartElement("testcase");
        _xml.WriteAttributeString("name", "pack-selection");
        _xml.WriteAttributeString("classname", "procurement-check.selection");
        _xml.WriteAttributeString("file", notChecked.File);
        Element("skipped", "not checked: " + notChecked.Selection.Reason, string.Join("\n", notChecked.Selection.Considered.Select(c => "considered " + c)));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.Flush();
    }

    /// <inheritdoc/>
    public override void Bad(BadCase bad)
    {
        StartSuite(bad.File, tests: 1, failures: 0, errors: 1, skipped: 0, bad.File);
        _xml.WriteStartElement("testcase");
        _xml.WriteAttributeString("name", "load");
        _xml.WriteAttributeString("classname", "procurement-check.input");
        _xml.WriteStartElement("error");
        _xml.WriteAttributeString("message", "the procurement file could not be read");
        _xml.WriteAttributeString("type", "input");
        _xml.WriteString(string.Join("\n", bad.Errors));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.Flush();
    }

    /// <inheritdoc/>
    public override void End(RunSummary summary)
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        Output.WriteLine();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens a <c>testsuite</c> element with the counts every suite carries (a checked case, one not checked, a bad input).</summary>
    private void StartSuite(string name, int tests, int failures, int errors, int skipped, string file)
    {
        _xml.WriteStartElement("testsuite");
        _xml.WriteAttributeString("name", name);
        _xml.WriteAttributeString("tests", Count(tests));
        _xml.WriteAttributeString("failures", Count(failures));
        _xml.WriteAttributeString("errors", Count(errors));
        _xml.WriteAttributeString("skipped", Count(skipped));
        _xml.WriteAttributeString("file", file);
    }

    private static string Cites(RuleOutcome o) =>
        string.Join("\n", o.Citations.Select(c => $"Cites {c.SourceId}, {c.Locator}: \"{c.Quote}\""));

    private void Property(string name, string value)
    {
        _xml.WriteStartElement("property");
        _xml.WriteAttributeString("name", name);
        _xml.WriteAttributeString("value", value);
        _xml.WriteEndElement();
    }

    private void Element(string name, string message, string? text)
    {
        _xml.WriteStartElement(name);
        _xml.WriteAttributeString("message", message);
        if (text is not null)
        {
            _xml.WriteString(text);
        }

        _xml.WriteEndElement();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ((IDisposable)_xml).Dispose();
        }

        base.Dispose(disposing);
    }
}
