#:package Procurement.Rules@0.1.0

// Checks every procurement case file in a folder against the rule pack in force for it (the 2009 principles and rules
// for cooperation and competition, the 2013 regulations or the Provider Selection Regime, chosen by the case's own dates
// and commissioner) and prints one line per case naming its pack, each breach with the policy's own words and a count
// of breaches per principle of each pack. A case no pack could be chosen for is listed and counted, not checked. It also
// writes, into an output folder, two CSV tables (cases-by-rule.csv: a row per case and rule; cases-by-principle.csv: a
// row per case and principle) and cases.html, a page with a heat map of principle verdicts across the cases, a chart of
// breaches by principle and every breach with its citations (open it in any browser; it needs nothing else).
//
// Needs the .NET 10 SDK. Inside a clone of the repository it uses the library's source (samples/analyst/Directory.Build.targets);
// a copy anywhere else uses the Procurement.Rules package named above, from nuget.org or a local feed (docs/analyst.md):
//   dotnet run check-cases.cs                                   checks samples/cases (in a clone) or ./cases
//   dotnet run check-cases.cs -- my/cases                       checks the .yaml, .yml and .json files in my/cases
//   dotnet run check-cases.cs -- my/cases --out my/results      writes the CSV and HTML there (default ./check-results)
//
// To adapt it, copy this file and edit the copy: the lines marked ADAPT are the usual places to change.
// The case file format is described in docs/procurement-files.md.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Procurement.Model;
using Procurement.Rules;
using Procurement.Rules.Reporting;

// ADAPT: the folder to check (the first argument; else samples/cases beside this file's folder in a clone, else
// ./cases), and the output folder (--out; else ./check-results).
var scriptFolder = (string?)AppContext.GetData("EntryPointFileDirectoryPath") ?? Directory.GetCurrentDirectory();
var positional = new List<string>();
var output = "check-results";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        output = args[++i];
    }
    else
    {
        positional.Add(args[i]);
    }
}

var inClone = Path.Combine(scriptFolder, "..", "cases");
var folder = positional.Count > 0 ? positional[0] : Directory.Exists(inClone) ? inClone : "cases";
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"Folder not found: {Path.GetFullPath(folder)}");
    return 2;
}

// ADAPT: the rule packs. Each case is checked against the one in force for it, chosen by RulePack.Select from the
// packs the library carries. To check every case against one pack instead (a "2009 reading" of a later case, say), name
// it: `RulePack? only = RulePack.GetEmbedded("burnham-2009");`; to try edited rules, use RulePack.LoadFromDirectory("path/to/pack")
// there, or give RulePack.Select a list of your own packs below.
RulePack? only = null;

// ADAPT: which files are cases, in name order. Use SearchOption.AllDirectories to include sub-folders.
var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.TopDirectoryOnly)
    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
    .OrderBy(f => f, StringComparer.Ordinal)
    .ToList();

// ADAPT: the output files' names.
Directory.CreateDirectory(output);
var byRulePath = Path.Combine(output, "cases-by-rule.csv");
var byPrinciplePath = Path.Combine(output, "cases-by-principle.csv");
var htmlPath = Path.Combine(output, "cases.html");

var library = typeof(RulePack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"Checking {files.Count} case file(s) in {Path.GetFullPath(folder)}");
Console.WriteLine(only is null ? $"against the rule pack in force for each case ({string.Join(", ", RulePack.EmbeddedPackIds)})" : $"against {only}");
Console.WriteLine($"with Procurement.Rules {library}");
Console.WriteLine();

