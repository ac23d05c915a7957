using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Writes check reports as a CSV table (RFC 4180) for spreadsheets, streaming: each <see cref="Write(CheckReport, string?, Func{RuleOutcome, string?}?)"/>
/// appends that report's rows to the underlying <see cref="TextWriter"/> and holds nothing back, so a batch of any size
/// is written in flat memory. The header row is written before the first row (or by <see cref="WriteHeader"/>).
/// </summary>
/// <remarks>
/// <para>
/// Fields are separated by commas and records end in CRLF, as RFC 4180 says. A field is quoted when it holds a comma, a
/// double quote, a carriage return or a line feed (or starts or ends with a space); a double quote inside a quoted field is
/// doubled. Everything else is written as it is.
/// </para>
/// <para>
/// <b>Formula injection.</b> Spreadsheet programs treat a cell starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (and,
/// in some, a tab or carriage return) as a formula, so a case id or message taken from an untrusted file could run one
/// (OWASP "CSV Injection"). When <see cref="GuardFormulas"/> is <see langword="true"/> (the default), such a field is
/// written with a leading apostrophe (<c>'=1+1</c>), which spreadsheets show as text; the apostrophe is visible to a
/// program reading the CSV, which is the documented price of the guard. Set it to <see langword="false"/> for
/// machine consumers that never open the file in a spreadsheet.
/// </para>
/// <para>
/// A case outside the pack's period (<see cref="PeriodStatus.OutsidePeriod"/>) has no outcomes; it is written as one row
/// with an empty rule id or principle and the outcome <c>notChecked</c>, so it does not silently vanish from the table.
/// Outcome, verdict and severity values are the camelCase names used by the JSON report (<c>breach</c>,
/// <c>notApplicable</c>, <c>critical</c>).
/// </para>
/// <para>Not thread safe: write from one thread at a time (the <see cref="TextWriter"/> is not, either).</para>
/// </remarks>
/// <example>
/// <code>
/// using var file = new StreamWriter("results.csv");
/// var csv = new CsvReportWriter(file, CsvLayout.ByRule);
/// foreach (var (path, report) in reports)
/// {
///     csv.Write(report, path);
/// }
/// </code>
/// </example>
public sealed class CsvReportWriter
{
    private static readonly string[] ByRuleHeader =
        ["case_id", "file", "pack", "rule_id", "principle", "severity", "outcome", "message", "missing_facts", "note", "would_decide"];

    private static readonly string[] ByPrincipleHeader =
        ["case_id", "file", "pack", "principle", "principle_title", "verdict", "deciding_rules", "note"];

    private readonly TextWriter _writer;
    private readonly StringBuilder _scratch = new();
    private bool _headerWritten;

