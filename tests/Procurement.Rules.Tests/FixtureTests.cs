namespace Procurement.Rules.Tests;

/// <summary>Every rule of every pack in <c>rules/</c> against its fixtures, one named test case per fixture file.</summary>
public class FixtureTests
{
    private static readonly RulePack Pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

    /// <summary>Every pack folder on disk (a folder with a <c>pack.yaml</c>), loaded once, by id.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, RulePack>> Packs = new(() =>
        PackDirectories().ToDictionary(d => Path.GetFileName(d)!, d => RulePack.LoadFromDirectory(d, DefaultPackOnDisk.Options)));

    public static IEnumerable<string> PackDirectories() =>
        Directory.GetDirectories(RepoPaths.Rules).Where(d => File.Exists(Path.Combine(d, "pack.yaml"))).Order(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Fixtures() =>
        PackDirectories()
            .Where(d => Directory.Exists(Path.Combine(d, "fixtures")))
            .SelectMany(d => Fixture.All(Path.Combine(d, "fixtures")).Select(f => (Pack: Path.GetFileName(d), Fixture: f)))
            .Select(p => new TestCaseData(p.Pack, p.Fixture).SetName(p.Pack == RulePack.DefaultPackId
                ? $"Fixture {p.Fixture.RuleId} {p.Fixture.Name}"
                : $"Fixture {p.Pack} {p.Fixture.RuleId} {p.Fixture.Name}"));

    public static IEnumerable<string> PackIds() => PackDirectories().Select(d => Path.GetFileName(d));

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_HasExpectedOutcome(string packId, Fixture fixture)
    {
        var procurement = ProcurementFile.Load(fixture.Path);
        var pack = Packs.Value[packId];

        // Fixtures test rules, not periods: a fixture dated outside its pack's period is still checked.
        var outcome = pack.Check(procurement, new CheckOptions { CheckOutsidePeriod = true }).For(fixture.RuleId);

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

    [TestCaseSource(nameof(PackIds))]
    public void EveryRule_HasBreachingCompliantAndUndeterminedFixtures(string packId)
    {
        var pack = Packs.Value[packId];
        var directory = Path.Combine(RepoPaths.Rules, packId, "fixtures");
        var fixtures = Directory.Exists(directory) ? Fixture.All(directory) : Array.Empty<Fixture>();

        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var rule in pack.Rules)
            {
                fixtures.Should().Contain(f => f.RuleId == rule.Id && f.Expected == OutcomeKind.Breach, $"rule {rule.Id} needs a breaching fixture");
                fixtures.Should().Contain(f => f.RuleId == rule.Id && f.Expected == OutcomeKind.Compliant, $"rule {rule.Id} needs a compliant fixture");
                // Every rule of this pack reads facts a real case file can leave out (an event kind, a tender field).
                fixtures.Should().Contain(f => f.RuleId == rule.Id && f.Expected == OutcomeKind.Undetermined, $"rule {rule.Id} needs an undetermined fixture");
            }
        }
    }

    [TestCaseSource(nameof(PackIds))]
    public void EveryFixtureFolder_NamesARuleOfThePack(string packId)
    {
        var ruleIds = Packs.Value[packId].Rules.Select(r => r.Id).ToHashSet();
        var directory = Path.Combine(RepoPaths.Rules, packId, "fixtures");
        var fixtures = Directory.Exists(directory) ? Fixture.All(directory) : Array.Empty<Fixture>();

        fixtures.Select(f => f.RuleId).Distinct().Should().OnlyContain(id => ruleIds.Contains(id));
    }
}
