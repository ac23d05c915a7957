using Procurement.Rules.Testing;

namespace Procurement.Rules.Testing.Tests;

[TestFixture]
public class ReportBuilderTests
{
    private const string NhsOnly = Burnham2009.Rules.FairTender.NhsOnlyNeedsReason;

    [Test]
    public void Build_WithOutcomes_GivesAReportLikeACheck()
    {
        var report = new ReportBuilder("case-1")
            .WithTitle("A case")
            .Compliant(Burnham2009.Rules.Oversight.Scenario1Assurance)
            .Undetermined(Burnham2009.Rules.StaffEngagement.BeforeTenderDecision, "timeline.unionsEngaged")
            .Breach(NhsOnly, "no clinical reason")
            .Failed(Burnham2009.Rules.BestValue.CompetitionAtFinalStage, "overflow")
            .Build();

        report.ProcurementId.Should().Be("case-1");
        report.ProcurementTitle.Should().Be("A case");
        report.Period.Should().Be(PeriodStatus.InForce);
        report.Outcomes.Should().HaveCount(RulePack.Default.Rules.Count, "every other rule is not applicable");
        report.Outcomes.Take(4).Select(o => (o.Rule.Id, o.Kind)).Should().Equal(
            (NhsOnly, OutcomeKind.Breach),
            (Burnham2009.Rules.BestValue.CompetitionAtFinalStage, OutcomeKind.Failed),
            (Burnham2009.Rules.StaffEngagement.BeforeTenderDecision, OutcomeKind.Undetermined),
            (Burnham2009.Rules.Oversight.Scenario1Assurance, OutcomeKind.Compliant));
        report.Breaches.Should().ContainSingle().Which.Message.Should().Be("no clinical reason");
        report.For(Burnham2009.Rules.StaffEngagement.BeforeTenderDecision)!.MissingFacts.Should().Equal("timeline.unionsEngaged");
        report.For(Burnham2009.Rules.BestValue.CompetitionAtFinalStage)!.Error.Should().Be("overflow");
        report.VerdictFor(Burnham2009.Principles.FairTender)!.Kind.Should().Be(OutcomeKind.Breach);
        report.ToString().Should().Contain(NhsOnly).And.Contain("no clinical reason").And.Contain("Result: 1 breach, 1 failed, 1 undetermined, 1 compliant");
    }

    [Test]
    public void Build_SameOutcomesAsACheck_GivesTheSameOrder()
    {
        var checkedReport = RulePack.Default.Check(ProcurementFile.Load(RepoPaths.GreatYarmouth));
        var builder = new ReportBuilder(checkedReport.ProcurementId).DecidedOn(checkedReport.DecisionDate);
        foreach (var outcome in checkedReport.Outcomes)
        {
            builder.Outcome(outcome.Rule.Id, outcome.Kind, outcome.Message, outcome.MissingFacts, outcome.Error);
        }

        builder.Build().Outcomes.Select(o => o.Rule.Id).Should().Equal(checkedReport.Outcomes.Select(o => o.Rule.Id));
    }

    [Test]
    public void Outcome_UnknownRule_ThrowsSuggestingTheId()
    {
        var act = () => new ReportBuilder("x").Breach("fair-tender.nhs-only-need-reason");

        act.Should().Throw<ArgumentException>().WithMessage("Pack burnham-2009 has no rule 'fair-tender.nhs-only-need-reason'; did you mean 'fair-tender.nhs-only-needs-reason'?*");
    }

    [Test]
    public void Outcome_MissingFactsOnABreach_Throws()
    {
        var act = () => new ReportBuilder("x").Outcome(NhsOnly, OutcomeKind.Breach, missingFacts: new[] { "tender.eligibility" });

        act.Should().Throw<ArgumentException>().WithMessage("Only an undetermined outcome has missing facts*");
    }

    [TestCase(null, PeriodStatus.DecisionDateNotRecorded)]
    [TestCase("2008-01-01", PeriodStatus.OutsidePeriodCheckedAnyway)]
    [TestCase("2010-01-01", PeriodStatus.InForce)]
    public void DecidedOn_Date_SetsThePeriod(string? date, PeriodStatus expected)
    {
        var report = new ReportBuilder("x").DecidedOn(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Breach(NhsOnly).Build();

        report.Period.Should().Be(expected);
        report.Breaches.Should().ContainSingle("the outcomes are kept whatever the date");
    }
}
