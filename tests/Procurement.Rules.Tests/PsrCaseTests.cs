using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// The later regimes' cases from plain descriptions: the Provider Selection Regime's (<c>samples/psr/</c>) and the 2013
/// regulations' (<c>samples/ppccr/</c>). Each <c>NN-name.md</c> describes a procurement in plain words, with the
/// principle-level verdicts the regulations imply, written from the regulations alone; its sibling <c>NN-name.yaml</c>
/// was written later from the description by someone who had read only the docs. Each case must be checked against its
/// folder's pack by automatic selection, and get the verdicts its description implies.
/// </summary>
public class PsrCaseTests
{
    /// <summary>Each folder of later-regime cases, with the pack automatic selection must choose for every case in it.</summary>
    private static readonly (string Folder, string Pack, string Label)[] Folders =
    [
        ("psr", "psr-2023", "PSR"),
        ("ppccr", "ppccr-2013", "2013 regulations"),
    ];

    public static IEnumerable<TestCaseData> Descriptions() =>
        Folders.SelectMany(folder => Files(folder.Folder).Select(f => new TestCaseData(folder.Folder, folder.Pack, Path.GetFileName(f))
            .SetName($"{folder.Label} case {Path.GetFileNameWithoutExtension(f)} gets the verdicts its description implies")));

    [TestCaseSource(nameof(Descriptions))]
    public void LaterRegimeCase_CaseFileWrittenBlind_IsCheckedAgainstItsPackAndGetsTheVerdictsItsDescriptionImplies(string folder, string pack, string file)
    {
        var description = ProseCaseTests.ProseCase.Read(Path.Combine(RepoPaths.Samples, folder, file));
        var selection = RulePack.Select(ProcurementFile.Load(description.CaseFile));
        selection.Pack?.Id.Should().Be(pack, selection.Reason);

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

    [Test]
    public void PpccrCases_AreThere()
    {
        Files("ppccr").Should().HaveCountGreaterThanOrEqualTo(3, "the 2013 regulations have cases from plain descriptions too");
    }

    private static IEnumerable<string> Files() => Files("psr");

    private static IEnumerable<string> Files(string folder) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, folder), "*.md").Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal);
}
