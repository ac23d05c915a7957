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

    public static bool IsComplete(ProposedProcurement p, EventKind kind)
    {
        // A route that is not a competition says there was no tender (no decision to tender, no notice).
        if (p.TimelineComplete == true
            || (kind is EventKind.TenderDecision or EventKind.NoticePublished
                && p.Tender?.Route is ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation or ProcurementRoute.Merger or ProcurementRoute.Acquisition or ProcurementRoute.Franchise))
        {
            return true;
        }

        return Lists(p.TimelineCompleteFor, kind);
    }

    /// <summary>Whether the record lists every event of the kind so far (<c>timelineCompleteSoFarFor</c>).</summary>
    public static bool IsCompleteSoFar(ProposedProcurement p, EventKind kind) => Lists(p.TimelineCompleteSoFarFor, kind);

    /// <summary>Whether a recorded list of kinds holds the kind; false when the list is not recorded.</summary>
    private static bool Lists(IReadOnlyList<EventKind>? kinds, EventKind kind)
    {
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

    /// <summary><c>NotYet(kind)</c>: complete so far for the kind, and none listed.</summary>
    public static bool NotYet(ProposedProcurement p, EventKind kind) =>
        !IsComplete(p, kind) && IsCompleteSoFar(p, kind) && CountBefore(p, kind, null) == 0;

    /// <summary>The latest of the events' earliest days, as they are compared (null when none is dated).</summary>
    public static DateOnly? Now(ProposedProcurement p, Expressions.RelativeOrder? order)
    {
        DateOnly? now = null;
        var timeline = p.Timeline;
        for (var i = 0; timeline is not null && i < timeline.Count; i++)
        {
            var date = order?.DateOf(i) ?? timeline[i].Date;
            if (date.Earliest is { } day && (now is null || day > now))
            {
                now = day;
            }
        }

        return now;
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
    /// <summary>
    /// "on" and a date fact's display, as a message template renders "on {date}": the word is left out before a date
    /// that carries its own preposition ("on or before 2010-05-01", "between ...", "undated").
    /// </summary>
    public static string On(FactValue fact) =>
        Procurement.Rules.Expressions.MessageTemplate.CarriesOwnPreposition(fact.Display) ? fact.Display : "on " + fact.Display;

    /// <summary>
    /// An optional phrase, as a message template renders <c>{?words {fact}}</c>: the phrase when every fact it names has
    /// something to show, otherwise nothing.
    /// </summary>
    public static string Opt(string phrase, params FactValue[] facts)
    {
        foreach (var fact in facts)
        {
            if (!Procurement.Rules.Expressions.MessageTemplate.Shows(fact))
            {
                return string.Empty;
            }
        }

        return phrase;
    }

    /// <summary>The first event of a kind as a fact: not recorded when none is listed and the list may be incomplete.</summary>
    public static FactValue FirstFact(string name, ProposedProcurement p, EventKind kind) => DateFact(name, Timeline.First(p, kind));

    /// <summary>A date a helper gave, as a fact: not recorded when reading it met a missing fact; "none" when there is none.</summary>
    public static FactValue DateFact(string name, DateQ date) =>
        date.Missing is not null ? new FactValue(name, null, Text.NotRecorded, false)
        : date.Date is { } d ? new FactValue(name, d.Calendar, d.ToString(), true)
        : new FactValue(name, null, Text.None, true);

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

/// <summary>
/// A condition in Kleene logic, as the engine's rule expressions evaluate it (docs/decisions/0003-three-valued-logic.md):
/// known true, known false, or unknown with the facts not recorded that could change it (in the order they were met).
/// Written here rather than borrowed from the engine so the mirror stays a second opinion.
/// </summary>
internal readonly struct Tri
{
    private readonly string[]? _missing;

    private Tri(bool value, string[]? missing)
    {
        Value = value;
        _missing = missing;
    }

    public static Tri True => new(true, null);

    public static Tri False => new(false, null);

    /// <summary>The value computed (meaningful only when known).</summary>
    public bool Value { get; }

    public bool IsKnown => _missing is null;

    public bool IsKnownTrue => _missing is null && Value;

    public bool IsKnownFalse => _missing is null && !Value;

    public string[] MissingNames => _missing ?? Array.Empty<string>();

    public static Tri Known(bool value) => new(value, null);

    /// <summary>Unknown, for want of the named facts.</summary>
    public static Tri Unknown(params string[] missing) => new(false, missing);

    /// <summary>Unknown, with the value the engine's helper returned (it matters where both branches of an <c>iif</c> are compared).</summary>
    public static Tri UnknownWith(bool value, string[] missing) => new(value, missing);

    /// <summary>Known when <paramref name="value"/> is not null; otherwise unknown for want of <paramref name="name"/>.</summary>
    public static Tri Of(bool? value, string name) => value is { } v ? new(v, null) : new(false, new[] { name });

    /// <summary><c>a &amp;&amp; b</c> once both were evaluated: a known false operand decides; else unknown if either is.</summary>
    public static Tri And(Tri a, Tri b) =>
        a.IsKnownFalse ? a : b.IsKnownFalse ? b : a.IsKnown && b.IsKnown ? True : new(false, Union(a._missing, b._missing));

    /// <summary><c>a || b</c> once both were evaluated: a known true operand decides; else unknown if either is.</summary>
    public static Tri Or(Tri a, Tri b) =>
        a.IsKnownTrue ? a : b.IsKnownTrue ? b : a.IsKnown && b.IsKnown ? False : new(false, Union(a._missing, b._missing));

    /// <summary><c>!a</c>: unknown if a is.</summary>
    public static Tri Not(Tri a) => a.IsKnown ? new(!a.Value, null) : a;

    public override string ToString() => IsKnown ? (Value ? "true" : "false") : "unknown (" + string.Join(", ", _missing!) + ")";

    internal static string[]? Union(string[]? a, string[]? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var all = new List<string>(a);
        foreach (var name in b)
        {
            if (!all.Contains(name))
            {
                all.Add(name);
            }
        }

        return all.ToArray();
    }
}

/// <summary>The engine's combination of a rule's <c>when</c> and <c>require</c> (RuleEvaluator), in plain C#.</summary>
internal static class Verdict
{
    /// <summary>Appended to the compliant message of a rule whose <c>when</c> is unknown but whose <c>require</c> is met.</summary>
    public const string MetEitherWay = " (Whether the rule applies is not recorded, but it is met either way.)";

    /// <summary>
    /// <c>when</c> known false: not applicable; known true: <c>require</c> decides; unknown: <c>require</c> decides
    /// if met ("met either way"), else undetermined naming when's facts (and require's, if it is unknown too).
    /// </summary>
    public static RuleOutcome Decide(
        RuleDefinition rule, Tri when, string notApplicable, Func<Tri> require, Func<FactValue[]> facts, Func<FactValue[], string> compliant, Func<FactValue[], string> breach)
    {
        if (when.IsKnownFalse)
        {
            return Report.NotApplicable(rule, notApplicable);
        }

        var met = require();
        if (!met.IsKnown)
        {
            return Report.Undetermined(rule, Tri.Union(when.IsKnown ? null : when.MissingNames, met.MissingNames)!, facts());
        }

        if (!when.IsKnown)
        {
            if (!met.Value)
            {
                return Report.Undetermined(rule, when.MissingNames, facts());
            }

            var known = facts();
            return Report.Compliant(rule, compliant(known) + MetEitherWay, known);
        }

        var f = facts();
        return met.Value ? Report.Compliant(rule, compliant(f), f) : Report.Breach(rule, breach(f), f);
    }
}
