namespace Procurement.Rules;

/// <summary>What checking one rule against one procurement found.</summary>
public enum OutcomeKind
{
    /// <summary>The rule applies and the procurement breaks it.</summary>
    Breach,

    /// <summary>
    /// The rule could not be evaluated (an error inside the expression, such as an overflow).
    /// Never a breach and never a pass; the report carries the error.
    /// </summary>
    Failed,

    /// <summary>A fact the rule needs is not recorded; the missing facts are named.</summary>
    Undetermined,

    /// <summary>The rule applies and the procurement meets it.</summary>
    Compliant,

    /// <summary>The rule does not apply to this procurement (another scenario, or its condition is not met).</summary>
    NotApplicable,
}
