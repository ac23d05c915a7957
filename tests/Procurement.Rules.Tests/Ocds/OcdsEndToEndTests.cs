using Procurement.Model;
using Procurement.Rules.Ocds;

namespace Procurement.Rules.Tests.Ocds;

/// <summary>The sample OCDS files checked against the default pack: what OCDS does not say is undetermined, never compliant.</summary>
public class OcdsEndToEndTests
{
    private static readonly string OcdsSamples = Path.Combine(RepoPaths.Samples, "ocds");

    private static List<CheckReport> CheckSample(string file) =>
        // The samples are 2025 releases, outside the 2009 letter's period: checked against it anyway, as these tests
        // are about which of its rules OCDS can decide.
        OcdsReader.Load(Path.Combine(OcdsSamples, file)).Select(p => RulePack.Default.Check(p, new CheckOptions { CheckOutsidePeriod = true })).ToList();

    [Test]
    public void ReleasePackage_DefaultPack_NothingDecidedOnFactsOcdsCannotGive()
    {
        var reports = CheckSample("release-package.ocds.json");

        reports.Should().HaveCount(4);
        foreach (var report in reports)
        {
            // The one rule OCDS can decide: a direct award's recorded reason (tender.procurementMethodRationale).
            report.Outcomes.Where(o => (o.Kind is OutcomeKind.Compliant or OutcomeKind.Breach or OutcomeKind.Failed) && o.Rule.Id != "clear-rationale.direct-award-reason")
                .Should().BeEmpty($"{report.ProcurementId}: the facts these rules need (scenario, the decision to tender, engagement, sign-offs) are not in OCDS");
            report.OfKind(OutcomeKind.Undetermined).Should().OnlyContain(o => o.MissingFacts.Count > 0, "an undetermined outcome names what is missing");
        }

        var tendered = reports.Single(r => r.ProcurementId == "ocds-h6vhtk-05b2c4");
        tendered.For("fair-tender.criteria-published")!.MissingFacts.Should().Equal("tender.criteriaPublished");
        tendered.For("best-value.competition-at-final-stage")!.MissingFacts.Should().Equal("scenario");
        tendered.For("clear-rationale.rationale-recorded")!.MissingFacts.Should().Equal(new[] { "rationaleDocuments" }, "the tender notice implies the decision to tender (a derived fact)");
        tendered.For("clear-rationale.rationale-recorded")!.Derived.Select(d => d.InferenceId).Should().Contain("notice-implies-tender-decision");
        reports.Single(r => r.ProcurementId == "ocds-h6vhtk-05c7d1").For("clear-rationale.direct-award-reason")!.Kind
            .Should().Be(OutcomeKind.Compliant, "the release's procurementMethodRationale is the direct award's recorded reason");
    }

    [Test]
    public void SingleRelease_DefaultPack_CriteriaPublishedIsTheOnlyDecidedRule()
    {
        var report = CheckSample("single-release.ocds.json").Single();

        report.Outcomes.Where(o => o.Kind != OutcomeKind.Undetermined && o.Kind != OutcomeKind.NotApplicable).Select(o => (o.Rule.Id, o.Kind))
            .Should().Equal(("fair-tender.criteria-published", OutcomeKind.Compliant));
    }

    [Test]
    public void ReleasePackage_WithTheScenarioAddedByHand_SingleBidderIsABreach()
    {
        var procurement = OcdsReader.Load(Path.Combine(OcdsSamples, "release-package.ocds.json")).Single(p => p.Id == "ocds-h6vhtk-05b2c4");

        var report = RulePack.Default.Check(procurement with { Scenario = Scenario.ContractExpiry }, new CheckOptions { CheckOutsidePeriod = true });

        report.For("best-value.competition-at-final-stage")!.Kind.Should().Be(OutcomeKind.Breach);
        report.For("best-value.competition-at-final-stage")!.Message.Should().Contain("Only 1 bidder(s) remained");
    }

    [Test]
    public void RecordPackage_DefaultPack_ChecksEveryProcess() =>
        CheckSample("record-package.ocds.json").Select(r => (r.ProcurementId, r.HasFailures, r.HasBreaches))
            .Should().Equal(("ocds-h6vhtk-04d6a2", false, false), ("ocds-h6vhtk-05f1a7", false, false));

    [Test]
    public void OcdsDoc_EveryMappingRowNamesATestThatExists()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Docs, "ocds.md"));
        var rows = doc.Split('\n').SkipWhile(l => !l.StartsWith("## The mapping", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("### Never", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| OCDS", StringComparison.Ordinal)).ToList();
        var tests = typeof(OcdsReaderTests).GetMethods().Select(m => m.Name).ToHashSet();

        rows.Should().HaveCountGreaterThan(20);
        rows.Select(r => r.TrimEnd(' ', '|').Split('|').Last().Trim().Trim('`')).Should().OnlyContain(name => tests.Contains(name));
        doc.Should().Contain("`" + nameof(OcdsReaderTests.WhatOcdsCannotSay_IsNotRecorded) + "`");
    }
}
