using FluentAssertions.Execution;
using Procurement.Model;
using Procurement.Rules.Testing;

namespace Procurement.Rules.Testing.Tests;

/// <summary>
/// The FluentAssertions extensions and ReportAssert on real checks of the Great Yarmouth case: what passes, and what a
/// failure says (the rule, the outcome found, its message, missing facts, suggestions for misspelt ids).
/// </summary>
[TestFixture]
public class ReportAssertionTests
{
    private const string NhsOnly = Burnham2009.Rules.FairTender.NhsOnlyNeedsReason;

    private static readonly ProposedProcurement GreatYarmouth = ProcurementFile.Load(RepoPaths.GreatYarmouth);

    private static CheckReport Report => RulePack.Default.Check(GreatYarmouth);

    private static CheckReport WithoutReason => RulePack.Default.Check(GreatYarmouth with { Tender = GreatYarmouth.Tender! with { EligibilityJustification = null } });

    [Test]
    public void HaveBreach_RuleBreached_PassesAndGivesTheOutcome()
    {
        var outcome = Report.Should().HaveBreach(NhsOnly).Which;

        outcome.Rule.Id.Should().Be(NhsOnly);
        outcome.Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void HaveBreach_RuleUndetermined_NamesRuleOutcomeMessageAndMissingFacts()
    {
        var act = () => WithoutReason.Should().HaveBreach(NhsOnly, "the reason is {0}", "a policy");

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().StartWith($"Expected rule '{NhsOnly}' to be a breach in the report on great-yarmouth-2009 because the reason is a policy, but it was undetermined: \"");
        message.Should().Contain(WithoutReason.For(NhsOnly)!.Message, "the outcome's own message is quoted");
        message.Should().Contain("missing facts: tender.eligibilityJustification");
    }

    [Test]
    public void HaveBreach_MisspeltRuleId_SaysThePackHasNoSuchRuleAndSuggestsTheId()
    {
        var act = () => Report.Should().HaveBreach("fair-tender.nhs-only-need-reason");

        act.Should().Throw<AssertionException>().WithMessage(
            "Expected rule 'fair-tender.nhs-only-need-reason' to be a breach in the report on great-yarmouth-2009, but pack burnham-2009 has no rule 'fair-tender.nhs-only-need-reason'; did you mean 'fair-tender.nhs-only-needs-reason'?");
    }

    [Test]
    public void HaveBreach_IdNothingLike_SaysSoWithoutSuggestion()
    {
        var act = () => Report.Should().HaveBreach("zzz");

        act.Should().Throw<AssertionException>().WithMessage("*pack burnham-2009 has no rule 'zzz' and no rule id is close to it*");
    }

    [Test]
    public void HaveBreach_RulesNotApplied_SaysTheDecisionDateIsOutsideThePeriod()
    {
        var report = RulePack.Default.Check(GreatYarmouth with { DecisionDate = new DateOnly(2008, 1, 1) });

        var act = () => report.Should().HaveBreach(NhsOnly);

        act.Should().Throw<AssertionException>().WithMessage("*but the rules were not applied: the decision date 2008-01-01 is outside the period of pack burnham-2009 (in force from 2009-09-25 until 2013-03-31)*CheckOutsidePeriod*");
    }

    [Test]
    public void HaveOutcome_Compliant_WhenBreached_QuotesTheBreachAndItsFacts()
    {
        var act = () => Report.Should().HaveOutcome(NhsOnly, OutcomeKind.Compliant);

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().StartWith($"Expected rule '{NhsOnly}' to be compliant in the report on great-yarmouth-2009, but it was a breach: \"The tender is restricted to NHS providers");
        message.Should().Contain("facts: eligibility = ");
    }

    [Test]
    public void HaveNoBreaches_WithBreaches_ListsEachBreach()
    {
        var act = () => Report.Should().HaveNoBreaches();

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().StartWith($"Expected no breaches in the report on great-yarmouth-2009, but found {Report.Breaches.Count}:");
        message.Should().Contain($"  {NhsOnly} [critical]: \"The tender is restricted to NHS providers");
        message.Should().Contain("  " + Burnham2009.Rules.FairTender.EligibilityFixedAtNotice + " [critical]");
    }

    [Test]
    public void HaveNoBreaches_NoBreaches_Passes()
    {
        var report = new ReportBuilder("clean").Compliant(NhsOnly).Build();

        report.Should().HaveNoBreaches();
    }

    [Test]
    public void Citing_QuotedWords_PassesAndChains()
    {
        Report.Should().HaveBreach(NhsOnly)
            .Citing("clinical issues or safety may warrant an 'NHS only' tender")
            .Citing("Scenario 4")
            .And.HaveVerdict(Burnham2009.Principles.FairTender, OutcomeKind.Breach);
    }

    [Test]
    public void Citing_WordsNotQuoted_ListsTheRulesCitations()
    {
        var act = () => Report.Should().HaveBreach(NhsOnly).Citing("any willing provider");

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().StartWith($"Expected rule '{NhsOnly}' to cite a passage containing \"any willing provider\", but its citations are:");
        message.Should().Contain("  Scenario 4, process to be followed: \"For certain services, clinical issues or safety may warrant an 'NHS only' tender.\"");
    }

    [Test]
    public void HaveVerdict_OtherVerdict_NamesTheDecidingRules()
    {
        var act = () => Report.Should().HaveVerdict(Burnham2009.Principles.FairTender, OutcomeKind.Compliant);

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().StartWith("Expected principle 'fair-tender' to be compliant in the report on great-yarmouth-2009, but it was a breach, decided by:");
        message.Should().Contain($"  {NhsOnly}: \"The tender is restricted");
    }

    [Test]
    public void HaveVerdict_MisspeltPrinciple_Suggests()
    {
        var act = () => Report.Should().HaveVerdict("fair-tendr", OutcomeKind.Breach);

        act.Should().Throw<AssertionException>().WithMessage("*but pack burnham-2009 has no principle 'fair-tendr'; did you mean 'fair-tender'?");
    }

    [Test]
    public void Should_NullReport_FailsSayingSo()
    {
        CheckReport report = null!;

        var act = () => report.Should().HaveNoBreaches("it was {0}", "checked");

        act.Should().Throw<AssertionException>().WithMessage("Expected a report because it was checked, but found <null>.");
    }

    [Test]
    public void Assertions_InAScope_CollectEveryFailure()
    {
        var act = () =>
        {
            using var scope = new AssertionScope();
            Report.Should().HaveNoBreaches();
            Report.Should().HaveBreach("nope").Citing("anything");
        };

        var message = act.Should().Throw<AssertionException>().Which.Message;
        message.Should().Contain("Expected no breaches").And.Contain("has no rule 'nope'").And.NotContain("to cite");
    }

    [Test]
    public void Messages_WithBraces_AreShownAsWritten()
    {
        var report = new ReportBuilder("braces").Compliant(NhsOnly, "a {reasonKind} and {0} in {{braces}}").Build();

        var act = () => report.Should().HaveBreach(NhsOnly);

        act.Should().Throw<AssertionException>().Which.Message.Should().Contain("\"a {reasonKind} and {0} in {{braces}}\"");
    }

    [Test]
    public void ReportAssert_EachFailure_HasTheSameMessageAsTheFluentAssertion()
    {
        var pairs = new (Action Neutral, Action Fluent)[]
        {
            (() => ReportAssert.HasBreach(WithoutReason, NhsOnly), () => WithoutReason.Should().HaveBreach(NhsOnly)),
            (() => ReportAssert.HasBreach(Report, "fair-tender.nhs-only"), () => Report.Should().HaveBreach("fair-tender.nhs-only")),
            (() => ReportAssert.HasOutcome(Report, NhsOnly, OutcomeKind.Compliant, "it has a reason"), () => Report.Should().HaveOutcome(NhsOnly, OutcomeKind.Compliant, "it has a reason")),
            (() => ReportAssert.HasNoBreaches(Report), () => Report.Should().HaveNoBreaches()),
            (() => ReportAssert.Cites(Report.For(NhsOnly)!, "nothing like it"), () => Report.Should().HaveBreach(NhsOnly).Citing("nothing like it")),
            (() => ReportAssert.HasVerdict(Report, "fair-tendr", OutcomeKind.Breach), () => Report.Should().HaveVerdict("fair-tendr", OutcomeKind.Breach)),
        };

        foreach (var (neutral, fluent) in pairs)
        {
            var expected = fluent.Should().Throw<AssertionException>().Which.Message;
            neutral.Should().Throw<ReportAssertionException>().Which.Message.Should().Be(expected);
        }
    }

    [Test]
    public void ReportAssert_Passing_ReturnsWhatItFound()
    {
        var report = Report;
        var outcome = ReportAssert.HasBreach(report, NhsOnly);
        ReportAssert.Cites(outcome, "'NHS only'").Should().BeSameAs(outcome);
        ReportAssert.HasVerdict(report, Burnham2009.Principles.FairTender, OutcomeKind.Breach).DecidedBy.Should().Contain(outcome);
        ReportAssert.HasNoBreaches(new ReportBuilder("none").Build());
    }
}
