namespace Procurement.Rules.Testing;

/// <summary>
/// Assertions on a <see cref="CheckReport"/> for tests that do not use FluentAssertions (NUnit, xUnit, MSTest or any
/// other framework): each throws <see cref="ReportAssertionException"/> with the same message as the matching
/// FluentAssertions extension (<see cref="CheckReportAssertions"/>).
/// </summary>
/// <remarks>
/// <para>Rule ids and principle keys are compared ordinally. Prefer the constants of <see cref="Burnham2009"/> to string
/// literals, so that a misspelt id is a build error rather than a failed test.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var report = RulePack.Default.Check(procurement);
/// ReportAssert.HasBreach(report, Burnham2009.Rules.FairTender.NhsOnlyNeedsReason);
/// ReportAssert.HasVerdict(report, Burnham2009.Principles.FairTender, OutcomeKind.Breach);
/// </code>
/// </example>
public static class ReportAssert
{
    /// <summary>Asserts that a rule was breached, and returns its outcome.</summary>
    /// <param name="report">The report.</param>
    /// <param name="ruleId">The rule's id, such as <c>fair-tender.nhs-only-needs-reason</c>.</param>
    /// <param name="because">Why, as in FluentAssertions: added to the message after "because"; default none.</param>
    /// <returns>The rule's outcome.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="report"/> or <paramref name="ruleId"/> is null.</exception>
    /// <exception cref="ReportAssertionException">The rule was not breached, is not in the pack, or was not applied.</exception>
    public static RuleOutcome HasBreach(CheckReport report, string ruleId, string? because = null) =>
        HasOutcome(report, ruleId, OutcomeKind.Breach, because);

    /// <summary>Asserts that a rule had the given outcome, and returns it.</summary>
    /// <param name="report">The report.</param>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="kind">The outcome expected.</param>
    /// <param name="because">Why; default none.</param>
    /// <returns>The rule's outcome.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="report"/> or <paramref name="ruleId"/> is null.</exception>
    /// <exception cref="ReportAssertionException">The rule had another outcome, is not in the pack, or was not applied.</exception>
    public static RuleOutcome HasOutcome(CheckReport report, string ruleId, OutcomeKind kind, string? because = null)
    {
        var failure = Expectations.Outcome(report, ruleId, kind, Expectations.Reason(because, null), out var found);
        return failure is null ? found! : throw new ReportAssertionException(failure);
    }

    /// <summary>Asserts that no rule was breached.</summary>
    /// <param name="report">The report.</param>
    /// <param name="because">Why; default none.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ReportAssertionException">Some rule was breached; every breach is listed with its message and facts.</exception>
    public static void HasNoBreaches(CheckReport report, string? because = null)
    {
        var failure = Expectations.NoBreaches(report, Expectations.Reason(because, null));
        if (failure is not null)
        {
            throw new ReportAssertionException(failure);
        }
    }

    /// <summary>Asserts that a rule's citations quote or locate the given text (ordinal comparison).</summary>
    /// <param name="outcome">The rule's outcome, as returned by <see cref="HasBreach"/>.</param>
    /// <param name="text">Words of the quote, or of its locator such as <c>Scenario 4</c>.</param>
    /// <param name="because">Why; default none.</param>
    /// <returns><paramref name="outcome"/>, for further checks.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="outcome"/> or <paramref name="text"/> is null.</exception>
    /// <exception cref="ReportAssertionException">No citation holds the text; the rule's citations are listed.</exception>
    public static RuleOutcome Cites(RuleOutcome outcome, string text, string? because = null)
    {
        var failure = Expectations.Citing(outcome, text, Expectations.Reason(because, null));
        return failure is null ? outcome : throw new ReportAssertionException(failure);
    }

    /// <summary>Asserts the verdict on one principle (the worst of its rules' outcomes), and returns it.</summary>
    /// <param name="report">The report.</param>
    /// <param name="principleKey">The principle's key, such as <c>fair-tender</c>.</param>
    /// <param name="kind">The verdict expected.</param>
    /// <param name="because">Why; default none.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="report"/> or <paramref name="principleKey"/> is null.</exception>
    /// <exception cref="ReportAssertionException">
    /// The verdict differs (the rules deciding it are listed), the pack has no such principle, or the rules were not applied.
    /// </exception>
    public static PrincipleVerdict HasVerdict(CheckReport report, string principleKey, OutcomeKind kind, string? because = null)
    {
        var failure = Expectations.Verdict(report, principleKey, kind, Expectations.Reason(because, null), out var found);
        return failure is null ? found! : throw new ReportAssertionException(failure);
    }
}
