using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>Rules over events dated as precisely as the record: what decides, what is named missing, what messages say.</summary>
[TestFixture]
public class ImpreciseDateTests
{
    private const string Engagement = "early-provider-engagement.before-tender-decision";
    private const string Board = "local-decision.local-board-decision";

    private static ProposedProcurement Engaged(EventDate engaged, EventDate decided) => new()
    {
        Id = "imprecise",
        Scenario = Scenario.NewOrRedesignedService,
        DecisionDate = new DateOnly(2010, 3, 31),
        IncumbentContracts = [new Contract { Provider = new Provider { Name = "Eastshire Community Health", Kind = ProviderKind.NhsTrust } }],
        Timeline =
        [
            new TimelineEvent { Date = engaged, Kind = EventKind.IncumbentEngaged },
            new TimelineEvent { Date = decided, Kind = EventKind.TenderDecision },
        ],
        TimelineComplete = true,
    };

    [Test]
    public void Check_EngagementInTheSameMonthAsTheDecision_IsUndeterminedNamingTheEngagementDate()
    {
        var outcome = RulePack.Default.Check(Engaged(EventDate.InMonth(2010, 3), new DateOnly(2010, 3, 15))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Contain("timeline.incumbentEngaged.date");
        outcome.MissingFacts.Should().NotContain("timeline.tenderDecision.date", "the decision's date is exact");
    }

    [Test]
    public void Check_DecisionOnlyKnownByYear_IsUndeterminedNamingTheDecisionDate()
    {
        var outcome = RulePack.Default.Check(Engaged(new DateOnly(2010, 6, 1), EventDate.InYear(2010))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Contain("timeline.tenderDecision.date");
    }

    [Test]
    public void Check_MonthBeforeALaterMonth_IsDecidedAndTheMessageShowsTheMonths()
    {
        var outcome = RulePack.Default.Check(Engaged(EventDate.InMonth(2010, 1), EventDate.InMonth(2010, 3))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
        outcome.MissingFacts.Should().BeEmpty();
        outcome.Message.Should().Contain("first engaged on 2010-01").And.Contain("decision to tender on 2010-03");
        outcome.Facts.Should().Contain(f => f.Name == "tenderDecision" && f.Display == "2010-03" && Equals(f.Value, EventDate.InMonth(2010, 3)));
    }

    [Test]
    public void Check_EngagementAfterADecisionBound_IsABreachShowingTheBound()
    {
        var outcome = RulePack.Default.Check(Engaged(EventDate.After(new DateOnly(2010, 3, 31)), EventDate.OnOrBefore(new DateOnly(2010, 3, 31)))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Breach);
        outcome.Message.Should().Contain("on or before 2010-03-31").And.Contain("after 2010-03-31");
    }

    [Test]
    public void Check_UndatedSignOff_CountsAsGivenButNotAsGivenBeforeTheDecision()
    {
        var procurement = new ProposedProcurement
        {
            Id = "undated-board",
            Commissioner = new Commissioner { Name = "Westmoor PCT", Kind = CommissionerKind.Pct },
            Scenario = Scenario.NewOrRedesignedService,
            DecisionDate = new DateOnly(2010, 5, 27),
            Timeline =
            [
                new TimelineEvent { Kind = EventKind.OversightSignOff, Body = OversightBody.PctBoard },
                new TimelineEvent { Date = new DateOnly(2010, 5, 27), Kind = EventKind.TenderDecision },
            ],
            TimelineComplete = true,
        };

        var outcome = RulePack.Default.Check(procurement).For(Board)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Equal("timeline.oversightSignOff.date");
    }

    [Test]
    public void Check_FirstOfSeveralImpreciseEvents_IsTheIntervalOfTheirPossibleFirstDays()
    {
        var procurement = Engaged(EventDate.InMonth(2010, 1), EventDate.InMonth(2010, 4)) with
        {
            Timeline =
            [
                new TimelineEvent { Date = EventDate.InMonth(2010, 3), Kind = EventKind.TenderDecision },
                new TimelineEvent { Date = EventDate.InYear(2010), Kind = EventKind.TenderDecision },
                new TimelineEvent { Date = EventDate.InMonth(2009, 12), Kind = EventKind.IncumbentEngaged },
            ],
        };

        var outcome = RulePack.Default.Check(procurement).For(Engagement)!;

        // The first decision is on a day from 2010-01-01 (the year's start) to 2010-03-31 (March's end), which the
        // December engagement still precedes.
        outcome.Facts.Single(f => f.Name == "tenderDecision").Display.Should().Be("between 2010-01-01 and 2010-03-31");
        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }
}
