using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>Timeline questions, written the way one would by hand: one pass over the events per question.</summary>
internal static class Events
{
    /// <summary>"timeline.&lt;kind&gt;", the missing-fact name of an event kind, built once.</summary>
    private static readonly string[] MissingNames = BuildMissingNames();

    public static string Missing(EventKind kind) => MissingNames[(int)kind];

    /// <summary>Whether an event of the kind is recorded (or derived), dated or not.</summary>
    public static bool Happened(ProposedProcurement p, EventKind kind)
    {
        var timeline = p.Timeline;
        if (timeline is null)
        {
            return false;
        }

        for (var i = 0; i < timeline.Count; i++)
        {
            if (timeline[i].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an event of the kind has no earliest day (a derived "on or before"): its first date is then missing.</summary>
    public static bool HasUndated(ProposedProcurement p, EventKind kind)
    {
        var timeline = p.Timeline;
        if (timeline is null)
        {
            return false;
        }

        for (var i = 0; i < timeline.Count; i++)
        {
            if (timeline[i].Kind == kind && timeline[i].Date.Earliest is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a first date that is not found means "never happened": the timeline is complete for the kind and no event of it lacks an earliest day.</summary>
    public static bool FirstKnowable(ProposedProcurement p, EventKind kind) => IsComplete(p, kind) && !HasUndated(p, kind);

    public static bool IsComplete(ProposedProcurement p, EventKind kind)
    {
        if (p.TimelineComplete == true)
        {
            return true;
        }

        var kinds = p.TimelineCompleteFor;
        if (kinds is null)
        {
            return false;
        }

        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Events of the kind strictly before the date (all of them when the date is null).</summary>
    public static int CountBefore(ProposedProcurement p, EventKind kind, DateOnly? date)
    {
        var timeline = p.Timeline;
        if (timeline is null)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == kind && (date is null || e.Date.Earliest < date.Value))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first event's date; null when none is recorded.</summary>
    public static DateOnly? First(ProposedProcurement p, EventKind kind)
    {
        DateOnly? first = null;
        var timeline = p.Timeline;
        if (timeline is null)
        {
            return null;
        }

        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == kind && e.Date.Earliest is { } day && (first is null || day < first.Value))
            {
                first = day;
            }
        }

        return first;
    }

    private static string[] BuildMissingNames()
    {
        var values = Enum.GetValues<EventKind>();
        var names = new string[values.Length];
        foreach (var kind in values)
        {
            names[(int)kind] = "timeline." + Text.Camel(kind.ToString());
        }

        return names;
    }
}

/// <summary>The facts not recorded that a rule needed, in the order it met them, each once.</summary>
internal struct Missing
{
    private List<string>? _names;

    public readonly bool Any => _names is { Count: > 0 };

    public void Add(string name)
    {
        _names ??= new List<string>(2);
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }
    }

    public readonly string[] ToArray() => _names?.ToArray() ?? Array.Empty<string>();
}

/// <summary>How values read in reports: the same conventions as the engine's reports.</summary>
internal static class Text
{
    public const string NotRecorded = "not recorded";
    public const string None = "none";

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Enum<T>(T value)
        where T : struct, System.Enum => EnumText<T>.Names[Unsafe.As<T, int>(ref value)];

    private static class EnumText<T>
        where T : struct, System.Enum
    {
        public static readonly string[] Names = Build();

        private static string[] Build()
        {
            var values = System.Enum.GetValues<T>();
            var names = new string[values.Length + 1];
            foreach (var value in values)
            {
                names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = Camel(value.ToString());
            }

            return names;
        }
    }
}

/// <summary>Builds the facts and outcomes of a report.</summary>
internal static class Report
{
    public static FactValue DateFact(string name, DateOnly? value, bool recorded) =>
        !recorded ? new FactValue(name, null, Text.NotRecorded, false)
        : value is { } d ? new FactValue(name, EventDate.On(d), Text.Date(d), true) // a timeline date, as the engine's EventDate
        : new FactValue(name, null, Text.None, true);

    /// <summary>The first event of a kind as a fact: not recorded when none is listed and the list may be incomplete.</summary>
    public static FactValue FirstFact(string name, ProposedProcurement p, EventKind kind)
    {
        var first = Events.First(p, kind);
        return DateFact(name, first, first is not null || Events.FirstKnowable(p, kind));
    }

    public static FactValue IntFact(string name, int value, bool recorded) =>
        recorded ? new FactValue(name, value, value.ToString(CultureInfo.InvariantCulture), true) : new FactValue(name, null, Text.NotRecorded, false);

    public static FactValue BoolFact(string name, bool? value) =>
        value is { } b ? new FactValue(name, b, b ? "yes" : "no", true) : new FactValue(name, null, Text.NotRecorded, false);

    public static FactValue EnumFact<T>(string name, T? value)
        where T : struct, System.Enum =>
        value is { } v ? new FactValue(name, v, Text.Enum(v), true) : new FactValue(name, null, Text.NotRecorded, false);

    public static FactValue StringFact(string name, string? value) =>
        value is not null ? new FactValue(name, value, value, true) : new FactValue(name, null, Text.NotRecorded, false);

    /// <summary>The incumbents' names joined by " and "; "no incumbent" for none; not recorded when the list is not.</summary>
    public static FactValue IncumbentFact(string name, ProposedProcurement p)
    {
        var contracts = p.IncumbentContracts;
        if (contracts is null)
        {
            return new FactValue(name, null, Text.NotRecorded, false);
        }

        string names;
        if (contracts.Count == 0)
        {
            names = "no incumbent";
        }
        else if (contracts.Count == 1)
        {
            names = contracts[0].Provider.Name ?? "an unnamed provider";
        }
        else
        {
            var parts = new string[contracts.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = contracts[i].Provider.Name ?? "an unnamed provider";
            }

            names = string.Join(" and ", parts);
        }

        return new FactValue(name, names, names, true);
    }

    /// <summary>
    /// One recorded flag of each incumbent's performance assessment, as a list; not recorded when the list, an
    /// assessment or a flag is not.
    /// </summary>
    public static FactValue PerformanceFlags(string name, ProposedProcurement p, Func<PerformanceAssessment, bool?> flag)
    {
        var contracts = p.IncumbentContracts;
        if (contracts is null)
        {
            return new FactValue(name, null, Text.NotRecorded, false);
        }

        if (contracts.Count == 0)
        {
            return new FactValue(name, Array.Empty<object?>(), Text.None, true);
        }

        var values = new object?[contracts.Count];
        var display = new string[contracts.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (contracts[i].Performance is not { } performance || flag(performance) is not { } value)
            {
                return new FactValue(name, null, Text.NotRecorded, false);
            }

            values[i] = value;
            display[i] = value ? "yes" : "no";
        }

        return new FactValue(name, values, string.Join(", ", display), true);
    }

    public static RuleOutcome Breach(RuleDefinition rule, string message, FactValue[] facts) =>
        new(rule, OutcomeKind.Breach, message, facts, Array.Empty<string>(), null);

    public static RuleOutcome Compliant(RuleDefinition rule, string message, FactValue[] facts) =>
        new(rule, OutcomeKind.Compliant, message, facts, Array.Empty<string>(), null);

    public static RuleOutcome NotApplicable(RuleDefinition rule, string message) =>
        new(rule, OutcomeKind.NotApplicable, message, Array.Empty<FactValue>(), Array.Empty<string>(), null);

    public static RuleOutcome Undetermined(RuleDefinition rule, string[] missing, FactValue[] facts) =>
        new(rule, OutcomeKind.Undetermined, "Cannot be determined: not recorded: " + string.Join(", ", missing) + ".", facts, missing, null);

    /// <summary>The outcome for a procurement of another scenario than the rule's.</summary>
    public static RuleOutcome OtherScenario(RuleDefinition rule, string appliesTo, Scenario scenario) =>
        NotApplicable(rule, $"Applies to {appliesTo}; this procurement is scenario {(int)scenario} ({Text.Enum(scenario)}).");
}
