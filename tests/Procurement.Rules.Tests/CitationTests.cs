using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Tests;

/// <summary>
/// Citations are exact: every quote in every rule file is verbatim (whitespace aside) in the source text under
/// rules/sources/, and stands in the part of the letter its locator names. Read straight from the files, independently
/// of the loader's own check.
/// </summary>
public partial class CitationTests
{
    private static readonly string LetterPath = Path.Combine(RepoPaths.Rules, "sources", "burnham-2009-letter.md");
    private static readonly string Letter = File.ReadAllText(LetterPath);

    public static IEnumerable<TestCaseData> Quotes() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.rules.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => ReadCitations(file).Select(c => new TestCaseData(c.Locator, c.Quote)
                .SetName($"Quote {Path.GetFileName(file)}:{c.Line} {c.RuleId}")));

    [TestCaseSource(nameof(Quotes))]
    public void Quote_IsVerbatimInTheSectionItsLocatorNames(string locator, string quote)
    {
        Normalise(Letter).Should().Contain(Normalise(quote), "a quote must be verbatim from the letter");
        Normalise(Section(locator)).Should().Contain(Normalise(quote), $"the quote must stand in '{locator}'");
    }

    [Test]
    public void RuleFiles_HoldQuotes()
    {
        Quotes().Should().HaveCountGreaterThanOrEqualTo(RulePack.Default.Rules.Count, "every rule cites at least once");
    }

    [Test]
    public void SourceCopy_KeepsItsProvenanceLine()
    {
        Letter.Should().StartWith("# Letter from the Secretary of State for Health to the TUC General Secretary, 25 September 2009");
        Letter.Should().Contain("Provenance: letter from Andy Burnham (Secretary of State for Health) to Brendan Barber (TUC General Secretary), dated 25 September 2009, reference POC1_446450");
    }

    [Test]
    public void LoadedCitations_AreTheQuotesAsWritten()
    {
        var written = Quotes().Select(t => Normalise((string)t.Arguments[1]!)).Order(StringComparer.Ordinal);

        RulePack.Default.Rules.SelectMany(r => r.Citations).Select(c => c.Quote).Order(StringComparer.Ordinal).Should().Equal(written);
    }

    /// <summary>The text a locator names: "Letter, ..." is the letter; "Scenario N, process to be followed" and
    /// "Scenario N, oversight and assurance mechanisms" are the paragraphs of the attachment.</summary>
    private static string Section(string locator)
    {
        var letterStart = Letter.IndexOf("## Letter", StringComparison.Ordinal);
        var attachmentStart = Letter.IndexOf("## Attachment", StringComparison.Ordinal);
        if (locator.StartsWith("Letter", StringComparison.Ordinal))
        {
            return Letter[letterStart..attachmentStart];
        }

        var match = ScenarioLocator().Match(locator);
        match.Success.Should().BeTrue($"locator '{locator}' must be 'Letter, ...' or 'Scenario N, process to be followed' or 'Scenario N, oversight and assurance mechanisms'");
        var number = match.Groups["n"].Value;
        var start = Letter.IndexOf($"### Scenario {number}:", StringComparison.Ordinal);
        var end = Letter.IndexOf("### Scenario", start + 5, StringComparison.Ordinal);
        var scenario = Letter[start..(end < 0 ? Letter.Length : end)];
        var oversight = scenario.IndexOf("Oversight & assurance mechanisms:", StringComparison.Ordinal);
        return match.Groups["part"].Value.StartsWith("process", StringComparison.Ordinal) ? scenario[..oversight] : scenario[oversight..];
    }

    private static IEnumerable<(string RuleId, long Line, string Locator, string Quote)> ReadCitations(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        var rules = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["rules"];
        foreach (var rule in rules.Children.Cast<YamlMappingNode>())
        {
            var id = ((YamlScalarNode)rule["id"]).Value!;
            foreach (var citation in ((YamlSequenceNode)rule["citations"]).Children.Cast<YamlMappingNode>())
            {
                var quote = (YamlScalarNode)citation["quote"];
                yield return (id, quote.Start.Line, ((YamlScalarNode)citation["locator"]).Value!, quote.Value!);
            }
        }
    }

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^Scenario (?<n>[1-6]), (?<part>process to be followed|oversight and assurance mechanisms)$")]
    private static partial Regex ScenarioLocator();
}
