using System;
using System.IO;
using FluentAssertions;
using NUnit.Framework;
using Procurement.Model;
using Procurement.Rules;
using Procurement.Rules.Testing;

namespace TestingConsumer;

/// <summary>What an NHS tool's tests see: the assertions pass on a real check, and their failures say what to fix.</summary>
[TestFixture]
public class ConsumerTests
{
    private const string NhsOnly = Burnham2009.Rules.FairTender.NhsOnlyNeedsReason;

    private static string Case => Path.Combine(TestContext.CurrentContext.TestDirectory, "great-yarmouth-2009.yaml");

    [Test]
    public void HaveBreach_GreatYarmouth_PassesCitingTheLetter()
    {
        var report = RulePack.Default.Check(ProcurementFile.Load(Case));

        report.Should().HaveBreach(NhsOnly).Citing("clinical issues or safety may warrant an 'NHS only' tender")
            .And.HaveVerdict(Burnham2009.Principles.FairTender, OutcomeKind.Breach);
        ReportAssert.HasBreach(report, NhsOnly);
    }

    [Test]
    public void HaveBreach_ReasonNotRecorded_FailsNamingTheMissingFact()
    {
        var procurement = ProcurementFile.Load(Case);
        var report = RulePack.Default.Check(procurement with { Tender = procurement.Tender! with { EligibilityJustification = null } });

        var act = () => report.Should().HaveBreach(NhsOnly);

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().StartWith($"Expected rule '{NhsOnly}' to be a breach in the report on great-yarmouth-2009, but it was undetermined: \"");
        message.Should().Contain("missing facts: tender.eligibilityJustification");
    }

    [Test]
    public void HaveBreach_MisspeltId_SuggestsTheRuleMeant()
    {
        var report = RulePack.Default.Check(ProcurementFile.Load(Case));

        var act = () => report.Should().HaveBreach("fair-tender.nhs-only-need-reason");

        act.Should().Throw<AssertionException>().WithMessage("*pack burnham-2009 has no rule 'fair-tender.nhs-only-need-reason'; did you mean 'fair-tender.nhs-only-needs-reason'?");
    }

    [Test]
    public void HaveNoBreaches_GreatYarmouth_ListsTheBreaches()
    {
        var report = RulePack.Default.Check(ProcurementFile.Load(Case));

        var act = () => report.Should().HaveNoBreaches();

        act.Should().Throw<AssertionException>().Which.Message.Should()
            .StartWith($"Expected no breaches in the report on great-yarmouth-2009, but found {report.Breaches.Count}:")
            .And.Contain($"  {NhsOnly} [critical]: \"The tender is restricted to NHS providers");
    }

    [Test]
    public void ReportAssert_WithoutFluentAssertions_ThrowsTheSameMessage()
    {
        var report = RulePack.Default.Check(ProcurementFile.Load(Case));

        var neutral = Assert.Throws<ReportAssertionException>(() => ReportAssert.HasVerdict(report, "fair-tendr", OutcomeKind.Breach))!;
        var fluent = Assert.Throws<AssertionException>(() => report.Should().HaveVerdict("fair-tendr", OutcomeKind.Breach))!;

        Assert.That(neutral.Message, Is.EqualTo(fluent.Message));
        Assert.That(neutral.Message, Does.EndWith("has no principle 'fair-tendr'; did you mean 'fair-tender'?"));
    }

    [Test]
    public void ReportBuilder_ForOwnRendering_MakesTheReportAsked()
    {
        var report = new ReportBuilder("case-1").Breach(NhsOnly, "no clinical reason").Build();

        report.Should().HaveBreach(NhsOnly);
        report.Breaches.Should().ContainSingle().Which.Message.Should().Be("no clinical reason");
        report.ToString().Should().Contain("no clinical reason");
    }

    [Test]
    public void Check_InvalidProcurementBuiltInCode_ThrowsTheValidationException()
    {
        var act = () => RulePack.Default.Check(new ProposedProcurement { Id = "bad", TermMonths = -1 });

        act.Should().Throw<ProcurementValidationException>().Which.Should().BeAssignableTo<ProcurementLoadException>();
    }
}
