using System;
using System.Collections.Generic;
using System.Linq;

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

/// <summary>An input that could not be read, with its located problems.</summary>
internal sealed record BadCase(string File, IReadOnlyList<string> Errors);

/// <summary>What <c>--fail-on</c> makes trip the gate.</summary>
internal enum FailOn
{
    /// <summary>Only rules that could not be evaluated fail the run (exit 3); breaches are reported but pass.</summary>
    Failed,

    /// <summary>Breaches trip the gate (the default).</summary>
    Breach,

    /// <summary>Breaches and undetermined rules trip the gate, and so does a case not checked because it is outside the pack's period.</summary>
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
    public IEnumerable<string> Lines(RulePack pack, Gate gate)
    {
        yield return $"Summary: {Plural(Cases, "case")} checked against {pack.Id} {pack.Version}: {WithBreaches} with breaches"
            + (Waived > 0 ? $", {Plural(Waived, "waived outcome")}" : string.Empty)
            + $", {Incomplete.Count} incomplete, {Plural(BadInputs.Count, "bad input")}.";
        if (OutOfPeriod.Count > 0)
        {
            yield return "Not checked, decided outside the pack's period (add --check-outside-period to check them): " + string.Join(", ", OutOfPeriod);
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
