using FluentAssertions;

namespace Procurement.Rules.Testing;

/// <summary>
/// What <see cref="CheckReportAssertions.HaveBreach"/> and <see cref="CheckReportAssertions.HaveOutcome"/> return:
/// <c>Which</c> is the rule's outcome, <c>And</c> continues on the report, and <see cref="Citing"/> checks the
/// rule's citations.
/// </summary>
/// <remarks>Not thread-safe: use it within the one assertion chain that made it.</remarks>
public sealed class RuleOutcomeConstraint : AndWhichConstraint<CheckReportAssertions, RuleOutcome>
{
    private readonly RuleOutcome? _outcome;

    internal RuleOutcomeConstraint(CheckReportAssertions report, RuleOutcome? outcome)
        : base(report, outcome!)
    {
        _outcome = outcome;
    }

    /// <summary>
    /// Asserts that one of the rule's citations quotes the given words, or names them in its locator (such as
    /// <c>Scenario 4</c>); ordinal comparison. Does nothing when the outcome was not found (that failure is already reported).
    /// </summary>
    /// <param name="text">Words of the quote or the locator.</param>
    /// <param name="because">Why; default none.</param>
    /// <param name="becauseArgs">Values formatted into <paramref name="because"/>.</param>
    /// <returns>This constraint, for further assertions.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="text"/> is null.</exception>
    public RuleOutcomeConstraint Citing(string text, string because = "", params object[] becauseArgs)
    {
        System.ArgumentNullException.ThrowIfNull(text);
        if (_outcome is not null)
        {
            CheckReportAssertions.Fail(Expectations.Citing(_outcome, text, Expectations.Reason(because, becauseArgs)));
        }

        return this;
    }
}
