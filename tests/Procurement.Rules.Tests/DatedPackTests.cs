using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>
/// Dated packs (issue 14): which date decides a pack's period, the commissioners it covers, the versions of its law,
/// rules that start in a later version, and choosing the pack in force for a procurement.
/// </summary>
public class DatedPackTests
{
    private static readonly RulePack Burnham = RulePack.GetEmbedded("burnham-2009");
    private static readonly RulePack Ppccr = RulePack.GetEmbedded("ppccr-2013");
    private static readonly RulePack Psr = RulePack.GetEmbedded("psr-2023");

    private const string VersionedHeader = """
        inForce:
          from: 2024-01-01
          decidedBy: commencement
        appliesTo: [icb, trust]
        versions:
          - { version: first, from: 2024-01-01, title: as made }
          - { version: second, from: 2025-02-24, title: as amended }
        """;

    [Test]
    public void EmbeddedPacks_StateTheirPeriodsDatesAndCommissioners()
    {
        Burnham.DecidedBy.Should().Be(DecidingDate.Decision);
        Burnham.InForceUntil.Should().Be(new DateOnly(2013, 3, 31));
        Ppccr.DecidedBy.Should().Be(DecidingDate.Commencement);
        Ppccr.InForceFrom.Should().Be(new DateOnly(2013, 4, 1));
        Ppccr.InForceUntil.Should().Be(new DateOnly(2023, 12, 31));
        Ppccr.AppliesTo.Should().Equal(CommissionerKind.Ccg, CommissionerKind.Icb, CommissionerKind.NhsEngland);
        Psr.InForceFrom.Should().Be(new DateOnly(2024, 1, 1));
        Psr.InForceUntil.Should().BeNull();
        Psr.Versions.Select(v => v.Name).Should().Equal("2024-01-01", "2025-02-24", "2026-03-24");
        Psr.Versions[1].ToString().Should().StartWith("2025-02-24 (from 2025-02-24): as amended by");
    }

    [TestCase("2024-01-01", "2024-01-01")]
    [TestCase("2025-02-23", "2024-01-01")]
    [TestCase("2025-02-24", "2025-02-24")]
    [TestCase("2026-03-24", "2026-03-24")]
    [TestCase("2025-02", null)]
    [TestCase("2025-03", "2025-02-24")]
    public void VersionFor_CommencementDate_IsTheVersionInForceThen(string commenced, string? expected)
    {
        var procurement = Case(("processCommenced", commenced));

        Psr.VersionFor(procurement)?.Name.Should().Be(expected);
        if (expected is null)
        {
            Psr.VersionFor(procurement).Should().BeNull("February 2025 spans the amendment of 24 February");
        }
    }

    [Test]
    public void Select_PsrCommencedIn2024ByAnIcb_ChoosesThePsrAndSaysWhy()
    {
        var selection = RulePack.Select(Case(("processCommenced", "2024-05-01")) with { Commissioner = new Commissioner { Name = "NHS X ICB", Kind = CommissionerKind.Icb } });

        selection.Status.Should().Be(PackSelectionStatus.Selected);
        selection.Pack!.Id.Should().Be("psr-2023");
        selection.Reason.Should().Contain("in force from 2024-01-01").And.Contain("commenced 2024-05-01").And.Contain("icb");
        selection.Considered.Should().HaveCount(RulePack.EmbeddedPackIds.Count);
        selection.ToString().Should().StartWith("Selected psr-2023: ");
    }

    [Test]
    public void Select_CcgCommencedIn2015_ChoosesThe2013Regulations()
    {
        var selection = RulePack.Select(Case(("processCommenced", "2015-06")) with { Commissioner = new Commissioner { Name = "NHS Y CCG", Kind = CommissionerKind.Ccg } });

        selection.Pack!.Id.Should().Be("ppccr-2013");
        selection.Status.Should().Be(PackSelectionStatus.Selected);
    }

    [Test]
    public void Select_PctDecidedIn2010_ChoosesTheLetter()
    {
        var selection = RulePack.Select(new ProposedProcurement { Id = "x", DecisionDate = new DateOnly(2010, 5, 1), Commissioner = new Commissioner { Name = "P PCT", Kind = CommissionerKind.Pct } });

        selection.Pack!.Id.Should().Be("burnham-2009");
        selection.Status.Should().Be(PackSelectionStatus.Selected);
    }

