using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Tests;

/// <summary>
/// The generated procurements of every shape (imprecise dates, facts left out) reach far more outcomes than the
/// fixtures: no breach or compliant message of the default pack prints a placeholder for a fact it did not show.
/// </summary>
public class DecidedMessageGeneratedTests
{
    private static readonly string[] Placeholders = ["not recorded", "undated", "could not be evaluated"];

    [Test]
    public void DecidedMessage_GeneratedProcurements_PrintNoPlaceholderForAFactNotShown()
    {
        var options = new CheckOptions { CheckOutsidePeriod = true };
        var wrong = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var procurement in Procurements.Generate(5000, seed: 4, impreciseDates: true))
        {
            foreach (var outcome in RulePack.Default.Check(procurement, options).Outcomes)
            {
                if (outcome.Kind is OutcomeKind.Breach or OutcomeKind.Compliant
                    && Placeholders.Any(p => outcome.Message.Replace(Verdict.MetEitherWay, string.Empty, StringComparison.Ordinal).Contains(p, StringComparison.Ordinal)))
                {
                    wrong.TryAdd(outcome.Rule.Id + " " + outcome.Kind, outcome.Message);
                }
            }
        }

        wrong.Should().BeEmpty();
    }
}
