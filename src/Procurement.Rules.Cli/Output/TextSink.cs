using System;
using System.IO;
using System.Linq;

namespace Procurement.Rules.Cli.Output;

/// <summary>The plain-text reports, separated by a line of dashes, then the run summary; ANSI colour only on a terminal.</summary>
internal sealed class TextSink : ReportSink
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";
    private static readonly string Separator = new('-', 72);
    private bool _first = true;

    /// <summary>Creates the sink.</summary>
    public TextSink(TextWriter output, SinkOptions options)
        : base(output, options)
    {
    }

    /// <inheritdoc/>
    public override bool CarriesSummary => true;

    /// <inheritdoc/>
    public override void Case(CaseResult result)
    {
        if (!_first)
        {
            Output.WriteLine();
            Output.WriteLine(Separator);
            Output.WriteLine();
        }

        _first = false;
        Output.WriteLine("File: " + result.File);
        foreach (var line in result.Report.ToString().TrimEnd().Split('\n'))
        {
            Output.WriteLine(Paint(line.TrimEnd('\r')));
        }

        if (result.Waived.Count > 0)
        {
            Output.WriteLine();
            Output.WriteLine(Paint("WAIVED (reported, not counted by the gate)"));
            foreach (var (ruleId, waiver) in result.Waived)
            {
                Output.WriteLine($"- {ruleId}: {Describe(waiver)}");
            }
        }
    }

    /// <inheritdoc/>
    public override void NotChecked(NotCheckedCase notChecked)
    {
        if (!_first)
        {
            Output.WriteLine();
            Output.WriteLine(Separator);
            Output.WriteLine();
        }

        _first = false;
        Output.WriteLine("File: " + notChecked.File);
        Output.WriteLine(Paint(NotCheckedLine(notChecked)));
        if (notChecked.Selection.Status == PackSelectionStatus.Ambiguous)
        {
            // "No pack applies" already lists each pack's reason; "ambiguous" says only which could, so show each.
            foreach (var line in notChecked.Selection.Considered)
            {
                Output.WriteLine("  considered " + line);
            }
        }
    }

    /// <inheritdoc/>
    public override void End(RunSummary summary)
    {
        if (_first)
        {
            return; // nothing was checked: the run writes the summary to standard error
        }

        Output.WriteLine();
        Output.WriteLine(Separator);

        foreach (var line in summary.Lines(Options.Packs, Options.Gate))
        {
            Output.WriteLine(Paint(line));
        }
    }

    private string Paint(string line)
    {
        if (!Options.Color)
        {
            return line;
        }

        string? colour = line switch
        {
            _ when line.StartsWith("BREACHES", StringComparison.Ordinal) || line.StartsWith("COULD NOT BE EVALUATED", StringComparison.Ordinal) => Red + Bold,
            _ when line.Contains(": not checked: ", StringComparison.Ordinal) => Yellow + Bold,
            _ when line.StartsWith("UNDETERMINED", StringComparison.Ordinal) || line.StartsWith("WAIVED", StringComparison.Ordinal) => Yellow + Bold,
            _ when line.StartsWith("COMPLIANT", StringComparison.Ordinal) => Green + Bold,
            _ when line.StartsWith("Result: 0 breaches", StringComparison.Ordinal) || line.EndsWith("passed.", StringComparison.Ordinal) => Green,
            _ when line.StartsWith("Result:", StringComparison.Ordinal) || line.Contains("tripped by", StringComparison.Ordinal) => Red,
            _ when line.StartsWith("Procurement ", StringComparison.Ordinal) || line.StartsWith("Summary:", StringComparison.Ordinal) => Bold,
            _ => null,
        };
        return colour is null ? line : colour + line + Reset;
    }
}

/// <summary>The Markdown reports, separated by rules, then the run summary as a section.</summary>
internal sealed class MarkdownSink : ReportSink
{
    private bool _first = true;

    /// <summary>Creates the sink.</summary>
    public MarkdownSink(TextWriter output, SinkOptions options)
        : base(output, options)
    {
    }

    /// <inheritdoc/>
    public override bool CarriesSummary => true;

    /// <inheritdoc/>
    public override void Case(CaseResult result)
    {
        if (!_first)
        {
            Output.WriteLine();
            Output.WriteLine("---");
            Output.WriteLine();
        }

        _first = false;
        Output.WriteLine(result.Report.ToMarkdown().TrimEnd());
        Output.WriteLine();
        Output.WriteLine($"File: `{result.File.Replace("`", "'", StringComparison.Ordinal)}`");
        if (result.Waived.Count > 0)
        {
            Output.WriteLine();
            Output.WriteLine("## Waived (reported, not counted by the gate)");
            Output.WriteLine();
            foreach (var (ruleId, waiver) in result.Waived)
            {
                Output.WriteLine($"- `{ruleId}`: {Describe(waiver)}");
            }
        }
    }

    /// <inheritdoc/>
    public override void NotChecked(NotCheckedCase notChecked)
    {
        if (!_first)
        {
            Output.WriteLine();
            Output.WriteLine("---");
            Output.WriteLine();
        }

        _first = false;
        Output.WriteLine($"# Procurement {notChecked.Procurement.Id}: not checked");
        Output.WriteLine();
        Output.WriteLine(NotCheckedLine(notChecked));
        Output.WriteLine();
        if (notChecked.Selection.Status == PackSelectionStatus.Ambiguous)
        {
            foreach (var line in notChecked.Selection.Considered)
            {
                Output.WriteLine("- considered " + line);
            }

            Output.WriteLine();
        }

        Output.WriteLine($"File: `{notChecked.File.Replace("`", "'", StringComparison.Ordinal)}`");
    }

    /// <inheritdoc/>
    public override void End(RunSummary summary)
    {
        if (_first)
        {
            return;
        }

        Output.WriteLine();
        Output.WriteLine("---");
        Output.WriteLine();
        Output.WriteLine("## Run summary");
        Output.WriteLine();
        foreach (var line in summary.Lines(Options.Packs, Options.Gate))
        {
            Output.WriteLine("- " + line);
        }
    }
}
