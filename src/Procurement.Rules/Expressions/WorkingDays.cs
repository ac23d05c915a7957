using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Expressions;

/// <summary>
/// England's working days in the sense of the Provider Selection Regime, regulation 12(12): any day which is not a
/// Saturday, a Sunday or a public holiday (Christmas Day, Good Friday, the first Monday in May or a bank holiday in
/// England). The holidays are data, <c>rules/calendars/england.yaml</c>, embedded as <see cref="ResourceName"/> and
/// read once, on first use, thread-safely. Outside the years the file covers every answer is null ("not known"),
/// never a guess.
/// </summary>
/// <remarks>
/// Written by hand rather than taken from a holiday library: the legal definition adds days a bank-holiday list does not
/// hold (the first Monday in May even when the bank holiday moved, as in 2020), the one-off days come from
/// proclamations, and the answer must be "not known" outside the data rather than a rule-based projection.
/// </remarks>
internal static class EnglandCalendar
{
    /// <summary>The embedded resource the calendar is read from (the csproj embeds <c>rules/**</c> as <c>packs/&lt;path&gt;</c>).</summary>
    public const string ResourceName = "packs/calendars/england.yaml";

    private static readonly Lazy<WorkingDayCalendar> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The calendar read from the embedded file.</summary>
    /// <exception cref="InvalidOperationException">The embedded file is missing or malformed (a packaging defect).</exception>
    public static WorkingDayCalendar Calendar => Loaded.Value;

    /// <summary>The first day covered (1 January of the first year in the file).</summary>
    public static DateOnly FirstCovered => Loaded.Value.FirstCovered;

    /// <summary>The last day covered (31 December of the last year in the file).</summary>
    public static DateOnly LastCovered => Loaded.Value.LastCovered;

    /// <inheritdoc cref="WorkingDayCalendar.IsCovered(DateOnly)"/>
    public static bool IsCovered(DateOnly date) => Loaded.Value.IsCovered(date);

    /// <inheritdoc cref="WorkingDayCalendar.IsWorkingDay(DateOnly)"/>
    public static bool IsWorkingDay(DateOnly date) => Loaded.Value.IsWorkingDay(date);

    /// <inheritdoc cref="WorkingDayCalendar.AddWorkingDays(DateOnly, int)"/>
    public static DateOnly? AddWorkingDays(DateOnly date, int days) => Loaded.Value.AddWorkingDays(date, days);

    /// <inheritdoc cref="WorkingDayCalendar.WorkingDaysBetween(DateOnly, DateOnly)"/>
    public static int? WorkingDaysBetween(DateOnly from, DateOnly to) => Loaded.Value.WorkingDaysBetween(from, to);

    /// <inheritdoc cref="WorkingDayCalendar.HolidayName(DateOnly)"/>
    public static string? HolidayName(DateOnly date) => Loaded.Value.HolidayName(date);

    private static WorkingDayCalendar Load()
    {
        using var stream = typeof(EnglandCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The working-day calendar {ResourceName} is not embedded in {typeof(EnglandCalendar).Assembly.GetName().Name} (a packaging defect).");
        using var reader = new StreamReader(stream);
        return WorkingDayCalendar.Parse(reader.ReadToEnd(), ResourceName);
    }
}

/// <summary>
/// A working-day calendar over whole covered years: weekends and the listed holidays are not working days. Immutable
/// once built, so safe to share between threads. Answers in constant time from two arrays built once: the running
/// count of working days for each covered day, and the covered working days in order.
/// </summary>
internal sealed class WorkingDayCalendar
{
    private static readonly string[] RootKeys = ["calendar", "title", "covers", "holidays"];
    private static readonly string[] CoversKeys = ["from", "until"];
    private static readonly string[] HolidayKeys = ["date", "name"];

    private readonly int _first;

    // _rank[i]: the number of working days from FirstCovered up to and including FirstCovered + i.
    private readonly int[] _rank;

    // The day numbers of the covered working days, ascending: _working[k - 1] is the k-th.
    private readonly int[] _working;

    private readonly Dictionary<DateOnly, string> _names;

    private WorkingDayCalendar(DateOnly first, DateOnly last, IReadOnlyList<(DateOnly Date, string Name)> holidays)
    {
        FirstCovered = first;
        LastCovered = last;
        Holidays = holidays;
        _first = first.DayNumber;
        _names = new Dictionary<DateOnly, string>(holidays.Count);
        var length = last.DayNumber - _first + 1;
        var holiday = new bool[length];
        foreach (var (date, name) in holidays)
        {
            holiday[date.DayNumber - _first] = true;
            _names[date] = name;
        }

        _rank = new int[length];
        var working = new List<int>(length);
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            var day = DateOnly.FromDayNumber(_first + i).DayOfWeek;
            if (day is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holiday[i])
            {
                count++;
                working.Add(_first + i);
            }

            _rank[i] = count;
        }

        _working = working.ToArray();
    }

    /// <summary>The first day covered (1 January of the first covered year).</summary>
    public DateOnly FirstCovered { get; }

    /// <summary>The last day covered (31 December of the last covered year).</summary>
    public DateOnly LastCovered { get; }

    /// <summary>The holidays as listed, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, string Name)> Holidays { get; }

    /// <summary>Whether the calendar covers <paramref name="date"/>.</summary>
    public bool IsCovered(DateOnly date) => date >= FirstCovered && date <= LastCovered;