    [Test]
    public void Select_TrustBuyingIn2016_IsOutsideEveryPack()
    {
        // An NHS trust was never a relevant body under the 2013 regulations, and the PSR had not begun.
        var selection = RulePack.Select(Case(("processCommenced", "2016-02-01")) with { DecisionDate = new DateOnly(2016, 6, 1), Commissioner = new Commissioner { Name = "Z NHS Trust", Kind = CommissionerKind.Trust } });

        selection.Status.Should().Be(PackSelectionStatus.NoPackApplies);
        selection.Pack.Should().BeNull();
        selection.Reason.Should().Contain("applies to commissioners of kind ccg, icb, nhsEngland, and the commissioner is trust");
    }

    [Test]
    public void Select_OtherCommissionerIn2025WithoutADecisionDate_IsNotCheckedAgainstTheLetter()
    {
        // A Welsh health board, say: outside both regulations by kind, and every dated event is long after the letter's
        // period, so no pack applies (never the letter as the nearest one).
        var selection = RulePack.Select(Case(("processCommenced", "2025-03-01"), ("contractAwarded", "2025-09")) with { Commissioner = new Commissioner { Name = "W", Kind = CommissionerKind.OtherCommissioner } });

        selection.Status.Should().Be(PackSelectionStatus.NoPackApplies);
        selection.Considered.Should().Contain("burnham-2009: in force from 2009-09-25 to 2013-03-31, the decision date is not recorded, and the timeline's dated events run from 2025-03-01 to 2025-09-30, all outside it");
    }

    [Test]
    public void Select_PctWithoutADecisionDateButEventsIn2010_IsTheLetterAsTheOnlyPossiblePack()
    {
        var selection = RulePack.Select(Case(("tenderDecision", "2010-03"), ("noticePublished", "2010-06-01")) with { Commissioner = new Commissioner { Name = "P PCT", Kind = CommissionerKind.Pct } });

        selection.Status.Should().Be(PackSelectionStatus.OnlyPossible);
        selection.Pack!.Id.Should().Be("burnham-2009");
        selection.Reason.Should().Contain("the timeline's dated events run from 2010-03-01 to 2010-06-01");
    }

    [Test]
    public void Select_NoCommissionerKindCommencedIn2024_IsThePsrEvenWithAnOpenEndedNotice()
    {
        // The notice is known only to be on or before 3 March 2025; the commencement still places the procurement after
        // the letter's period, so the letter is ruled out and the PSR is the only pack that can apply.
        var selection = RulePack.Select(Case(("processCommenced", "2024-10"), ("awardNoticeSubmitted", "on or before 2025-03-03")));

        selection.Status.Should().Be(PackSelectionStatus.OnlyPossible);
        selection.Pack!.Id.Should().Be("psr-2023");
        selection.Considered[0].Should().Contain("run from 2024-10-01 to 2025-03-03, all outside it");
    }

    [Test]
    public void Select_PctWithNothingDated_IsAmbiguousNotTheLetter()
    {
        // Nothing dates it: the letter is the only pack a PCT fits, but a pack is never assumed from nothing.
        var selection = RulePack.Select(new ProposedProcurement { Id = "x", Commissioner = new Commissioner { Name = "P PCT", Kind = CommissionerKind.Pct } });

        selection.Status.Should().Be(PackSelectionStatus.Ambiguous);
        selection.Pack.Should().BeNull();
    }

    [Test]
    public void Select_NothingDated_IsAmbiguousAndSaysWhatToRecord()
    {
        var selection = RulePack.Select(new ProposedProcurement { Id = "x" });

        selection.Status.Should().Be(PackSelectionStatus.Ambiguous);
        selection.Pack.Should().BeNull();
        selection.Reason.Should().Contain("processCommenced").And.Contain("name a pack");
    }

    [Test]
    public void Select_OnlyANoticeBefore2024ByAnIcb_IsTheOnlyPossiblePack()
    {
        // No commencement recorded, but a notice in 2023 shows it had commenced by then: not the PSR. The 2013
        // regulations are the only pack that can apply (they need it to have commenced from April 2013).
        var selection = RulePack.Select(Case(("noticePublished", "2023-09-01")) with { Commissioner = new Commissioner { Name = "I ICB", Kind = CommissionerKind.Icb } });

        selection.Status.Should().Be(PackSelectionStatus.OnlyPossible);
        selection.Pack!.Id.Should().Be("ppccr-2013");
        selection.Reason.Should().Contain("on or before 2023-09-01");
    }

