namespace Procurement.Rules.Reporting;

/// <summary>What one row of a <see cref="CsvReportWriter"/> table stands for.</summary>
public enum CsvLayout
{
    /// <summary>
    /// One row per case and rule: <c>case_id, file, pack, rule_id, principle, severity, outcome, message, missing_facts, note,
    /// would_decide</c> (<see cref="RuleOutcome.WouldDecide"/>, its sentences separated by a space; empty unless undetermined).
    /// The default.
    /// </summary>
    ByRule,

    /// <summary>
    /// One row per case and principle, from <see cref="CheckReport.Verdicts"/>:
    /// <c>case_id, file, pack, principle, principle_title, verdict, deciding_rules, note</c>.
    /// </summary>
    ByPrinciple,
}
