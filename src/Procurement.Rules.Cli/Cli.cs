using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Procurement.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// The <c>procurement-check</c> command: loads the rule pack, loads every procurement file, and only when all of them
/// load checks each one and writes the reports. Writes to the writers it is given, so tests run it in-process.
/// </summary>
internal static class Cli
{
    /// <summary>Exit code: every file was checked and no rule was breached.</summary>
    public const int NoBreach = 0;

    /// <summary>Exit code: at least one rule was breached in at least one file.</summary>
    public const int Breach = 1;

    /// <summary>Exit code: bad input (arguments, a missing or invalid file, an invalid pack) or an incomplete check.</summary>
    public const int BadInput = 2;

    private static readonly string TextSeparator = new('-', 72);

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where reports, the rule list, help and version go.</param>
    /// <param name="stderr">Where errors and notes go.</param>
    /// <returns><see cref="NoBreach"/>, <see cref="Breach"/> or <see cref="BadInput"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var arguments = CliArguments.Parse(args, out var error);
        if (arguments is null)
        {
            stderr.WriteLine("error: " + error);
            stderr.WriteLine(CliArguments.UsageLine);
            return BadInput;
        }

        if (arguments.Help)
        {
            stdout.WriteLine(CliArguments.HelpText);
            return NoBreach;
        }

        if (arguments.Version)
        {
            stdout.WriteLine("procurement-check " + ToolVersion());
            stdout.WriteLine("built-in rule packs: " + string.Join(", ", RulePack.EmbeddedPackIds));
            return NoBreach;
        }

        var pack = LoadPack(arguments.RulesDirectory, arguments.RulesRoot, stderr);
        if (pack is null)
        {
            return BadInput;
        }

        if (arguments.ListRules)
        {
            if (arguments.Format == ReportFormat.Markdown)
            {
                stdout.Write(pack.ToMarkdown());
            }
            else
            {
                WriteRuleList(pack, stdout);
            }

            return NoBreach;
        }

        // Load every file before checking any, so one bad file stops the run before anything is reported.
        var procurements = new List<(string File, ProposedProcurement Procurement)>();
        var failed = false;
        foreach (var file in arguments.Files)
        {
            if (LoadProcurement(file, stderr) is { } procurement)
            {
                procurements.Add((file, procurement));
            }
            else
            {
                failed = true;
            }
        }

        if (failed)
        {
            stderr.WriteLine("Nothing was checked: correct the file(s) above and run again.");
            return BadInput;
        }

        var options = new CheckOptions { CheckOutsidePeriod = arguments.CheckOutsidePeriod };
        var reports = new List<(string File, CheckReport Report)>();
        foreach (var (file, procurement) in procurements)
        {
            try
            {
                reports.Add((file, pack.Check(procurement, options)));
            }
            catch (ProcurementLoadException e)
            {
                WriteProblems(stderr, $"could not check {file}", e);
                return BadInput;
            }
        }

