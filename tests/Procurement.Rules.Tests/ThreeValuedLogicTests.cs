using Procurement.Model;
using Procurement.Rules.Loading;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests;

/// <summary>
/// Three-valued (Kleene) logic in compiled rule expressions and the evaluator's when/require combination: a recorded
/// fact that decides a rule decides it, and only the facts that could change an outcome are named as missing.
/// </summary>
/// <remarks>
/// The atoms are real model facts: <c>TermMonths &gt; 12</c> (true with 36 months, false with 6, unknown when not
/// recorded: names <c>termMonths</c>) and <c>Value.Amount &gt; 1000</c> (true with 5,000, false with 10, unknown when
/// not recorded: names <c>value</c>).
/// </remarks>
public class ThreeValuedLogicTests
{
    private const string A = "TermMonths > 12";
    private const string B = "Value.Amount > 1000";

    /// <summary>One truth value: true, false, or unknown (null).</summary>
    public static IEnumerable<TestCaseData> BinaryCases()
    {
        bool?[] values = { true, false, null };
        foreach (var op in new[] { "&&", "||" })
        {
            foreach (var a in values)
            {
                foreach (var b in values)
                {
                    yield return new TestCaseData(op, a, b).SetName($"Require_{Word(a)}{(op == "&&" ? "And" : "Or")}{Word(b)}_FollowsKleene");
                }
            }
        }
    }

    [TestCaseSource(nameof(BinaryCases))]
    public void Require_BinaryOperator_FollowsKleene(string op, bool? a, bool? b)
    {
        using var pack = TestPack.WithRule($"'{A} {op} {B}'");

        var outcome = Check(pack.Load(), a, b);

        var expected = op == "&&" ? And(a, b) : Or(a, b);
        AssertOutcome(outcome, expected, expected is null ? Named(a, b) : Array.Empty<string>());
    }

    [TestCase(true)]
    [TestCase(false)]
    [TestCase(null)]
    public void Require_Not_IsUnknownExactlyWhenItsOperandIs(bool? a)
    {
        using var pack = TestPack.WithRule($"'!({A})'");

        var outcome = Check(pack.Load(), a, true);

        AssertOutcome(outcome, a is null ? null : !a, a is null ? new[] { "termMonths" } : Array.Empty<string>());
    }

    [Test]
    public void Require_KnownFalseAmongUnknowns_DecidesWhereverItStands()
    {
        // The known false conjunct is last; the unknown ones before it are not named.
        using var pack = TestPack.WithRule($"'{A} && Tender.CriteriaPublished == true && {B}'");

        var outcome = Check(pack.Load(), null, false);

        AssertOutcome(outcome, false, Array.Empty<string>());
    }

    // An operand that reads nothing (no call, no property) can never be unknown, so the rewrite gives it no mark of its
    // own (KleeneLinq.KnownAndOperand/KnownOrOperand): it must still decide, and forget what the unknown one named.
    [TestCase("&&", "1 > 2", false)]
    [TestCase("||", "2 > 1", true)]
    [TestCase("&&", "2 > 1", null)]
    [TestCase("||", "1 > 2", null)]
    public void Require_OperandThatCannotBeUnknown_DecidesAsAKnownOne(string op, string atom, bool? expected)
    {
        using var pack = TestPack.WithRule($"'{A} {op} {atom}'");

        var outcome = Check(pack.Load(), null, true);

        AssertOutcome(outcome, expected, expected is null ? new[] { "termMonths" } : Array.Empty<string>());
    }

    // A method called on a list or text whose parent is not recorded (no tender, so no invitations) must not throw: the
    // operand is unknown, and the other operand still decides the || or &&.
    [TestCase("Tender.Invitations.Any() || 2 > 1", true)]
    [TestCase("Tender.Invitations.Any(i => i.Status == Invited) || 2 > 1", true)]
    [TestCase("Tender.EligibilityCriteria.Contains(\"NHS\") || 2 > 1", true)]
    [TestCase("Tender.Invitations.Count > 0 && 1 > 2", false)]
    [TestCase("Tender.Invitations.Any() || 1 > 2", null)]
    public void Require_MethodOnAListOfAMissingParent_IsUnknownNotAFailure(string require, bool? expected)
    {
        using var pack = TestPack.WithRule($"'{require}'");

        var outcome = pack.Load().Check(Base(true, true) with { Tender = null }).Outcomes.Single();

        AssertOutcome(outcome, expected, expected is null ? new[] { "tender" } : Array.Empty<string>());
    }

