namespace Procurement.Rules.Tests;

/// <summary>Every rule of the default pack against its fixtures, one named test case per fixture file.</summary>
public class FixtureTests
{
    private static readonly RulePack Pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

    public static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f).SetName($"Fixture {f.RuleId} {f.Name}"));

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_HasExpectedOutcome(Fixture fixture)
    {
        var procurement = ProcurementFile.Load(fixture.Path);

        var outcome = Pack.Check(procurement).For(fixture.RuleId);

        outcome.Should().NotBeNull($"the fixture folder names rule '{fixture.RuleId}', which the pack must have");
        outcome!.Kind.Should().Be(fixture.Expected, outcome.Message);
        if (fixture.Expected == OutcomeKind.Undetermined)
        {
            outcome.MissingFacts.Should().NotBeEmpty("an undetermined outcome names the facts that are missing");
        }

        if (fixture.Expected is OutcomeKind.Breach or OutcomeKind.Compliant)
        {
            outcome.Message.Should().NotContain("{", "every placeholder in the message is filled");
            outcome.Facts.Should().HaveCount(outcome.Rule.FactNames.Count);
        }

        // A fact that throws (the maximum of nothing, say) shows its exception in the report: a rule defect.
        outcome.Facts.Should().NotContain(f => f.Display.StartsWith("could not be evaluated", StringComparison.Ordinal), "every fact of a rule evaluates on its own fixtures");
    }

    [Test]
    public void EveryRule_HasBreachingCompliantAndUndeterminedFixtures()
    {
        var fixtures = Fixture.All(RepoPaths.Fixtures);

        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var rule in Pack.Rules)
            {
                fixtures.Should().Contain(f => f.RuleId == rule.Id && f.Expected == OutcomeKind.Breach, $"rule {rule.Id} needs a breaching fixture");
                fixtures.Should().Contain(f => f.RuleId == rule.Id && f.Expected == OutcomeKind.Compliant, $"rule {rule.Id} needs a compliant fixture");
                // Every rule of this pack reads facts a real case file can leave out (an event kind, a tender field).
                fixtures.Should().Contain(f => f.RuleId == rule.Id && f.Expected == OutcomeKind.Undetermined, $"rule {rule.Id} needs an undetermined fixture");
            }
        }
    }

    [Test]
    public void EveryFixtureFolder_NamesARuleOfThePack()
    {
        var ruleIds = Pack.Rules.Select(r => r.Id).ToHashSet();

        Fixture.All(RepoPaths.Fixtures).Select(f => f.RuleId).Distinct().Should().OnlyContain(id => ruleIds.Contains(id));
    }
}
