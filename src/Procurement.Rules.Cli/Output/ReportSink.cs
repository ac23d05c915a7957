using System;
using System.Collections.Generic;
using System.IO;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli.Output;

/// <summary>What every output format needs to know besides the reports.</summary>
/// <param name="Packs">The rule pack the run checks against, or (<c>--pack auto</c>) the packs it chooses among per case.</param>
/// <param name="Gate">The gate, so formats can mark what trips it.</param>
/// <param name="IncludeUndetermined">Whether SARIF reports undetermined rules (as notes).</param>
/// <param name="Layout">The CSV layout.</param>
/// <param name="Color">Whether the text format may use ANSI colour.</param>
/// <param name="ToolVersion">The tool's version.</param>
internal sealed record SinkOptions(PackChoice Packs, Gate Gate, bool IncludeUndetermined, CsvLayout Layout, bool Color, string ToolVersion);

/// <summary>
/// One output format. The run calls <see cref="Begin"/>, then <see cref="Case"/> or <see cref="Bad"/> per input in input
/// order as reports stream, then <see cref="End"/>; a sink writes as it goes and holds nothing per case, so memory stays
/// flat however long the run.
/// </summary>
internal abstract class ReportSink : IDisposable
{
    /// <summary>Creates the sink.</summary>
    protected ReportSink(TextWriter output, SinkOptions options)
    {
        Output = output;
        Options = options;
    }

    /// <summary>Where the format goes.</summary>
    protected TextWriter Output { get; }

    /// <summary>The options.</summary>
    protected SinkOptions Options { get; }

    /// <summary>Whether the format carries the run summary itself; when not, the run writes it to standard error.</summary>
    public virtual bool CarriesSummary => false;

    /// <summary>The format names <c>--format</c> accepts.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "markdown", "json", "jsonl", "sarif", "junit", "csv"];

    /// <summary>The sink for a format name.</summary>
    public static ReportSink Create(string format, TextWriter output, SinkOptions options) => format switch
    {
        "text" => new TextSink(output, options),
        "markdown" => new MarkdownSink(output, options),
        "json" => new JsonSink(output, options, lines: false),
        "jsonl" => new JsonSink(output, options, lines: true),
        "sarif" => new SarifSink(output, options),
        "junit" => new JUnitSink(output, options),
        "csv" => new CsvSink(output, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>Starts the output.</summary>
    public virtual void Begin()
    {
    }

    /// <summary>Writes one checked case.</summary>
    public abstract void Case(CaseResult result);

    /// <summary>Writes one procurement no pack could be chosen for (<c>--pack auto</c>), with the reason.</summary>
    public abstract void NotChecked(NotCheckedCase notChecked);

    /// <summary>Writes one input that could not be read (its errors also go to standard error).</summary>
    public virtual void Bad(BadCase bad)
    {
    }

    /// <summary>Ends the output; <paramref name="summary"/> is complete and its exit code set.</summary>
    public virtual void End(RunSummary summary)
    {
    }

    /// <summary>Releases the format's writer (never the output itself).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the format's writer when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The line a not-checked case is reported with: <c>&lt;case&gt;: not checked: &lt;reason&gt;</c>.</summary>
    protected static string NotCheckedLine(NotCheckedCase c) => $"{c.Procurement.Id}: not checked: {c.Selection.Reason}";

    /// <summary>The text of a waiver for people: <c>waived: reason (approved by X on date, expires date; waivers.yaml:3)</c>.</summary>
    protected static string Describe(Waiver w) =>
        $"waived: {w.Reason} (approved by {w.Approver} on {w.Date:yyyy-MM-dd}" + (w.Expires is { } e ? $", expires {e:yyyy-MM-dd}" : string.Empty) + $"; {w.Location})";
}

/// <summary>
/// CSV through the library's <see cref="CsvReportWriter"/>; the note column carries waivers. With <c>--pack auto</c> two
/// columns follow the layout's own: <c>pack_version</c> and <c>selection</c> (why the pack was chosen); a case no pack
/// could be chosen for is one <c>notChecked</c> row with the reason in its note.
/// </summary>
internal sealed class CsvSink : ReportSink
{
    private readonly CsvReportWriter _csv;

    /// <summary>Creates the sink.</summary>
    public CsvSink(TextWriter output, SinkOptions options)
        : base(output, options) => _csv = new CsvReportWriter(output, options.Layout) { SelectionColumns = options.Packs.IsAuto };

    /// <inheritdoc/>
    public override void Begin() => _csv.WriteHeader();

    /// <inheritdoc/>
    public override void Case(CaseResult result) =>
        _csv.Write(result.Report, result.File, o => result.WaiverFor(o) is { } w ? Describe(w) : null);

    /// <inheritdoc/>
    public override void NotChecked(NotCheckedCase notChecked) =>
        _csv.WriteNoPack(notChecked.Procurement.Id, notChecked.File, notChecked.Selection.Reason);
}
