using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Procurement.Rules.Testing;

/// <summary>
/// FluentAssertions assertions on a <see cref="CheckReport"/>, reached through
/// <see cref="ReportAssertionExtensions.Should(CheckReport)"/>. Failure messages name the rule or principle, the outcome
/// found with its message, missing facts and error, and suggest the id meant when one is not in the pack.
/// </summary>
/// <remarks>
/// <para>Inside an <see cref="AssertionScope"/> failures are collected as usual; an assertion that failed there gives a
/// <see langword="null"/> <c>Which</c>. Rule ids and principle keys are compared ordinally.</para>
/// <para>Not thread-safe: use one instance per assertion, as <c>Should()</c> does.</para>
/// </remarks>
/// <example>
/// <code>
/// report.Should().HaveBreach(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason)
///     .Citing("'NHS only' tender")
///     .And.HaveVerdict(Burnham2009.Principles.FairTender, OutcomeKind.Breach);
/// </code>
/// </example>
public sealed class CheckReportAssertions : ReferenceTypeAssertions<CheckReport, CheckReportAssertions>
{
    /// <summary>Creates the assertions for a report; <see cref="ReportAssertionExtensions.Should(CheckReport)"/> does this.</summary>
    /// <param name="report">The report under test; may be null, which fails every assertion.</param>
    public CheckReportAssertions(CheckReport report)
        : base(report)
    {
    }

    /// <summary>"report", the subject's name in messages.</summary>
    protected override string Identifier => "report";

    /// <summary>Asserts that a rule was breached.</summary>
    /// <param name="ruleId">The rule's id, such as <c>fair-tender.nhs-only-needs-reason</c>.</param>
    /// <param name="because">Why the rule should be breached, as in any FluentAssertions assertion; default none.</param>
    /// <param name="becauseArgs">Values formatted into <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the outcome and on which <see cref="RuleOutcomeConstraint.Citing"/> can follow.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    public RuleOutcomeConstraint HaveBreach(string ruleId, string because = "", params object[] becauseArgs) =>
        HaveOutcome(ruleId, OutcomeKind.Breach, because, becauseArgs);

    /// <summary>Asserts that a rule had the given outcome.</summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="kind">The outcome expected.</param>
    /// <param name="because">Why; default none.</param>
    /// <param name="becauseArgs">Values formatted into <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the outcome.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    public RuleOutcomeConstraint HaveOutcome(string ruleId, OutcomeKind kind, string because = "", params object[] becauseArgs)
    {
        System.ArgumentNullException.ThrowIfNull(ruleId);
        RuleOutcome? found = null;
        if (NotNull(because, becauseArgs))
        {
            Fail(Expectations.Outcome(Subject, ruleId, kind, Expectations.Reason(because, becauseArgs), out found));
        }

        return new RuleOutcomeConstraint(this, found);
    }

    /// <summary>Asserts that no rule was breached; a failure lists every breach with its message and facts.</summary>
    /// <param name="because">Why; default none.</param>
    /// <param name="becauseArgs">Values formatted into <paramref name="because"/>.</param>
    /// <returns>A constraint for further assertions on the report.</returns>
    public AndConstraint<CheckReportAssertions> HaveNoBreaches(string because = "", params object[] becauseArgs)
    {
        if (NotNull(because, becauseArgs))
        {
            Fail(Expectations.NoBreaches(Subject, Expectations.Reason(because, becauseArgs)));
        }

        return new AndConstraint<CheckReportAssertions>(this);
    }

    /// <summary>Asserts the verdict on one principle: the worst of its rules' outcomes (<see cref="CheckReport.VerdictFor"/>).</summary>
    /// <param name="principleKey">The principle's key, such as <c>fair-tender</c>.</param>
    /// <param name="kind">The verdict expected.</param>
    /// <param name="because">Why; default none.</param>
    /// <param name="becauseArgs">Values formatted into <paramref name="because"/>.</param>
    /// <returns>A constraint whose <c>Which</c> is the verdict.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="principleKey"/> is null.</exception>
    public AndWhichConstraint<CheckReportAssertions, PrincipleVerdict> HaveVerdict(string principleKey, OutcomeKind kind, string because = "", params object[] becauseArgs)
    {
        System.ArgumentNullException.ThrowIfNull(principleKey);
        PrincipleVerdict? found = null;
        if (NotNull(because, becauseArgs))
        {
            Fail(Expectations.Verdict(Subject, principleKey, kind, Expectations.Reason(because, becauseArgs), out found));
        }

        return new AndWhichConstraint<CheckReportAssertions, PrincipleVerdict>(this, found!);
    }

    /// <summary>Reports a failure message, if any, through FluentAssertions (so an <see cref="AssertionScope"/> collects it).</summary>
    internal static void Fail(string? failure)
    {
        if (failure is not null)
        {
            // FailWith treats braces as placeholders; our messages are final text (rule messages may hold braces).
            Execute.Assertion.FailWith(failure.Replace("{", "{{", System.StringComparison.Ordinal).Replace("}", "}}", System.StringComparison.Ordinal));
        }
    }

    private bool NotNull(string because, object[] becauseArgs) =>
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected a report{reason}, but found <null>.");
}
