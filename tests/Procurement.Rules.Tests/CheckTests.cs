using System.Threading.Tasks;
using Procurement.Model;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests;

/// <summary>What a check reports: outcomes, missing facts, failures, order, period, purity and thread safety.</summary>
public class CheckTests
{
    private const string TwoChances = "improvement-opportunities.two-formal-chances";

    [Test]
    public void Check_UnderperformanceWithOneFormalChance_ReportsImprovementOpportunitiesBreach()
    {
        var report = RulePack.Default.Check(Underperformance(D(2010, 4, 1), D(2010, 2, 1)));

        var breach = report.Breaches.Should().ContainSingle(b => b.Rule.Id == TwoChances).Which;
        breach.Rule.Principle.Key.Should().Be("improvement-opportunities");
        breach.Message.Should().Contain("2010-04-01").And.Contain(", 1 before the first approach)").And.Contain("Westshire PCT provider arm");
        breach.Facts.Should().Contain(f => f.Name == "chancesBefore" && Equals(f.Value, 1));
        breach.Citations.Should().ContainSingle().Which.Quote.Should().Be(
            "There would be at least 2 formal chances for the provider to improve before any engagement was made with other alt providers.");
    }

    [Test]
    public void Check_ChancesGivenAfterAlternativesWereEngaged_DoNotCount()
    {
        var before = RulePack.Default.Check(Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1)));
        var after = RulePack.Default.Check(Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 5, 1)));
        var sameDay = RulePack.Default.Check(Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 4, 1)));

        before.For(TwoChances)!.Kind.Should().Be(OutcomeKind.Compliant);
        after.For(TwoChances)!.Kind.Should().Be(OutcomeKind.Breach);
        sameDay.For(TwoChances)!.Kind.Should().Be(OutcomeKind.Breach, "a chance on the day alternatives are approached is not before it");
    }

    [Test]
    public void Check_TimelineOrderInFile_DoesNotMatter()
    {
        var procurement = Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1));
        var reversed = procurement with { Timeline = procurement.Timeline!.Reverse().ToArray() };

        RulePack.Default.Check(reversed).ToJson().Should().Be(RulePack.Default.Check(procurement).ToJson());
    }

    [Test]
    public void Check_ScenarioNotRecorded_ScenarioRulesAreUndeterminedNamingScenario()
    {
        var report = RulePack.Default.Check(Underperformance(D(2010, 4, 1)) with { Scenario = null });

        var outcome = report.For(TwoChances)!;
        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Equal("scenario");
    }

    [Test]
    public void Check_EventKindNotRecordedAndTimelineNotComplete_IsUndeterminedNotCompliant()
    {
        var procurement = Underperformance(D(2010, 4, 1), D(2010, 2, 1)) with { TimelineComplete = null };

        var outcome = RulePack.Default.Check(procurement).For(TwoChances)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Equal("timeline.formalImprovementOpportunity");
        outcome.Message.Should().Contain("timeline.formalImprovementOpportunity");
    }

    [Test]
    public void Check_TimelineCompleteForOneKind_DecidesThatKindOnly()
    {
        var procurement = Underperformance(D(2010, 4, 1), D(2010, 2, 1)) with
        {
            TimelineComplete = null,
            TimelineCompleteFor = [EventKind.FormalImprovementOpportunity],
        };

        RulePack.Default.Check(procurement).For(TwoChances)!.Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void Check_EnoughRecordedEvents_DecideWithoutACompleteTimeline()
    {
        var procurement = Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1)) with { TimelineComplete = null };

        RulePack.Default.Check(procurement).For(TwoChances)!.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_MissingParent_NamesOnlyTheParent()
    {
        var procurement = GreatYarmouth() with { Tender = null };

        var outcome = RulePack.Default.Check(procurement).For("fair-tender.nhs-only-needs-reason")!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Equal("tender");
    }

    [Test]
    public void Check_MissingFactInsideAList_NamesItsPath()
    {
        var report = RulePack.Default.Check(Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1)));

        var outcome = report.For("proportionality.significant-underperformance")!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Equal("incumbentContracts[].performance");
    }

    [Test]
    public void Check_FactsOfAnUndeterminedRule_ShowWhatIsKnownAndWhatIsNot()
    {
        var procurement = Underperformance(D(2010, 4, 1), D(2010, 2, 1)) with { TimelineComplete = null };

        var facts = RulePack.Default.Check(procurement).For(TwoChances)!.Facts;

        facts.Single(f => f.Name == "alternativesFirstEngaged").Display.Should().Be("2010-04-01");
        facts.Single(f => f.Name == "incumbent").IsRecorded.Should().BeTrue();
    }

    [Test]
    public void Check_ListFactWithMissingItems_IsMaterialisedAndNotRecorded()
    {
        var report = RulePack.Default.Check(Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1)));

        var fact = report.For("proportionality.significant-underperformance")!.Facts.Single(f => f.Name == "significant");

        fact.IsRecorded.Should().BeFalse("each incumbent's performance is not recorded");
        fact.Display.Should().Be("not recorded");
        fact.Value.Should().BeNull();
    }

    [Test]
    public void Check_ListFact_HoldsAnArrayNotALazySequence()
    {
        var procurement = Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1));
        procurement = procurement with
        {
            IncumbentContracts = [procurement.IncumbentContracts![0] with { Performance = new PerformanceAssessment { SignificantUnderperformance = true, InsufficientImprovement = true } }],
        };

        var fact = RulePack.Default.Check(procurement).For("proportionality.significant-underperformance")!.Facts.Single(f => f.Name == "significant");

        fact.Value.Should().BeOfType<object[]>("an outcome must not hold a sequence that reads the procurement later")
            .Which.Should().Equal(true);
        fact.Display.Should().Be("yes");
    }

    [Test]
    public void Check_KnownAbsentEvent_ShowsNoneNotNotRecorded()
    {
        var procurement = new ProposedProcurement
        {
            Id = "never-engaged",
            IncumbentContracts = [new Contract { Provider = new Provider { Name = "Carewell Ltd" } }],
            Timeline = [new TimelineEvent { Date = D(2010, 3, 1), Kind = EventKind.TenderDecision }],
            TimelineComplete = true,
        };

        var outcome = RulePack.Default.Check(procurement).For("early-provider-engagement.before-tender-decision")!;

        outcome.Kind.Should().Be(OutcomeKind.Breach);
        outcome.Facts.Single(f => f.Name == "firstEngagement").Display.Should().Be("none");
    }

    [Test]
    public void Check_ExplicitNullTest_AsksWhetherAFactIsRecorded()
    {
        using var pack = TestPack.WithRule("Tender.EligibilityJustification != null");
        var loaded = pack.Load();

        var withoutReason = loaded.Check(new ProposedProcurement { Id = "x", Tender = new TenderPlan() }).Outcomes.Single();
        var withReason = loaded.Check(new ProposedProcurement { Id = "x", Tender = new TenderPlan { EligibilityJustification = new Justification { Kind = JustificationKind.Clinical } } }).Outcomes.Single();
        var noTender = loaded.Check(new ProposedProcurement { Id = "x" }).Outcomes.Single();

        withoutReason.Kind.Should().Be(OutcomeKind.Breach);
        withReason.Kind.Should().Be(OutcomeKind.Compliant);
        noTender.Kind.Should().Be(OutcomeKind.Undetermined, "the parent 'tender' is still a fact the test needs");
        noTender.MissingFacts.Should().Equal("tender");
    }

    [Test]
    public void Check_EvaluationError_IsFailedNeverBreachOrPass()
    {
        using var pack = TestPack.WithRule("Timeline.First().Date.IsExact");

        var report = pack.Load().Check(new ProposedProcurement { Id = "empty", Timeline = [] });

        var outcome = report.Outcomes.Single();
        outcome.Kind.Should().Be(OutcomeKind.Failed);
        outcome.Error.Should().Contain("InvalidOperationException");
        report.HasFailures.Should().BeTrue();
        report.HasBreaches.Should().BeFalse();
    }

    [Test]
    public void Check_ErrorCausedByAMissingFact_IsUndetermined()
    {
        using var pack = TestPack.WithRule("Timeline.First().Date.IsExact");

        var outcome = pack.Load().Check(new ProposedProcurement { Id = "no-timeline" }).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Equal("timeline");
    }

    [Test]
    public void Check_ApplicabilityFalse_IsNotApplicableWithoutNeedingTheComplianceFacts()
    {
        var procurement = new ProposedProcurement
        {
            Id = "no-tender",
            Timeline = [new TimelineEvent { Date = D(2010, 1, 1), Kind = EventKind.ConcernsRaised }],
            TimelineComplete = true,
        };

        var outcome = RulePack.Default.Check(procurement).For("fair-tender.nhs-only-needs-reason")!;

        outcome.Kind.Should().Be(OutcomeKind.NotApplicable);
        outcome.MissingFacts.Should().BeEmpty();
    }

    [Test]
    public void Check_Outcomes_AreOrderedBreachesFirstThenBySeverityThenId()
    {
        var report = RulePack.Default.Check(GreatYarmouth());

        report.Outcomes.Should().HaveCount(RulePack.Default.Rules.Count);
        report.Outcomes.Should().BeInAscendingOrder(o => o.Kind)
            .And.ThenBeInDescendingOrder(o => o.Rule.Severity)
            .And.ThenBeInAscendingOrder(o => o.Rule.Id, StringComparer.Ordinal);
        report.Outcomes[0].Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void Check_GreatYarmouth_BreachesFairTenderTwice()
    {
        var report = RulePack.Default.Check(GreatYarmouth());

        report.Breaches.Select(b => b.Rule.Id).Should().BeEquivalentTo("fair-tender.nhs-only-needs-reason", "fair-tender.eligibility-fixed-at-notice");
        report.For("nhs-right-to-bid.nhs-providers-eligible")!.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_DoesNotChangeTheProcurement()
    {
        var procurement = GreatYarmouth();
        var before = ProcurementFile.ToJson(procurement);

        RulePack.Default.Check(procurement);

        ProcurementFile.ToJson(procurement).Should().Be(before);
    }

    [Test]
    public void Check_SameProcurementTwice_GivesTheSameReport()
    {
        var procurement = GreatYarmouth();

        RulePack.Default.Check(procurement).ToJson().Should().Be(RulePack.Default.Check(procurement).ToJson());
    }

    [Test]
    public void Check_FromManyThreadsAtOnce_GivesTheSameReportsAsOneThread()
    {
        var cases = Fixture.All(RepoPaths.Fixtures).Select(f => ProcurementFile.Load(f.Path)).ToArray();
        var expected = cases.Select(c => RulePack.Default.Check(c).ToJson()).ToArray();
        var actual = new string[cases.Length * 20];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = RulePack.Default.Check(cases[i % cases.Length]).ToJson());

        for (var i = 0; i < actual.Length; i++)
        {
            actual[i].Should().Be(expected[i % cases.Length]);
        }
    }

    [Test]
    public void CheckAll_StreamsOneReportPerProcurementInOrder()
    {
        IEnumerable<ProposedProcurement> Generate()
        {
            for (var i = 0; i < 3; i++)
            {
                yield return Underperformance(D(2010, 4, 1), D(2010, 2, 1)) with { Id = "case-" + i };
            }
        }

        RulePack.Default.CheckAll(Generate()).Select(r => r.ProcurementId).Should().Equal("case-0", "case-1", "case-2");
    }

    [Test]
    public void Check_DecidedBeforeThePacksPeriod_IsNotCheckedUnlessAsked()
    {
        var procurement = GreatYarmouth() with { DecisionDate = D(2009, 9, 24) };

        var report = RulePack.Default.Check(procurement);
        var anyway = RulePack.Default.Check(procurement, new CheckOptions { CheckOutsidePeriod = true });

        report.Period.Should().Be(PeriodStatus.OutsidePeriod);
        report.Outcomes.Should().BeEmpty();
        report.ToString().Should().Contain("outside the pack's period");
        anyway.Period.Should().Be(PeriodStatus.OutsidePeriodCheckedAnyway);
        anyway.Breaches.Should().HaveCount(2);
    }

    [Test]
    public void Check_DecidedOnTheLettersDate_IsInForce()
    {
        var report = RulePack.Default.Check(GreatYarmouth() with { DecisionDate = D(2009, 9, 25) });

        report.Period.Should().Be(PeriodStatus.InForce);
        RulePack.Default.InForceFrom.Should().Be(D(2009, 9, 25), "the letter is dated 25 September 2009");
    }

    [Test]
    public void Check_DecisionDateNotRecorded_ChecksAndSaysSo()
    {
        var report = RulePack.Default.Check(GreatYarmouth() with { DecisionDate = null });

        report.Period.Should().Be(PeriodStatus.DecisionDateNotRecorded);
        report.Breaches.Should().NotBeEmpty();
        report.ToString().Should().Contain("Decision date not recorded");
    }

    [Test]
    public void Check_InvalidProcurementBuiltInCode_ThrowsListingEveryProblem()
    {
        var procurement = new ProposedProcurement
        {
            Id = "bad",
            Timeline =
            [
                new TimelineEvent { Date = D(2010, 1, 1), Kind = EventKind.OversightSignOff },
                new TimelineEvent { Date = D(2010, 1, 2), Kind = EventKind.BidReceived, Body = OversightBody.PctBoard },
            ],
        };

        var act = () => RulePack.Default.Check(procurement);

        act.Should().Throw<ProcurementValidationException>().Which.Problems.Select(p => p.Path).Should().Equal("timeline[0].body", "timeline[1].body");
    }

    [Test]
    public void Check_InvalidProcurementBuiltInCode_SaysItIsInvalidNotThatItFailedToLoad()
    {
        var procurement = new ProposedProcurement { Id = "bad", TermMonths = -1 };

        var act = () => RulePack.Default.Check(procurement);

        var thrown = act.Should().Throw<ProcurementLoadException>("a catch written for the old type still catches it").Which;
        thrown.Should().BeOfType<ProcurementValidationException>();
        thrown.Message.Should().StartWith("The procurement is invalid (1 problem):").And.NotContain("loaded");
        thrown.Problems.Should().ContainSingle().Which.File.Should().Be("(procurement)");
    }

    [Test]
    public void Check_Null_Throws()
    {
        var act = () => RulePack.Default.Check(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
