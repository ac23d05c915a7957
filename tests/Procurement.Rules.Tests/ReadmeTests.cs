using System.Text.RegularExpressions;
using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>The README is the front door: the output it shows and the code it offers must be what the library does.</summary>
public partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Test]
    public void SampleOutput_IsWhatTheSampleCaseReports()
    {
        var shown = CodeBlocks().Matches(Readme).Select(m => m.Groups["body"].Value).First(b => b.Contains("Procurement great-yarmouth-2009", StringComparison.Ordinal));
        // As the command line checks it: the pack in force chosen by date, and the report saying so.
        var actual = RulePack.Select(Cases.GreatYarmouth()).Check().ToString();

        var lines = shown.Split('\n').Where(l => l.Trim().Length > 0 && l.Trim() != "...").ToList();

        lines.Should().HaveCountGreaterThan(10);
        foreach (var line in lines)
        {
            actual.Should().Contain(line, "the README shows this line of the report");
        }
    }

    [Test]
    public void CSharpExample_FindsTheBreachItPromises()
    {
        // The README's C# example, as written there.
        var procurement = new ProposedProcurement
        {
            Id = "community-services-2010",
            Scenario = Scenario.NewOrRedesignedService,
            DecisionDate = new DateOnly(2010, 1, 10),
            Tender = new TenderPlan
            {
                Eligibility = TenderEligibility.NhsOnly,
                EligibilityJustification = new Justification { Kind = JustificationKind.Policy },
            },
            Timeline = [new TimelineEvent { Date = new DateOnly(2010, 1, 10), Kind = EventKind.TenderDecision }],
        };

        var report = RulePack.Default.Check(procurement);

        Readme.Should().Contain("Kind = JustificationKind.Policy").And.Contain("// BREACH [critical] fair-tender.nhs-only-needs-reason: ...");
        report.Breaches.Select(b => b.ToString()).Should().Contain(s => s.StartsWith("BREACH [critical] fair-tender.nhs-only-needs-reason: ", StringComparison.Ordinal));
    }

    [GeneratedRegex("```[a-z]*\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();
}
