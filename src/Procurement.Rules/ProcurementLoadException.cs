using System.Collections.Generic;

namespace Procurement.Rules;

/// <summary>
/// Thrown when a procurement file (or YAML or JSON text) cannot be loaded: unknown keys, misspelt enum values,
/// impossible dates, wrong types, missing required values, or facts that contradict each other. Every problem is
/// listed with file, path (such as <c>timeline[3].date</c>), line and column.
/// </summary>
/// <remarks>
/// A procurement built in code that is invalid when checked throws the derived
/// <see cref="ProcurementValidationException"/> instead, since nothing was loaded; a <c>catch</c> of this type catches
/// both, as it did before that type existed.
/// </remarks>
public class ProcurementLoadException : InputException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public ProcurementLoadException(IReadOnlyList<LoadProblem> problems)
        : base("The procurement", problems)
    {
    }

    private protected ProcurementLoadException(string failed, IReadOnlyList<LoadProblem> problems)
        : base("The procurement", failed, problems)
    {
    }
}
