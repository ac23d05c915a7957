using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// <c>timelineCompleteBefore</c>: "none before X" with nothing said of later (tenth blind run, 83: "No meeting was held
/// with either of the existing providers ... before the advert appeared"). It decides questions about before X, and
/// leaves what came after X unknown.
/// </summary>
public class CompleteBeforeTests
{
    private const string EarlyEngagement = "early-provider-engagement.before-tender-decision";

    // A redesigned service advertised in June 2010 (the decision to tender is inferred on or before the advert),
    // re-advertised in January 2011, and a workshop with the provider's staff in March 2010; then the lists below.
    private static ProposedProcurement Advertised(string lists) => ProcurementFile.ParseYaml(
        $$"""
        id: advertised
        scenario: newOrRedesignedService
        service: { name: Integrated diabetes service, isSignificantRedesign: true }
        incumbentContracts:
          - provider: { name: Sallowfield Hospitals NHS Foundation Trust, kind: foundationTrust }
        timeline:
          - { date: 2010-03, kind: intentionsShared }
          - { date: 2010-06, kind: noticePublished }
          - { date: 2011-01, kind: noticePublished }
        {{lists}}
        """,
        "advertised.yaml");

    [Test]
    public void Check_NoEngagementBeforeTheAdvert_IsABreachOfEngagementBeforeTheDecision()
    {
        var said = RulePack.Default.Check(Advertised("timelineCompleteBefore:\n  - { before: noticePublished, kinds: [incumbentEngaged] }"));
        var unsaid = RulePack.Default.Check(Advertised(string.Empty));

        said.For(EarlyEngagement)!.Kind.Should().Be(OutcomeKind.Breach, "the decision is on or before the first advert, and no engagement came before it");
        unsaid.For(EarlyEngagement)!.Kind.Should().Be(OutcomeKind.Undetermined);
        unsaid.For(EarlyEngagement)!.MissingFacts.Should().Contain("timeline.incumbentEngaged");
    }

    [Test]
    public void Check_NoEngagementBeforeAnEarlierEvent_SaysNothingOfWhatCameAfterIt()
    {
        // None before the March workshop: an engagement between it and the June advert may have happened.
        var report = RulePack.Default.Check(Advertised("timelineCompleteBefore:\n  - { before: intentionsShared, kinds: [incumbentEngaged] }"));

        report.For(EarlyEngagement)!.Kind.Should().Be(OutcomeKind.Undetermined);
        report.For(EarlyEngagement)!.MissingFacts.Should().Contain("timeline.incumbentEngaged");
    }

    [Test]
    public void Check_KindNotListed_IsNotCompleteBeforeTheAdvert()
    {
        var report = RulePack.Default.Check(Advertised("timelineCompleteBefore:\n  - { before: noticePublished, kinds: [staffEngaged] }"));

        report.For(EarlyEngagement)!.Kind.Should().Be(OutcomeKind.Undetermined, "the list speaks of staff, not of the existing provider");
    }

    [Test]
    public void Load_CompleteBeforeWithoutItsEvent_IsAProblem()
    {
        var act = () => ProcurementFile.ParseYaml("id: x\ntimelineCompleteBefore:\n  - { kinds: [incumbentEngaged] }\n", "no-anchor.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.Path.Should().Be("timelineCompleteBefore[0].before");
    }

    [Test]
    public void Load_CompleteBeforeWithNoKinds_IsAProblemListedWithTheOthers()
    {
        var act = () => ProcurementFile.ParseYaml(
            "id: x\ntimelineCompleteBefore:\n  - { before: noticePublished }\n  - { kinds: [staffEngaged] }\n  - { before: tenderDecision, kinds: [] }\n",
            "no-kinds.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Select(p => p.Path).Should().Equal(
            "timelineCompleteBefore[0].kinds", "timelineCompleteBefore[1].before", "timelineCompleteBefore[2].kinds");
    }
}
