using Procurement.Model;
using Procurement.Rules.Ocds;

namespace Procurement.Rules.Tests.Ocds;

/// <summary>OCDS import: one test per rule of the mapping table in docs/ocds.md, the file shapes, merging and errors.</summary>
public class OcdsReaderTests
{
    private static readonly string OcdsSamples = Path.Combine(RepoPaths.Samples, "ocds");

    private static ProposedProcurement One(string json) => OcdsReader.Parse(json, "test.json").Single();

    /// <summary>A release with the given tender (and other top-level) JSON.</summary>
    private static string Release(string tender = "{ \"id\": \"t\" }", string extra = "", string tag = "tender", string date = "2025-06-02T09:00:00Z", string id = "r1", string ocid = "ocds-x-1") =>
        $$"""
        {
          "ocid": "{{ocid}}", "id": "{{id}}", "date": "{{date}}", "tag": ["{{tag}}"], "initiationType": "tender",
          "tender": {{tender}}{{(extra.Length > 0 ? "," + extra : string.Empty)}}
        }
        """;

    private static string Package(params string[] releases) => $$"""{ "uri": "https://example.org/p", "version": "1.1", "releases": [{{string.Join(",", releases)}}] }""";

    private static ProposedProcurement Sample(string file, string ocid) => OcdsReader.Load(Path.Combine(OcdsSamples, file)).Single(p => p.Id == ocid);

    // ---- Mapping rules ----

    [Test]
    public void Ocid_BecomesTheId() => One(Release(ocid: "ocds-h6vhtk-000001")).Id.Should().Be("ocds-h6vhtk-000001");

    [Test]
    public void TenderTitle_BecomesTheTitle() => One(Release("""{ "id": "t", "title": "Community podiatry" }""")).Title.Should().Be("Community podiatry");

    [Test]
    public void Buyer_BecomesTheCommissioner_ByNameOrPartyReference()
    {
        One(Release(extra: """ "buyer": { "name": "NHS Westmoor ICB" } """)).Commissioner!.Name.Should().Be("NHS Westmoor ICB");
        One(Release(extra: """ "buyer": { "id": "B" }, "parties": [ { "id": "B", "name": "Westmoor Council", "roles": ["buyer"] } ] """))
            .Commissioner.Should().Be(new Commissioner { Name = "Westmoor Council" });
        One(Release(extra: """ "parties": [ { "id": "B", "name": "Eastshire PCT", "roles": ["buyer"] } ] """)).Commissioner!.Name.Should().Be("Eastshire PCT");
        One(Release()).Commissioner.Should().BeNull();
    }

    [TestCase("NHS Westmoor Integrated Care Board", CommissionerKind.Icb)]
    [TestCase("NHS Westmoor ICB", CommissionerKind.Icb)]
    [TestCase("NHS Eastshire Clinical Commissioning Group", CommissionerKind.Ccg)]
    [TestCase("Great Yarmouth and Waveney PCT", CommissionerKind.Pct)]
    [TestCase("NHS England", null)]
    [TestCase("Westmoor County Council", null)]
    public void CommissionerKind_FromTheStatutoryName_OtherwiseNotRecorded(string name, CommissionerKind? kind) =>
        One(Release(extra: $$""" "buyer": { "name": "{{name}}" } """)).Commissioner!.Kind.Should().Be(kind);

    [TestCase("open", TenderMethod.OpenProcedure, ProcurementRoute.OpenTender)]
    [TestCase("selective", TenderMethod.SelectiveProcedure, ProcurementRoute.RestrictedTender)]
    [TestCase("limited", TenderMethod.LimitedProcedure, null)]
    [TestCase("direct", TenderMethod.DirectProcedure, ProcurementRoute.DirectAward)]
    public void ProcurementMethod_BecomesMethodAndRoute(string method, TenderMethod expected, ProcurementRoute? route)
    {
        var tender = One(Release($$"""{ "id": "t", "procurementMethod": "{{method}}" }""")).Tender!;

        tender.Method.Should().Be(expected);
        tender.Route.Should().Be(route);
    }

