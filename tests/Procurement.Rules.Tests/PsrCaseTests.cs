using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// The Provider Selection Regime's cases from plain descriptions (<c>samples/psr/</c>): each <c>NN-name.md</c> describes a
/// procurement in plain words, with the principle-level verdicts the regulations imply, written from the regulations
/// alone; its sibling <c>NN-name.yaml</c> was written later from the description by someone who had read only the docs.
/// Each case must be checked against the PSR by automatic selection, and get the verdicts its description implies.
/// </summary>
public class PsrCaseTests
{
    private static string Directory => Path.Combine(RepoPaths.Samples, "psr");

    public static IEnumerable<TestCaseData> Descriptions() =>
        Files().Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"PSR case {Path.GetFileNameWithoutExtension(f)} gets the verdicts its description implies"));

    [TestCaseSource(nameof(Descriptions))]
    public void PsrCase_CaseFileWrittenBlind_IsCheckedAgainstThePsrAndGetsTheVerdictsItsDescriptionImplies(string file)
    {
        var description = ProseCaseTests.ProseCase.Read(Path.Combine(Directory, file));
        var selection = RulePack.Select(ProcurementFile.Load(description.CaseFile));
        selection.Pack?.Id.Should().Be("psr-2023", selection.Reason);

        var report = selection.Check();

        var wrong = description.Verdicts
            .Select(v => (v.Principle, v.Expected, Actual: report.VerdictFor(v.Principle)?.Kind, v.Why))
            .Where(v => v.Actual != v.Expected)
            .Select(v => $"{v.Principle}: expected {v.Expected}, got {v.Actual} ({v.Why}){Environment.NewLine}    "
                + string.Join("; ", report.VerdictFor(v.Principle)?.DecidedBy.Select(o => $"{o.Rule.Id} {o.Kind}: {o.Message}") ?? []))
            .ToList();
        var unlistedBreaches = report.Verdicts
            .Where(v => v.Kind == OutcomeKind.Breach && description.Verdicts.All(e => e.Principle != v.Principle.Key))
            .Select(v => $"{v.Principle.Key}: breach not implied by the description: {string.Join("; ", v.DecidedBy.Where(o => o.Kind == OutcomeKind.Breach).Select(o => o.Message))}")
            .ToList();

        wrong.Concat(unlistedBreaches).Should().BeEmpty($"{file} was checked through {Path.GetFileName(description.CaseFile)}");
    }

    [Test]
    public void PsrCases_CoverTheProcessesTheIssueNames()
    {
        var processes = Files().Select(f => ProcurementFile.Load(Path.ChangeExtension(f, ".yaml")).Selection?.Process).ToHashSet();

        processes.Should().Contain(new SelectionProcess?[]
        {
            SelectionProcess.DirectAwardProcessC, SelectionProcess.MostSuitableProviderProcess, SelectionProcess.CompetitiveProcess,
            SelectionProcess.CallOffWithoutCompetition,
        });
        Files().Should().HaveCountGreaterThanOrEqualTo(4);
    }

    private static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.md").Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal);
}