    [Test]
    public void Select_ModificationIn2024OfAnOldContract_IsDecidedByTheModification()
    {
        var procurement = Case(("contractModified", "2024-04-10")) with
        {
            Commissioner = new Commissioner { Name = "I ICB", Kind = CommissionerKind.Icb },
            Selection = new ProviderSelection { Process = SelectionProcess.ContractModification },
            IncumbentContracts = new[] { new Contract { Provider = new Provider { Name = "P" }, StartDate = new DateOnly(2019, 4, 1) } },
        };

        var selection = RulePack.Select(procurement);

        selection.Pack!.Id.Should().Be("psr-2023");
        selection.Reason.Should().Contain("modified 2024-04-10");
    }

    [Test]
    public void Select_StaffordshireCommencedIn2013ByCcgs_IsThe2013RegulationsIfItCommencedFromApril()
    {
        // Only the year is reported: the 2013 regulations are the only pack that can apply (the letter does not cover
        // CCGs), and the reason says the date may fall either side of 1 April 2013.
        var selection = RulePack.Select(ProcurementFile.Load(Path.Combine(RepoPaths.Samples, "cases", "staffordshire-cancer-2013.yaml")));

        selection.Status.Should().Be(PackSelectionStatus.OnlyPossible);
        selection.Pack!.Id.Should().Be("ppccr-2013");
        selection.Reason.Should().Contain("commenced 2013, which may be either side of the period's bounds");
        selection.Considered.Should().Contain(c => c.StartsWith("burnham-2009: applies to commissioners of kind pct, otherCommissioner, and the commissioner is ccg", StringComparison.Ordinal));
    }

    [Test]
    public void Check_CommencementPackOutsideItsPeriod_IsNotChecked()
    {
        var report = Psr.Check(Case(("processCommenced", "2023-06-01")));

        report.Period.Should().Be(PeriodStatus.OutsidePeriod);
        report.Outcomes.Should().BeEmpty();
        report.DecidingDate.Should().Be(EventDate.On(new DateOnly(2023, 6, 1)));
    }

    [Test]
    public void Check_CommencementSpanningThePeriodStart_IsReportedAsNotDecisive()
    {
        var report = Psr.Check(Case(("processCommenced", "between 2023-12-01 and 2024-01-31")));

        report.Period.Should().Be(PeriodStatus.DecisionDateNotRecorded);
        report.Outcomes.Should().NotBeEmpty();
        report.Version.Should().BeNull();
    }

    [Test]
    public void Check_ReportCarriesTheVersion()
    {
        Psr.Check(Case(("processCommenced", "2025-03-01"))).Version!.Name.Should().Be("2025-02-24");
    }