    [Test]
    public void ProcurementMethodDetails_CompetitiveDialogue_GivesThatRoute() =>
        One(Release("""{ "id": "t", "procurementMethod": "selective", "procurementMethodDetails": "Competitive dialogue" }""")).Tender!.Route
            .Should().Be(ProcurementRoute.CompetitiveDialogue);

    [Test]
    public void ProcurementMethodRationale_BecomesRouteJustification_OfKindOtherReason()
    {
        One(Release("""{ "id": "t", "procurementMethodRationale": "Only one provider can start in time." }""")).Tender!.RouteJustification
            .Should().Be(new Justification { Kind = JustificationKind.OtherReason, Text = "Only one provider can start in time." });
        One(Release()).Tender!.RouteJustification.Should().BeNull();
    }

    [Test]
    public void TenderStatus_BecomesStatus() =>
        One(Release("""{ "id": "t", "status": "cancelled" }""")).Tender!.Status.Should().Be(TenderStatus.TenderCancelled);

    [Test]
    public void EligibilityCriteria_KeptAsWords_EligibilityNeverReadFromThem()
    {
        var tender = One(Release("""{ "id": "t", "eligibilityCriteria": "NHS providers only." }""")).Tender!;

        tender.EligibilityCriteria.Should().Be("NHS providers only.");
        tender.Eligibility.Should().BeNull();
        tender.EligibilityJustification.Should().BeNull();
    }

    [Test]
    public void TenderPeriodEnd_BecomesClosingDate_AsWrittenInItsOffset() =>
        One(Release("""{ "id": "t", "tenderPeriod": { "startDate": "2025-06-02T09:00:00+01:00", "endDate": "2025-07-14T23:30:00-05:00" } }""")).Tender!.ClosingDate
            .Should().Be(new DateOnly(2025, 7, 14));

    [TestCase("\"awardCriteria\": \"ratedCriteria\"", true)]
    [TestCase("\"awardCriteriaDetails\": \"Quality 70%, price 30%\"", true)]
    [TestCase("\"documents\": [ { \"id\": \"d\", \"documentType\": \"evaluationCriteria\", \"title\": \"Evaluation\" } ]", true)]
    [TestCase("\"documents\": [ { \"id\": \"d\", \"documentType\": \"tenderNotice\", \"title\": \"Notice\" } ]", null)]
    public void AwardCriteriaOrEvaluationDocument_GivesCriteriaPublished_OtherwiseNotRecorded(string field, bool? published) =>
        One(Release($$"""{ "id": "t", {{field}} }""")).Tender!.CriteriaPublished.Should().Be(published);

    [Test]
    public void Tenderers_FromTheTender_ElseFromPartiesWithRoleTenderer()
    {
        One(Release("""{ "id": "t", "tenderers": [ { "id": "A", "name": "Alpha Care Ltd" } ] }""")).Tender!.Tenderers!.Select(t => t.Name).Should().Equal("Alpha Care Ltd");
        One(Release(extra: """ "parties": [ { "id": "B", "name": "Beta NHS Trust", "roles": ["tenderer"] }, { "id": "C", "name": "Westmoor ICB", "roles": ["buyer"] } ] """))
            .Tender!.Tenderers.Should().Equal(new Provider { Name = "Beta NHS Trust", Kind = ProviderKind.NhsTrust });
        One(Release()).Tender!.Tenderers.Should().BeNull("an absent array is not recorded, never recorded as none");
    }

    [Test]
    public void NumberOfTenderers_IsPublishedNumber_ElseTheTenderersCount()
    {
        One(Release("""{ "id": "t", "numberOfTenderers": 4, "tenderers": [ { "name": "A" } ] }""")).Tender!.NumberOfTenderers.Should().Be(4);
        One(Release("""{ "id": "t", "tenderers": [ { "name": "A" }, { "name": "B" } ] }""")).Tender!.NumberOfTenderers.Should().Be(2);
        One(Release()).Tender!.NumberOfTenderers.Should().BeNull();
    }

