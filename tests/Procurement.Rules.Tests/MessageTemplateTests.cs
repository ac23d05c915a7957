using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Tests;

/// <summary>Messages filled with facts: a date that carries its own preposition is not put after another "on".</summary>
[TestFixture]
public class MessageTemplateTests
{
    private const string ConcernsRaisedFirst = "quality-monitoring.concerns-raised-first";

    private static string Render(string template, string display)
    {
        var errors = new List<string>();
        var parsed = MessageTemplate.Parse(template, ["date"], errors);
        errors.Should().BeEmpty();
        return parsed.Render([new FactValue("date", null, display, true)]);
    }

    [TestCase("on or before 2009-10-14", "Raised on or before 2009-10-14, first.")]
    [TestCase("on or after 2009-10-14", "Raised on or after 2009-10-14, first.")]
    [TestCase("before 2009-10-14", "Raised before 2009-10-14, first.")]
    [TestCase("after 2009-10-14", "Raised after 2009-10-14, first.")]
    [TestCase("between 2010-01-01 and 2010-03-31", "Raised between 2010-01-01 and 2010-03-31, first.")]
    [TestCase("undated", "Raised undated, first.")]
    public void Render_DateWithItsOwnPrepositionAfterOn_LeavesOutTheOn(string display, string expected) =>
        Render("Raised on {date}, first.", display).Should().Be(expected);

    [TestCase("2009-10-14", "Raised on 2009-10-14, first.")]
    [TestCase("2009-10", "Raised on 2009-10, first.")]
    [TestCase("2009", "Raised on 2009, first.")]
    [TestCase("not recorded", "Raised on not recorded, first.")]
    public void Render_ExactOrMonthDateAfterOn_KeepsTheOn(string display, string expected) =>
        Render("Raised on {date}, first.", display).Should().Be(expected);

    [TestCase("Raised upon {date}.", "Raised upon on or before 2009-10-14.")]
    [TestCase("For the reason {date}.", "For the reason on or before 2009-10-14.")]
    [TestCase("Raised at {date}.", "Raised at on or before 2009-10-14.")]
    [TestCase("Raised on, {date}.", "Raised on, on or before 2009-10-14.")]
    public void Render_OnNotAWholeWordRightBeforeThePlaceholder_KeepsTheText(string template, string expected) =>
        Render(template, "on or before 2009-10-14").Should().Be(expected);

    [TestCase("on {date}", "on or before 2009-10-14")]
    [TestCase("(on {date})", "(on or before 2009-10-14)")]
    [TestCase("raised on\n{date}", "raised on or before 2009-10-14")]
    [TestCase("raised on  {date}", "raised on or before 2009-10-14")]
    public void Render_OnAtTheStartOrBeforeALineBreak_IsLeftOutWithItsSpaces(string template, string expected) =>
        Render(template, "on or before 2009-10-14").Should().Be(expected);

    private static string RenderOptional(string template, FactValue notice)
    {
        var errors = new List<string>();
        var parsed = MessageTemplate.Parse(template, ["notice", "route"], errors);
        errors.Should().BeEmpty();
        return parsed.Render([notice, new FactValue("route", "openTender", "openTender", true)]);
    }

    public static IEnumerable<TestCaseData> NothingToShow() =>
    [
        new TestCaseData(new FactValue("notice", null, "not recorded", false)).SetName("RenderOptional_FactNotRecorded_LeavesOutThePhrase"),
        new TestCaseData(new FactValue("notice", null, "could not be evaluated: boom", false)).SetName("RenderOptional_FactNotEvaluated_LeavesOutThePhrase"),
        new TestCaseData(new FactValue("notice", null, "none", true)).SetName("RenderOptional_FactNone_LeavesOutThePhrase"),
        new TestCaseData(new FactValue("notice", Array.Empty<object?>(), "none", true)).SetName("RenderOptional_FactEmptyList_LeavesOutThePhrase"),
        new TestCaseData(new FactValue("notice", EventDate.Undated, "undated", true)).SetName("RenderOptional_FactUndatedDate_LeavesOutThePhrase"),
    ];

    [TestCaseSource(nameof(NothingToShow))]
    public void RenderOptional_FactWithNothingToShow_LeavesOutThePhrase(FactValue notice) =>
        RenderOptional("Not narrowed after the notice{? of {notice}} ({route}).", notice).Should().Be("Not narrowed after the notice (openTender).");

