using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>The keys added for published notices (tender method and status, tenderers, awards, related processes) read and check like any other.</summary>
public class NoticeFactsFileTests
{
    [Test]
    public void ParseYaml_NoticeFacts_ReadIntoTheModel()
    {
        var procurement = ProcurementFile.ParseYaml("""
            id: notice
            tender:
              method: directProcedure
              status: tenderComplete
              eligibilityCriteria: CQC registration
              closingDate: 2025-07-14
              tenderers: [{ name: Alpha Care Ltd }]
              numberOfTenderers: 1
            awards:
              - { suppliers: [{ name: Alpha Care Ltd }], status: awardActive, date: 2025-06-12, value: { amount: 850000 }, signedDate: 2025-06-13, startDate: 2025-07-01, endDate: 2026-06-30 }
            relatedProcesses:
              - { relationship: framework, identifier: ocds-h6vhtk-03f9a0, url: "https://example.org/f" }
            """);

        procurement.Tender!.Method.Should().Be(TenderMethod.DirectProcedure);
        procurement.Tender.Status.Should().Be(TenderStatus.TenderComplete);
        procurement.Tender.ClosingDate.Should().Be(new DateOnly(2025, 7, 14));
        procurement.Awards!.Single().EndDate.Should().Be(new DateOnly(2026, 6, 30));
        procurement.RelatedProcesses!.Single().Relationship.Should().Be(ProcessRelationship.Framework);
    }

    [Test]
    public void ParseYaml_ImpossibleNoticeFacts_AreProblemsAtTheirPaths()
    {
        const string yaml = """
            id: notice
            tender:
              numberOfTenderers: 2
              finalStageBidders: 3
              tenderers: [{ name: " " }]
            awards:
              - { suppliers: [{ name: "" }], value: { amount: -1 }, startDate: 2025-07-01, endDate: 2025-06-30 }
            """;

        var problems = FluentActions.Invoking(() => ProcurementFile.ParseYaml(yaml, "n.yaml")).Should().Throw<ProcurementLoadException>().Which.Problems;

        problems.Select(p => p.Path).Should().BeEquivalentTo(
            "tender.finalStageBidders", "tender.tenderers[0].name", "awards[0].value.amount", "awards[0].endDate", "awards[0].suppliers[0].name");
        problems.Should().OnlyContain(p => p.Line != null);
    }

    [Test]
    public void ParseYaml_NegativeNumberOfTenderers_IsAProblem() =>
        FluentActions.Invoking(() => ProcurementFile.ParseYaml("id: x\ntender: { numberOfTenderers: -1 }")).Should().Throw<ProcurementLoadException>()
            .Which.Problems.Should().ContainSingle(p => p.Path == "tender.numberOfTenderers");
}