    [TestCase(1, "active", 1)]
    [TestCase(2, "active", null)]
    [TestCase(1, "pending", null)]
    public void SingleBidWithActiveAward_GivesOneFinalStageBidder(int bids, string status, int? finalStage) =>
        One(Release($$"""{ "id": "t", "numberOfTenderers": {{bids}} }""", $$""" "awards": [ { "id": "a", "status": "{{status}}", "suppliers": [ { "name": "Alpha Care Ltd" } ] } ] """))
            .Tender!.FinalStageBidders.Should().Be(finalStage);

    [Test]
    public void DirectAward_DecisionDateIsTheAwardDecision_OtherwiseNotRecorded()
    {
        const string awards = """ "awards": [ { "id": "a", "status": "pending", "date": "2025-06-27T00:00:00+01:00" } ] """;
        One(Release("""{ "id": "t", "procurementMethod": "direct" }""", awards)).DecisionDate.Should().Be(new DateOnly(2025, 6, 27));
        One(Release("""{ "id": "t", "procurementMethod": "open" }""", awards)).DecisionDate.Should().BeNull();
    }

    [Test]
    public void TenderValue_BecomesValue_ElseTheOnlyAwardsValue()
    {
        One(Release("""{ "id": "t", "value": { "amount": 6300000, "currency": "GBP" } }""")).Value.Should().Be(new Money { Amount = 6300000m });
        One(Release(extra: """ "awards": [ { "id": "a", "value": { "amount": 850000.5, "currency": "EUR" } } ] """)).Value.Should().Be(new Money { Amount = 850000.5m, Currency = "EUR" });
    }

    [Test]
    public void ContractPeriod_BecomesTermMonths_InWholeMonths()
    {
        One(Release("""{ "id": "t", "contractPeriod": { "startDate": "2026-04-01T00:00:00+01:00", "endDate": "2029-03-31T23:59:59+01:00" } }""")).TermMonths.Should().Be(36);
        One(Release("""{ "id": "t", "contractPeriod": { "startDate": "2026-04-01T00:00:00Z", "endDate": "2026-05-15T00:00:00Z" } }""")).TermMonths.Should().Be(1);
        One(Release(extra: """ "awards": [ { "id": "a", "contractPeriod": { "startDate": "2025-07-01T00:00:00Z", "endDate": "2026-06-30T00:00:00Z" } } ] """)).TermMonths.Should().Be(12);
    }

    [TestCase("open", 1)]
    [TestCase("selective", 1)]
    [TestCase("limited", 0)]
    [TestCase("direct", 0)]
    public void TenderRelease_OfACompetition_GivesNoticePublished(string method, int notices) =>
        (One(Release($$"""{ "id": "t", "procurementMethod": "{{method}}" }""")).Timeline ?? []).Where(e => e.Kind == EventKind.NoticePublished)
            .Select(e => e.Date).Should().Equal(Enumerable.Repeat(EventDate.On(new DateOnly(2025, 6, 2)), notices));

    [Test]
    public void ActiveAward_GivesContractAwarded_WithItsSuppliers()
    {
        var timeline = One(Release(extra: """
            "parties": [ { "id": "S", "name": "Westmoor Community Health NHS Trust", "roles": ["supplier"] } ],
            "awards": [
              { "id": "a", "status": "active", "date": "2025-10-14T00:00:00+01:00", "suppliers": [ { "id": "S" } ] },
              { "id": "b", "status": "pending", "date": "2025-10-15T00:00:00+01:00", "suppliers": [ { "id": "S" } ] }
            ]
            """)).Timeline!;

        timeline.Should().Equal(new TimelineEvent { Date = new DateOnly(2025, 10, 14), Kind = EventKind.ContractAwarded, Party = "Westmoor Community Health NHS Trust", PartyKind = ProviderKind.NhsTrust });
    }

    [Test]
    public void Cancellation_GivesProcurementWithdrawn_OnTheCancellingReleasesDate()
    {
        var procurement = One(Package(
            Release("""{ "id": "t", "status": "active", "procurementMethod": "open" }""", id: "r1"),
            Release("""{ "id": "t", "status": "cancelled" }""", tag: "tenderCancellation", id: "r2", date: "2025-09-15T15:10:00+01:00")));

        procurement.Timeline!.Where(e => e.Kind == EventKind.ProcurementWithdrawn).Select(e => e.Date).Should().Equal(new DateOnly(2025, 9, 15));
        procurement.Tender!.Status.Should().Be(TenderStatus.TenderCancelled);
    }