    [Test]
    public void Require_SeveralUnknownConjuncts_NamesEachOnceInOrder()
    {
        using var pack = TestPack.WithRule($"'{A} && Tender.CriteriaPublished == true && {B} && TermMonths != 7'");

        var outcome = Check(pack.Load(), null, null);

        AssertOutcome(outcome, null, new[] { "termMonths", "tender", "value" });
    }

    [Test]
    public void Require_OperandRereadingAFactAlreadyNamed_IsStillUnknown()
    {
        // The second operand reads termMonths again: the name is listed once, but the operand is unknown all the same
        // (its value, true since a missing month count is not 7, must not decide the ||).
        using var pack = TestPack.WithRule("'TermMonths > 12 || TermMonths != 7'");

        AssertOutcome(Check(pack.Load(), null, true), null, new[] { "termMonths" });
    }

    [Test]
    public void Require_KnownFalseLeftOperand_DoesNotEvaluateTheRight()
    {
        // The right operand would spend the whole text budget and fail the rule; a known false left one decides first.
        using var pack = TestPack.WithRule("'TermMonths > 12 && string.Concat(Timeline.Select(a => string.Concat(root.Timeline.Select(b => string.Concat(root.Timeline.Select(c => c.Description)))))).Length > 0'");
        var rules = pack.Load();
        var procurement = Base(false, true) with { Timeline = Events(1_000) };

        rules.Check(procurement).Outcomes.Single().Kind.Should().Be(OutcomeKind.Breach);
        rules.Check(procurement with { TermMonths = 36 }).Outcomes.Single().Kind.Should().Be(OutcomeKind.Failed, "the same right operand does fail the budget when it is evaluated");
    }

    [Test]
    public void Require_KnownTrueLeftOperandOfOr_DoesNotEvaluateTheRight()
    {
        using var pack = TestPack.WithRule("'TermMonths > 12 || string.Concat(Timeline.Select(a => string.Concat(root.Timeline.Select(b => string.Concat(root.Timeline.Select(c => c.Description)))))).Length > 0'");
        var rules = pack.Load();
        var procurement = Base(true, true) with { Timeline = Events(1_000) };

        rules.Check(procurement).Outcomes.Single().Kind.Should().Be(OutcomeKind.Compliant);
        rules.Check(procurement with { TermMonths = 6 }).Outcomes.Single().Kind.Should().Be(OutcomeKind.Failed);
    }

    [Test]
    public void Iif_KnownTrueCondition_IgnoresTheBranchNotTaken()
    {
        // The branch not taken reads a missing fact (value): it is not evaluated, so it is not named.
        using var pack = TestPack.WithRule($"'iif({A}, true, {B})'");

        AssertOutcome(Check(pack.Load(), true, null), true, Array.Empty<string>());
        AssertOutcome(Check(pack.Load(), false, null), null, new[] { "value" });
    }

    [Test]
    public void Iif_KnownFalseCondition_IgnoresTheBranchNotTaken()
    {
        using var pack = TestPack.WithRule($"'iif({A}, {B}, false)'");

        AssertOutcome(Check(pack.Load(), false, null), false, Array.Empty<string>());
        AssertOutcome(Check(pack.Load(), true, null), null, new[] { "value" });
    }

    [Test]
    public void Iif_UnknownConditionWithBranchesThatAgree_IsKnown()
    {
        using var pack = TestPack.WithRule($"'iif({A}, Scenario == Underperformance, Scenario != PatientChoice)'");

        var outcome = Check(pack.Load(), null, true);

        AssertOutcome(outcome, true, Array.Empty<string>());
    }

    [Test]
    public void Iif_UnknownConditionWithBranchesThatDiffer_IsUnknownNamingTheCondition()
    {
        using var pack = TestPack.WithRule($"'iif({A}, Scenario == Underperformance, Scenario == PatientChoice)'");

        var outcome = Check(pack.Load(), null, true);

        AssertOutcome(outcome, null, new[] { "termMonths" });
    }

    [Test]
    public void Iif_UnknownConditionWithAnUnknownBranch_IsUnknownNamingBoth()
    {
        using var pack = TestPack.WithRule($"'iif({A}, {B}, {B})'");

        var outcome = Check(pack.Load(), null, null);

        AssertOutcome(outcome, null, new[] { "termMonths", "value" });
    }

    [Test]
    public void Iif_ConditionalOperator_IsThreeValuedToo()
    {
        using var pack = TestPack.WithRule($"'({A}) ? Scenario == Underperformance : Scenario != PatientChoice'");

        AssertOutcome(Check(pack.Load(), null, true), true, Array.Empty<string>());
    }