    /// <summary>Creates a writer that appends to <paramref name="writer"/> (which it does not own or dispose).</summary>
    /// <param name="writer">Where the CSV goes; its encoding is the caller's choice (UTF-8 suits spreadsheets).</param>
    /// <param name="layout">What one row stands for; default <see cref="CsvLayout.ByRule"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is not a defined layout.</exception>
    public CsvReportWriter(TextWriter writer, CsvLayout layout = CsvLayout.ByRule)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (layout is not (CsvLayout.ByRule or CsvLayout.ByPrinciple))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown CSV layout.");
        }

        _writer = writer;
        Layout = layout;
    }

    /// <summary>What one row stands for.</summary>
    public CsvLayout Layout { get; }

    /// <summary>
    /// Whether a field starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a
    /// leading apostrophe so spreadsheets show it as text rather than run it as a formula. Default <see langword="true"/>.
    /// Set before the first write.
    /// </summary>
    public bool GuardFormulas { get; init; } = true;

    /// <summary>
    /// Whether to append two columns, <c>pack_version</c> (the pack's version in force for the case, see
    /// <see cref="CheckReport.Version"/>) and <c>selection</c> (why the pack was chosen, <see cref="PackSelection.Reason"/>),
    /// after the layout's own columns. Internal: the command line sets it; the public layouts stay as documented.
    /// </summary>
    internal bool SelectionColumns { get; init; }

    /// <summary>The number of data rows written so far (the header not counted).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>The column names of <paramref name="layout"/>, in order.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The header fields.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is not a defined layout.</exception>
    public static IReadOnlyList<string> Columns(CsvLayout layout) => layout switch
    {
        CsvLayout.ByRule => ByRuleHeader,
        CsvLayout.ByPrinciple => ByPrincipleHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown CSV layout."),
    };

    /// <summary>Writes the header row now if it has not been written yet (an empty batch still gets a header).</summary>
    /// <exception cref="IOException">The underlying writer failed.</exception>
    public void WriteHeader()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        WriteRecord(SelectionColumns ? [.. Columns(Layout), "pack_version", "selection"] : Columns(Layout));
    }

    /// <summary>Appends the rows of one report (the header first, if this is the first write).</summary>
    /// <param name="report">The report.</param>
    /// <param name="file">Where the case came from (a path or other source name), or <see langword="null"/> to leave the <c>file</c> column empty.</param>
    /// <param name="note">
    /// Optional text for the <c>note</c> column of each outcome (for example why a breach was waived), or
    /// <see langword="null"/>. In the <see cref="CsvLayout.ByPrinciple"/> layout the notes of a principle's deciding rules
    /// are joined with <c>"; "</c>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="IOException">The underlying writer failed.</exception>
    public void Write(CheckReport report, string? file = null, Func<RuleOutcome, string?>? note = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        WriteHeader();
        if (report.Period == PeriodStatus.OutsidePeriod)
        {
            WriteNotChecked(report, file);
            return;
        }

        if (Layout == CsvLayout.ByRule)
        {
            foreach (var o in report.Outcomes)
            {
                WriteCaseRow(
                    report,
                [
                    report.ProcurementId, file ?? string.Empty, report.PackId, o.Rule.Id, o.Rule.Principle.Key,
                    Names.Camel(o.Rule.Severity), Names.Camel(o.Kind), o.Message, string.Join("; ", o.MissingFacts),
                    note?.Invoke(o) ?? string.Empty,

                    // Last, so readers that index the earlier columns keep working: the would-decide sentences, space-separated.
                    string.Join(" ", o.WouldDecide),
                ]);
            }

            return;
        }

        foreach (var v in report.Verdicts)
        {
            var ids = new List<string>(v.DecidedBy.Count);
            var notes = new List<string>();
            foreach (var o in v.DecidedBy)
            {
                ids.Add(o.Rule.Id);
                if (note?.Invoke(o) is { Length: > 0 } text)
                {
                    notes.Add(text);
                }
            }

            WriteCaseRow(
                report,
            [
                report.ProcurementId, file ?? string.Empty, report.PackId, v.Principle.Key, v.Principle.Title,
                Names.Camel(v.Kind), string.Join("; ", ids), string.Join("; ", notes),
            ]);
        }
    }

    /// <summary>Flushes the underlying writer.</summary>
    /// <exception cref="IOException">The underlying writer failed.</exception>
    public void Flush() => _writer.Flush();

    /// <summary>Describes the writer, for debugging.</summary>
    /// <returns>For example <c>CSV by rule, 12 row(s)</c>.</returns>
    public override string ToString() => $"CSV {(Layout == CsvLayout.ByRule ? "by rule" : "by principle")}, {RowsWritten} row(s)";

    /// <summary>
    /// Writes one <c>notChecked</c> row for a procurement no pack could be chosen for (the command line's
    /// <c>--pack auto</c>): the pack column empty, the reason in the note column (and in <c>selection</c> when
    /// <see cref="SelectionColumns"/> is set).
    /// </summary>
    internal void WriteNoPack(string procurementId, string? file, string reason)
    {
        WriteHeader();
        string[] row = Layout == CsvLayout.ByRule
            ? [procurementId, file ?? string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "notChecked", "no rule pack could be chosen", string.Empty, reason, string.Empty]
            : [procurementId, file ?? string.Empty, string.Empty, string.Empty, string.Empty, "notChecked", string.Empty, reason];
        WriteRow(SelectionColumns ? [.. row, string.Empty, reason] : row);
    }

    private void WriteNotChecked(CheckReport report, string? file)
    {
        var reason = TextReport.PeriodNote(report);
        WriteCaseRow(report, Layout == CsvLayout.ByRule
            ? [report.ProcurementId, file ?? string.Empty, report.PackId, string.Empty, string.Empty, string.Empty, "notChecked", reason, string.Empty, string.Empty, string.Empty]
            : [report.ProcurementId, file ?? string.Empty, report.PackId, string.Empty, string.Empty, "notChecked", string.Empty, reason]);
    }

    private void WriteRecord(IReadOnlyList<string> fields)
    {
        _scratch.Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _scratch.Append(',');
            }

            AppendField(_scratch, fields[i], GuardFormulas);
        }

        _scratch.Append("\r\n");
        _writer.Write(_scratch);
    }

    /// <summary>Writes a row of <paramref name="report"/>, with the selection columns when <see cref="SelectionColumns"/> is set.</summary>
    private void WriteCaseRow(CheckReport report, string[] fields) =>
        WriteRow(SelectionColumns ? [.. fields, report.Version?.Name ?? string.Empty, report.Selection?.Reason ?? string.Empty] : fields);

    private void WriteRow(IReadOnlyList<string> fields)
    {
        WriteRecord(fields);
        RowsWritten++;
    }

    /// <summary>One RFC 4180 field, with the formula guard applied before quoting.</summary>
    internal static void AppendField(StringBuilder text, string value, bool guardFormulas)
    {
        if (guardFormulas && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        var quote = value.Length > 0 && (value[0] == ' ' || value[^1] == ' ');
        foreach (var c in value)
        {
            if (c is ',' or '"' or '\r' or '\n')
            {
                quote = true;
                break;
            }
        }

        if (!quote)
        {
            text.Append(value);
            return;
        }

        text.Append('"');
        foreach (var c in value)
        {
            text.Append(c);
            if (c == '"')
            {
                text.Append('"');
            }
        }

        text.Append('"');
    }
}