    /// <summary>Whether <paramref name="date"/> is a working day: not a Saturday, Sunday or listed holiday.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years (see <see cref="IsCovered"/>).</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!IsCovered(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The working-day calendar covers {FirstCovered:yyyy-MM-dd} to {LastCovered:yyyy-MM-dd} only.");
        }

        return IsWorking(date.DayNumber - _first);
    }

    /// <summary>The holiday's name when <paramref name="date"/> is a listed holiday; otherwise null.</summary>
    public string? HolidayName(DateOnly date) => _names.GetValueOrDefault(date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="date"/>: for 8, the 8th working day after
    /// it (the day itself is not counted, whether or not it is a working day); for a negative number, that many working
    /// days before it; for 0, the date itself. Null when the date, the result or any day between them lies outside the
    /// covered years: the calendar never guesses beyond its data.
    /// </summary>
    public DateOnly? AddWorkingDays(DateOnly date, int days)
    {
        if (!IsCovered(date))
        {
            return null;
        }

        if (days == 0)
        {
            return date;
        }

        var i = date.DayNumber - _first;

        // The 1-based position, among the covered working days, of the day wanted; long, so that no count overflows.
        long k = days > 0
            ? (long)_rank[i] + days
            : (long)_rank[i] - (IsWorking(i) ? 1 : 0) + days + 1;
        return k >= 1 && k <= _working.Length ? DateOnly.FromDayNumber(_working[k - 1]) : null;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/> (so from a
    /// publication day to the day a standstill ends); negative, the same count from <paramref name="to"/> to
    /// <paramref name="from"/>, when <paramref name="to"/> comes first; 0 for the same day. Null when either day lies
    /// outside the covered years.
    /// </summary>
    public int? WorkingDaysBetween(DateOnly from, DateOnly to) =>
        IsCovered(from) && IsCovered(to) ? _rank[to.DayNumber - _first] - _rank[from.DayNumber - _first] : null;

    private bool IsWorking(int i) => _rank[i] - (i > 0 ? _rank[i - 1] : 0) == 1;

    /// <summary>Reads a calendar file: its covered years and its holidays, one per date, in ascending order.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">How the file is named in errors.</param>
    /// <exception cref="InvalidOperationException">The text is not a well-formed calendar; the message names the source, line and column.</exception>
    public static WorkingDayCalendar Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Defect(source, e.Start, e.Message, e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Defect(source, stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty, "expected one document, a mapping with keys " + string.Join(", ", RootKeys));
        }

        var map = Keys(root, RootKeys, source, "the calendar");
        var coversNode = Required<YamlMappingNode>(map, "covers", root, source, "a mapping with keys from and until");
        var covers = Keys(coversNode, CoversKeys, source, "covers");
        var from = Year(covers, "from", coversNode, source);
        var until = Year(covers, "until", coversNode, source);
        if (until.Value < from.Value)
        {
            throw Defect(source, until.Node.Start, $"covers: until ({until.Value}) is before from ({from.Value})");
        }

        var first = new DateOnly(from.Value, 1, 1);
        var last = new DateOnly(until.Value, 12, 31);
        var list = Required<YamlSequenceNode>(map, "holidays", root, source, "a list of { date, name }");
        var holidays = new List<(DateOnly, string)>(list.Children.Count);
        DateOnly? previous = null;
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                throw Defect(source, item.Start, "each holiday must be a mapping { date, name }");
            }

            var keys = Keys(entry, HolidayKeys, source, "a holiday");
            var dateNode = Required<YamlScalarNode>(keys, "date", entry, source, "a date, yyyy-mm-dd");
            if (!DateOnly.TryParseExact(dateNode.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Defect(source, dateNode.Start, $"'{dateNode.Value}' is not a date (yyyy-mm-dd)");
            }

            var name = Required<YamlScalarNode>(keys, "name", entry, source, "the holiday's name").Value;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw Defect(source, entry.Start, $"the holiday on {date:yyyy-MM-dd} has no name");
            }

            if (date < first || date > last)
            {
                throw Defect(source, dateNode.Start, $"{date:yyyy-MM-dd} is outside the covered years {from.Value} to {until.Value}");
            }

            if (previous is { } p && date <= p)
            {
                throw Defect(source, dateNode.Start, $"{date:yyyy-MM-dd} " + (date == p ? "is listed twice" : $"comes after {p:yyyy-MM-dd}: list the holidays in date order"));
            }

            previous = date;
            holidays.Add((date, name));
        }

        return new WorkingDayCalendar(first, last, holidays);
    }

    private static Dictionary<string, YamlNode> Keys(YamlMappingNode node, string[] allowed, string source, string what)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(allowed, name) < 0)
            {
                throw Defect(source, key.Start, $"unknown key '{name}' in {what} (expected: {string.Join(", ", allowed)})");
            }

            keys[name] = value;
        }

        return keys;
    }

    private static T Required<T>(Dictionary<string, YamlNode> keys, string key, YamlNode parent, string source, string expected)
        where T : YamlNode
    {
        if (!keys.TryGetValue(key, out var value))
        {
            throw Defect(source, parent.Start, $"'{key}' is missing: expected {expected}");
        }

        return value as T ?? throw Defect(source, value.Start, $"'{key}' must be {expected}");
    }

    private static (int Value, YamlNode Node) Year(Dictionary<string, YamlNode> keys, string key, YamlNode parent, string source)
    {
        var node = Required<YamlScalarNode>(keys, key, parent, source, "a year");
        return int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and < 9999
            ? (year, node)
            : throw Defect(source, node.Start, $"covers: {key} '{node.Value}' is not a year");
    }

    private static InvalidOperationException Defect(string source, Mark at, string problem, Exception? inner = null) =>
        new($"The working-day calendar {source} is malformed (a packaging defect) at line {at.Line}, column {at.Column}: {problem}.", inner);
}