    [Test]
    public void TerminatedContract_GivesContractTerminated_OnTheTerminationReleasesDate() =>
        Sample("record-package.ocds.json", "ocds-h6vhtk-04d6a2").Timeline!.Where(e => e.Kind == EventKind.ContractTerminated).Select(e => e.Date)
            .Should().Equal(new DateOnly(2025, 8, 29));

    [Test]
    public void PlanningRationale_BecomesARationaleDocument_DatedByTheFirstReleaseThatPublishedIt()
    {
        var procurement = Sample("record-package.ocds.json", "ocds-h6vhtk-05f1a7");

        procurement.RationaleDocuments.Should().ContainSingle().Which.Date.Should().Be(new DateOnly(2025, 5, 19));
        procurement.RationaleDocuments![0].Title.Should().StartWith("Planning rationale: Three practices have handed back");
    }

    [Test]
    public void NeedsAssessmentDocument_BecomesANeedsAssessment()
    {
        var needs = Sample("single-release.ocds.json", "ocds-h6vhtk-05a0f1").NeedsAssessments.Should().ContainSingle().Which;

        needs.Title.Should().Be("Westmoor community foot health needs assessment 2024");
        needs.Date.Should().Be(new DateOnly(2024, 11, 12));
        needs.Source!.Url.Should().Be(new Uri("https://westmoor-icb.example/papers/foot-health-needs-2024.pdf"));
    }

    [Test]
    public void AwardsAndContracts_BecomeAwards()
    {
        var award = Sample("release-package.ocds.json", "ocds-h6vhtk-05c7d1").Awards.Should().ContainSingle().Which;

        award.Should().Be(new Award
        {
            Suppliers = award.Suppliers,
            Status = AwardStatus.AwardActive,
            Date = new DateOnly(2025, 6, 12),
            Value = new Money { Amount = 850000m },
            SignedDate = new DateOnly(2025, 6, 13),
            StartDate = new DateOnly(2025, 7, 1),
            EndDate = new DateOnly(2026, 6, 30),
        });
        award.Suppliers.Should().Equal(new Provider { Name = "Medibridge Clinical Services Ltd" });
    }

    [Test]
    public void RelatedProcessFramework_BecomesAFrameworkCallOff_UnknownRelationshipsSkipped()
    {
        Sample("release-package.ocds.json", "ocds-h6vhtk-05c7d1").RelatedProcesses.Should().Equal(new RelatedProcess
        {
            Relationship = ProcessRelationship.Framework,
            Identifier = "ocds-h6vhtk-03f9a0",
            Title = "Clinical insourcing services framework (fictional)",
            Url = new Uri("https://www.find-tender.service.gov.uk/Procurement/ocds-h6vhtk-03f9a0"),
        });
        One(Release(extra: """ "relatedProcesses": [ { "id": "1", "relationship": ["someLocalCode"], "identifier": "x" } ] """)).RelatedProcesses.Should().BeNull();
    }

    [TestCase("Eastshire Partnership NHS Foundation Trust", null, ProviderKind.FoundationTrust)]
    [TestCase("Westmoor Community Health NHS Trust", null, ProviderKind.NhsTrust)]
    [TestCase("Eastshire Mind", true, ProviderKind.ThirdSector)]
    [TestCase("Westmoor NHS Trust", true, null)]
    [TestCase("Clearview Imaging Ltd", false, null)]
    [TestCase("Clearview Imaging Ltd", null, null)]
    public void ProviderKind_FromTheStatutoryNameOrVcse_OtherwiseNotRecorded(string name, bool? vcse, ProviderKind? kind)
    {
        var details = vcse is null ? string.Empty : $$""", "details": { "vcse": {{(vcse.Value ? "true" : "false")}} }""";
        One(Release($$"""{ "id": "t", "tenderers": [ { "id": "P" } ] }""", $$""" "parties": [ { "id": "P", "name": "{{name}}", "roles": ["tenderer"]{{details}} } ] """))
            .Tender!.Tenderers!.Single().Kind.Should().Be(kind);
    }

