// Loads a case file, checks it against the embedded pack and prints the whole report, its verdicts and the case
// written back as JSON: everything that reaches model types by reflection (the file binder, the rule expressions, the
// JSON writer). The package test compares this output, trimmed, with the same program untrimmed.
//
// Usage: TrimmedConsumer <procurement.yaml|json>     Exit code: 0 when checked; 1 on any exception.
using System;
using Procurement.Model;
using Procurement.Rules;

try
{
    ProposedProcurement procurement = ProcurementFile.Load(args[0]);
    CheckReport report = RulePack.Default.Check(procurement);
    Console.WriteLine(report);
    foreach (PrincipleVerdict verdict in report.Verdicts)
    {
        Console.WriteLine(verdict);
    }

    Console.WriteLine(ProcurementFile.ToJson(procurement));
    Console.WriteLine(report.ToJson());
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    return 1;
}
