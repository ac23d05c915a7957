using System.Text.RegularExpressions;
using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// The examples a new user copies from: the README's "Describe a procurement" file is the sample it names, and the
/// prose-to-case guide's case file in docs/procurement-files.md loads and gets the outcomes the guide states.
/// </summary>
public partial class DescribeAProcurementTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
    private static readonly string ProcurementFiles = File.ReadAllText(Path.Combine(RepoPaths.Docs, "procurement-files.md")).ReplaceLineEndings("\n");

    [Test]
    public void ReadmeDescribeAProcurement_IsTheSampleItNames_ByteForByte()
    {
        var section = Section(Readme, "## Describe a procurement");
        var named = SamplePath().Match(section);
        named.Success.Should().BeTrue("the section names the sample file it shows");
        var block = YamlBlock().Match(section);
        block.Success.Should().BeTrue("the section shows a YAML block");

        // Normalisation: line endings only (a checkout on Windows may give the file CRLF).
        var file = File.ReadAllText(Path.Combine(RepoPaths.Root, named.Groups["path"].Value)).ReplaceLineEndings("\n");

        block.Groups["body"].Value.Should().Be(file);
    }

    [Test]
    public void ProseGuide_StatesOutcomes_ForRulesOfThePack()
    {
        var stated = StatedOutcomes();

        stated.Should().HaveCountGreaterThanOrEqualTo(4);
        stated.Keys.Should().BeSubsetOf(RulePack.Default.Rules.Select(r => r.Id));
        stated.Values.Should().Contain(OutcomeKind.Breach).And.Contain(OutcomeKind.Compliant).And.Contain(OutcomeKind.Undetermined);
    }

    [Test]
    public void ProseGuide_CaseFile_LoadsAndGetsTheOutcomesTheGuideStates()
    {
        // The guide's file writes dates as precise as the prose: "2009-07", "before 2010-03-01", and no date at all.
        var procurement = ProcurementFile.ParseYaml(GuideCase(), "procurement-files.md");
        var report = RulePack.Default.Check(procurement);

        foreach (var (rule, kind) in StatedOutcomes())
        {
            var outcome = report.Outcomes.Single(o => o.Rule.Id == rule);
            outcome.Kind.Should().Be(kind, $"the guide says {rule} is {kind}: {outcome}");
        }
    }

    [Test]
    public void ProseGuide_CaseFile_RecordsWhatTheGuideTeaches()
    {
        var text = GuideCase();

        // The sentences the guide walks through, each recorded the way the guide says.
        text.Should().Contain("provider: { kind: nhs }", "an NHS trust of unknown type, not named");
        text.Should().Contain("date: 2009-07,", "a month is a month");
        text.Should().Contain("date: before 2010-03-01,", "'before the notice' is a bound");
        text.Should().Contain("- { kind: oversightSignOff, body: shaAssurance }", "a sign-off with no date has no date");
        text.Should().Contain("annualValue: { amount: 1200000 }").And.NotContain("value: { amount: 3600000 }");
        text.Should().Contain("decisionDate: 2010-02-10").And.Contain("{ date: 2010-02-10, kind: tenderDecision, party: PCT Board }");
        text.Should().Contain("{ date: 2010-02-10, kind: oversightSignOff, body: pctBoard }", "a decision by the PCT Board is also its sign-off");
        text.Should().NotContain("significantUnderperformance", "a fact the prose does not give is left out");
    }

    private static string GuideCase()
    {
        var at = ProcurementFiles.IndexOf("<!-- prose-guide-case -->", StringComparison.Ordinal);
        at.Should().BeGreaterThan(0, "the guide marks its case file");
        return YamlBlock().Match(ProcurementFiles, at).Groups["body"].Value;
    }

    private static Dictionary<string, OutcomeKind> StatedOutcomes()
    {
        var start = ProcurementFiles.IndexOf("<!-- prose-guide-verdicts -->", StringComparison.Ordinal);
        var end = ProcurementFiles.IndexOf("<!-- /prose-guide-verdicts -->", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        end.Should().BeGreaterThan(start);
        return StatedOutcome().Matches(ProcurementFiles[start..end]).ToDictionary(
            m => m.Groups["rule"].Value,
            m => m.Groups["kind"].Value switch
            {
                "breach" => OutcomeKind.Breach,
                "compliant" => OutcomeKind.Compliant,
                "undetermined" => OutcomeKind.Undetermined,
                _ => OutcomeKind.NotApplicable,
            });
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the document has '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex("```yaml\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex("\\[`(?<path>samples/cases/[a-z0-9-]+\\.yaml)`\\]")]
    private static partial Regex SamplePath();

    [GeneratedRegex("^- `(?<rule>[a-z0-9.-]+)`: (?<kind>breach|compliant|undetermined|not applicable)\\.", RegexOptions.Multiline)]
    private static partial Regex StatedOutcome();
}
