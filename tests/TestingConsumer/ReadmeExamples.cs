using System;
using FluentAssertions;
using NUnit.Framework;
using Procurement.Model;
using Procurement.Rules;
using Procurement.Rules.Testing;

namespace TestingConsumer;

/// <summary>
/// The C# examples of the three package READMEs, as written there (the package test checks every line of each appears
/// here), compiled and run against the packages.
/// </summary>
[TestFixture]
public class ReadmeExamples
{
    [SetUp]
    public void InTheCasesFolder() => Environment.CurrentDirectory = TestContext.CurrentContext.TestDirectory;

    [Test]
    public void RulesReadme()
    {
        var procurement = ProcurementFile.Load("case.yaml");            // or build a ProposedProcurement in code
        CheckReport report = RulePack.Default.Check(procurement);        // pure and thread-safe
        foreach (RuleOutcome breach in report.Breaches)
            Console.WriteLine(breach);                                   // BREACH [critical] fair-tender.nhs-only-needs-reason: ...
        foreach (PrincipleVerdict verdict in report.Verdicts)
            Console.WriteLine(verdict);                                  // fair-tender: BREACH (fair-tender.nhs-only-needs-reason)
        RuleOutcome? nhsOnly = report.For(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason); // ids as constants
        Console.WriteLine(report.ToMarkdown());                          // also ToString() and ToJson()

        Assert.That(nhsOnly?.Kind, Is.EqualTo(OutcomeKind.Breach));
        Assert.That(report.VerdictFor(Burnham2009.Principles.FairTender)!.ToString(), Does.StartWith("fair-tender: BREACH (").And.Contain("fair-tender.nhs-only-needs-reason"));
    }

    [Test]
    public void ModelReadme()
    {
        var procurement = new ProposedProcurement
        {
            Id = "community-services-2010",
            Scenario = Scenario.NewOrRedesignedService,
            DecisionDate = new DateOnly(2010, 1, 10),
            Tender = new TenderPlan { Eligibility = TenderEligibility.NhsOnly },
            Timeline = [new TimelineEvent { Date = new DateOnly(2010, 1, 10), Kind = EventKind.TenderDecision }],
        };
        var later = procurement with { Title = "Community services" };  // records: copy with changes

        Assert.That(later.Id, Is.EqualTo(procurement.Id));
        Assert.That(RulePack.Default.Check(later).For(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason)!.Kind, Is.EqualTo(OutcomeKind.Undetermined), "no reason recorded");
    }

    [Test]
    public void TestingReadme()
    {
        var report = RulePack.Default.Check(ProcurementFile.Load("great-yarmouth-2009.yaml"));
        report.Should().HaveBreach(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason)
            .Citing("'NHS only' tender")
            .And.HaveVerdict(Burnham2009.Principles.FairTender, OutcomeKind.Breach);
        ReportAssert.HasBreach(report, Burnham2009.Rules.FairTender.NhsOnlyNeedsReason); // without FluentAssertions

        var built = new ReportBuilder("case-1")                          // for testing your own rendering
            .Breach(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason, "no clinical reason")
            .Undetermined(Burnham2009.Rules.StaffEngagement.BeforeTenderDecision, "timeline.unionsEngaged")
            .Build();

        built.Should().HaveOutcome(Burnham2009.Rules.StaffEngagement.BeforeTenderDecision, OutcomeKind.Undetermined);
    }
}