    [Test]
    public void ReleasesAndDocuments_BecomeSources()
    {
        var sources = Sample("single-release.ocds.json", "ocds-h6vhtk-05a0f1").Sources!;

        sources[0].Title.Should().Be("OCDS release 031842-2025 of ocds-h6vhtk-05a0f1 (tender)");
        sources[0].Date.Should().Be(new DateOnly(2025, 6, 2));
        sources.Select(s => s.Url?.ToString()).Should().Contain("https://www.find-tender.service.gov.uk/Notice/031842-2025");
    }

    [Test]
    public void WhatOcdsCannotSay_IsNotRecorded()
    {
        foreach (var procurement in Directory.GetFiles(OcdsSamples).SelectMany(OcdsReader.Load))
        {
            procurement.Scenario.Should().BeNull("the scenario is never guessed");
            procurement.Service.Should().BeNull();
            procurement.IncumbentContracts.Should().BeNull();
            procurement.QualityMeasures.Should().BeNull();
            procurement.TimelineComplete.Should().BeNull("OCDS lists what was published, not everything that happened");
            procurement.TimelineCompleteFor.Should().BeNull();
            procurement.Tender?.Eligibility.Should().BeNull();
            procurement.Tender?.IncumbentMayBid.Should().BeNull();
            (procurement.Timeline ?? []).Should().NotContain(e => e.Kind == EventKind.TenderDecision || e.Kind == EventKind.OversightSignOff
                || e.Kind == EventKind.StaffEngaged || e.Kind == EventKind.IncumbentEngaged);
        }
    }

    // ---- Shapes and merging ----

    [Test]
    public void ReleasePackage_ReleasesOfOneOcid_CombineIntoOneProcurement_InFileOrderOfOcids()
    {
        var procurements = OcdsReader.Load(Path.Combine(OcdsSamples, "release-package.ocds.json"));

        procurements.Select(p => p.Id).Should().Equal("ocds-h6vhtk-05b2c4", "ocds-h6vhtk-05c7d1", "ocds-h6vhtk-05d8e3", "ocds-h6vhtk-05e0f9");
        var tendered = procurements[0];
        tendered.Title.Should().Be("Community diagnostic centre: non-obstetric ultrasound, Westmoor", "the award release has no title: the tender's stays");
        tendered.Tender!.Status.Should().Be(TenderStatus.TenderComplete, "the later release's status wins");
        tendered.Tender.FinalStageBidders.Should().Be(1);
        tendered.Timeline!.Select(e => e.Kind).Should().Equal(EventKind.NoticePublished, EventKind.ContractAwarded);
    }

    [Test]
    public void Releases_MergeByDate_NotByFileOrder()
    {
        var early = Release("""{ "id": "t", "title": "Early", "status": "active" }""", id: "r1", date: "2025-01-01T00:00:00Z");
        var late = Release("""{ "id": "t", "title": "Late", "status": null }""", id: "r2", date: "2025-02-01T00:00:00Z", tag: "tenderUpdate");

        var inOrder = One(Package(early, late));
        var reversed = One(Package(late, early));

        reversed.Should().BeEquivalentTo(inOrder);
        inOrder.Title.Should().Be("Late");
        inOrder.Tender!.Status.Should().BeNull("a later null removes a value (OCDS merge)");
    }

    [Test]
    public void Releases_ArraysOfObjectsWithIds_MergeItemByItem()
    {
        var first = Release(extra: """ "awards": [ { "id": "a", "status": "pending", "date": "2025-03-01T00:00:00Z" } ] """, id: "r1", tag: "award", date: "2025-03-01T00:00:00Z");
        var second = Release(extra: """ "awards": [ { "id": "a", "status": "active" }, { "id": "b", "status": "active" } ] """, id: "r2", tag: "awardUpdate", date: "2025-04-01T00:00:00Z");

        One(Package(first, second)).Awards!.Select(a => (a.Status, a.Date)).Should().Equal(
            (AwardStatus.AwardActive, new DateOnly(2025, 3, 1)),
            (AwardStatus.AwardActive, (DateOnly?)null));
    }

