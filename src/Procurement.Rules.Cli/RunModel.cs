using System;
using System.Collections.Generic;
using System.Linq;
using Procurement.Model;

namespace Procurement.Rules.Cli;

/// <summary>One checked procurement: where it came from, its report, and the waivers that covered its outcomes.</summary>
/// <param name="File">The input's display name.</param>
/// <param name="Report">The report.</param>
/// <param name="Waived">The covering waiver of each waived outcome, by rule id.</param>
internal sealed record CaseResult(string File, CheckReport Report, IReadOnlyDictionary<string, Waiver> Waived)
{
    /// <summary>The full path of the case file, or <see langword="null"/> for standard input.</summary>
    public string? Path { get; init; }

    /// <summary>The waiver covering the outcome, or <see langword="null"/>.</summary>
    public Waiver? WaiverFor(RuleOutcome outcome) => Waived.TryGetValue(outcome.Rule.Id, out var w) ? w : null;

    /// <summary>Whether every rule that applied is undetermined (the record says too little to decide anything).</summary>
    public bool AllUndetermined =>
        Report.Period != PeriodStatus.OutsidePeriod
        && Report.Outcomes.Any(o => o.Kind == OutcomeKind.Undetermined)
        && Report.Outcomes.All(o => o.Kind is OutcomeKind.Undetermined or OutcomeKind.NotApplicable);
}

/// <summary>
/// A procurement read but not checked because no pack could be chosen for it (<c>--pack auto</c>: the record does not say
/// which pack applies, or none covers it). Reported in every format with the reason, never skipped silently and never
/// checked against the nearest pack.
/// </summary>
/// <param name="File">The input's display name.</param>
/// <param name="Procurement">The procurement.</param>
/// <param name="Selection">The selection, whose <see cref="PackSelection.Reason"/> says why no pack was chosen.</param>
internal sealed record NotCheckedCase(string File, ProposedProcurement Procurement, PackSelection Selection)
{
    /// <summary>The full path of the case file, or <see langword="null"/> for standard input.</summary>
    public string? Path { get; init; }

    /// <summary>The status as JSON and the other formats spell it: <c>ambiguous</c> or <c>noPackApplies</c>.</summary>
    public string Status => Names.Camel(Selection.Status);
}

/// <summary>An input that could not be read, with its located problems.</summary>
internal sealed record BadCase(string File, IReadOnlyList<string> Errors);

/// <summary>What <c>--fail-on</c> makes trip the gate.</summary>
internal enum FailOn
{
    /// <summary>Only rules that could not be evaluated fail the run (exit 3); breaches are reported but pass.</summary>
    Failed,

    /// <summary>Breaches trip the gate (the default).</summary>
    Breach,

    /// <summary>
    /// Breaches and undetermined rules trip the gate, and so does a case not checked: outside the pack's period, or (with
    /// <c>--pack auto</c>) no pack could be chosen for it.
    /// </summary>
    Undetermined,
}

/// <summary>The gate: which outcomes make the run exit 1.</summary>
/// <param name="FailOn">What trips it.</param>
/// <param name="MinSeverity">Outcomes of rules below this severity never trip it.</param>
internal sealed record Gate(FailOn FailOn, Severity MinSeverity)
{
    /// <summary>The outcomes of a case that trip the gate (waived ones never do).</summary>
    public IEnumerable<RuleOutcome> Tripping(CaseResult result) => result.Report.Outcomes.Where(o =>
        o.Rule.Severity >= MinSeverity
        && result.WaiverFor(o) is null
        && (o.Kind == OutcomeKind.Breach && FailOn >= FailOn.Breach
            || o.Kind == OutcomeKind.Undetermined && FailOn == FailOn.Undetermined));

    /// <summary>Whether the case trips the gate.</summary>
    public bool Trips(CaseResult result) =>
        Tripping(result).Any() || (FailOn == FailOn.Undetermined && result.Report.Period == PeriodStatus.OutsidePeriod);

    /// <summary>Whether a case no pack could be chosen for trips the gate: only with <c>--fail-on undetermined</c>, as a case outside the period.</summary>
    public bool Trips(NotCheckedCase notChecked) => FailOn == FailOn.Undetermined;

    /// <summary>The gate as the options that set it.</summary>
    public override string ToString() => $"--fail-on {Names(FailOn)} --min-severity {Names(MinSeverity)}";

