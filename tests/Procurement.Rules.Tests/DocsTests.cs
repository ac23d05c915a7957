using System.Reflection;
using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>The reference docs stay in step with the model and the expression vocabulary.</summary>
public class DocsTests
{
    private static readonly string ProcurementFiles = File.ReadAllText(Path.Combine(RepoPaths.Docs, "procurement-files.md"));
    private static readonly string WritingRules = File.ReadAllText(Path.Combine(RepoPaths.Docs, "writing-rules.md"));

    private static IEnumerable<Type> ModelTypes => typeof(ProposedProcurement).Assembly.GetExportedTypes();

    [Test]
    public void ProcurementFilesDoc_NamesEveryKey()
    {
        var keys = ModelTypes.Where(t => !t.IsEnum)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
            .Select(p => "`" + char.ToLowerInvariant(p.Name[0]) + p.Name[1..] + "`")
            .Distinct();

        ProcurementFiles.Should().ContainAll(keys);
    }

    [Test]
    public void ProcurementFilesDoc_NamesEveryEnumValue()
    {
        // DatePrecision and DateRelation are never written as values: a date's precision and relation are read from how it
        // is written (docs: Dates).
        var values = ModelTypes.Where(t => t.IsEnum && t != typeof(DatePrecision) && t != typeof(DateRelation))
            .SelectMany(Enum.GetNames)
            .Select(n => "`" + char.ToLowerInvariant(n[0]) + n[1..] + "`");

        ProcurementFiles.Should().ContainAll(values);
    }

    [Test]
    public void ProcurementFilesDoc_DatesSection_EveryDateItShowsReadsBackAsWritten()
    {
        var start = ProcurementFiles.IndexOf("## Dates", StringComparison.Ordinal);
        var end = ProcurementFiles.IndexOf("## Keys", start, StringComparison.Ordinal);
        var shown = System.Text.RegularExpressions.Regex.Matches(
                ProcurementFiles[start..end],
                @"`(?<date>\d{4}(?:-\d\d){0,2}|(?:on or )?(?:before|after) [^`]+|between [^`]+)`")
            .Select(m => m.Groups["date"].Value)
            .ToList();

        shown.Should().Contain("between 2010-01-01 and 2010-03-31").And.Contain("on or before 2010-08-31", "the vague words' table");
        foreach (var date in shown)
        {
            EventDate.TryParse(date, out var parsed).Should().BeTrue($"the docs show '{date}' as a date");
            parsed.ToString().Should().Be(date);
        }
    }

    [Test]
    public void ProcurementFilesDoc_PsrWorkedExample_LoadsAndIsCheckedAgainstThePsrAsAmendedIn2025()
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            ProcurementFiles.ReplaceLineEndings("\n"), "<!-- psr-guide-case -->\n```yaml\n(?<case>.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        match.Success.Should().BeTrue("the PSR worked example is marked");

        var procurement = Procurement.Rules.ProcurementFile.ParseYaml(match.Groups["case"].Value, "procurement-files.md");
        var selection = RulePack.Select(procurement);
        var report = selection.Check();

