using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Tests;

/// <summary>
/// Citations are exact: every quote in every rule file of every pack is verbatim (whitespace aside) in the source text
/// under rules/sources/ that its citation names, and stands in the part its locator names (a part of the letter; a
/// regulation or a schedule's paragraph of the 2013 regulations and the PSR). Read straight from the files,
/// independently of the loader's own check.
/// </summary>
public partial class CitationTests
{
    private static readonly string LetterPath = Path.Combine(RepoPaths.Rules, "sources", "burnham-2009-letter.md");
    private static readonly string Letter = File.ReadAllText(LetterPath);

    /// <summary>The source texts by source id: each regulation file is named after its id; the letter is not.</summary>
    private static readonly Dictionary<string, string> SourceTexts = new(StringComparer.Ordinal)
    {
        ["burnham-2009"] = Letter,
        ["ppccr-2013"] = File.ReadAllText(Path.Combine(RepoPaths.Rules, "sources", "ppccr-2013.md")),
        ["psr-2023"] = File.ReadAllText(Path.Combine(RepoPaths.Rules, "sources", "psr-2023.md")),
    };

    public static IEnumerable<TestCaseData> Quotes() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.rules.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => ReadCitations(file).Select(c => new TestCaseData(c.Source, c.Locator, c.Quote)
                .SetName($"Quote {Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}:{c.Line} {c.RuleId}")));

    [TestCaseSource(nameof(Quotes))]
    public void Quote_IsVerbatimInTheSectionItsLocatorNames(string source, string locator, string quote)
    {
        SourceTexts.Should().ContainKey(source, "a citation names one of the source texts in rules/sources/");
        var text = SourceTexts[source];
        Normalise(text).Should().Contain(Normalise(quote), $"a quote must be verbatim from {source}");
        var section = source == "burnham-2009" ? Section(locator) : RegulationSection(text, locator);
        Normalise(section).Should().Contain(Normalise(quote), $"the quote must stand in '{locator}'");
    }

    [Test]
    public void RuleFiles_HoldQuotes()
    {
        var rules = FixtureTests.PackDirectories().Sum(d => RulePack.LoadFromDirectory(d, DefaultPackOnDisk.Options).Rules.Count);

        Quotes().Should().HaveCountGreaterThanOrEqualTo(rules, "every rule cites at least once");
    }

    [TestCase("psr-2023", "regulation 12(1)", "must not enter into the contract or conclude the framework agreement before the end of a standstill period")]
    [TestCase("psr-2023", "Schedule 3, paragraph 7", "A statement explaining the award decision-makers’ reasons for selecting the chosen provider, with reference to the key criteria.")]
    [TestCase("ppccr-2013", "regulation 5(1)", "capable of being provided only by that provider")]
    public void RegulationSection_NamesTheRegulationOrParagraph(string source, string locator, string quote)
    {
        Normalise(RegulationSection(SourceTexts[source], locator)).Should().Contain(Normalise(quote));
    }

    [TestCase("psr-2023", "regulation 13(1)", "must not enter into the contract or conclude the framework agreement before the end of a standstill period")]
    [TestCase("psr-2023", "Schedule 2, paragraph 7", "A statement explaining the award decision-makers’ reasons for selecting the chosen provider, with reference to the key criteria.")]
    public void RegulationSection_OfAnotherRegulation_DoesNotHoldTheQuote(string source, string locator, string quote)
    {
        Normalise(RegulationSection(SourceTexts[source], locator)).Should().NotContain(Normalise(quote));
    }

    /// <summary>
    /// The text a regulation locator names: "regulation 12(3)(a)" is regulation 12 (its "###### 12" heading to the next
    /// heading of that level, before the schedules); "Schedule 3, paragraph 7" is that paragraph of the schedule, and
    /// "Schedule 3" the whole schedule.
    /// </summary>
    private static string RegulationSection(string text, string locator)
    {
        var schedules = text.IndexOf("\n## SCHEDULE", StringComparison.Ordinal);
        var body = schedules < 0 ? text : text[..schedules];
        var regulation = RegulationLocator().Match(locator);
        if (regulation.Success)
        {
            return Part(body, "\n###### " + regulation.Groups["n"].Value + "\n", "\n###### ");
        }

        var schedule = ScheduleLocator().Match(locator);
        schedule.Success.Should().BeTrue($"locator '{locator}' must be 'regulation N...' or 'Schedule N' or 'Schedule N, paragraph M'");
        var whole = Part(text, "\n## SCHEDULE " + schedule.Groups["n"].Value + " ", "\n## SCHEDULE");
        return schedule.Groups["p"].Success ? Part(whole, "\n###### " + schedule.Groups["p"].Value + "\n", "\n###### ") : whole;
    }

    private static string Part(string text, string start, string next)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, $"the source must have a heading '{start.Trim()}'");
        var end = text.IndexOf(next, from + start.Length, StringComparison.Ordinal);
        return text[from..(end < 0 ? text.Length : end)];
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
        var written = Quotes().Select(t => Normalise((string)t.Arguments[2]!)).Order(StringComparer.Ordinal);
        var loaded = FixtureTests.PackDirectories().SelectMany(d => RulePack.LoadFromDirectory(d, DefaultPackOnDisk.Options).Rules);

        loaded.SelectMany(r => r.Citations).Select(c => c.Quote).Order(StringComparer.Ordinal).Should().Equal(written);
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

    private static IEnumerable<(string RuleId, long Line, string Source, string Locator, string Quote)> ReadCitations(string file)
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
                yield return (id, quote.Start.Line, ((YamlScalarNode)citation["source"]).Value!, ((YamlScalarNode)citation["locator"]).Value!, quote.Value!);
            }
        }
    }

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^regulation (?<n>\d+[A-Z]?)(\(|$| )")]
    private static partial Regex RegulationLocator();

    [GeneratedRegex(@"^Schedule (?<n>\d+)(, paragraph (?<p>\d+))?")]
    private static partial Regex ScheduleLocator();

    [GeneratedRegex(@"^Scenario (?<n>[1-6]), (?<part>process to be followed|oversight and assurance mechanisms)$")]
    private static partial Regex ScenarioLocator();
}
