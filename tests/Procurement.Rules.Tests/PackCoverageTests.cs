using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// The default pack covers the whole of the 2009 letter: every principle key of the catalogue has a rule, and every
/// scenario has rules for both its "process to be followed" and its "oversight and assurance mechanisms" columns.
/// Proven from the pack itself, so removing a rule or narrowing its scenarios fails here.
/// </summary>
public class PackCoverageTests
{
    /// <summary>The principle keys of the design notes: the vocabulary of rule files, reports and users' code.</summary>
    private static readonly string[] PrincipleKeys =
    {
        "early-provider-engagement", "nhs-right-to-bid", "staff-engagement", "local-decision", "fair-tender",
        "clear-rationale", "needs-driven", "proportionality", "best-value", "quality-monitoring",
        "contractual-mechanism-first", "oversight", "improvement-opportunities", "unsustainability-resolution",
        "choice-adds-providers", "open-tender-on-expiry",
    };

    private static readonly RulePack Pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

    [Test]
    public void Pack_DeclaresExactlyThePrincipleKeysOfTheCatalogue()
    {
        Pack.Principles.Select(p => p.Key).Should().BeEquivalentTo(PrincipleKeys);
    }

    [TestCaseSource(nameof(PrincipleKeys))]
    public void Principle_HasAtLeastOneRule(string key)
    {
        Pack.Rules.Should().Contain(r => r.Principle.Key == key, $"principle '{key}' needs a rule");
    }

    [TestCase(Scenario.Underperformance)]
    [TestCase(Scenario.IncrementalImprovement)]
    [TestCase(Scenario.Unsustainability)]
    [TestCase(Scenario.NewOrRedesignedService)]
    [TestCase(Scenario.PatientChoice)]
    [TestCase(Scenario.ContractExpiry)]
    public void Scenario_HasRulesForBothColumns(Scenario scenario)
    {
        var number = (int)scenario;

        using (new FluentAssertions.Execution.AssertionScope())
        {
            RulesCiting(scenario, $"Scenario {number}, process to be followed").Should()
                .NotBeEmpty($"scenario {number}'s process column needs a rule that applies to it and quotes it");
            RulesCiting(scenario, $"Scenario {number}, oversight and assurance mechanisms").Should()
                .NotBeEmpty($"scenario {number}'s oversight column needs a rule that applies to it and quotes it");
        }
    }

    [Test]
    public void Scenarios_AreAllListedAbove()
    {
        Enum.GetValues<Scenario>().Should().HaveCount(6, "a new scenario needs its own coverage test case");
    }

    private static List<string> RulesCiting(Scenario scenario, string locator) =>
        Pack.Rules
            .Where(r => r.Scenarios.Count == 0 || r.Scenarios.Contains(scenario))
            .Where(r => r.Citations.Any(c => c.Locator == locator))
            .Select(r => r.Id)
            .ToList();
}