    public static IEnumerable<TestCaseData> QuantifierCases()
    {
        foreach (var lifted in new[] { true, false })
        {
            var how = lifted ? "Lifted" : "NotLifted";
            yield return new TestCaseData("Any", new bool?[] { null, true }, (bool?)true, lifted).SetName($"Any_UnknownItemThenKnownTrue_IsTrue{how}");
            yield return new TestCaseData("Any", new bool?[] { null, false }, (bool?)null, lifted).SetName($"Any_UnknownItemAndKnownFalse_IsUnknown{how}");
            yield return new TestCaseData("Any", new bool?[] { false, false }, (bool?)false, lifted).SetName($"Any_AllKnownFalse_IsFalse{how}");
            yield return new TestCaseData("All", new bool?[] { null, false }, (bool?)false, lifted).SetName($"All_UnknownItemThenKnownFalse_IsFalse{how}");
            yield return new TestCaseData("All", new bool?[] { null, true }, (bool?)null, lifted).SetName($"All_UnknownItemAndKnownTrue_IsUnknown{how}");
            yield return new TestCaseData("All", new bool?[] { true, true }, (bool?)true, lifted).SetName($"All_AllKnownTrue_IsTrue{how}");
        }
    }

    [TestCaseSource(nameof(QuantifierCases))]
    public void Quantifier_OverItemsWithUnknowns_FollowsKleene(string quantifier, bool?[] items, bool? expected, bool lifted)
    {
        using var pack = TestPack.WithRule($"'IncumbentContracts.{quantifier}(c => c.Performance.Underperforming == true)'");
        var rules = lifted ? pack.Load() : RulePackLoader.Load(new DirectoryPackFiles(pack.Directory, pack.Options), liftLambdas: false);
        var procurement = Base(true, true) with
        {
            IncumbentContracts = items.Select((u, i) => new Contract
            {
                Provider = new Provider { Name = "Provider " + i },
                Performance = new PerformanceAssessment { Underperforming = u },
            }).ToArray(),
        };

        var outcome = rules.Check(procurement).Outcomes.Single();

        AssertOutcome(outcome, expected, expected is null ? new[] { "incumbentContracts[].performance.underperforming" } : Array.Empty<string>());
    }

    [Test]
    public void Any_ItemOfALazySourceWhoseMembershipIsUnknown_DoesNotDecide()
    {
        // The filter cannot tell whether the first contract belongs (underperforming not recorded: 'u != false' is
        // true but unknown), so its known-true predicate does not make Any known.
        using var pack = TestPack.WithRule("'IncumbentContracts.Where(c => c.Performance.Underperforming != false).Any(c => c.Provider.Name == \"Provider 0\")'");
        var procurement = Base(true, true) with
        {
            IncumbentContracts = new[]
            {
                new Contract { Provider = new Provider { Name = "Provider 0" }, Performance = new PerformanceAssessment() },
                new Contract { Provider = new Provider { Name = "Provider 1" }, Performance = new PerformanceAssessment { Underperforming = true } },
            },
        };

        var outcome = pack.Load().Check(procurement).Outcomes.Single();

        AssertOutcome(outcome, null, new[] { "incumbentContracts[].performance.underperforming" });
    }

    [Test]
    public void Any_MissingList_IsUnknownNamingTheList()
    {
        using var pack = TestPack.WithRule("'IncumbentContracts.Any(c => c.Provider.Name != null)'");

        var outcome = pack.Load().Check(Base(true, true) with { IncumbentContracts = null }).Outcomes.Single();

        AssertOutcome(outcome, null, new[] { "incumbentContracts" });
    }

    public static IEnumerable<TestCaseData> WhenRequireCases()
    {
        // when (A), require (B): the outcome and the facts named.
        yield return new TestCaseData(true, true, OutcomeKind.Compliant, Array.Empty<string>()).SetName("Evaluate_WhenTrueRequireTrue_IsCompliant");
        yield return new TestCaseData(true, false, OutcomeKind.Breach, Array.Empty<string>()).SetName("Evaluate_WhenTrueRequireFalse_IsBreach");
        yield return new TestCaseData(true, null, OutcomeKind.Undetermined, new[] { "value" }).SetName("Evaluate_WhenTrueRequireUnknown_NamesRequiresFacts");
        yield return new TestCaseData(false, true, OutcomeKind.NotApplicable, Array.Empty<string>()).SetName("Evaluate_WhenFalseRequireTrue_IsNotApplicable");
        yield return new TestCaseData(false, null, OutcomeKind.NotApplicable, Array.Empty<string>()).SetName("Evaluate_WhenFalseRequireUnknown_IsNotApplicable");
        yield return new TestCaseData(null, true, OutcomeKind.Compliant, Array.Empty<string>()).SetName("Evaluate_WhenUnknownRequireTrue_IsCompliantEitherWay");
        yield return new TestCaseData(null, false, OutcomeKind.Undetermined, new[] { "termMonths" }).SetName("Evaluate_WhenUnknownRequireFalse_NamesOnlyWhensFacts");
        yield return new TestCaseData(null, null, OutcomeKind.Undetermined, new[] { "termMonths", "value" }).SetName("Evaluate_WhenUnknownRequireUnknown_NamesBoth");
    }

