// A minimal tool that uses the Procurement.Rules package as another NHS tool would: it checks one procurement built in
// C# and one loaded from a file against the Secretary of State's 2009 principles (the embedded default rule pack).
//
// Usage: PackageConsumer <procurement.yaml|json>
// Exit code: 0 when both procurements breach the 'NHS only' rule and the control case does not; 1 otherwise;
// 2 on wrong usage or an invalid file.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Procurement.Model;
using Procurement.Rules;

const string NhsOnlyRule = "fair-tender.nhs-only-needs-reason";

if (args.Length != 1)
{
    Console.Error.WriteLine("Usage: PackageConsumer <procurement.yaml|json>");
    return 2;
}

var packageVersion = typeof(RulePack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"Procurement.Rules {packageVersion}; rule pack {RulePack.Default}");
Console.WriteLine();

// 1. A procurement built in code: an open tender restricted to NHS bidders on the strength of a policy statement,
//    with no clinical or safety reason recorded (the pattern of the Great Yarmouth case).
var decided = new DateOnly(2009, 11, 2);
var built = new ProposedProcurement
{
    Id = "consumer-nhs-only-tender",
    Title = "Community services tender open to NHS providers only",
    Commissioner = new Commissioner { Name = "Example PCT", Kind = CommissionerKind.Pct },
    Service = new ServiceDescription { Name = "Community services", IsClinical = true },
    DecisionDate = decided,
    Tender = new TenderPlan
    {
        Route = ProcurementRoute.OpenTender,
        Eligibility = TenderEligibility.NhsOnly,
        EligibilityJustification = new Justification
        {
            Kind = JustificationKind.Policy,
            Text = "The 'preferred provider' statement.",
        },
    },
    Timeline = new List<TimelineEvent>
    {
        new() { Date = decided, Kind = EventKind.TenderDecision, Description = "Decision to tender, NHS bidders only." },
    },
};

// 2. A procurement loaded from a YAML or JSON file.
ProposedProcurement loaded;
try
{
    loaded = ProcurementFile.Load(args[0]);
}
catch (Exception e) when (e is ProcurementLoadException or IOException or ArgumentException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// 3. A control: the built procurement with a clinical reason recorded, which the rule accepts.
var control = built with
{
    Id = "consumer-nhs-only-tender-clinical-reason",
    Tender = built.Tender with
    {
        EligibilityJustification = new Justification { Kind = JustificationKind.Clinical, Text = "Specialist clinical pathway." },
    },
};

var expected = new Dictionary<string, OutcomeKind>
{
    [built.Id] = OutcomeKind.Breach,
    [loaded.Id] = OutcomeKind.Breach,
    [control.Id] = OutcomeKind.Compliant,
};

var failures = 0;
foreach (var report in RulePack.Default.CheckAll(new[] { built, loaded, control }))
{
    Console.WriteLine(report);
    var found = report.For(NhsOnlyRule)?.Kind;
    var wanted = expected[report.ProcurementId];
    if (found != wanted)
    {
        Console.Error.WriteLine($"UNEXPECTED: {report.ProcurementId}: rule {NhsOnlyRule} gave {found?.ToString() ?? "no outcome"}, expected {wanted}.");
        failures++;
    }
}

Console.WriteLine(failures == 0
    ? $"OK: {NhsOnlyRule} is breached by {built.Id} and {loaded.Id}, and met by {control.Id}."
    : $"FAILED: {failures} procurement(s) did not give the expected outcome of {NhsOnlyRule}.");
return failures == 0 ? 0 : 1;
