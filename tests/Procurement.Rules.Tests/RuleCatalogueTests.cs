namespace Procurement.Rules.Tests;

/// <summary>
/// Every pack under <c>rules/</c> has a catalogue in <c>docs/</c>, generated from the pack (<see cref="RulePack.ToMarkdown"/>):
/// <c>docs/rule-catalogue.md</c> for the default pack, <c>docs/rule-catalogue-&lt;pack id&gt;.md</c> for the others. After
/// changing a rule, run these tests with <c>PROCUREMENT_WRITE_CATALOGUE=1</c> to rewrite the files, and commit them.
/// </summary>
public class RuleCatalogueTests
{
    private const string WriteVariable = "PROCUREMENT_WRITE_CATALOGUE";

    /// <summary>Each pack folder (one with a <c>pack.yaml</c>), found on disk, so a new pack needs its catalogue too.</summary>
    public static IEnumerable<TestCaseData> Packs() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "pack.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f)!))
            .Order(StringComparer.Ordinal)
            .Select(id => new TestCaseData(id).SetArgDisplayNames(id));

    [Test]
    public void Packs_AreTheThreeRegimes()
    {
        Packs().Select(p => (string)p.Arguments[0]!).Should().BeEquivalentTo("burnham-2009", "ppccr-2013", "psr-2023");
    }

    [TestCaseSource(nameof(Packs))]
    public void RuleCatalogue_IsCurrent(string packId)
    {
        var pack = Load(packId);
        var path = CataloguePath(packId);
        var expected = pack.ToMarkdown();
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        File.Exists(path).Should().BeTrue($"{Relative(path)} is generated from the pack {packId}");
        Normalise(File.ReadAllText(path)).Should().Be(
            Normalise(expected),
            $"{Relative(path)} must match the pack; regenerate it by running this test with {WriteVariable}=1 and commit the file");
    }

    [TestCaseSource(nameof(Packs))]
    public void RuleCatalogue_NamesEveryRuleAndQuote(string packId)
    {
        var pack = Load(packId);
        var catalogue = pack.ToMarkdown();

        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var rule in pack.Rules)
            {
                catalogue.Should().Contain($"#### `{rule.Id}`");
                foreach (var citation in rule.Citations)
                {
                    // Quotes are written with Markdown's special characters escaped; none of ours has any but '*'.
                    catalogue.Should().Contain("> " + citation.Quote.Replace("*", "\\*", StringComparison.Ordinal));
                }
            }
        }
    }

    [TestCaseSource(nameof(Packs))]
    public void RuleCatalogue_StatesPeriodDecidingDateCommissionersAndVersions(string packId)
    {
        var pack = Load(packId);
        var catalogue = pack.ToMarkdown();

        using (new FluentAssertions.Execution.AssertionScope())
        {
            catalogue.Should().Contain($"In force from {pack.InForceFrom:yyyy-MM-dd}"
                + (pack.InForceUntil is { } until ? $" until {until:yyyy-MM-dd}" : " (no end date)"));
            catalogue.Should().Contain(pack.DecidedBy == DecidingDate.Decision
                ? "Decided by the decision date (`decisionDate`)"
                : "Decided by the date the process commenced (the first `processCommenced` event");
            foreach (var kind in pack.AppliesTo)
            {
                catalogue.Should().Contain("`" + char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..] + "`");
            }

            foreach (var version in pack.Versions)
            {
                catalogue.Should().Contain($"- `{version.Name}`, from {version.From:yyyy-MM-dd}: ");
            }

            foreach (var rule in pack.Rules.Where(r => r.AppliesFrom is not null))
            {
                var section = catalogue[catalogue.IndexOf($"#### `{rule.Id}`", StringComparison.Ordinal)..];
                section.Should().Contain($"- From: {rule.AppliesFrom:yyyy-MM-dd}", $"rule {rule.Id} applies only from a later version");
            }
        }
    }

    [Test]
    public void RuleCatalogue_RuleWithFrom_SaysSoAndNamesItsVersion()
    {
        // The packs' own rules may not use 'from' yet, so a small pack proves the line is written.
        var root = Path.Combine(Path.GetTempPath(), "catalogue-from-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "source.md"), "Everyone must be told.\n");
            File.WriteAllText(Path.Combine(root, "pack.yaml"), """
                id: dated
                title: A dated pack
                version: 1.0.0
                description: Two versions.
                inForce: { from: 2024-01-01, decidedBy: commencement }
                appliesTo: [icb]
                versions:
                  - { version: as-made, from: 2024-01-01, title: as made }
                  - { version: amended, from: 2025-02-24, title: as amended }
                sources:
                  - { id: src, title: Source, file: source.md }
                principles:
                  - { key: told, title: Told, summary: Everyone is told. }
                """);
            File.WriteAllText(Path.Combine(root, "told.rules.yaml"), """
                rules:
                  - id: told.everyone
                    title: Everyone is told
                    principle: told
                    severity: minor
                    from: 2025-02-24
                    require: Happened(NoticePublished)
                    message: { breach: Nobody was told. }
                    citations:
                      - { source: src, locator: the text, quote: Everyone must be told. }
                """);

            var catalogue = RulePack.LoadFromDirectory(root).ToMarkdown();

            catalogue.Should().Contain("- From: 2025-02-24 (version `amended`; not applicable to a process commenced earlier")
                .And.Contain("- `amended`, from 2025-02-24: as amended")
                .And.Contain("Commissioners covered: `icb`.")
                .And.NotContain("## Scenarios", "a pack whose rules name no scenario has no scenario table");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static RulePack Load(string packId) =>
        RulePack.LoadFromDirectory(Path.Combine(RepoPaths.Rules, packId), DefaultPackOnDisk.Options);

    private static string CataloguePath(string packId) =>
        Path.Combine(RepoPaths.Docs, packId == RulePack.DefaultPackId ? "rule-catalogue.md" : $"rule-catalogue-{packId}.md");

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');

    private static string Normalise(string text) => text.ReplaceLineEndings("\n");
}