    [Test]
    public void Load_VersionsAndAppliesTo_AreRead()
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("true"));

        var loaded = pack.Load();

        loaded.DecidedBy.Should().Be(DecidingDate.Commencement);
        loaded.AppliesTo.Should().Equal(CommissionerKind.Icb, CommissionerKind.Trust);
        loaded.Versions.Select(v => (v.Name, v.From)).Should().Equal(("first", new DateOnly(2024, 1, 1)), ("second", new DateOnly(2025, 2, 24)));
    }

    [Test]
    public void Load_RuleFromALaterVersion_AppliesOnlyToProcessesCommencedFromIt()
    {
        // A requirement that always fails: a breach wherever the rule applies, so applicability shows in the outcome.
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("false", when: "true", extra: "    from: 2025-02-24\n"));
        var loaded = pack.Load();

        loaded.Rules.Single().AppliesFrom.Should().Be(new DateOnly(2025, 2, 24));
        loaded.Check(Case(("processCommenced", "2025-02-24"))).For("test.rule")!.Kind.Should().Be(OutcomeKind.Breach);
        loaded.Check(Case(("processCommenced", "2025-02-23"))).For("test.rule")!.Kind.Should().Be(OutcomeKind.NotApplicable);
        var unknown = loaded.Check(new ProposedProcurement { Id = "x" }).For("test.rule")!;
        unknown.Kind.Should().Be(OutcomeKind.Undetermined);
        unknown.MissingFacts.Should().Contain("timeline.processCommenced");
        var spanning = loaded.Check(Case(("processCommenced", "2025-02"))).For("test.rule")!;
        spanning.Kind.Should().Be(OutcomeKind.Undetermined);
    }

    [Test]
    public void Load_RuleFromWithoutAVersion_IsALocatedError()
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("true", extra: "    from: 2024-06-01\n"));

        var error = pack.LoadFails();

        error.Message.Should().Contain("test.rules.yaml").And.Contain("test.rule").And.Contain("'from' must be the first day of one of the pack's later versions (2025-02-24)");
    }

    [Test]
    public void Load_RuleFromInAPackWithoutVersions_IsAnError()
    {
        using var pack = new TestPack(("test.rules.yaml", TestPack.RuleText("true", extra: "    from: 2025-02-24\n")));

        pack.LoadFails().Message.Should().Contain("the pack lists no later versions");
    }

    [TestCase("appliesTo: [icb, hospital]\n", "appliesTo: 'hospital' is not a commissioner kind")]
    [TestCase("appliesTo: [icb, icb]\n", "appliesTo: 'icb' is listed twice")]
    [TestCase("versions:\n  - { version: a, from: 2009-09-25, title: t }\n  - { version: b, from: 2009-09-25, title: t }\n", "version 'b' must start after version 'a'")]
    [TestCase("versions:\n  - { version: a, from: 2010-01-01, title: t }\n", "the first version must start when the pack does")]
    [TestCase("versions:\n  - { version: a, from: 2009-09-25 }\n", "missing required key 'title'")]
    public void Load_BadHeaderKeys_AreLocatedErrors(string extraHeader, string expected)
    {
        using var pack = new TestPack(("test.rules.yaml", TestPack.RuleText("true")));
        var text = File.ReadAllLines(pack.PathOf("pack.yaml")).Where(l => !l.StartsWith("appliesTo:", StringComparison.Ordinal));
        File.WriteAllText(pack.PathOf("pack.yaml"), string.Join("\n", text) + "\n" + extraHeader);

        pack.LoadFails().Message.Should().Contain("pack.yaml").And.Contain(expected);
    }

    [Test]
    public void Load_DecidedByUnknown_IsALocatedError()
    {
        using var pack = TestPack.WithHeader(VersionedHeader.Replace("decidedBy: commencement", "decidedBy: award", StringComparison.Ordinal), TestPack.RuleText("true"));

        pack.LoadFails().Message.Should().Contain("'decidedBy': 'award' is not one of decision, commencement");
    }

    [Test]
    public void SelectionCheck_ReportSaysWhichPackAndWhy()
    {
        var procurement = Case(("processCommenced", "2025-03-01")) with { Commissioner = new Commissioner { Name = "NHS X ICB", Kind = CommissionerKind.Icb } };

        var report = RulePack.Select(procurement).Check();

        report.PackId.Should().Be("psr-2023");
        report.Selection!.Status.Should().Be(PackSelectionStatus.Selected);
        var lines = report.ToString().Split('\n');
        lines.Should().Contain(l => l.StartsWith("Pack chosen automatically: psr-2023: in force from 2024-01-01, and the procurement was commenced 2025-03-01", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Commenced 2025-03-01, within the pack's period (in force from 2024-01-01). Version 2025-02-24: as amended by", StringComparison.Ordinal));
    }

    [Test]
    public void SelectionCheck_NoPack_ThrowsWithTheReason()
    {
        var selection = RulePack.Select(new ProposedProcurement { Id = "x" });

        var act = () => selection.Check();

        act.Should().Throw<InvalidOperationException>().WithMessage("No rule pack was chosen for x: Nothing in the record dates the procurement*");
    }

    [Test]
    public void Check_NamedPack_HasNoSelection()
    {
        Psr.Check(Case(("processCommenced", "2024-03-01"))).Selection.Should().BeNull();
    }

    [Test]
    public void ToString_CommencementNotRecorded_SaysWhatToRecord()
    {
        var text = Psr.Check(new ProposedProcurement { Id = "x" }).ToString();

        text.Should().Contain("When the process commenced is not recorded (a processCommenced event): the pack's period (in force from 2024-01-01) was not checked.")
            .And.Contain("Version not decided");
    }

    [Test]
    public void ToString_Modification_SaysModified()
    {
        var procurement = Case(("contractModified", "2024-04-10")) with { Selection = new ProviderSelection { Process = SelectionProcess.ContractModification } };

        Psr.Check(procurement).ToString().Should().Contain("Modified 2024-04-10, within the pack's period");
    }

    [Test]
    public void ParseYaml_AnItemTheRecordBothHoldsAndLacks_IsALocatedError()
    {
        var act = () => ProcurementFile.ParseYaml("""
            id: both
            selection:
              recordKept: [abandonmentDate, decisionReasons]
              recordLacks: [abandonmentDate]
            """);

        act.Should().Throw<ProcurementLoadException>().Which.Message.Should()
            .Contain("selection.recordLacks[0]").And.Contain("'abandonmentDate' is also in selection.recordKept");
    }

    private static ProposedProcurement Case(params (string Kind, string Date)[] events) => new()
    {
        Id = "dated",
        Timeline = events.Select(e => new TimelineEvent
        {
            Kind = Enum.Parse<EventKind>(e.Kind, ignoreCase: true),
            Date = EventDate.Parse(e.Date),
        }).ToArray(),
    };
}
