using System;

namespace Procurement.Rules.Testing;

/// <summary>
/// Thrown by <see cref="ReportAssert"/> when a report is not what a test expected. Its message names the rule or
/// principle, the outcome found with its message, missing facts and error, and suggests the id meant when one is not in
/// the pack. Any test framework reports it as a failed test (NUnit as an error, since it is not NUnit's own type).
/// </summary>
/// <remarks>Immutable once thrown.</remarks>
public sealed class ReportAssertionException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public ReportAssertionException(string message)
        : base(message)
    {
    }
}