    [Test]
    public void Record_WithCompiledRelease_ReadsTheCompiledRelease_DatesFromLinkedReleases()
    {
        var procurement = Sample("record-package.ocds.json", "ocds-h6vhtk-04d6a2");

        procurement.Tender!.Tenderers!.Select(t => t.Kind).Should().Equal(ProviderKind.ThirdSector, ProviderKind.FoundationTrust);
        procurement.Timeline!.Select(e => (e.Kind, e.Date)).Should().Equal(
            (EventKind.NoticePublished, new DateOnly(2024, 4, 15)),
            (EventKind.ContractAwarded, new DateOnly(2024, 7, 22)),
            (EventKind.ContractTerminated, new DateOnly(2025, 8, 29)));
    }

    [Test]
    public void Record_WithEmbeddedReleasesOnly_MergesThem()
    {
        var procurement = Sample("record-package.ocds.json", "ocds-h6vhtk-05f1a7");

        procurement.Title.Should().Be("Urgent treatment centre, North Eastshire");
        procurement.Tender!.Route.Should().Be(ProcurementRoute.CompetitiveDialogue);
        procurement.Tender.Status.Should().Be(TenderStatus.TenderActive);
    }

    [Test]
    public void StreamOverload_ReadsTheSame()
    {
        using var stream = File.OpenRead(Path.Combine(OcdsSamples, "release-package.ocds.json"));

        OcdsReader.Load(stream, "release-package.ocds.json").Should().BeEquivalentTo(OcdsReader.Load(Path.Combine(OcdsSamples, "release-package.ocds.json")));
    }

    [Test]
    public void ImportedProcurement_WritesAndReadsBackAsACaseFile()
    {
        foreach (var procurement in Directory.GetFiles(OcdsSamples).SelectMany(OcdsReader.Load))
        {
            ProcurementFile.ParseJson(ProcurementFile.ToJson(procurement)).Should().BeEquivalentTo(procurement);
        }
    }

    // ---- Detection ----

    [Test]
    public void IsOcds_OcdsSamples_True_CaseFiles_False()
    {
        Directory.GetFiles(OcdsSamples).Should().OnlyContain(f => OcdsReader.IsOcds(f));
        Directory.GetFiles(Path.Combine(RepoPaths.Samples, "cases")).Should().OnlyContain(f => !OcdsReader.IsOcds(f));
        OcdsReader.IsOcds(new StringReader(ProcurementFile.ToJson(Cases.GreatYarmouth()))).Should().BeFalse();
        OcdsReader.IsOcds(new StringReader("""{ "id": "x", "notes": { "ocid": 1 }, "ocid": "y" }""")).Should().BeTrue("a top-level key after a nested one");
        OcdsReader.IsOcds(new StringReader("""{ "id": "x", "notes": { "ocid": 1 } }""")).Should().BeFalse("only top-level keys count");
        OcdsReader.IsOcds(new StringReader("not json")).Should().BeFalse();
        OcdsReader.IsOcds(Path.Combine(RepoPaths.Samples, "no-such-file.json")).Should().BeFalse();
    }

    // ---- Errors ----