        WriteReports(reports.Select(r => r.Report).ToList(), arguments.Format, stdout);
        return ExitCode(reports, pack, stderr);
    }

    private static RulePack? LoadPack(string? directory, string? root, TextWriter stderr)
    {
        try
        {
            return directory is null ? RulePack.Default : RulePack.LoadFromDirectory(directory, new RulePackLoadOptions { RootDirectory = root });
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"error: {e.Message}");
        }
        catch (DirectoryNotFoundException)
        {
            stderr.WriteLine($"error: rule pack folder not found: {directory}");
        }
        catch (RulePackLoadException e)
        {
            WriteProblems(stderr, $"could not load the rule pack in {directory ?? "the tool (built-in pack)"}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: could not read the rule pack in {directory}: {e.Message}");
        }

        stderr.WriteLine("Nothing was checked.");
        return null;
    }

    private static ProposedProcurement? LoadProcurement(string file, TextWriter stderr)
    {
        if (Directory.Exists(file))
        {
            stderr.WriteLine($"error: {file} is a folder, not a procurement file");
            return null;
        }

        if (!File.Exists(file))
        {
            stderr.WriteLine($"error: file not found: {file}");
            return null;
        }

        if (Path.GetExtension(file).ToUpperInvariant() is not (".YAML" or ".YML" or ".JSON"))
        {
            stderr.WriteLine($"error: {file}: a procurement file must end in .yaml, .yml or .json");
            return null;
        }

        try
        {
            return ProcurementFile.Load(file);
        }
        catch (ProcurementLoadException e)
        {
            WriteProblems(stderr, $"could not load {file}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: could not read {file}: {e.Message}");
        }

        return null;
    }

    private static void WriteProblems(TextWriter stderr, string what, InputException e)
    {
        var count = e.Problems.Count == 1 ? "1 problem" : $"{e.Problems.Count} problems";
        stderr.WriteLine($"error: {what} ({count}):");
        foreach (var problem in e.Problems)
        {
            stderr.WriteLine("  " + problem);
        }
    }

    private static void WriteReports(List<CheckReport> reports, ReportFormat format, TextWriter stdout)
    {
        var nl = Environment.NewLine;
        var text = format switch
        {
            ReportFormat.Json when reports.Count == 1 => reports[0].ToJson(),

            // Each report is indented JSON whose strings hold no raw line breaks, so indenting every line keeps it valid.
            ReportFormat.Json => "[" + nl + "  " + string.Join("," + nl + "  ", reports.Select(r => r.ToJson().Trim().Replace("\n", "\n  ", StringComparison.Ordinal))) + nl + "]",
            ReportFormat.Markdown => string.Join(nl + nl + "---" + nl + nl, reports.Select(r => r.ToMarkdown().TrimEnd())),
            _ => string.Join(nl + nl + TextSeparator + nl + nl, reports.Select(r => r.ToString().TrimEnd())),
        };
        stdout.WriteLine(text);
    }

    private static int ExitCode(IReadOnlyList<(string File, CheckReport Report)> reports, RulePack pack, TextWriter stderr)
    {
        foreach (var (file, report) in reports.Where(r => r.Report.Period == PeriodStatus.OutsidePeriod))
        {
            stderr.WriteLine($"note: {file} was decided on {report.DecisionDate:yyyy-MM-dd}, outside the period of rule pack {pack.Id}, "
                + "so no rule was applied; add --check-outside-period to apply them anyway.");
        }

        var incomplete = reports.Where(r => r.Report.HasFailures).ToList();
        foreach (var (file, report) in incomplete)
        {
            var ids = report.OfKind(OutcomeKind.Failed).Select(o => o.Rule.Id);
            stderr.WriteLine($"error: the check of {file} is incomplete: these rules could not be evaluated: {string.Join(", ", ids)}");
        }

        return incomplete.Count > 0 ? BadInput : reports.Any(r => r.Report.HasBreaches) ? Breach : NoBreach;
    }

    private static void WriteRuleList(RulePack pack, TextWriter stdout)
    {
        stdout.WriteLine($"Rule pack {pack.Id} {pack.Version}: {pack.Title}");
        stdout.WriteLine(pack.Rules.Count == 1 ? "1 rule:" : $"{pack.Rules.Count} rules:");
        stdout.WriteLine();
        var rows = pack.Rules.Select(r => new[] { r.Id, SeverityLabel(r.Severity), r.Principle.Key, r.Title }).ToList();
        rows.Insert(0, ["ID", "SEVERITY", "PRINCIPLE", "TITLE"]);
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(row => row[c].Length)).ToArray();
        foreach (var row in rows)
        {
            stdout.WriteLine(string.Join("  ", row.Take(3).Select((cell, c) => cell.PadRight(widths[c])).Append(row[3])));
        }
    }

    private static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Major => "major",
        Severity.Minor => "minor",
        _ => severity.ToString(),
    };

    private static string ToolVersion()
    {
        var assembly = typeof(Cli).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }
}
