namespace Procurement.Rules.Tests;

/// <summary>
/// A notice's <c>includes</c>, or the commissioner's <c>recordKept</c>, known only in part (<c>includesComplete: false</c>,
/// <c>recordKeptComplete: false</c>; the fifteenth and seventeenth blind runs): an item not listed is unknown, never
/// absent, and the file must say what the flag is about.
/// </summary>
public class PartlyKnownListTests
{
    private const string NoticeContents = "advertising.notice-contents";

    private static CheckReport Check(string includesComplete) => RulePack.GetEmbedded("ppccr-2013").Check(ProcurementFile.ParseYaml(
        $$"""
        id: notice
        commissioner: { name: NHS Example CCG, kind: ccg }
        timeline:
          - { date: 2016-03-03, kind: processCommenced }
          - { date: 2016-03-03, kind: noticePublished, includes: [evaluationCriteriaStated]{{includesComplete}} }
        timelineCompleteFor: [noticePublished]
        """,
        "notice.yaml"));

    [Test]
    public void Check_ItemMissingFromACompleteList_IsABreach()
    {
        Check(string.Empty).For(NoticeContents)!.Kind.Should().Be(OutcomeKind.Breach);
    }

    [Test]
    public void Check_ItemMissingFromAPartList_IsUndeterminedNamingTheContents()
    {
        var outcome = Check(", includesComplete: false").For(NoticeContents)!;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().Contain("includes");
    }

    [Test]
    public void Load_IncludesCompleteWithoutIncludes_IsAProblem()
    {
        var act = () => ProcurementFile.ParseYaml(
            "id: x\ntimeline:\n  - { date: 2016-03-03, kind: noticePublished, includesComplete: false }\n", "flag-only.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.Path.Should().Be("timeline[0].includesComplete");
    }

    [Test]
    public void Load_RecordKeptCompleteWithoutRecordKept_IsAProblem()
    {
        var act = () => ProcurementFile.ParseYaml("id: x\nselection: { recordKeptComplete: false }\n", "flag-only.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.Path.Should().Be("selection.recordKeptComplete");
    }
}