    /// <summary>The lower-case name of an enum value, as options spell it.</summary>
    public static string Names(Enum value) => value.ToString().ToLowerInvariant();
}

/// <summary>The run's totals and the cases a reader must look at, gathered while reports stream past.</summary>
internal sealed class RunSummary
{
    /// <summary>Procurements checked.</summary>
    public int Cases { get; set; }

    /// <summary>Inputs named or matched.</summary>
    public int Inputs { get; set; }

    /// <summary>Cases with at least one breach that is not waived.</summary>
    public int WithBreaches { get; set; }

    /// <summary>Breaches in all cases, waived or not.</summary>
    public int Breaches { get; set; }

    /// <summary>Outcomes covered by a waiver.</summary>
    public int Waived { get; set; }

    /// <summary>Cases that tripped the gate.</summary>
    public List<string> Tripped { get; } = [];

    /// <summary>Cases not checked because they were decided outside the pack's period.</summary>
    public List<string> OutOfPeriod { get; } = [];

    /// <summary>Cases not checked because no pack could be chosen for them (<c>--pack auto</c>).</summary>
    public List<string> NoPack { get; } = [];

    /// <summary>How many cases were checked against each pack (by id; with its version where the pack has versions), in first-use order.</summary>
    public List<KeyValuePair<string, int>> PacksUsed { get; } = [];

    /// <summary>Counts a case checked against <paramref name="pack"/>.</summary>
    public void Used(string pack)
    {
        var i = PacksUsed.FindIndex(p => p.Key == pack);
        if (i < 0)
        {
            PacksUsed.Add(new(pack, 1));
        }
        else
        {
            PacksUsed[i] = new(pack, PacksUsed[i].Value + 1);
        }
    }

    /// <summary>Cases where every rule that applied was undetermined.</summary>
    public List<string> AllUndetermined { get; } = [];

    /// <summary>Cases where a rule could not be evaluated, with the rule ids.</summary>
    public List<string> Incomplete { get; } = [];

    /// <summary>Inputs that could not be read.</summary>
    public List<string> BadInputs { get; } = [];

    /// <summary>Whether the run stopped at a bad input (no <c>--keep-going</c>).</summary>
    public bool Stopped { get; set; }

    /// <summary>The exit code the run ends with (set before the sinks end).</summary>
    public int ExitCode { get; set; }

    /// <summary>The summary as lines of text (for the text report, Markdown and standard error).</summary>
    public IEnumerable<string> Lines(PackChoice packs, Gate gate)
    {
        var against = packs.Fixed is { } pack
            ? $" against {pack.Id} {pack.Version}"
            : PacksUsed.Count == 0 ? string.Empty : " against " + string.Join(", ", PacksUsed.Select(p => $"{p.Key} ({p.Value})"));
        yield return $"Summary: {Plural(Cases, "case")} checked{against}: {WithBreaches} with breaches"
            + (Waived > 0 ? $", {Plural(Waived, "waived outcome")}" : string.Empty)
            + $", {Incomplete.Count} incomplete, {Plural(BadInputs.Count, "bad input")}.";
        if (OutOfPeriod.Count > 0)
        {
            yield return "Not checked, decided outside the pack's period (add --check-outside-period to check them): " + string.Join(", ", OutOfPeriod);
        }

        if (NoPack.Count > 0)
        {
            yield return "Not checked, no rule pack could be chosen (record the commencement or decision date and the commissioner's kind, or name one with --pack): "
                + string.Join(", ", NoPack);
        }

        if (AllUndetermined.Count > 0)
        {
            yield return "Nothing determined, every applicable rule undetermined (record more facts): " + string.Join(", ", AllUndetermined);
        }

        if (Incomplete.Count > 0)
        {
            yield return "Incomplete, a rule could not be evaluated: " + string.Join(", ", Incomplete);
        }

        if (BadInputs.Count > 0)
        {
            yield return "Could not be read: " + string.Join(", ", BadInputs) + (Stopped ? " (stopped there: add --keep-going to check the rest)" : string.Empty);
        }

        yield return Tripped.Count == 0
            ? $"Gate ({gate}): passed."
            : $"Gate ({gate}): tripped by {Plural(Tripped.Count, "case")}: {string.Join(", ", Tripped)}";
    }

    private static string Plural(int n, string one) => n + " " + one + (n == 1 ? string.Empty : "s");
}
