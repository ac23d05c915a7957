using System.Collections.Generic;

namespace Procurement.Rules;

/// <summary>
/// Thrown by <see cref="RulePack.Check"/> (and the batch checks) when a procurement built in code is invalid: an event
/// lacks a value its kind needs or carries one that belongs to another kind, a range is impossible, facts contradict
/// each other. Every problem is listed with its path (such as <c>timeline[3].body</c>); the file is
/// <c>(procurement)</c> and there is no line or column, since nothing was read from a file.
/// </summary>
/// <remarks>
/// It derives from <see cref="ProcurementLoadException"/> only so that code written before it existed, which caught
/// that type around a check, still catches it; catch this type to tell an invalid in-code procurement from a file that
/// failed to load. A procurement read from a file is validated as it loads, so its problems throw
/// <see cref="ProcurementLoadException"/> itself, with lines and columns.
/// </remarks>
public sealed class ProcurementValidationException : ProcurementLoadException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="problems"/> is null.</exception>
    public ProcurementValidationException(IReadOnlyList<LoadProblem> problems)
        : base("is invalid", problems)
    {
    }
}
