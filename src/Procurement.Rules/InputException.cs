using System;
using System.Collections.Generic;
using System.Linq;

namespace Procurement.Rules;

/// <summary>
/// Base of the exceptions thrown when a rule pack or a procurement file cannot be loaded, or a procurement built in code
/// is invalid. Lists every problem found, not only the first.
/// </summary>
public abstract class InputException : Exception
{
    private protected InputException(string what, IReadOnlyList<LoadProblem> problems)
        : this(what, "could not be loaded", problems)
    {
    }

    private protected InputException(string what, string failed, IReadOnlyList<LoadProblem> problems)
        : base(Describe(what, failed, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<LoadProblem> Problems { get; }

    private static string Describe(string what, string failed, IReadOnlyList<LoadProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"{what} {failed} ({count}):" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
