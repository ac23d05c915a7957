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
