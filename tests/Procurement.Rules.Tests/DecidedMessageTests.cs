using Procurement.Rules.Checking;

namespace Procurement.Rules.Tests;

/// <summary>
/// A decided outcome (breach or compliant) says what the record shows: its message never prints a placeholder for a
/// fact it did not need ("after the notice of undated", "the competition noticed on not recorded"). Messages name such
/// facts in optional phrases (docs/writing-rules.md, "Optional phrases in messages"); the facts themselves are still
/// listed with the outcome.
/// </summary>
public class DecidedMessageTests
{
    private static readonly string[] Placeholders = ["not recorded", "undated", "could not be evaluated"];

    /// <summary>Every fixture of the default pack (rule and inference fixtures), every prose case and every sample case.</summary>
    private static IEnumerable<string> Cases() =>
        Directory.EnumerateFiles(RepoPaths.Fixtures, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "prose"), "*.yaml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml"))
            .Order(StringComparer.Ordinal);

    [Test]
    public void DecidedMessage_EveryFixtureAndSampleCase_PrintsNoPlaceholderForAFactNotShown()
    {
        var pack = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);
        var options = new CheckOptions { CheckOutsidePeriod = true };
        var files = Cases().ToList();
        var decided = 0;
        var wrong = new List<string>();
        foreach (var file in files)
        {
            foreach (var outcome in pack.Check(ProcurementFile.Load(file), options).Outcomes)
            {
                if (outcome.Kind is not (OutcomeKind.Breach or OutcomeKind.Compliant))
                {
                    continue;
                }

                decided++;

                // The engine's own note on a rule met whether or not it applies says "not recorded" of the condition, not of a fact.
                var message = outcome.Message.Replace(RuleEvaluator.MetEitherWay, string.Empty, StringComparison.Ordinal);
                if (Placeholders.FirstOrDefault(p => message.Contains(p, StringComparison.Ordinal)) is { } placeholder)
                {
                    wrong.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {outcome.Rule.Id} prints '{placeholder}': {outcome.Message}");
                }
            }
        }

        files.Should().HaveCountGreaterThan(250, "every fixture and sample case is read");
        decided.Should().BeGreaterThan(500, "the cases decide many outcomes");
        wrong.Should().BeEmpty();
    }
}
