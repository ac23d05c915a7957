using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// Dates bounded by another kind of event ("before noticePublished", "after intentionsShared", "same day as
/// tenderDecision"): how they are written and read, and how rules decide order from them when the calendar cannot.
/// </summary>
[TestFixture]
public class RelativeDateTests
{
    private const string Engagement = "early-provider-engagement.before-tender-decision";
    private const string Staff = "staff-engagement.before-tender-decision";
    private const string Board = "local-decision.local-board-decision";

    [TestCase("before noticePublished", DateRelation.Before, EventKind.NoticePublished, "before noticePublished")]
    [TestCase("by noticePublished", DateRelation.OnOrBefore, EventKind.NoticePublished, "on or before noticePublished")]
    [TestCase("On or Before  NOTICEPUBLISHED", DateRelation.OnOrBefore, EventKind.NoticePublished, "on or before noticePublished")]
    [TestCase("after intentionsShared", DateRelation.After, EventKind.IntentionsShared, "after intentionsShared")]
    [TestCase("on or after jointServiceReview", DateRelation.OnOrAfter, EventKind.JointServiceReview, "on or after jointServiceReview")]
    [TestCase("same day as tenderDecision", DateRelation.SameDay, EventKind.TenderDecision, "same day as tenderDecision")]
    public void Parse_RelativeForm_NamesTheKindAndRelationAndReadsBack(string text, DateRelation relation, EventKind kind, string written)
    {
        var date = EventDate.Parse(text);

        date.Precision.Should().Be(DatePrecision.Relative);
        date.RelativeTo.Should().Be(kind);
        date.Relation.Should().Be(relation);
        date.Earliest.Should().BeNull();
        date.Latest.Should().BeNull();
        date.IsUndated.Should().BeFalse();
        date.ToString().Should().Be(written);
        EventDate.Parse(written).Should().Be(date);
    }

