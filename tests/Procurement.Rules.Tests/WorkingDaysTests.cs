using Procurement.Rules.Expressions;

namespace Procurement.Rules.Tests;

/// <summary>
/// England's working days (PSR regulation 12(12)) from the embedded calendar. The data is proven, not trusted: every
/// covered year is recomputed here from the rules (Easter by the anonymous Gregorian algorithm, the Banking and
/// Financial Dealings Act 1971's regular days, substitute days when Christmas, Boxing Day or New Year's Day falls at a
/// weekend, the proclaimed one-off days) and compared with the file, date for date.
/// </summary>
[TestFixture]
public class WorkingDaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<int> CoveredYears() => Enumerable.Range(2013, 2027 - 2013 + 1);

    // ---- the embedded file --------------------------------------------------------------------------------------------

    [Test]
    public void Calendar_Embedded_IsReadFromItsResourceAndCoversTheYearsItSays()
    {
        typeof(RulePack).Assembly.GetManifestResourceNames().Should().Contain("packs/calendars/england.yaml");
        EnglandCalendar.ResourceName.Should().Be("packs/calendars/england.yaml");
        EnglandCalendar.FirstCovered.Should().Be(D(2013, 1, 1));
        EnglandCalendar.LastCovered.Should().Be(D(2027, 12, 31));
    }

    [Test]
    public void EmbeddedPackIds_CalendarFolder_IsNotAPack() =>
        RulePack.EmbeddedPackIds.Should().NotContain("calendars").And.NotContain("sources").And.Contain(RulePack.DefaultPackId);

    [Test]
    public void Calendar_OnDisk_IsTheEmbeddedFile()
    {
        var onDisk = WorkingDayCalendar.Parse(File.ReadAllText(Path.Combine(RepoPaths.Rules, "calendars", "england.yaml")), "england.yaml");

        onDisk.Holidays.Should().Equal(EnglandCalendar.Calendar.Holidays);
    }

    [TestCaseSource(nameof(CoveredYears))]
    public void Calendar_EachCoveredYear_HoldsExactlyTheDaysTheRulesGive(int year)
    {
        var listed = EnglandCalendar.Calendar.Holidays.Where(h => h.Date.Year == year).Select(h => h.Date);

        listed.Should().Equal(ExpectedHolidays(year), $"the public holidays of {year} follow from the Act, the proclamations and reg 12(12)");
    }

    [TestCaseSource(nameof(CoveredYears))]
    public void Calendar_EachCoveredYear_ListsGoodFridayAndEasterMondayByTheAlgorithm(int year)
    {
        var easter = EasterSunday(year);

        EnglandCalendar.HolidayName(easter.AddDays(-2)).Should().Be("Good Friday");
        EnglandCalendar.HolidayName(easter.AddDays(1)).Should().Be("Easter Monday");
        EnglandCalendar.IsWorkingDay(easter.AddDays(-3)).Should().BeTrue("Maundy Thursday is a working day");
        EnglandCalendar.IsWorkingDay(easter.AddDays(2)).Should().BeTrue("the Tuesday after Easter is a working day");
    }

    [TestCase(2013, 3, 31)]
    [TestCase(2019, 4, 21)]
    [TestCase(2024, 3, 31)]
    [TestCase(2025, 4, 20)]
    [TestCase(2038, 4, 25)]
    [TestCase(2285, 3, 22)]
    public void EasterSunday_KnownYears_IsTheAlgorithmsAnswer(int year, int month, int day) =>
        EasterSunday(year).Should().Be(D(year, month, day));

    [Test]
    public void Calendar_EveryListedDate_IsAWeekday() =>
        EnglandCalendar.Calendar.Holidays.Where(h => h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            .Should().BeEmpty("a holiday at a weekend is replaced by its substitute day, the bank holiday");

    [Test]
    public void Calendar_EveryListedDate_IsNotAWorkingDayAndIsNamed()
    {
        foreach (var (date, name) in EnglandCalendar.Calendar.Holidays)
        {
            EnglandCalendar.IsWorkingDay(date).Should().BeFalse($"{date:yyyy-MM-dd} is {name}");
            EnglandCalendar.HolidayName(date).Should().Be(name);
        }
    }

    [TestCase(2015, 12, 28, "Boxing Day (substitute day)")]
    [TestCase(2016, 12, 27, "Christmas Day (substitute day)")]
    [TestCase(2017, 1, 2, "New Year's Day (substitute day)")]
    [TestCase(2021, 12, 27, "Christmas Day (substitute day)")]
    [TestCase(2021, 12, 28, "Boxing Day (substitute day)")]
    [TestCase(2022, 1, 3, "New Year's Day (substitute day)")]
    public void HolidayName_SubstituteDay_SaysWhichHolidayItReplaces(int year, int month, int day, string name) =>
        EnglandCalendar.HolidayName(D(year, month, day)).Should().Be(name);

    // ---- working days -------------------------------------------------------------------------------------------------

    [Test]
    public void AddWorkingDays_StandstillAfterANoticeTheThursdayBeforeEaster_SkipsGoodFridayTheWeekendAndEasterMonday()
    {
        // Notice of intention to award published Thursday 17 April 2025; the standstill begins the day after (Good
        // Friday) and ends at midnight at the end of the 8th working day after that day (reg 12(2) and (9)):
        // Tue 22, Wed 23, Thu 24, Fri 25, Mon 28, Tue 29, Wed 30 April, Thu 1 May.
        var published = D(2025, 4, 17);
        var begins = published.AddDays(1);

        EnglandCalendar.AddWorkingDays(begins, 8).Should().Be(D(2025, 5, 1));
        EnglandCalendar.WorkingDaysBetween(begins, D(2025, 5, 1)).Should().Be(8);
        EnglandCalendar.WorkingDaysBetween(begins, D(2025, 4, 30)).Should().Be(7, "a contract entered into on 30 April is inside the standstill");
    }

    [Test]
    public void AddWorkingDays_StandstillAfterANoticeTheWednesdayBeforeEaster_CountsFromTheDayAfterPublication()
    {
        // Published Wednesday 16 April 2025: the standstill begins on Thursday 17, which is not itself counted.
        var begins = D(2025, 4, 16).AddDays(1);

        EnglandCalendar.AddWorkingDays(begins, 8).Should().Be(D(2025, 5, 1));
        EnglandCalendar.AddWorkingDays(D(2025, 4, 16), 8).Should().Be(D(2025, 4, 30), "counted from publication day, Thursday 17 is the first");
    }

    [Test]
    public void AddWorkingDays_OverChristmasAndNewYear2021_SkipsTheSubstituteDays()
    {
        // Christmas 2021 fell on a Saturday: Mon 27 and Tue 28 December were the substitute days; New Year's Day 2022
        // (a Saturday) was replaced by Monday 3 January.
        EnglandCalendar.AddWorkingDays(D(2021, 12, 24), 1).Should().Be(D(2021, 12, 29));
        EnglandCalendar.AddWorkingDays(D(2021, 12, 24), 3).Should().Be(D(2021, 12, 31));
        EnglandCalendar.AddWorkingDays(D(2021, 12, 24), 4).Should().Be(D(2022, 1, 4));
        EnglandCalendar.WorkingDaysBetween(D(2021, 12, 23), D(2022, 1, 4)).Should().Be(5, "24, 29, 30, 31 December and 4 January");
    }

    [Test]
    public void AddWorkingDays_OverChristmasAndNewYear2026_SkipsBoxingDaysSubstitute()
    {
        // 2026: Christmas Day on a Friday, Boxing Day on a Saturday (substitute Monday 28), New Year's Day 2027 a Friday.
        EnglandCalendar.AddWorkingDays(D(2026, 12, 24), 1).Should().Be(D(2026, 12, 29));
        EnglandCalendar.AddWorkingDays(D(2026, 12, 24), 4).Should().Be(D(2027, 1, 4));
        EnglandCalendar.IsWorkingDay(D(2026, 12, 31)).Should().BeTrue();
    }

    [Test]
    public void IsWorkingDay_Weekends_AreNot()
    {
        EnglandCalendar.IsWorkingDay(D(2025, 6, 7)).Should().BeFalse("a Saturday");
        EnglandCalendar.IsWorkingDay(D(2025, 6, 8)).Should().BeFalse("a Sunday");
        EnglandCalendar.IsWorkingDay(D(2025, 6, 9)).Should().BeTrue("a Monday");
        EnglandCalendar.AddWorkingDays(D(2025, 6, 6), 1).Should().Be(D(2025, 6, 9));
        EnglandCalendar.AddWorkingDays(D(2025, 6, 7), 1).Should().Be(D(2025, 6, 9), "from a Saturday, the next working day is Monday");
        EnglandCalendar.WorkingDaysBetween(D(2025, 6, 6), D(2025, 6, 8)).Should().Be(0);
    }

    [Test]
    public void IsWorkingDay_The2022OneOffDays_FollowTheProclamations()
    {
        EnglandCalendar.IsWorkingDay(D(2022, 5, 30)).Should().BeTrue("the spring bank holiday moved from the last Monday in May");
        EnglandCalendar.IsWorkingDay(D(2022, 6, 2)).Should().BeFalse("the spring bank holiday, moved");
        EnglandCalendar.IsWorkingDay(D(2022, 6, 3)).Should().BeFalse("the Platinum Jubilee");
        EnglandCalendar.IsWorkingDay(D(2022, 9, 19)).Should().BeFalse("the State Funeral of Queen Elizabeth II");
        EnglandCalendar.AddWorkingDays(D(2022, 6, 1), 1).Should().Be(D(2022, 6, 6));
    }

    [Test]
    public void IsWorkingDay_FirstMondayInMay2020_IsAPublicHolidayAlthoughTheBankHolidayMoved()
    {
        EnglandCalendar.IsWorkingDay(D(2020, 5, 4)).Should().BeFalse("reg 12(12) names the first Monday in May");
        EnglandCalendar.IsWorkingDay(D(2020, 5, 8)).Should().BeFalse("VE day, the early May bank holiday that year");
        EnglandCalendar.IsWorkingDay(D(2023, 5, 8)).Should().BeFalse("the Coronation");
    }

    [Test]
    public void AddWorkingDays_NegativeDays_CountsBackwards()
    {
        EnglandCalendar.AddWorkingDays(D(2025, 4, 22), -1).Should().Be(D(2025, 4, 17), "back over Easter Monday, the weekend and Good Friday");
        EnglandCalendar.AddWorkingDays(D(2025, 4, 19), -1).Should().Be(D(2025, 4, 17), "from a Saturday");
        EnglandCalendar.AddWorkingDays(D(2025, 4, 19), 0).Should().Be(D(2025, 4, 19));
        EnglandCalendar.WorkingDaysBetween(D(2025, 4, 22), D(2025, 4, 17)).Should().Be(-1);
    }

    // ---- coverage edges -----------------------------------------------------------------------------------------------

    [Test]
    public void AddWorkingDays_PastTheLastCoveredDay_IsNull()
    {
        EnglandCalendar.AddWorkingDays(D(2027, 12, 30), 1).Should().Be(D(2027, 12, 31));
        EnglandCalendar.AddWorkingDays(D(2027, 12, 31), 1).Should().BeNull("3 January 2028 is beyond the data");
        EnglandCalendar.AddWorkingDays(D(2027, 12, 20), 8).Should().BeNull();
        EnglandCalendar.AddWorkingDays(D(2028, 1, 3), 0).Should().BeNull();
        EnglandCalendar.AddWorkingDays(D(2027, 12, 31), int.MaxValue).Should().BeNull();
    }

    [Test]
    public void AddWorkingDays_BeforeTheFirstCoveredDay_IsNull()
    {
        EnglandCalendar.AddWorkingDays(D(2013, 1, 3), -1).Should().Be(D(2013, 1, 2));
        EnglandCalendar.AddWorkingDays(D(2013, 1, 2), -1).Should().BeNull("31 December 2012 is before the data");
        EnglandCalendar.AddWorkingDays(D(2012, 12, 31), 1).Should().BeNull("the start is before the data");
        EnglandCalendar.AddWorkingDays(D(2013, 1, 2), int.MinValue).Should().BeNull();
    }

    [Test]
    public void WorkingDaysBetween_EitherDayOutsideTheCoveredYears_IsNull()
    {
        EnglandCalendar.WorkingDaysBetween(D(2012, 12, 31), D(2013, 1, 2)).Should().BeNull();
        EnglandCalendar.WorkingDaysBetween(D(2027, 12, 30), D(2028, 1, 4)).Should().BeNull();
        EnglandCalendar.WorkingDaysBetween(D(2013, 1, 1), D(2027, 12, 31)).Should().Be(
            Enumerable.Range(0, D(2027, 12, 31).DayNumber - D(2013, 1, 1).DayNumber).Count(i => EnglandCalendar.IsWorkingDay(D(2013, 1, 2).AddDays(i))));
    }

    [Test]
    public void IsWorkingDay_OutsideTheCoveredYears_Throws()
    {
        EnglandCalendar.IsCovered(D(2028, 1, 1)).Should().BeFalse();
        EnglandCalendar.IsCovered(D(2013, 1, 1)).Should().BeTrue();
        var act = () => EnglandCalendar.IsWorkingDay(D(2028, 1, 4));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*2013-01-01 to 2027-12-31*");
    }

    [Test]
    public void AddWorkingDays_EveryCoveredDay_AgreesWithCountingDayByDay()
    {
        // A plain day-by-day count, from the weekday and the holiday list, checks the arrays the calendar answers from.
        var holidays = EnglandCalendar.Calendar.Holidays.Select(h => h.Date).ToHashSet();
        bool Working(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d);
        DateOnly? Count(DateOnly from, int days)
        {
            var d = from;
            for (var left = Math.Abs(days); left > 0;)
            {
                d = d.AddDays(Math.Sign(days));
                if (!EnglandCalendar.IsCovered(d))
                {
                    return null;
                }

                left -= Working(d) ? 1 : 0;
            }

            return d;
        }

        for (var date = D(2012, 12, 25); date <= D(2028, 1, 8); date = date.AddDays(1))
        {
            foreach (var days in new[] { 0, 1, 2, 5, 8, 20, -1, -3, -8 })
            {
                var expected = EnglandCalendar.IsCovered(date) ? Count(date, days) : null;
                EnglandCalendar.AddWorkingDays(date, days).Should().Be(expected, $"{date:yyyy-MM-dd} {days:+0;-0;0} working days");
                if (expected is { } end && days > 0)
                {
                    EnglandCalendar.WorkingDaysBetween(date, end).Should().Be(days);
                }
            }
        }
    }

    // ---- the file's format --------------------------------------------------------------------------------------------

    private const string Good = "calendar: test\ncovers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2025-12-25, name: Christmas Day }\n";

    [Test]
    public void Parse_AWellFormedFile_IsRead()
    {
        var calendar = WorkingDayCalendar.Parse(Good, "test.yaml");

        calendar.FirstCovered.Should().Be(D(2025, 1, 1));
        calendar.LastCovered.Should().Be(D(2025, 12, 31));
        calendar.IsWorkingDay(D(2025, 12, 25)).Should().BeFalse();
        calendar.IsWorkingDay(D(2025, 12, 26)).Should().BeTrue("a test calendar holds only what it lists");
    }

    [TestCase("covers: { from: 2025, until: 2025 }\nholidays: []\nextra: 1\n", "line 3, column 1: unknown key 'extra'")]
    [TestCase("holidays: []\n", "'covers' is missing")]
    [TestCase("covers: { from: 2025, until: 2024 }\nholidays: []\n", "until (2024) is before from (2025)")]
    [TestCase("covers: { from: twenty, until: 2025 }\nholidays: []\n", "from 'twenty' is not a year")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2025-13-01, name: X }\n", "line 3, column 13: '2025-13-01' is not a date")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2026-01-01, name: X }\n", "2026-01-01 is outside the covered years 2025 to 2025")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2025-12-26, name: X }\n  - { date: 2025-12-25, name: Y }\n", "2025-12-25 comes after 2025-12-26")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2025-12-25, name: X }\n  - { date: 2025-12-25, name: Y }\n", "2025-12-25 is listed twice")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2025-12-25, name: ' ' }\n", "has no name")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays:\n  - { date: 2025-12-25 }\n", "'name' is missing")]
    [TestCase("covers: { from: 2025, until: 2025 }\nholidays: { date: 2025-12-25 }\n", "'holidays' must be a list")]
    [TestCase("covers: [2025\n", "malformed")]
    [TestCase("- 2025\n", "expected one document, a mapping")]
    public void Parse_AMalformedFile_ThrowsNamingTheFileAndWhere(string text, string problem)
    {
        var act = () => WorkingDayCalendar.Parse(text, "broken.yaml");

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("The working-day calendar broken.yaml is malformed (a packaging defect) at line *")
            .And.Message.Should().Contain(problem);
    }

    // ---- the rules, written independently of the file ------------------------------------------------------------------

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return D(year, month, day);
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var d = D(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var d = D(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    private static bool Weekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// A year's public holidays (reg 12(12)) on weekdays, from the rules: New Year's Day (a Saturday or Sunday moves to
    /// the Monday), Good Friday and Easter Monday, the first Monday in May, the early May, spring and summer bank
    /// holidays, Christmas Day and Boxing Day with their substitutes (each one at a weekend moves to the next weekday
    /// after 26 December not already a holiday), and the proclaimed one-off days.
    /// </summary>
    private static IEnumerable<DateOnly> ExpectedHolidays(int year)
    {
        var days = new SortedSet<DateOnly>();
        var newYear = D(year, 1, 1);
        days.Add(newYear.DayOfWeek switch { DayOfWeek.Saturday => newYear.AddDays(2), DayOfWeek.Sunday => newYear.AddDays(1), _ => newYear });

        var easter = EasterSunday(year);
        days.Add(easter.AddDays(-2));
        days.Add(easter.AddDays(1));

        days.Add(FirstMonday(year, 5));
        days.Add(year == 2020 ? D(2020, 5, 8) : FirstMonday(year, 5)); // VE Day moved the early May bank holiday
        days.Add(year == 2022 ? D(2022, 6, 2) : LastMonday(year, 5)); // moved for the Platinum Jubilee
        days.Add(LastMonday(year, 8));
        if (year == 2022)
        {
            days.Add(D(2022, 6, 3)); // Platinum Jubilee
            days.Add(D(2022, 9, 19)); // State Funeral of Queen Elizabeth II
        }

        if (year == 2023)
        {
            days.Add(D(2023, 5, 8)); // Coronation of King Charles III
        }

        var moved = 0;
        foreach (var day in new[] { D(year, 12, 25), D(year, 12, 26) })
        {
            if (Weekend(day))
            {
                moved++;
            }
            else
            {
                days.Add(day);
            }
        }

        for (var d = D(year, 12, 27); moved > 0; d = d.AddDays(1))
        {
            if (!Weekend(d))
            {
                days.Add(d);
                moved--;
            }
        }

        return days.Where(d => !Weekend(d));
    }
}
