using System.Collections.Generic;

namespace Procurement.Rules;

/// <summary>
/// Thrown when a procurement file, or a procurement built in code, is invalid: unknown keys, misspelt enum values,
/// impossible dates, wrong types, missing required values, or facts that contradict each other. Every problem is
/// listed with file, path (such as <c>timeline[3].date</c>) and, for files, line and column.
/// </summary>
public sealed class ProcurementLoadException : InputException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public ProcurementLoadException(IReadOnlyList<LoadProblem> problems)
        : base("The procurement", problems)
    {
    }
}
