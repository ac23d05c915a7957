#:project ../../src/Procurement.Rules/Procurement.Rules.csproj

// Checks every procurement case file in a folder against the Secretary of State's 2009 procurement principles and
// prints: one line per case, then each breach with the policy's own words, then a count of breaches per principle.
//
// Run it from anywhere (needs the .NET 10 SDK):
//   dotnet run samples/analyst/check-cases.cs                 checks samples/cases
//   dotnet run samples/analyst/check-cases.cs -- my/cases     checks the .yaml, .yml and .json files in my/cases
//
// To adapt it, copy this file beside this one and edit the copy: the lines marked ADAPT are the usual places to change.
// The case file format is described in docs/procurement-files.md.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Procurement.Model;
using Procurement.Rules;

// ADAPT: the folder to check: the first argument, or else samples/cases (found from this file's folder, which
// `dotnet run` records, so the current folder does not matter).
var scriptFolder = (string?)AppContext.GetData("EntryPointFileDirectoryPath") ?? Directory.GetCurrentDirectory();
var folder = args.Length > 0 ? args[0] : Path.Combine(scriptFolder, "..", "cases");
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"Folder not found: {Path.GetFullPath(folder)}");
    return 2;
}

// ADAPT: the rule pack. To try edited rules, use RulePack.LoadFromDirectory("path/to/pack") instead.
var pack = RulePack.Default;

// ADAPT: which files are cases, in name order. Use SearchOption.AllDirectories to include sub-folders.
var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.TopDirectoryOnly)
    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
    .OrderBy(f => f, StringComparer.Ordinal)
    .ToList();

Console.WriteLine($"Checking {files.Count} case file(s) in {Path.GetFullPath(folder)}");
Console.WriteLine($"against {pack}");
Console.WriteLine();

// One line per case. The cases are checked one at a time as they are read (CheckAll streams), so a large folder is fine.
Console.WriteLine($"{"Case",-40} {"Breaches",8} {"Undetermined",12} {"Compliant",9} {"Not applicable",14}");
var breaches = new List<(string CaseId, RuleOutcome Breach)>();
var unreadable = 0;
foreach (var report in pack.CheckAll(ReadCases(files)))
{
    int CountOf(OutcomeKind kind) => report.OfKind(kind).Count();
    var note = report.Period switch
    {
        PeriodStatus.OutsidePeriod => "  not checked: decided outside the period the policy was in force",
        PeriodStatus.DecisionDateNotRecorded => "  decision date not recorded",
        _ => "",
    };
    Console.WriteLine($"{report.ProcurementId,-40} {CountOf(OutcomeKind.Breach),8} {CountOf(OutcomeKind.Undetermined),12} {CountOf(OutcomeKind.Compliant),9} {CountOf(OutcomeKind.NotApplicable),14}{note}");
    breaches.AddRange(report.Breaches.Select(b => (report.ProcurementId, b)));
}

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

// Breaches per principle, over all cases (principles the pack has rules for, in the pack's order).
Console.WriteLine();
Console.WriteLine($"{"Principle",-40} {"Breaches",8} {"Cases",6}");
foreach (var principle in pack.Principles.Where(p => pack.Rules.Any(r => r.Principle.Key == p.Key)))
{
    var ofPrinciple = breaches.Where(b => b.Breach.Rule.Principle.Key == principle.Key).ToList();
    Console.WriteLine($"{principle.Key,-40} {ofPrinciple.Count,8} {ofPrinciple.Select(b => b.CaseId).Distinct().Count(),6}");
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

        if (procurement is not null)
        {
            yield return procurement;
        }
    }
}