    [Test]
    public void RenderOptional_FactShown_KeepsThePhraseAndDropsOnBeforeABound()
    {
        var bound = new FactValue("notice", EventDate.OnOrBefore(new DateOnly(2010, 5, 1)), "on or before 2010-05-01", true);
        var exact = new FactValue("notice", EventDate.On(new DateOnly(2010, 5, 1)), "2010-05-01", true);

        RenderOptional("Noticed{? on {notice}} ({route}).", bound).Should().Be("Noticed on or before 2010-05-01 (openTender).");
        RenderOptional("Noticed{? on {notice}} ({route}).", exact).Should().Be("Noticed on 2010-05-01 (openTender).");
    }

    [Test]
    public void RenderOptional_PhraseWithTwoFacts_LeavesItOutWhenEitherHasNothingToShow()
    {
        var errors = new List<string>();
        var parsed = MessageTemplate.Parse("Done{? ({route} on {notice})}.", ["notice", "route"], errors);
        errors.Should().BeEmpty();

        parsed.Render([new FactValue("notice", null, "2010-05-01", true), new FactValue("route", null, "not recorded", false)]).Should().Be("Done.");
        parsed.Render([new FactValue("notice", "x", "2010-05-01", true), new FactValue("route", "y", "openTender", true)]).Should().Be("Done (openTender on 2010-05-01).");
    }

    [TestCase("A {?b {notice} {?c {route}}}.", "inside another")]
    [TestCase("A {?b {notice}.", "not closed")]
    [TestCase("A {?no fact here}.", "names no fact")]
    public void Parse_MalformedOptionalPhrase_IsALoadError(string template, string expected)
    {
        var errors = new List<string>();
        MessageTemplate.Parse(template, ["notice", "route"], errors);
        errors.Should().Contain(e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Test]
    public void Render_SamePlaceholderTwiceExactThenBound_DecidesEachOnItsOwnValue()
    {
        var errors = new List<string>();
        var parsed = MessageTemplate.Parse("First on {a}, then on {b}.", ["a", "b"], errors);

        var message = parsed.Render([new FactValue("a", null, "2009-10-14", true), new FactValue("b", null, "after 2009-10-14", true)]);

        message.Should().Be("First on 2009-10-14, then after 2009-10-14.");
    }

    [Test]
    public void Render_OverTheCutLengthWithABound_LeavesOutTheOnToo()
    {
        var errors = new List<string>();
        var parsed = MessageTemplate.Parse("Raised on {date}; {long}", ["date", "long"], errors);

        var message = parsed.Render([new FactValue("date", null, "before 2009-10-14", true), new FactValue("long", null, new string('x', MessageTemplate.MaxLength), true)]);

        message.Should().StartWith("Raised before 2009-10-14; xxx").And.EndWith(MessageTemplate.CutNote);
    }

    private static ProposedProcurement ConcernsRaised(EventDate raised) => new()
    {
        Id = "concerns",
        Scenario = Scenario.Underperformance,
        DecisionDate = new DateOnly(2010, 3, 31),
        IncumbentContracts =
        [
            new Contract
            {
                Provider = new Provider { Name = "Northmere Community Health", Kind = ProviderKind.NhsTrust },
                Performance = new PerformanceAssessment { Underperforming = true },
            },
        ],
        Timeline =
        [
            new TimelineEvent { Date = raised, Kind = EventKind.ConcernsRaised },
            new TimelineEvent { Date = new DateOnly(2010, 4, 12), Kind = EventKind.AlternativeProvidersEngaged },
        ],
        TimelineComplete = true,
    };

    [Test]
    public void Check_ConcernsRaisedOnOrBeforeADate_MessageSaysRaisedOnOrBefore()
    {
        var outcome = RulePack.Default.Check(ConcernsRaised(EventDate.OnOrBefore(new DateOnly(2009, 10, 14)))).For(ConcernsRaisedFirst)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
        outcome.Message.Should().Contain("were raised on or before 2009-10-14, before any approach").And.NotContain("on on");
    }

    [Test]
    public void Check_ConcernsRaisedBetweenTwoDates_MessageSaysRaisedBetween()
    {
        var outcome = RulePack.Default.Check(ConcernsRaised(EventDate.Between(new DateOnly(2010, 1, 1), new DateOnly(2010, 3, 31)))).For(ConcernsRaisedFirst)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
        outcome.Message.Should().Contain("were raised between 2010-01-01 and 2010-03-31, before any approach");
    }

    [Test]
    public void Check_ConcernsRaisedInAMonth_MessageKeepsRaisedOn()
    {
        var outcome = RulePack.Default.Check(ConcernsRaised(EventDate.InMonth(2009, 10))).For(ConcernsRaisedFirst)!;

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
        outcome.Message.Should().Contain("were raised on 2009-10, before any approach");
    }
}