// One line per case. The cases are checked one at a time as they are read; each report goes straight to the two CSV
// tables (a row per case and rule, a row per case and principle; the pack column says which pack) and to the HTML page,
// which keeps only a small summary per case, so a large folder is fine.
Console.WriteLine($"{"Case",-40} {"Pack",-14} {"Breaches",8} {"Undetermined",12} {"Compliant",9} {"Not applicable",14}");
var breaches = new List<(string CaseId, RuleOutcome Breach)>();
var packsUsed = new List<RulePack>();   // in first-seen order, for the summary per principle
var checkedCases = 0;
var noPack = 0;
var unreadable = 0;
var progress = new Progress(files.Count);
var caseFiles = new Queue<string>();   // the file of each case read, in order, for the CSV's file column
using (var byRuleFile = new StreamWriter(byRulePath))
using (var byPrincipleFile = new StreamWriter(byPrinciplePath))
using (var htmlFile = new StreamWriter(htmlPath))
{
    // ADAPT: the page's title. CSV fields starting with = + - @ get a leading apostrophe so a spreadsheet shows them as
    // text (GuardFormulas); set GuardFormulas = false if only programs read the files.
    var byRule = new CsvReportWriter(byRuleFile, CsvLayout.ByRule);
    var byPrinciple = new CsvReportWriter(byPrincipleFile, CsvLayout.ByPrinciple);
    var html = new HtmlReportWriter(htmlFile, new HtmlReportOptions { Title = $"{files.Count} cases checked against {(only is null ? "the rule pack in force for each" : only.Id)}" });
    byRule.WriteHeader();
    byPrinciple.WriteHeader();
    foreach (var procurement in ReadCases(files))
    {
        var file = Path.GetRelativePath(folder, caseFiles.Dequeue());

        // ADAPT: RulePack.Select(procurement, myPacks) chooses among packs of your own.
        var selection = only is null ? RulePack.Select(procurement) : null;
        if (selection is { Pack: null })
        {
            // Several packs could apply and the record does not say which, or none covers it: say why, check nothing.
            noPack++;
            Console.WriteLine($"{procurement.Id,-40} {"(none)",-14}  not checked: no rule pack could be chosen ({selection.Status})");
            Console.WriteLine($"  {selection.Reason}");
            html.WriteNotChecked(procurement.Id, procurement.Title, selection);
            continue;
        }

        var report = selection?.Check() ?? only!.Check(procurement);
        checkedCases++;
        if (!packsUsed.Contains(report.Pack))
        {
            packsUsed.Add(report.Pack);
        }

        int CountOf(OutcomeKind kind) => report.OfKind(kind).Count();
        var note = report.Period switch
        {
            PeriodStatus.OutsidePeriod => "  not checked: outside the period the pack was in force",
            PeriodStatus.DecisionDateNotRecorded => "  deciding date not recorded",
            _ => "",
        };
        Console.WriteLine($"{report.ProcurementId,-40} {report.Pack.Id,-14} {CountOf(OutcomeKind.Breach),8} {CountOf(OutcomeKind.Undetermined),12} {CountOf(OutcomeKind.Compliant),9} {CountOf(OutcomeKind.NotApplicable),14}{note}");
        if (report.Selection is { Status: not PackSelectionStatus.Selected } chosen)
        {
            // Chosen as the only pack that can apply: the reason says what the record would have to show.
            Console.WriteLine($"  {chosen.Status}: {chosen.Reason}");
        }

        breaches.AddRange(report.Breaches.Select(b => (report.ProcurementId, b)));
        byRule.Write(report, file);
        byPrinciple.Write(report, file);
        html.Write(report);
    }

    html.Complete();
}

progress.Finish(unreadable);
Console.WriteLine();
Console.WriteLine($"{checkedCases} case(s) checked, {noPack} not checked: no rule pack could be chosen.");

// Each breach: the rule, its principle, what the case's own facts show, and the first passage of the policy it cites.
// ADAPT: print breach.Citations (all of them) or breach.Facts for more detail.
Console.WriteLine();
Console.WriteLine($"Breaches ({breaches.Count})");
foreach (var (caseId, breach) in breaches)
{
    Console.WriteLine();
    Console.WriteLine($"{caseId}: {breach.Rule.Id} [{breach.Rule.Severity}]");
    Console.WriteLine($"  Principle: {breach.Rule.Principle.Key} ({breach.Rule.Principle.Title})");
    Console.WriteLine($"  {breach.Message}");
    Console.WriteLine($"  Cites {breach.Citations[0]}");
}

// Breaches per principle, over all cases, for each pack used (principles the pack has rules for, in the pack's order).
foreach (var pack in packsUsed)
{
    Console.WriteLine();
    Console.WriteLine($"{pack.Id + " principle",-40} {"Breaches",8} {"Cases",6}");
    foreach (var principle in pack.Principles.Where(p => pack.Rules.Any(r => r.Principle.Key == p.Key)))
    {
        var ofPrinciple = breaches.Where(b => b.Breach.Rule.Principle.Key == principle.Key && pack.Rules.Contains(b.Breach.Rule)).ToList();
        Console.WriteLine($"{principle.Key,-40} {ofPrinciple.Count,8} {ofPrinciple.Select(b => b.CaseId).Distinct().Count(),6}");
    }
}

Console.WriteLine();
foreach (var path in new[] { byRulePath, byPrinciplePath, htmlPath })
{
    Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
}

// Exit code 1 when a file could not be read, so a scheduled run notices; breaches alone are findings, not errors.
return unreadable == 0 ? 0 : 1;

// Reads the case files one at a time; a file that cannot be read is reported and skipped.
IEnumerable<ProposedProcurement> ReadCases(IEnumerable<string> paths)
{
    foreach (var path in paths)
    {
        ProposedProcurement? procurement = null;
        try
        {
            procurement = ProcurementFile.Load(path);
        }
        catch (ProcurementLoadException e)
        {
            Console.Error.WriteLine($"Skipped {Path.GetFileName(path)}: {e.Message}");
            unreadable++;
        }

        progress.Step();
        if (procurement is not null)
        {
            caseFiles.Enqueue(path);
            yield return procurement;
        }
    }
}

// Progress on stderr, so it never mixes with the results: at most once a second, then a last line with the total.
// In a terminal it rewrites one line; in a log it writes a line each time.
sealed class Progress(int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _shown;
    private int _done;

    public void Step()
    {
        _done++;
        if (_clock.Elapsed - _shown >= TimeSpan.FromSeconds(1))
        {
            _shown = _clock.Elapsed;
            Show($"Read {_done} of {total} case file(s)...");
        }
    }

    public void Finish(int unreadable)
    {
        Show($"Read {_done} of {total} case file(s) in {_clock.Elapsed.TotalSeconds:F1} s" + (unreadable > 0 ? $", {unreadable} skipped" : "") + ".");
        if (!Console.IsErrorRedirected)
        {
            Console.Error.WriteLine();
        }
    }

    private static void Show(string line)
    {
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine(line);
        }
        else
        {
            Console.Error.Write("\r" + line.PadRight(60));
        }
    }
}
