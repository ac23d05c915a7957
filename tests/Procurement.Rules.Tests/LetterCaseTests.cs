namespace Procurement.Rules.Tests;

/// <summary>
/// Cases a new user would write from the letter alone (samples/cases/letter-*.yaml): each gets the breach the letter
/// implies, with the scenario's own words, and the same case with the one offending fact put right gets none.
/// </summary>
public class LetterCaseTests
{
    private static readonly RulePack Pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

    [TestCase("letter-scenario-5-awp-cap.yaml", "choice-adds-providers.existing-providers-not-displaced", "not displacing existing ones.")]
    // A direct re-award on expiry is also not a fair process for other would-be bidders (scenario 6's "fair and equal
    // opportunity to bid"): the same fact breaches the fair-tender principle too.
    [TestCase("letter-scenario-6-direct-award.yaml", "open-tender-on-expiry.open-tender", "would tender openly.", "fair-tender.open-competition-on-expiry")]
    public void LetterCase_GetsTheBreachTheLetterImplies(string file, string ruleId, string quoteEnd, params string[] alsoBreached)
    {
        var report = Pack.Check(ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", file)));

        report.Breaches.Select(b => b.Rule.Id).Should().BeEquivalentTo(new[] { ruleId }.Concat(alsoBreached), report.ToString());
        report.Breaches.Single(b => b.Rule.Id == ruleId).Citations.Should().Contain(c => c.Quote.EndsWith(quoteEnd, StringComparison.Ordinal));
        report.HasFailures.Should().BeFalse();
    }

    [Test]
    public void Scenario5_ExistingProviderKept_IsNoBreach()
    {
        var procurement = ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", "letter-scenario-5-awp-cap.yaml"));
        var kept = procurement with { Tender = procurement.Tender! with { DisplacesExistingProviders = false } };

        Pack.Check(kept).Breaches.Should().BeEmpty();
    }

    [Test]
    public void Scenario6_OpenTender_IsNoBreach()
    {
        var procurement = ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", "letter-scenario-6-direct-award.yaml"));
        var tendered = procurement with
        {
            Tender = new Procurement.Model.TenderPlan { Route = Procurement.Model.ProcurementRoute.OpenTender, Eligibility = Procurement.Model.TenderEligibility.Open },
        };

        Pack.Check(tendered).Breaches.Should().BeEmpty();
    }
}