    [Test]
    public void Parse_ManyProblems_ListsEveryOneWithFileLineColumnAndJsonPath()
    {
        const string json = """
            {
              "releases": [
                { "ocid": "ocds-x-1", "id": "r1", "date": "2025-06-02T09:00:00Z", "tag": ["tender"], "initiationType": "tender",
                  "tender": { "procurementMethod": "opne", "numberOfTenderers": "two" } },
                { "ocid": "ocds-x-1", "id": "r2", "date": "last Tuesday", "tag": ["awrd"], "initiationType": "tender",
                  "awards": [ { "id": "a", "status": "active", "value": { "amount": -5 } } ] },
                { "id": "r3", "date": "2025-06-02T09:00:00Z", "tag": ["tender"], "initiationType": "tender" }
              ]
            }
            """;

        var problems = FluentActions.Invoking(() => OcdsReader.Parse(json, "notice.ocds.json")).Should().Throw<ProcurementLoadException>().Which.Problems;

        problems.Select(p => (p.Path, p.Line)).Should().BeEquivalentTo(new (string?, int?)[]
        {
            ("releases[0].tender.procurementMethod", 4),
            ("releases[0].tender.numberOfTenderers", 4),
            ("releases[1].date", 5),
            ("releases[1].tag[0]", 5),
            ("releases[1].awards[0].value.amount", 6),
            ("releases[2].ocid", 7),
        });
        problems.Should().OnlyContain(p => p.File == "notice.ocds.json" && p.Column != null);
        problems.Single(p => p.Path == "releases[0].tender.procurementMethod").Message.Should().Be("'opne' is not one of open, selective, limited, direct; did you mean 'open'?");
        problems.Single(p => p.Path == "releases[1].tag[0]").Message.Should().Contain("did you mean 'award'?");
        problems.Single(p => p.Path == "releases[1].date").Message.Should().Contain("'last Tuesday' is not an ISO 8601 date-time");
    }

    [Test]
    public void Parse_JsonSyntaxError_IsLocated()
    {
        var problem = FluentActions.Invoking(() => OcdsReader.Parse("{ \"ocid\": \"x\",\n  \"id\": }", "bad.json")).Should().Throw<ProcurementLoadException>().Which.Problems.Single();

        problem.File.Should().Be("bad.json");
        problem.Line.Should().Be(2);
        problem.Message.Should().StartWith("JSON syntax");
    }

    [TestCase("""{ "id": "case", "title": "a case file" }""", "not OCDS")]
    [TestCase("""[ 1, 2 ]""", "found a list")]
    [TestCase("""{ "releases": [] }""", "holds no releases")]
    [TestCase("""{ "ocid": "o", "releases": [ { "url": "https://example.org/r1", "date": "2025-01-01T00:00:00Z", "tag": ["tender"] } ] }""", "neither a compiledRelease nor embedded releases")]
    [TestCase("""{ "records": [ { "ocid": "o", "releases": [ { "ocid": "other", "id": "r", "date": "2025-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender" } ] } ] }""", "is not its record's ocid")]
    public void Parse_NotUsableOcds_SaysWhy(string json, string message) =>
        FluentActions.Invoking(() => OcdsReader.Parse(json)).Should().Throw<ProcurementLoadException>().Which.Problems.Should().Contain(p => p.Message.Contains(message));

    [Test]
    public void Parse_SameReleaseIdTwice_IsAProblem() =>
        FluentActions.Invoking(() => OcdsReader.Parse(Package(Release(), Release()))).Should().Throw<ProcurementLoadException>()
            .Which.Problems.Should().ContainSingle(p => p.Path == "releases[1].id" && p.Message.Contains("appears twice"));

    [Test]
    public void Parse_UnknownKeysAndExtensions_AreNotProblems() =>
        One(Release("""{ "id": "t", "specialRegime": ["lightTouch"], "lotDetails": { "noLotsDivisionRationale": "x" } }""", """ "someExtension": { "x": 1 } """))
            .Id.Should().Be("ocds-x-1");

    [Test]
    [CancelAfter(10_000)]
    public void Parse_ThousandsOfReleasesOfOneOcid_FinishesWithin10s()
    {
        // A hang guard, not a timing: merging must stay linear in the releases, their awards and their parties.
        var releases = Enumerable.Range(0, 5000).Select(i => Release(
            extra: $$""" "parties": [ { "id": "P{{i}}", "name": "Provider {{i}}", "roles": ["supplier"] } ], "awards": [ { "id": "A{{i}}", "status": "active", "date": "2025-06-02T00:00:00Z", "suppliers": [ { "id": "P{{i}}" } ] } ] """,
            id: "r" + i, tag: "award", date: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));

        var procurement = One(Package(releases.ToArray()));

        procurement.Awards.Should().HaveCount(5000);
        procurement.Awards![4999].Suppliers!.Single().Name.Should().Be("Provider 4999");
    }
}