        selection.Status.Should().Be(PackSelectionStatus.Selected);
        selection.Pack!.Id.Should().Be("psr-2023");
        report.Version!.Name.Should().Be("2025-02-24", "the process commenced on 2 June 2025");
        procurement.Selection!.Process.Should().Be(SelectionProcess.DirectAwardProcessC);
    }

    [Test]
    public void WritingRulesDoc_NamesEveryHelper()
    {
        var helpers = typeof(RulePack).Assembly.GetType("Procurement.Rules.Expressions.RuleScope")!
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => "`" + m.Name + "(")
            .Distinct();

        WritingRules.Should().ContainAll(helpers);
    }

    [Test]
    public void ChoosingAPackDoc_EveryExample_IsWhatRulePackSelectSays()
    {
        // Each example is a marker naming the status and pack the page states, the case file, and the selection as
        // PackSelection.ToString() prints it: <!-- selection: Selected psr-2023 -->, ```yaml ...```, ```text ...```.
        var page = File.ReadAllText(Path.Combine(RepoPaths.Docs, "choosing-a-pack.md")).ReplaceLineEndings("\n");
        var examples = System.Text.RegularExpressions.Regex.Matches(
                page,
                @"<!-- selection: (?<status>\w+)(?: (?<pack>[\w-]+))? -->\n```yaml\n(?<case>.*?)```\n+```text\n(?<said>.*?)\n```",
                System.Text.RegularExpressions.RegexOptions.Singleline)
            .ToList();

        examples.Select(m => m.Groups["status"].Value).Distinct().Should().BeEquivalentTo(
            Enum.GetNames<PackSelectionStatus>(), "the page shows a worked example of every status");
        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var example in examples)
            {
                var procurement = Procurement.Rules.ProcurementFile.ParseYaml(example.Groups["case"].Value, "choosing-a-pack.md");
                var selection = RulePack.Select(procurement);
                var id = procurement.Id;

                selection.Status.ToString().Should().Be(example.Groups["status"].Value, $"the page says so of {id}");
                (selection.Pack?.Id ?? string.Empty).Should().Be(example.Groups["pack"].Value, $"the page says so of {id}");
                selection.ToString().Should().Be(example.Groups["said"].Value, $"the page shows what the selection of {id} says");
            }
        }

        // <!-- report-of: id -->, then a text block: every line of it is a line of that example's report.
        var excerpts = System.Text.RegularExpressions.Regex.Matches(page, @"<!-- report-of: (?<id>[\w-]+) -->\n```text\n(?<lines>.*?)\n```", System.Text.RegularExpressions.RegexOptions.Singleline);
        excerpts.Should().NotBeEmpty("the page shows the first lines of a report");
        foreach (System.Text.RegularExpressions.Match excerpt in excerpts)
        {
            var example = examples.Single(m => m.Groups["case"].Value.Contains("id: " + excerpt.Groups["id"].Value + "\n", StringComparison.Ordinal));
            var report = RulePack.Select(Procurement.Rules.ProcurementFile.ParseYaml(example.Groups["case"].Value)).Check().ToString().ReplaceLineEndings("\n").Split('\n');
            report.Should().Contain(excerpt.Groups["lines"].Value.Split('\n'), "the page shows these lines of the report");
        }
    }

    [Test]
    public void ChoosingAPackDoc_RegimesTable_StatesEachPacksPeriodDecidingDateAndCommissioners()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Docs, "choosing-a-pack.md")).ReplaceLineEndings("\n");
        var rows = System.Text.RegularExpressions.Regex.Matches(page, @"^\| `(?<id>[\w-]+)` \|(?<cells>.*)\|$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Where(m => RulePack.EmbeddedPackIds.Contains(m.Groups["id"].Value))
            .GroupBy(m => m.Groups["id"].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups["cells"].Value.Split('|').Select(c => c.Trim()).ToArray());

        rows.Keys.Should().BeEquivalentTo(RulePack.EmbeddedPackIds, "the table has a row for every embedded pack");
        foreach (var (id, cells) in rows)
        {
            var pack = RulePack.GetEmbedded(id);
            string Day(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

            // cells: what it encodes, period, decided by, commissioners, catalogue
            cells[1].Should().Contain(Day(pack.InForceFrom), $"{id}'s period starts then");
            if (pack.InForceUntil is { } until)
            {
                cells[1].Should().Contain(Day(until), $"{id}'s period ends then");
            }
            else
            {
                cells[1].Should().Contain("no end");
            }

            cells[2].Should().StartWith(pack.DecidedBy == DecidingDate.Decision ? "the decision date" : "when the process commenced");
            cells[3].Should().Be(string.Join(", ", pack.AppliesTo.Select(k => "`" + char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..] + "`")));
        }
    }

    [Test]
    public void PackageReadmes_LinkOnlyAbsolutely_SoTheyWorkOnAPackagePage()
    {
        var readmes = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "README.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        readmes.Should().HaveCountGreaterThanOrEqualTo(4, "every packable project has its own README");
        foreach (var readme in readmes)
        {
            var links = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(readme), @"\]\((?<target>[^)\s]+)\)")
                .Select(m => m.Groups["target"].Value);
            links.Should().OnlyContain(t => t.StartsWith("https://", StringComparison.Ordinal), $"{readme} is shown on a package page, where relative links break");
        }
    }
}
