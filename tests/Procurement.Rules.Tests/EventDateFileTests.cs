using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>An event's date in a case file: every accepted form read, every bad one a located problem.</summary>
[TestFixture]
public class EventDateFileTests
{
    private static string Case(string date) => $"""
        id: dates
        timeline:
          - {date}
            kind: bidReceived
        """;

    private static EventDate Read(string date) => ProcurementFile.ParseYaml(Case(date), "case.yaml").Timeline!.Single().Date;

    [TestCase("date: 2009-07-15", "2009-07-15")]
    [TestCase("date: 2009-07", "2009-07")]
    [TestCase("date: 2009", "2009")]
    [TestCase("date: before 2010-05-01", "before 2010-05-01")]
    [TestCase("date: On or Before 2010-05-01", "on or before 2010-05-01")]
    [TestCase("date: between 2009-01-01 and 2009-03-31", "between 2009-01-01 and 2009-03-31")]
    [TestCase("date: { before: 2010-05-01 }", "before 2010-05-01")]
    [TestCase("date: { onOrAfter: 2010-05-01 }", "on or after 2010-05-01")]
    [TestCase("date: { after: 2009-12-31, before: 2010-04-01 }", "between 2010-01-01 and 2010-03-31")]
    [TestCase("date: undated", "undated")]
    [TestCase("date: null", "undated")]
    [TestCase("description: no date", "undated")]
    public void ParseYaml_EventDateForm_IsRead(string line, string expected) =>
        Read(line).ToString().Should().Be(expected);

    [TestCase("date: July 2009", "is not a valid date (write 2009-07-15, 2009-07, 2009, before 2010-05-01")]
    [TestCase("date: 2009-02-29", "a day is yyyy-MM-dd and must exist")]
    [TestCase("date: between 2009-03-31 and 2009-01-01", "is a range that ends before it starts (write the earlier day first: between 2009-01-01 and 2009-03-31)")]
    [TestCase("date: { onOrAfter: 2009-03-31, onOrBefore: 2009-01-01 }", "the date's bounds are out of order: onOrAfter '2009-03-31' is not before onOrBefore '2009-01-01'")]
    [TestCase("date: { before: 2010-05-01, onOrBefore: 2010-05-02 }", "a date has one upper bound, but 'before' and 'onOrBefore' are both given")]
    [TestCase("date: { by: 2010-05-01 }", "unknown key 'by' in a date (expected one of: before, onOrBefore, after, onOrAfter")]
    [TestCase("date: {}", "a date written as a map needs a bound")]
    [TestCase("date: { before: 2010-13-01 }", "'2010-13-01' is not a valid date")]
    public void ParseYaml_BadEventDate_IsALocatedProblemNamingTheForms(string line, string message)
    {
        var problems = FluentActions.Invoking(() => ProcurementFile.ParseYaml(Case(line), "case.yaml"))
            .Should().Throw<ProcurementLoadException>().Which.Problems;

        var problem = problems.Should().ContainSingle().Which;
        problem.File.Should().Be("case.yaml");
        problem.Line.Should().Be(3);
        problem.Path.Should().StartWith("timeline[0].date");
        problem.Message.Should().Contain(message);
    }

    [Test]
    public void ParseJson_YearAsANumber_IsAYear_AndAnyOtherNumberIsNot()
    {
        ProcurementFile.ParseJson("""{ "id": "j", "timeline": [ { "date": 2009, "kind": "bidReceived" } ] }""").Timeline!.Single().Date
            .Should().Be(EventDate.InYear(2009));
        FluentActions.Invoking(() => ProcurementFile.ParseJson("""{ "id": "j", "timeline": [ { "date": 20090715, "kind": "bidReceived" } ] }"""))
            .Should().Throw<ProcurementLoadException>().Which.Problems.Single().Message.Should().Contain("is not a year");
    }

    [Test]
    public void ToJson_ImpreciseAndUndatedDates_ReadBackEqual()
    {
        var procurement = new ProposedProcurement
        {
            Id = "round-trip",
            Timeline =
            [
                new TimelineEvent { Date = EventDate.InMonth(2009, 7), Kind = EventKind.IncumbentEngaged },
                new TimelineEvent { Date = EventDate.OnOrBefore(new DateOnly(2010, 5, 1)), Kind = EventKind.TenderDecision },
                new TimelineEvent { Kind = EventKind.OversightSignOff, Body = OversightBody.PctBoard },
            ],
        };

        var json = ProcurementFile.ToJson(procurement);

        json.Should().Contain("\"date\": \"2009-07\"").And.Contain("\"date\": \"on or before 2010-05-01\"");
        json.Split("\"date\"").Should().HaveCount(3, "the undated event's date is left out");
        ProcurementFile.ParseJson(json).Timeline.Should().Equal(procurement.Timeline);
    }
}