    [TestCaseSource(nameof(WhenRequireCases))]
    public void Evaluate_WhenAndRequire_Combine(bool? when, bool? require, OutcomeKind expected, string[] named)
    {
        using var pack = TestPack.WithRule($"'{B}'", when: $"'{A}'");

        var outcome = Check(pack.Load(), when, require);

        outcome.Kind.Should().Be(expected);
        outcome.MissingFacts.Should().Equal(named);
        if (expected == OutcomeKind.Compliant)
        {
            outcome.Message.Should().Be(when is null ? "It held. (Whether the rule applies is not recorded, but it is met either way.)" : "It held.");
        }
    }

    [Test]
    public void Evaluate_WhenUnknownAndRequireFailsOnTheBudget_IsFailed()
    {
        using var pack = TestPack.WithRule(
            "'string.Concat(Timeline.Select(a => string.Concat(root.Timeline.Select(b => string.Concat(root.Timeline.Select(c => c.Description)))))).Length > 0'",
            when: $"'{A}'");

        var outcome = pack.Load().Check(Base(null, true) with { Timeline = Events(1_000) }).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Failed);
        outcome.MissingFacts.Should().BeEmpty();
    }

    [Test]
    public void Fact_DecidedByAKnownOperand_IsRecorded()
    {
        using var pack = TestPack.WithRule("'true'", facts: $"      both: {A} && {B}");

        var fact = Check(pack.Load(), null, false).Facts.Single();

        fact.IsRecorded.Should().BeTrue();
        fact.Display.Should().Be("no");
    }

    [Test]
    public void Check_LambdasLiftedOrNot_GiveTheSameOutcomeForEveryCombination()
    {
        using var pack = TestPack.WithRule(
            $"'IncumbentContracts.Any(c => c.Performance.Underperforming == true && root.{A}) || iif({B}, {A}, IncumbentContracts.All(c => c.Performance.Underperforming != false))'");
        var lifted = pack.Load();
        var plain = RulePackLoader.Load(new DirectoryPackFiles(pack.Directory, pack.Options), liftLambdas: false);
        bool?[] values = { true, false, null };
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                foreach (var u in values)
                {
                    var procurement = Base(a, b) with
                    {
                        IncumbentContracts = new[] { new Contract { Provider = new Provider { Name = "P" }, Performance = new PerformanceAssessment { Underperforming = u } } },
                    };

                    plain.Check(procurement).ToJson().Should().Be(lifted.Check(procurement).ToJson());
                }
            }
        }
    }

    private static RuleOutcome Check(RulePack rules, bool? a, bool? b) => rules.Check(Base(a, b)).Outcomes.Single();

    private static ProposedProcurement Base(bool? a, bool? b) => Underperformance(D(2010, 4, 1)) with
    {
        TermMonths = a switch { true => 36, false => 6, null => null },
        Value = b switch { true => new Money { Amount = 5000 }, false => new Money { Amount = 10 }, null => null },
    };

    private static TimelineEvent[] Events(int count) => Enumerable.Range(0, count)
        .Select(i => new TimelineEvent { Date = D(2010, 1, 1).AddDays(i), Kind = EventKind.NoticePublished, Description = "notice " + i })
        .ToArray();

    private static void AssertOutcome(RuleOutcome outcome, bool? expected, string[] named)
    {
        outcome.Kind.Should().Be(expected switch { true => OutcomeKind.Compliant, false => OutcomeKind.Breach, null => OutcomeKind.Undetermined }, outcome.Message);
        outcome.MissingFacts.Should().Equal(named);
    }

    // The oracle: Kleene's strong three-valued logic, written out.
    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;

    private static string[] Named(bool? a, bool? b) =>
        new[] { a is null ? "termMonths" : null, b is null ? "value" : null }.OfType<string>().ToArray();

    private static string Word(bool? value) => value switch { true => "True", false => "False", null => "Unknown" };
}
