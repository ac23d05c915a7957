#:project ../../src/Procurement.Rules/Procurement.Rules.csproj

// A trust's own NRules rules running beside the policy pack in one NRules session.
//
// The pack's YAML rules are NRules rules (one per YAML rule); RulePack.WithRules compiles them together with yours into
// one session factory. Your rules can match the procurement, its incumbent contracts and timeline events, and every
// rule outcome of the pack (breaches with their citations). Here a trust adds two fluent rules:
//   - any incumbent contract worth more than £10m needs a recorded PCT Board sign-off;
//   - every critical breach of the pack is escalated to the trust's board, quoting the policy it breaks.
//
// Run it from anywhere (needs the .NET 10 SDK):
//   dotnet run samples/nrules/trust-rules.cs                       checks samples/cases/great-yarmouth-2009.yaml
//   dotnet run samples/nrules/trust-rules.cs -- my-case.yaml       checks your own case file
using System;
using System.IO;
using System.Linq;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules;
using Trust.Rules;

var scriptFolder = (string?)AppContext.GetData("EntryPointFileDirectoryPath") ?? Directory.GetCurrentDirectory();
var file = args.Length > 0 ? args[0] : Path.Combine(scriptFolder, "..", "cases", "great-yarmouth-2009.yaml");
var procurement = ProcurementFile.Load(file);

// The sample case records no contract value; give the provider arm's contract one, as a trust's own record would.
if (args.Length == 0)
{
    procurement = procurement with
    {
        IncumbentContracts = procurement.IncumbentContracts!
            .Select(c => c with { Value = new Money { Amount = 12_500_000m } })
            .ToArray(),
    };
}

// Compile once, share everywhere: the pack with the trust's rules is immutable and thread-safe.
var repository = new RuleRepository();
repository.Load(spec => spec.From(typeof(LargeContractNeedsBoardSignOff), typeof(EscalateCriticalBreach)));
var pack = RulePack.Default.WithRules(repository);

// A session per caller: fire it, read the report (the same as RulePack.Default.Check gives) and the trust's findings.
var session = pack.OpenSession(procurement);
var report = session.Fire();
Console.WriteLine($"{report.ProcurementId}: {report.Summary}");
foreach (var verdict in report.Verdicts.Where(v => v.Kind == OutcomeKind.Breach))
{
    Console.WriteLine($"verdict {verdict}");
}

foreach (var finding in session.Session.Query<TrustFinding>().OrderBy(f => f.Text, StringComparer.Ordinal))
{
    Console.WriteLine($"trust: {finding.Text}");
}

// What if the PCT Board had signed off? Add the event, fire again.
session.AddEvent(new TimelineEvent { Date = procurement.DecisionDate ?? new DateOnly(2009, 10, 1), Kind = EventKind.OversightSignOff, Body = OversightBody.PctBoard });
session.Fire();
Console.WriteLine($"after a PCT Board sign-off: {session.Session.Query<TrustFinding>().Count(f => f.Text.StartsWith("board sign-off", StringComparison.Ordinal))} board sign-off finding(s)");
return 0;

namespace Trust.Rules
{
    /// <summary>What the trust's rules find.</summary>
    public sealed record TrustFinding(string Text);

    /// <summary>The trust's rule: a contract over £10m needs a recorded PCT Board sign-off.</summary>
    public sealed class LargeContractNeedsBoardSignOff : Rule
    {
        public override void Define()
        {
            Contract contract = null!;
            When()
                .Match(() => contract, c => c.Value != null && c.Value.Amount > 10_000_000m)
                .Not<TimelineEvent>(e => e.Kind == EventKind.OversightSignOff && e.Body == OversightBody.PctBoard);
            Then()
                .Yield(_ => new TrustFinding($"board sign-off needed: {contract.Provider.Name ?? "an unnamed provider"}'s contract is worth £{contract.Value!.Amount:N0}"));
        }
    }

    /// <summary>The trust's rule over the pack's outcome facts: escalate every critical breach, with the words it breaks.</summary>
    public sealed class EscalateCriticalBreach : Rule
    {
        public override void Define()
        {
            RuleOutcome breach = null!;
            When()
                .Match(() => breach, o => o.Kind == OutcomeKind.Breach && o.Rule.Severity == Severity.Critical);
            Then()
                .Yield(_ => new TrustFinding($"escalate {breach.Rule.Id}: \"{breach.Citations[0].Quote}\""));
        }
    }
}
