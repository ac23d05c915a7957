using Procurement.Model;

namespace Procurement.Rules.Tests;

[TestFixture]
public class EventDateTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [TestCase("2009-07-15", DatePrecision.Day, "2009-07-15", "2009-07-15")]
    [TestCase("2009-07", DatePrecision.Month, "2009-07-01", "2009-07-31")]
    [TestCase("2008-02", DatePrecision.Month, "2008-02-01", "2008-02-29")]
    [TestCase("2009-02", DatePrecision.Month, "2009-02-01", "2009-02-28")]
    [TestCase("2009", DatePrecision.Year, "2009-01-01", "2009-12-31")]
    [TestCase("before 2010-05-01", DatePrecision.Range, null, "2010-04-30")]
    [TestCase("on or before 2010-05-01", DatePrecision.Range, null, "2010-05-01")]
    [TestCase("after 2010-04-30", DatePrecision.Range, "2010-05-01", null)]
    [TestCase("on or after 2010-05-01", DatePrecision.Range, "2010-05-01", null)]
    [TestCase("between 2009-01-01 and 2009-03-31", DatePrecision.Range, "2009-01-01", "2009-03-31")]
    [TestCase("before 2008-03-01", DatePrecision.Range, null, "2008-02-29")]
    [TestCase("undated", DatePrecision.Undated, null, null)]
    public void Parse_EachForm_GivesItsIntervalAndReadsBack(string text, DatePrecision precision, string? earliest, string? latest)
    {
        var date = EventDate.Parse(text);

        date.Precision.Should().Be(precision);
        date.Earliest.Should().Be(earliest is null ? null : DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture));
        date.Latest.Should().Be(latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture));
        date.ToString().Should().Be(text);
        EventDate.Parse(date.ToString()).Should().Be(date);
    }

    [TestCase("  On  or BEFORE   2010-05-01 ", "on or before 2010-05-01")]
    [TestCase("Between 2009-01-01 AND 2009-03-31", "between 2009-01-01 and 2009-03-31")]
    [TestCase("UNDATED", "undated")]
    public void Parse_WordsInAnyCaseAndSpacing_AreRead(string text, string written) =>
        EventDate.Parse(text).ToString().Should().Be(written);

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("2009-02-30")]
    [TestCase("2009-13")]
    [TestCase("0000")]
    [TestCase("09")]
    [TestCase("2009-7")]
    [TestCase("July 2009")]
    [TestCase("before 2010")]
    [TestCase("before 0001-01-01")]
    [TestCase("after 9999-12-31")]
    [TestCase("between 2009-03-31 and 2009-01-01")]
    [TestCase("between 2009-01-01 2009-03-31")]
    [TestCase("on before 2010-05-01")]
    [TestCase("by 2010-05-01")]
    public void TryParse_NotADate_IsFalseAndUndated(string text)
    {
        EventDate.TryParse(text, out var date).Should().BeFalse();
        date.IsUndated.Should().BeTrue();
        FluentActions.Invoking(() => EventDate.Parse(text)).Should().Throw<FormatException>().WithMessage("*on or before 2010-05-01*");
    }

    [Test]
    public void Default_IsUndated()
    {
        default(EventDate).Should().Be(EventDate.Undated);
        default(EventDate).Precision.Should().Be(DatePrecision.Undated);
        default(EventDate).ToString().Should().Be("undated");
        new TimelineEvent { Kind = EventKind.BidReceived }.Date.IsUndated.Should().BeTrue();
    }

    [Test]
    public void ImplicitConversion_FromDateOnly_IsExact()
    {
        EventDate date = D(2009, 7, 15);

        date.IsExact.Should().BeTrue();
        date.Exact.Should().Be(D(2009, 7, 15));
        date.Should().Be(EventDate.On(D(2009, 7, 15)));
        EventDate.InMonth(2009, 7).Exact.Should().BeNull();
    }

    [Test]
    public void Bounds_AtTheEndsOfTime_AreAllowedOrRefused()
    {
        EventDate.OnOrBefore(DateOnly.MinValue).Latest.Should().Be(DateOnly.MinValue);
        EventDate.OnOrAfter(DateOnly.MaxValue).Earliest.Should().Be(DateOnly.MaxValue);
        EventDate.Before(DateOnly.MaxValue).Latest.Should().Be(D(9999, 12, 30));
        EventDate.After(DateOnly.MinValue).Earliest.Should().Be(D(1, 1, 2));
        EventDate.InYear(9999).Latest.Should().Be(DateOnly.MaxValue);
        EventDate.InMonth(1, 1).Earliest.Should().Be(DateOnly.MinValue);
        FluentActions.Invoking(() => EventDate.Before(DateOnly.MinValue)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EventDate.After(DateOnly.MaxValue)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EventDate.InMonth(2009, 13)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EventDate.InYear(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EventDate.Between(D(2009, 2, 1), D(2009, 1, 31))).Should().Throw<ArgumentException>();
    }

    [Test]
    public void Equality_IsByForm_NotOnlyByDays()
    {
        EventDate.Before(D(2010, 5, 1)).Should().NotBe(EventDate.OnOrBefore(D(2010, 4, 30)));
        EventDate.InMonth(2009, 7).Should().NotBe(EventDate.Between(D(2009, 7, 1), D(2009, 7, 31)));
        (EventDate.InMonth(2009, 7) == EventDate.Parse("2009-07")).Should().BeTrue();
        EventDate.InMonth(2009, 7).GetHashCode().Should().Be(EventDate.Parse("2009-07").GetHashCode());
    }

    // Ordering: decided when the intervals do not overlap, undetermined (null) when they do.
    [TestCase("2009-06", "2009-07", true)]
    [TestCase("2009-07", "2009-07", null)]
    [TestCase("2009-07-15", "2009-07", null)]
    [TestCase("2009-06-30", "2009-07", true)]
    [TestCase("2009-07-31", "2009-07", false)]
    [TestCase("2009-08-01", "2009-07", false)]
    [TestCase("2009", "2010-01-01", true)]
    [TestCase("2009", "2009-12-31", null)]
    [TestCase("before 2010-05-01", "2010-05-01", true)]
    [TestCase("on or before 2010-05-01", "2010-05-01", null)]
    [TestCase("on or before 2010-05-01", "2010-05-02", true)]
    [TestCase("after 2010-05-01", "2010-05-01", false)]
    [TestCase("on or after 2010-05-01", "2010-05-01", false)]
    [TestCase("between 2009-01-01 and 2009-03-31", "2009-04", true)]
    [TestCase("between 2009-01-01 and 2009-03-31", "2009-03", null)]
    [TestCase("undated", "2009-07-15", null)]
    [TestCase("2009-07-15", "undated", null)]
    [TestCase("undated", "undated", null)]
    [TestCase("2009-07-15", "2009-07-16", true)]
    [TestCase("2009-07-15", "2009-07-15", false)]
    public void IsBefore_ComparesIntervals(string a, string b, bool? expected) =>
        EventDate.Parse(a).IsBefore(EventDate.Parse(b)).Should().Be(expected);

    [TestCase("2009-07-15", "2009-07-15", true)]
    [TestCase("2009-07-16", "2009-07-15", false)]
    [TestCase("2009-07", "2009-08-01", true)]
    [TestCase("2009-07", "2009-07-31", true)]
    [TestCase("2009-07", "2009-07-30", null)]
    [TestCase("on or before 2010-05-01", "2010-05-01", true)]
    [TestCase("before 2010-05-01", "2010-04-30", true)]
    [TestCase("before 2010-05-01", "2010-04-29", null)]
    [TestCase("after 2010-05-01", "2010-05-01", false)]
    public void IsOnOrBefore_ComparesIntervals(string a, string b, bool? expected) =>
        EventDate.Parse(a).IsOnOrBefore(EventDate.Parse(b)).Should().Be(expected);

    [TestCase("2009-08", "2009-07", true)]
    [TestCase("2009-07", "2009-07", null)]
    [TestCase("2009-07-15", "2009-07-15", false)]
    public void IsAfter_IsIsBeforeTurnedAround(string a, string b, bool? expected)
    {
        EventDate.Parse(a).IsAfter(EventDate.Parse(b)).Should().Be(expected);
        EventDate.Parse(b).IsBefore(EventDate.Parse(a)).Should().Be(expected);
    }

    [TestCase("2009-07-15", "2009-07-15", true)]
    [TestCase("2009-07", "2009-07-01", true)]
    [TestCase("2009-07", "2009-07-02", null)]
    public void IsOnOrAfter_IsIsOnOrBeforeTurnedAround(string a, string b, bool? expected)
    {
        EventDate.Parse(a).IsOnOrAfter(EventDate.Parse(b)).Should().Be(expected);
        EventDate.Parse(b).IsOnOrBefore(EventDate.Parse(a)).Should().Be(expected);
    }
}
