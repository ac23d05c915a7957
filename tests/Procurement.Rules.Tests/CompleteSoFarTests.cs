using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// <c>timelineCompleteSoFarFor</c>: a step the record says has not happened yet (seventh blind run, 57). Not yet is not
/// never: nothing still to come is read as a breach, while what was already done before it is still decided.
/// </summary>
public class CompleteSoFarTests
{
    private const string AgreedReviewInContract = "contractual-mechanism-first.agreed-review-in-contract";
    private const string TwoPlans = "improvement-opportunities.two-plan-opportunities";
    private const string EarlyEngagement = "early-provider-engagement.before-tender-decision";

    // A scenario 2 review under way: the review agreed in June, one plan in July, then the lists below.
    private static ProposedProcurement Review(string lists) => ProcurementFile.ParseYaml(
        $$"""
        id: review-under-way
        scenario: incrementalImprovement
        incumbentContracts:
          - provider: { name: Wickham Valley Health, kind: nhs }
        timeline:
          - { date: 2011-03, kind: incumbentEngaged }
          - { date: 2011-06, kind: jointServiceReview, agreed: true }
          - { date: 2011-07, kind: servicePlansPresented }
        {{lists}}
        """,
        "review.yaml");

    [Test]
    public void Check_ContractRevisionNotYetMade_IsUndeterminedWhereNeverIsABreach()
    {
        var notYet = RulePack.Default.Check(Review("timelineCompleteSoFarFor: [contractMechanismInvoked]"));
        var never = RulePack.Default.Check(Review("timelineCompleteFor: [contractMechanismInvoked]"));

        notYet.For(AgreedReviewInContract)!.Kind.Should().Be(OutcomeKind.Undetermined, "a revision not made yet may still be made");
        notYet.For(AgreedReviewInContract)!.MissingFacts.Should().Equal("timeline.contractMechanismInvoked");
        never.For(AgreedReviewInContract)!.Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void Check_ApproachNotYetMadeAfterOnePlan_IsUndeterminedNotMetEitherWay()
    {
        var notYet = RulePack.Default.Check(Review("timelineCompleteSoFarFor: [alternativeProvidersEngaged, tenderDecision, noticePublished, servicePlansPresented]"));
        var unknown = RulePack.Default.Check(Review("timelineCompleteFor: [servicePlansPresented]"));

        notYet.For(TwoPlans)!.Kind.Should().Be(OutcomeKind.Undetermined, "one plan so far, and a second may come before any approach");
        unknown.For(TwoPlans)!.Kind.Should().Be(OutcomeKind.Compliant, "with no approach recorded and none said to be coming, the rule skips it as before");
    }

    [Test]
    public void Check_DecisionNotYetTaken_EngagementAlreadyMadeIsBeforeIt()
    {
        var report = RulePack.Default.Check(Review("timelineCompleteSoFarFor: [tenderDecision]"));

        var outcome = report.For(EarlyEngagement)!;
        outcome.Kind.Should().Be(OutcomeKind.Compliant, "a decision still to come is after the engagement in March");
        outcome.Message.Should().Contain("on or after 2011-07-01").And.Contain("met either way");
    }

    [Test]
    public void Check_StepNotYetTakenButLaterStepAlreadyDone_DecidesTheOrder()
    {
        // Other providers were approached in May, and the contract's mechanism has not been used yet: it was not used first.
        var procurement = ProcurementFile.ParseYaml(
            """
            id: approached-first
            scenario: underperformance
            incumbentContracts:
              - provider: { name: Harwood Community Health NHS Trust, kind: nhsTrust }
            timeline:
              - { date: 2011-05-10, kind: alternativeProvidersEngaged }
              - { date: 2011-06-01, kind: concernsRaised }
            timelineCompleteSoFarFor: [contractMechanismInvoked]
            """,
            "approached.yaml");

        RulePack.Default.Check(procurement).For("contractual-mechanism-first.before-alternatives")!.Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void Load_KindBothCompleteAndCompleteSoFar_IsAProblem()
    {
        var act = () => ProcurementFile.ParseYaml(
            "id: x\ntimelineCompleteFor: [tenderDecision]\ntimelineCompleteSoFarFor: [tenderDecision]\n", "both.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("'tenderDecision' is also in timelineCompleteFor");
    }
}
