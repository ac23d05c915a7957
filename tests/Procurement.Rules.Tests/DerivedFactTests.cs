using Procurement.Model;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests;

/// <summary>Derived facts: the pack's inferences, run as NRules forward chaining, with provenance on every outcome that read one.</summary>
public class DerivedFactTests
{
    private static ProposedProcurement Tendered(params TimelineEvent[] events) => new()
    {
        Id = "derived",
        Scenario = Scenario.NewOrRedesignedService,
        DecisionDate = D(2010, 5, 1),
        IncumbentContracts = new[] { new Contract { Provider = new Provider { Name = "Eastshire Community Health", Kind = ProviderKind.NhsTrust } } },
        Tender = new TenderPlan { Route = ProcurementRoute.OpenTender },
        Timeline = events,
    };

    private static TimelineEvent E(EventKind kind, DateOnly date) => new() { Kind = kind, Date = date };

    [Test]
    public void Notice_NoDecisionRecorded_DerivesDecisionOnOrBeforeTheNotice()
    {
        var derived = RulePack.Default.Derive(Tendered(E(EventKind.NoticePublished, D(2010, 5, 1))));

        derived.Where(d => d.Kind == EventKind.TenderDecision).Select(d => d.ToString()).Should().Equal(
            "decision to tender: on or before 2010-05-01, inferred from noticePublished on 2010-05-01");
    }

    [Test]
    public void Notice_DecisionRecorded_RecordedWins()
    {
        var derived = RulePack.Default.Derive(Tendered(E(EventKind.NoticePublished, D(2010, 5, 1)), E(EventKind.TenderDecision, D(2010, 6, 1))));

        derived.Should().NotContain(d => d.Kind == EventKind.TenderDecision);
    }

    [Test]
    public void Bid_NothingElseRecorded_ChainsToNoticeThenDecision()
    {
        var derived = RulePack.Default.Derive(Tendered(E(EventKind.BidReceived, D(2010, 7, 1)), E(EventKind.BidReceived, D(2010, 6, 20))));

        derived.Select(d => $"{d.Kind} {d.InferenceId}").Should().BeEquivalentTo(
            "TenderDecision notice-implies-tender-decision",
            "NoticePublished tender-bid-implies-notice",
            "AlternativeProvidersEngaged notice-approaches-alternative-providers");
        derived.Single(d => d.Kind == EventKind.NoticePublished).Date.Should().Be(EventDate.OnOrBefore(D(2010, 6, 20)), "the notice comes by the first bid");
        derived.Single(d => d.Kind == EventKind.TenderDecision).From.Should().Contain("derived noticePublished");
    }

    [Test]
    public void Award_RouteNotRecorded_DerivesNothing()
    {
        var derived = RulePack.Default.Derive(Tendered(E(EventKind.ContractAwarded, D(2010, 9, 1))) with { Tender = null });

        derived.Should().BeEmpty("an inference never guesses: its condition reads a fact that is not recorded");
    }

    [Test]
    public void Award_DirectRoute_DerivesDecisionNotToTender()
    {
        var derived = RulePack.Default.Derive(Tendered(E(EventKind.ContractAwarded, D(2010, 9, 1))) with { Tender = new TenderPlan { Route = ProcurementRoute.DirectAward } });

        derived.Select(d => d.Kind).Should().Equal(EventKind.DirectAwardDecision);
    }

    [Test]
    public void Check_RuleReadsDerivedDecision_OutcomeListsIt()
    {
        var report = RulePack.Default.Check(Tendered(E(EventKind.IncumbentEngaged, D(2010, 1, 10)), E(EventKind.NoticePublished, D(2010, 5, 1))));

        var outcome = report.Outcomes.Single(o => o.Rule.Id == "early-provider-engagement.before-tender-decision");
        outcome.Kind.Should().NotBe(OutcomeKind.NotApplicable, "the derived decision makes the rule apply");
        outcome.Derived.Select(d => d.InferenceId).Should().Equal("notice-implies-tender-decision");
        report.Outcomes.Single(o => o.Rule.Id == "clear-rationale.rationale-recorded").Derived.Should().NotBeEmpty();
    }

    [Test]
    public void Check_RuleReadsNoDerivedKind_OutcomeListsNothing()
    {
        var report = RulePack.Default.Check(Tendered(E(EventKind.NoticePublished, D(2010, 5, 1))));

        report.Outcomes.Single(o => o.Rule.Id == "choice-adds-providers.any-willing-provider-route").Derived.Should().BeEmpty();
    }

    [Test]
    public void Session_SourceRemovedThenRecorded_EqualsFreshCheckEachTime()
    {
        var withNotice = Tendered(E(EventKind.IncumbentEngaged, D(2010, 1, 10)), E(EventKind.BidReceived, D(2010, 6, 1)));
        var session = RulePack.Default.OpenSession(withNotice);
        Same(session.Fire(), RulePack.Default.Check(withNotice));
        session.DerivedFacts().Should().HaveCount(3);

        var noBid = withNotice with { Timeline = new[] { E(EventKind.IncumbentEngaged, D(2010, 1, 10)) } };
        session.Update(noBid);
        Same(session.Fire(), RulePack.Default.Check(noBid));
        session.DerivedFacts().Should().BeEmpty("removing the bid retracts the notice and, by the chain, the decision");

        var recorded = withNotice with { Timeline = withNotice.Timeline!.Append(E(EventKind.NoticePublished, D(2010, 3, 1))).ToArray() };
        session.Update(recorded);
        Same(session.Fire(), RulePack.Default.Check(recorded));
        session.DerivedFacts().Select(d => d.From).Should().OnlyContain(f => f.StartsWith("noticePublished on 2010-03-01", StringComparison.Ordinal), "the recorded notice wins over the derived one");
    }

    private static void Same(CheckReport actual, CheckReport expected)
    {
        actual.ToJson().Should().Be(expected.ToJson());
    }
}
