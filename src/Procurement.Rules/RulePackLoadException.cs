using System.Collections.Generic;

namespace Procurement.Rules;

/// <summary>
/// Thrown when a rule pack fails to load: YAML syntax, unknown keys, duplicate ids, missing or non-verbatim
/// citations, unknown principle keys, and expressions that do not parse, name a missing property or reach
/// outside the sandbox. Every problem is listed with file, line, column and rule id; no rule of a pack that
/// failed to load can be checked.
/// </summary>
public sealed class RulePackLoadException : InputException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public RulePackLoadException(IReadOnlyList<LoadProblem> problems)
        : base("The rule pack", problems)
    {
    }
}
