namespace Procurement.Rules.Package.Tests;

/// <summary>
/// Runs the analyst sample, samples/analyst/check-cases.cs, as an analyst with a clone would: <c>dotnet run</c> on the file,
/// which inside the clone uses the library's source (samples/analyst/Directory.Build.targets). Each run starts in a
/// temporary folder, so the sample must find its cases relative to itself, not to the current folder. <c>--no-cache</c>:
/// a file-based app's cache does not notice a change in a referenced project, and these runs must use the tree's code.
/// (<see cref="AnalystScriptPackageTests"/> runs a copy outside the clone, from packages.)
/// </summary>
[TestFixture]
[Category("Samples")]
[NonParallelizable]
public class AnalystSampleTests
{
    private const string NhsOnlyRule = "fair-tender.nhs-only-needs-reason";
    private const string GreatYarmouth = "great-yarmouth-2009";

    private string _work = null!;

    [SetUp]
    public void CreateWorkFolder()
    {
        _work = Path.Combine(Path.GetTempPath(), "procurement-rules-analyst-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_work);
    }

    [TearDown]
    public void DeleteWorkFolder() => Directory.Delete(_work, recursive: true);

    [Test]
    public void AnalystSample_WithoutArguments_ChecksTheSampleCases()
    {
        var run = DotNetCli.Run(_work, "run", "--no-cache", RepoPaths.AnalystScript);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var lines = Lines(run.StdOut);
        lines.Should().Contain(l => l.StartsWith(GreatYarmouth + " ", StringComparison.Ordinal), "the table has a row for the sample case\n" + run);
        lines.Should().Contain($"{GreatYarmouth}: {NhsOnlyRule} [Critical]", "the 'NHS only' breach is listed\n" + run);
        lines.Should().Contain($"{GreatYarmouth}: fair-tender.eligibility-fixed-at-notice [Critical]", "the late narrowing is listed\n" + run);
        PackOf(lines, GreatYarmouth).Should().Be("burnham-2009", run.ToString());
        PackOf(lines, "cambridgeshire-unitingcare-2013").Should().Be("ppccr-2013", "a process commenced in 2013 is under the 2013 regulations\n" + run);
        PackOf(lines, "staffordshire-cancer-2013").Should().Be("ppccr-2013", run.ToString());
        lines.Should().Contain("5 case(s) checked, 0 not checked: no rule pack could be chosen.", run.ToString());

        // The tables and the page go to ./check-results (the current folder, not the script's).
        var results = Path.Combine(_work, "check-results");
        File.ReadLines(Path.Combine(results, "cases-by-rule.csv")).Should().Contain(l => l.StartsWith(GreatYarmouth + ",", StringComparison.Ordinal) && l.Contains("," + NhsOnlyRule + ",fair-tender,critical,breach,", StringComparison.Ordinal));
        File.ReadLines(Path.Combine(results, "cases-by-principle.csv")).Should().Contain(l => l.StartsWith(GreatYarmouth + ",", StringComparison.Ordinal) && l.Contains(",fair-tender,", StringComparison.Ordinal) && l.Contains(",breach,", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(results, "cases.html")).Should().Contain("<a href=\"#c").And.Contain(">" + GreatYarmouth + "</a>");
    }

    [Test]
    public void AnalystSample_WithAFolder_ChecksItsFilesAndSeparatesBreachesFromCompliance()
    {
        // Two cases: Great Yarmouth as reported, and the same tender with a clinical reason recorded for 'NHS only'.
        var text = File.ReadAllText(RepoPaths.GreatYarmouth);
        text.Should().Contain("kind: policy").And.Contain($"id: {GreatYarmouth}\n");
        var cases = Path.Combine(_work, "cases");
        Directory.CreateDirectory(cases);
        File.WriteAllText(Path.Combine(cases, "a.yaml"), text);
        File.WriteAllText(
            Path.Combine(cases, "b.yaml"),
            text.Replace("kind: policy", "kind: clinical", StringComparison.Ordinal).Replace($"id: {GreatYarmouth}\n", "id: clinical-reason\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(cases, "notes.txt"), "not a case file");

        var run = DotNetCli.Run(_work, "run", "--no-cache", RepoPaths.AnalystScript, "cases");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var lines = Lines(run.StdOut);
        lines.Should().Contain(l => l.StartsWith("Checking 2 case file(s)", StringComparison.Ordinal), "only the .yaml files are read\n" + run);
        lines.Should().Contain(l => l.StartsWith("clinical-reason ", StringComparison.Ordinal), "the table has a row for each case\n" + run);
        lines.Should().Contain($"{GreatYarmouth}: {NhsOnlyRule} [Critical]", run.ToString());
        lines.Should().NotContain($"clinical-reason: {NhsOnlyRule} [Critical]", "a clinical reason meets the rule\n" + run);
        lines.Should().Contain("clinical-reason: fair-tender.eligibility-fixed-at-notice [Critical]", "the eligibility was still narrowed after the notice\n" + run);
    }

    [Test]
    public void AnalystSample_WithAnInvalidFile_ReportsItAndExitsOne()
    {
        var cases = Path.Combine(_work, "cases");
        Directory.CreateDirectory(cases);
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(cases, "a.yaml"));
        File.WriteAllText(Path.Combine(cases, "broken.yaml"), "id: broken\ntender:\n  eligibility: nhsOnlyy\n");

        var run = DotNetCli.Run(_work, "run", "--no-cache", RepoPaths.AnalystScript, cases);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        run.StdErr.Should().Contain("Skipped broken.yaml", run.ToString());
        Lines(run.StdOut).Should().Contain($"{GreatYarmouth}: {NhsOnlyRule} [Critical]", "the valid case is still checked\n" + run);
    }

    [Test]
    public void AnalystSample_WithACaseNoPackCanBeChosenFor_ListsItWithTheReasonAndCountsIt()
    {
        var cases = Path.Combine(_work, "cases");
        Directory.CreateDirectory(cases);
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(cases, "a.yaml"));
        File.WriteAllText(Path.Combine(cases, "b.yaml"), "id: nothing-recorded\n");

        var run = DotNetCli.Run(_work, "run", "--no-cache", RepoPaths.AnalystScript, cases);

        Assert.That(run.ExitCode, Is.EqualTo(0), "a case no pack could be chosen for is a finding, not an error\n" + run);
        var lines = Lines(run.StdOut);
        var at = lines.FindIndex(l => l.StartsWith("nothing-recorded ", StringComparison.Ordinal));
        at.Should().BeGreaterThanOrEqualTo(0, run.ToString());
        lines[at].Should().EndWith("not checked: no rule pack could be chosen (Ambiguous)");
        lines[at + 1].Should().StartWith("  ").And.Contain("processCommenced", "the selection's reason follows, saying what to record\n" + run);
        lines.Should().Contain("1 case(s) checked, 1 not checked: no rule pack could be chosen.", run.ToString());
        var html = File.ReadAllText(Path.Combine(_work, "check-results", "cases.html"));
        html.Should().Contain("1 case not checked: no rule pack could be chosen").And.Contain(">nothing-recorded</a>");
    }

    /// <summary>The pack column of the case's line in the script's table.</summary>
    private static string? PackOf(List<string> lines, string caseId) =>
        lines.FirstOrDefault(l => l.StartsWith(caseId + " ", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
}