    [TestCase("before noticePublish")]
    [TestCase("before 42")]
    [TestCase("by 2010-05-01")]
    [TestCase("same day noticePublished")]
    [TestCase("on or around noticePublished")]
    public void TryParse_NotAKindOrForm_IsFalse(string text) =>
        EventDate.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Factories_EqualTheParsedForms_AndDifferByRelationAndKind()
    {
        EventDate.Before(EventKind.NoticePublished).Should().Be(EventDate.Parse("before noticePublished"));
        EventDate.SameDayAs(EventKind.TenderDecision).Should().Be(EventDate.Parse("same day as tenderDecision"));
        EventDate.Before(EventKind.NoticePublished).Should().NotBe(EventDate.OnOrBefore(EventKind.NoticePublished));
        EventDate.Before(EventKind.NoticePublished).Should().NotBe(EventDate.Before(EventKind.TenderDecision));
        EventDate.Before(EventKind.NoticePublished).Should().NotBe(EventDate.Undated);
        FluentActions.Invoking(() => EventDate.After((EventKind)999)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase("{ kind: staffEngaged, date: before tenderDecision }", "before tenderDecision")]
    [TestCase("{ kind: staffEngaged, date: { before: tenderDecision } }", "before tenderDecision")]
    [TestCase("{ kind: staffEngaged, date: { onOrAfter: noticePublished } }", "on or after noticePublished")]
    [TestCase("{ kind: staffEngaged, date: { sameDayAs: noticePublished } }", "same day as noticePublished")]
    public void ParseYaml_RelativeDate_IsRead(string line, string expected) =>
        ProcurementFile.ParseYaml(Case(line), "case.yaml").Timeline!.Single().Date.ToString().Should().Be(expected);

    [TestCase("{ kind: staffEngaged, date: before tenderDecison }", "*'tenderDecison' is not an event kind*did you mean 'tenderDecision'*")]
    [TestCase("{ kind: staffEngaged, date: { after: noticePublishd } }", "*'noticePublishd' is not an event kind*did you mean 'noticePublished'*")]
    [TestCase("{ kind: staffEngaged, date: { sameDayAs: noticePublished, before: 2010-01-01 } }", "*sameDayAs*stands alone*")]
    [TestCase("{ kind: staffEngaged, date: after staffEngaged }", "*timeline[0].date*relative to its own kind*")]
    public void ParseYaml_BadRelativeDate_IsALocatedProblem(string line, string message) =>
        FluentActions.Invoking(() => ProcurementFile.ParseYaml(Case(line), "case.yaml"))
            .Should().Throw<ProcurementLoadException>().WithMessage(message);

    [Test]
    public void ToJson_RelativeDatesAndOccasions_ReadBackEqual()
    {
        var procurement = new ProposedProcurement
        {
            Id = "round-trip",
            Timeline =
            [
                new TimelineEvent { Kind = EventKind.IntentionsShared, Date = EventDate.Before(EventKind.NoticePublished), Occasion = "workshop-1" },
                new TimelineEvent { Kind = EventKind.StaffEngaged, Date = EventDate.SameDayAs(EventKind.IntentionsShared), Occasion = "workshop-1" },
                new TimelineEvent { Kind = EventKind.TenderDecision, Date = EventDate.After(EventKind.IntentionsShared) },
            ],
        };

        var json = ProcurementFile.ToJson(procurement);

        json.Should().Contain("\"date\": \"before noticePublished\"").And.Contain("\"date\": \"same day as intentionsShared\"");
        ProcurementFile.ParseJson(json).Timeline.Should().Equal(procurement.Timeline);
    }

    [Test]
    public void ParseYaml_RelativeDatesThatCannotAllHold_IsAProblemNamingAnEvent()
    {
        var yaml = """
            id: circle
            timeline:
              - { kind: staffEngaged, date: before unionsEngaged }
              - { kind: unionsEngaged, date: before staffEngaged }
            """;

        FluentActions.Invoking(() => ProcurementFile.ParseYaml(yaml, "case.yaml"))
            .Should().Throw<ProcurementLoadException>().WithMessage("*case.yaml*timeline[*].date*cannot hold*");
    }

    [Test]
    public void Check_UndatedWorkshopsBeforeAnUndatedDecision_IsCompliant()
    {
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.Before(EventKind.TenderDecision)),
            Event(EventKind.TenderDecision, EventDate.Undated)).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_DecisionAfterTheWorkshops_IsCompliantFromTheDecisionsSide()
    {
        // The same order stated on the other event: "only then did the board decide".
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.Undated),
            Event(EventKind.TenderDecision, EventDate.After(EventKind.IncumbentEngaged))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_DecidedByTheOrder_ReportsTheDatesAsACallerWritesThem()
    {
        // The helpers mark the dates they return with the events they stand for; a report gives plain dates.
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.Before(EventKind.TenderDecision)),
            Event(EventKind.TenderDecision, EventDate.Undated)).For(Engagement)!;

        outcome.Facts.Single(f => f.Name == "tenderDecision").Value.Should().Be(EventDate.Undated);
        ((EventDate)outcome.Facts.Single(f => f.Name == "tenderDecision").Value!).Relation.Should().BeNull();
    }

    [Test]
    public void Check_EngagedOnlyAfterTheDecision_IsABreach()
    {
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.After(EventKind.TenderDecision)),
            Event(EventKind.TenderDecision, EventDate.Undated)).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void Check_EngagedByTheDecision_IsUndeterminedNamingTheDates()
    {
        // "By the decision" allows the same day, and the rule asks for strictly before.
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.OnOrBefore(EventKind.TenderDecision)),
            Event(EventKind.TenderDecision, EventDate.Undated)).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Contain("timeline.incumbentEngaged.date");
    }

    [Test]
    public void Check_BeforeAKindThatIsNotRecorded_SaysNothing()
    {
        // Before the notice, but no notice is recorded or implied: the engagement is as good as undated.
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.Before(EventKind.NoticePublished)),
            Event(EventKind.TenderDecision, new DateOnly(2010, 3, 1))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
    }

    [Test]
    public void Check_BeforeADatedNotice_BecomesADateBound()
    {
        // Before the notice of 1 May 2010 is up to 30 April, which is before a decision on 1 May.
        var outcome = Check(
            Event(EventKind.IncumbentEngaged, EventDate.Before(EventKind.NoticePublished)),
            Event(EventKind.NoticePublished, new DateOnly(2010, 5, 1)),
            Event(EventKind.TenderDecision, new DateOnly(2010, 5, 1))).For(Engagement)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_AfterMeansAfterTheLastOfTheKind()
    {
        // Decision after the workshops; staff engaged at the second workshop (dated), first workshop undated: the
        // decision follows both, so staff engagement came first.
        var outcome = Check(
            Event(EventKind.IntentionsShared, EventDate.Undated),
            Event(EventKind.IntentionsShared, new DateOnly(2010, 2, 1)),
            Event(EventKind.StaffEngaged, new DateOnly(2010, 2, 1)),
            Event(EventKind.UnionsEngaged, new DateOnly(2010, 2, 1)),
            Event(EventKind.TenderDecision, EventDate.After(EventKind.IntentionsShared))).For(Staff)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_AChainOfRelativeDates_DecidesThroughTheMiddleEvent()
    {
        // Staff engaged before the workshops, the decision after the workshops: staff before the decision.
        var outcome = Check(
            Event(EventKind.StaffEngaged, EventDate.Before(EventKind.IntentionsShared)),
            Event(EventKind.UnionsEngaged, EventDate.Before(EventKind.IntentionsShared)),
            Event(EventKind.IntentionsShared, EventDate.Undated),
            Event(EventKind.TenderDecision, EventDate.After(EventKind.IntentionsShared))).For(Staff)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_TwoEventsOnlyBoundedByAThird_StayUndetermined()
    {
        // Staff engaged before the notice and the decision before the notice: their own order is not given.
        var outcome = Check(
            Event(EventKind.StaffEngaged, EventDate.Before(EventKind.NoticePublished)),
            Event(EventKind.UnionsEngaged, EventDate.Before(EventKind.NoticePublished)),
            Event(EventKind.NoticePublished, EventDate.Undated),
            Event(EventKind.TenderDecision, EventDate.Before(EventKind.NoticePublished))).For(Staff)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
    }

    [Test]
    public void Check_BoardSignOffOnTheDayOfAnUndatedDecision_CountsAsTheBoardsApproval()
    {
        var procurement = Case(
            Event(EventKind.TenderDecision, EventDate.Undated),
            new TimelineEvent { Kind = EventKind.OversightSignOff, Body = OversightBody.PctBoard, Date = EventDate.SameDayAs(EventKind.TenderDecision) }) with
        {
            Commissioner = new Commissioner { Name = "Southmere PCT", Kind = CommissionerKind.Pct },
        };

        RulePack.Default.Check(procurement).For(Board)!.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_DerivedDecisionFromAnUndatedNotice_KeepsItsOrderToEventsBeforeTheNotice()
    {
        // No decision recorded: one is derived on or before the (undated) notice. Staff engaged after the notice were
        // therefore engaged after the decision.
        var report = Check(
            Event(EventKind.NoticePublished, EventDate.Undated),
            Event(EventKind.StaffEngaged, EventDate.After(EventKind.NoticePublished)),
            Event(EventKind.UnionsEngaged, EventDate.After(EventKind.NoticePublished)));

        var outcome = report.For(Staff)!;
        outcome.Kind.Should().Be(OutcomeKind.Breach);
        outcome.Derived.Should().Contain(d => d.Kind == EventKind.TenderDecision && d.Date.RelativeTo == EventKind.NoticePublished);
    }

    [Test]
    public void Check_SameCaseWithExactDates_GivesTheSameOutcomes()
    {
        // Relative dates that the calendar also gives decide as the calendar does: replacing each relative date by a day
        // consistent with it changes no outcome.
        var relative = Check(
            Event(EventKind.IncumbentEngaged, EventDate.Before(EventKind.TenderDecision)),
            Event(EventKind.StaffEngaged, EventDate.Before(EventKind.TenderDecision)),
            Event(EventKind.UnionsEngaged, EventDate.After(EventKind.TenderDecision)),
            Event(EventKind.TenderDecision, new DateOnly(2010, 3, 1)));
        var exact = Check(
            Event(EventKind.IncumbentEngaged, new DateOnly(2010, 2, 1)),
            Event(EventKind.StaffEngaged, new DateOnly(2010, 2, 1)),
            Event(EventKind.UnionsEngaged, new DateOnly(2010, 4, 1)),
            Event(EventKind.TenderDecision, new DateOnly(2010, 3, 1)));

        relative.Outcomes.Select(o => (o.Rule.Id, o.Kind)).Should().Equal(exact.Outcomes.Select(o => (o.Rule.Id, o.Kind)));
        relative.For(Staff)!.Kind.Should().Be(OutcomeKind.Breach, "the unions were engaged only after the decision");
    }

    [TestCase(1, OutcomeKind.Compliant)]
    [TestCase(2, OutcomeKind.Compliant)]
    public void Check_ContractRevisedAfterTheAgreedReview_IsDecidedByTheOrderAlone(int reviews, OutcomeKind expected)
    {
        // LastOf(the agreed reviews) against the contract's revision "after jointServiceReview", with no dates at all.
        var events = new List<TimelineEvent>();
        for (var i = 0; i < reviews; i++)
        {
            events.Add(new TimelineEvent { Kind = EventKind.JointServiceReview, Agreed = true });
        }

        events.Add(Event(EventKind.ContractMechanismInvoked, EventDate.After(EventKind.JointServiceReview)));
        var procurement = Case([.. events]) with { Scenario = Scenario.IncrementalImprovement };

        RulePack.Default.Check(procurement).For("contractual-mechanism-first.agreed-review-in-contract")!.Kind.Should().Be(expected);
    }

    [Test]
    public void Check_ContractRevisedBeforeTheAgreedReview_IsABreach()
    {
        var procurement = Case(
            new TimelineEvent { Kind = EventKind.JointServiceReview, Agreed = true },
            Event(EventKind.ContractMechanismInvoked, EventDate.Before(EventKind.JointServiceReview))) with
        { Scenario = Scenario.IncrementalImprovement };

        RulePack.Default.Check(procurement).For("contractual-mechanism-first.agreed-review-in-contract")!.Kind.Should().Be(OutcomeKind.Breach);
    }

    [TestCase(true, OutcomeKind.Compliant)]
    [TestCase(false, OutcomeKind.Undetermined)]
    public void Check_ProvidersEngagedAtWorkshopsBeforeTheDecision_IsDecidedByTheOccasion(bool occasions, OutcomeKind expected)
    {
        // "In September 2010 three workshops with the NHS providers and others ...; after the workshops the board
        // decided." The engagements are dated by the month only; their occasion ties them to the workshops.
        var events = new List<TimelineEvent>();
        for (var w = 1; w <= 3; w++)
        {
            var occasion = occasions ? $"workshop-{w}" : null;
            events.Add(new TimelineEvent { Kind = EventKind.IntentionsShared, Date = EventDate.InMonth(2010, 9), Occasion = occasion });
            events.Add(new TimelineEvent { Kind = EventKind.NhsProvidersEngaged, Date = EventDate.InMonth(2010, 9), PartyKind = ProviderKind.Nhs, Occasion = occasion });
            events.Add(new TimelineEvent { Kind = EventKind.AlternativeProvidersEngaged, Date = EventDate.InMonth(2010, 9), PartyKind = ProviderKind.ThirdSector, Occasion = occasion });
        }

        events.Add(Event(EventKind.TenderDecision, EventDate.After(EventKind.IntentionsShared)));
        var procurement = Case([.. events]) with { IncumbentContracts = null, Service = new ServiceDescription { Name = "Respiratory care", IsNew = true } };

        RulePack.Default.Check(procurement).For("early-provider-engagement.shaping-new-service")!.Kind.Should().Be(expected);
    }

    [Test]
    public void Check_BoardDecisionAndSignOffOnOneOccasionInAMonth_CountsAsTheBoardsApproval()
    {
        var procurement = Case(
            new TimelineEvent { Kind = EventKind.TenderDecision, Date = EventDate.InMonth(2010, 7), Occasion = "board" },
            new TimelineEvent { Kind = EventKind.OversightSignOff, Body = OversightBody.PctBoard, Date = EventDate.InMonth(2010, 7), Occasion = "Board" }) with
        {
            Commissioner = new Commissioner { Name = "Southmere PCT", Kind = CommissionerKind.Pct },
        };

        RulePack.Default.Check(procurement).For(Board)!.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void ParseYaml_OneOccasionOnDifferentMonths_IsAProblem()
    {
        var yaml = """
            id: occasion
            timeline:
              - { kind: intentionsShared, date: 2010-01, occasion: workshop }
              - { kind: staffEngaged, date: 2010-03, occasion: workshop }
            """;

        FluentActions.Invoking(() => ProcurementFile.ParseYaml(yaml, "case.yaml"))
            .Should().Throw<ProcurementLoadException>().WithMessage("*timeline[*].date*occasion 'workshop' have no day in common*");
    }

    [Test]
    public void Check_ManyRelativeDates_FinishesAndDecides()
    {
        // A long chain (each workshop-like event before the next kind) stays within the limits and still decides.
        var events = new List<TimelineEvent> { Event(EventKind.TenderDecision, EventDate.Undated) };
        for (var i = 0; i < 2000; i++)
        {
            events.Add(Event(EventKind.IncumbentEngaged, EventDate.Before(EventKind.TenderDecision)));
        }

        RulePack.Default.Check(Case([.. events])).For(Engagement)!.Kind.Should().Be(OutcomeKind.Compliant);
    }

    private static string Case(string line) => $"""
        id: relative
        timeline:
          - {line}
        """;

    private static TimelineEvent Event(EventKind kind, EventDate date) => new() { Kind = kind, Date = date };

    private static ProposedProcurement Case(params TimelineEvent[] events) => new()
    {
        Id = "relative",
        Scenario = Scenario.NewOrRedesignedService,
        IncumbentContracts = [new Contract { Provider = new Provider { Name = "Eastshire Community Health", Kind = ProviderKind.NhsTrust } }],
        Timeline = events,
        TimelineComplete = true,
    };

    private static CheckReport Check(params TimelineEvent[] events) => RulePack.Default.Check(Case(events));
}
