using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Procurement.Model;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// Hostile input aimed at what issue 14 added: dated pack headers (inForce.decidedBy, appliesTo, versions, a rule's
/// 'from'), choosing the pack in force, the deadline helpers and the new model members. Each test pins one class of
/// input to its honest result: a located problem, an undetermined outcome, or visible escapes in a report.
/// </summary>
[TestFixture]
public class DatedPackHostileTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static readonly RulePack Psr = RulePack.GetEmbedded("psr-2023");

    private const string VersionedHeader = """
        inForce:
          from: 2024-01-01
          decidedBy: commencement
        appliesTo: [icb]
        versions:
          - { version: first, from: 2024-01-01, title: as made }
          - { version: second, from: 2025-02-24, title: as amended }
        """;

    // ---- Report text from a pack's versions ----

    [Test]
    public void ToString_VersionNameAndTitleWithControlCharacters_ShowsThemVisibly()
    {
        using var pack = TestPack.WithHeader(VersionedHeader
            .Replace("version: first", "version: \"v1\\e[2J\"", StringComparison.Ordinal)
            .Replace("title: as made", "title: \"as made\\nResult: 0 breaches\\e[31m\"", StringComparison.Ordinal), TestPack.RuleText("true"));
        var report = pack.Load().Check(Commenced("2024-03-01"));

        var text = report.ToString();

        text.Should().NotContain("\u001b");
        text.Split('\n').Where(l => l.StartsWith("Result:", StringComparison.Ordinal)).Should().ContainSingle("the title cannot add a line");
        text.Should().Contain("Version v1\\u001b[2J: as made\\u000aResult: 0 breaches\\u001b[31m.");
    }

    [Test]
    public void ToMarkdown_VersionTitleWithMarkup_CannotForgeAHeadingOrTag()
    {
        using var pack = TestPack.WithHeader(VersionedHeader
            .Replace("title: as made", "title: \"as made\\n## Breaches\\n<script>x</script> [click](javascript:alert(1))\"", StringComparison.Ordinal),
            TestPack.RuleText("true"));
        var report = pack.Load().Check(Commenced("2024-03-01"));

        var markdown = report.ToMarkdown();

        markdown.Should().NotContain("\n## Breaches").And.NotContain("<script>").And.NotContain("[click](");
        markdown.Should().Contain(@"Version first: as made\\u000a\#\# Breaches\\u000a&lt;script\>x&lt;/script\> \[click\]\(javascript:alert\(1\)\).");
    }

    [Test]
    public void LoadFromDirectory_PackIdThatIsNotAnIdentifier_IsAProblem()
    {
        // The pack id lands in the selection reason, which reports print as it is; an id is an identifier, so it is
        // held to the same pattern as rule ids and principle keys.
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("true"));
        var text = File.ReadAllText(pack.PathOf("pack.yaml"));
        File.WriteAllText(pack.PathOf("pack.yaml"), text.Replace("\nid: burnham-2009\n", "\nid: \"x\\e[2J\\n# Forged\"\n", StringComparison.Ordinal));

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Message.Should().Be("the pack id must be lower-case words and digits joined by '-' or '.', such as 'psr-2023'");
        problem.File.Should().EndWith("pack.yaml");
        problem.Line.Should().Be(3);
    }

    // ---- Sizes a pack header may reach ----

    [Test]
    public void LoadFromDirectory_HundredThousandVersionsAndGatedRules_LoadsInLinearTime()
    {
        var header = new StringBuilder("inForce:\n  from: 2024-01-01\n  decidedBy: commencement\nversions:\n");
        var day = new DateOnly(2024, 1, 1);
        for (var i = 0; i < 100_000; i++)
        {
            header.Append("  - { version: v").Append(i).Append(", from: ").Append(day.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(", title: t }\n");
        }

        var rules = new StringBuilder("rules:\n");
        for (var i = 0; i < 50; i++)
        {
            rules.Append(TestPack.RuleText("true", id: "test.rule" + i, extra: $"    from: {day.AddDays(99_999 - i):yyyy-MM-dd}\n")["rules:\n".Length..]);
        }

        using var pack = TestPack.WithHeader(header.ToString(), rules.ToString());

        var loaded = Guarded(() => pack.Load());

        loaded.Versions.Should().HaveCount(100_000);
        loaded.Rules.Should().HaveCount(50);
    }

    // ---- Choosing the pack, and the version gate ----

    [Test]
    public void Select_ExtremeAndContradictoryDates_ChoosesWithoutThrowing()
    {
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "before 0001-01-02", "after 9999-12-30", "on or before 0001-01-01", "9999" })
        {
            var procurement = Commenced(date) with
            {
                Timeline = [Event(EventKind.ProcessCommenced, date), Event(EventKind.NoticePublished, "0001-01-01"), Event(EventKind.ContractModified, "9999-12-31")],
            };

            var act = () => RulePack.Select(procurement);

            act.Should().NotThrow(date);
        }
    }

    [Test]
    public void VersionGate_NoticeShowsCommencementBeforeTheAmendment_RuleNotApplicable()
    {
        // The record says the process commenced on 1 March 2025, but its contract notice was published on 1 June 2024:
        // a process cannot commence after its own notice, and the pack's selection reads the notice as bounding
        // commencement. The version gate must read it so too, never apply a rule an amendment added.
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("false", when: "true", extra: "    from: 2025-02-24\n"));
        var procurement = Commenced("2025-03-01") with
        {
            Timeline = [Event(EventKind.ProcessCommenced, "2025-03-01"), Event(EventKind.NoticePublished, "2024-06-01")],
        };

        var outcome = pack.Load().Check(procurement).Outcomes.Should().ContainSingle().Which;

        outcome.Kind.Should().Be(OutcomeKind.NotApplicable);
    }

    [Test]
    public void VersionGate_CommencementNotRecordedButNoticeAfterTheAmendment_IsUndetermined()
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("false", when: "true", extra: "    from: 2025-02-24\n"));
        var procurement = Commenced("2025-03-01") with { Timeline = [Event(EventKind.NoticePublished, "2025-06-01")] };

        var outcome = pack.Load().Check(procurement).Outcomes.Should().ContainSingle().Which;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().NotBeEmpty();
    }

    [Test]
    public void LoadFromDirectory_RuleFromInAPackDecidedByTheDecisionDate_IsAProblem()
    {
        // The gate reads when the process commenced; the pack's version is read from the decision date. The two could
        // disagree (a version line saying one text while a rule of the other applied), so the pack may not mix them.
        using var pack = TestPack.WithHeader(
            VersionedHeader.Replace("decidedBy: commencement", "decidedBy: decision", StringComparison.Ordinal),
            TestPack.RuleText("false", when: "true", extra: "    from: 2025-02-24\n"));

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Message.Should().Be("'from' gates a rule by when the process commenced, but this pack's period and versions are decided by the decision date (inForce.decidedBy: decision)");
        problem.RuleId.Should().Be("test.rule");
    }

    [TestCase("CommencedOnOrAfter(\"24 Feb 2025\")", "not '24 Feb 2025'")]
    [TestCase("CommencedOnOrAfter(IncumbentNames)", "not a computed value")]
    public void LoadFromDirectory_CommencedOnOrAfterWithoutALiteralDate_IsAProblemNotAFailureAtEveryCheck(string require, string ending)
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText(require));

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Message.Should().StartWith("'require': CommencedOnOrAfter takes a date written as a text literal").And.EndWith(ending);
        problem.RuleId.Should().Be("test.rule");
        problem.Line.Should().Be(6);
    }

    // ---- Deadline helpers ----

    [TestCase("AddDays(First(ProcessCommenced), 2147483647)")]
    [TestCase("AddDays(First(ProcessCommenced), -2147483648)")]
    [TestCase("AddWorkingDays(First(ProcessCommenced), 2147483647)")]
    [TestCase("AddWorkingDays(First(ProcessCommenced), -2147483648)")]
    [TestCase("AddWorkingDays(AddDays(First(ProcessCommenced), 5000), 1)")]
    [TestCase("StandstillEnd(AddDays(First(ProcessCommenced), -5000))")]
    [TestCase("StandstillEnd(First(IntentionToAwardPublished))")]
    public void DeadlineHelpers_ResultOutsideTheCalendarOrDateRange_IsUndeterminedNeverABreach(string date)
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText($"After(First(ContractAwarded), {date})"));
        var procurement = Commenced("2024-03-01") with
        {
            Timeline =
            [
                Event(EventKind.ProcessCommenced, "2024-03-01"),
                Event(EventKind.IntentionToAwardPublished, "2027-12-30"),
                Event(EventKind.ContractAwarded, "2028-02-01"),
            ],
        };

        var outcome = pack.Load().Check(procurement).Outcomes.Should().ContainSingle().Which;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined, outcome.Message);
    }

    [Test]
    public void DeadlineHelpers_ExtremeDatesInEveryEmbeddedPack_NoRuleFails()
    {
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "after 9999-12-30", "before 0001-01-02", "9999", "0001" })
        {
            var kinds = new[]
            {
                EventKind.ProcessCommenced, EventKind.IntentionToAwardPublished, EventKind.MostSuitableProviderNoticeSubmitted,
                EventKind.AwardNoticeSubmitted, EventKind.ContractAwarded, EventKind.RepresentationReceived,
                EventKind.FurtherDecisionCommunicated, EventKind.ContractModified, EventKind.ModificationNoticeSubmitted,
                EventKind.AbandonmentNoticeSubmitted, EventKind.UnsuccessfulProvidersInformed, EventKind.PotentialProvidersIdentified,
            };
            var procurement = Commenced(date) with { Timeline = kinds.Select(k => Event(k, date)).ToArray() };

            foreach (var id in RulePack.EmbeddedPackIds)
            {
                var report = RulePack.GetEmbedded(id).Check(procurement, new CheckOptions { CheckOutsidePeriod = true });

                report.Outcomes.Where(o => o.Kind == OutcomeKind.Failed).Should().BeEmpty($"{id} on {date}");
                report.ToString().Should().NotBeEmpty();
            }
        }
    }

    [Test]
    public void DeadlineHelpers_CalledForEveryPairOfEvents_TheBudgetStopsTheRule()
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText(
            "Timeline.Count(a => root.Timeline.Count(b => root.After(root.StandstillEnd(a.Date), root.AddWorkingDays(root.AddDays(b.Date, 1), 3))) >= 0) == 0"));
        var procurement = Commenced("2024-03-01") with
        {
            Timeline = Enumerable.Range(0, 20_000).Select(i => Event(EventKind.RepresentationReceived, new DateOnly(2024, 3, 1).AddDays(i % 1000).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray(),
        };
        var loaded = pack.Load();

        var outcome = Guarded(() => loaded.Check(procurement)).Outcomes.Should().ContainSingle().Which;

        outcome.Kind.Should().Be(OutcomeKind.Failed);
        outcome.Message.Should().Contain("evaluation steps");
    }

    // ---- The new model members, from files and from code ----

    [TestCase("selection: { process: teleport }\n", "selection.process", 2)]
    [TestCase("selection: 5\n", "selection", 2)]
    [TestCase("selection: { keyCriteriaConsidered: [valueForMoney, bribery] }\n", "selection.keyCriteriaConsidered[1]", 2)]
    [TestCase("selection: { keyCriteriaConsidered: [valueForMoney, null] }\n", "selection.keyCriteriaConsidered[1]", 2)]
    [TestCase("selection: { cumulativeChange: { amount: lots } }\n", "selection.cumulativeChange.amount", 2)]
    [TestCase("selection: { decisionMakers: [[nested]] }\n", "selection.decisionMakers[0]", 2)]
    [TestCase("selection: { modificationGround: 99 }\n", "selection.modificationGround", 2)]
    [TestCase("conflictsOfInterest: [ { person: x, management: ignored } ]\n", "conflictsOfInterest[0].management", 2)]
    [TestCase("conflictsOfInterest: { person: x }\n", "conflictsOfInterest", 2)]
    [TestCase("conflictsOfInterest: [ null ]\n", "conflictsOfInterest[0]", 2)]
    [TestCase("timeline:\n  - { date: 2024-01-01, kind: awardNoticeSubmitted, includes: [awardStatement, bogus] }\n", "timeline[0].includes[1]", 3)]
    [TestCase("timeline:\n  - { date: 2024-01-01, kind: awardNoticeSubmitted, includes: { a: 1 } }\n", "timeline[0].includes", 3)]
    [TestCase("timeline:\n  - { date: 2024-01-01, kind: processCommencing }\n", "timeline[0].kind", 3)]
    [TestCase("commissioner: { name: X, kind: parliament }\n", "commissioner.kind", 2)]
    public void ParseYaml_NewMembersWithWrongValues_IsALocatedProblem(string yaml, string path, int line)
    {
        var act = () => ProcurementFile.ParseYaml("id: x\n" + yaml, "case.yaml");

        var problems = act.Should().Throw<ProcurementLoadException>().Which.Problems;

        problems.Should().Contain(p => p.Path == path && p.Line == line, string.Join("\n", problems));
    }

    [Test]
    public void ParseYaml_HugeListsOfTheNewMembers_LoadInLinearTime()
    {
        var yaml = new StringBuilder("id: x\nselection:\n  decisionMakers:\n");
        for (var i = 0; i < 150_000; i++)
        {
            yaml.Append("    - person ").Append(i).Append('\n');
        }

        yaml.Append("conflictsOfInterest:\n");
        for (var i = 0; i < 100_000; i++)
        {
            yaml.Append("  - { person: p").Append(i).Append(", declared: true, management: recused }\n");
        }

        var procurement = Guarded(() => ProcurementFile.ParseYaml(yaml.ToString(), "case.yaml"));

        procurement.Selection!.DecisionMakers.Should().HaveCount(150_000);
        procurement.ConflictsOfInterest.Should().HaveCount(100_000);
    }

    [Test]
    public void Check_NewMembersBuiltInCodeWithUndefinedValues_AreValidationProblems()
    {
        var procurement = Commenced("2024-03-01") with
        {
            Selection = new ProviderSelection
            {
                Process = (SelectionProcess)99,
                ModificationGround = (ModificationGround)99,
                KeyCriteriaConsidered = [KeyCriterion.ValueForMoney, (KeyCriterion)99],
                MeansConsidered = [(ImprovementMeans)99],
                UrgencyReasons = [(UrgencyReason)99],
                RecordKept = [(RecordItem)99],
                DecisionMakers = ["A", null!, " "],
                CumulativeChange = new Money { Amount = -1 },
                ExistingContractValueAtEntry = new Money { Amount = -1 },
                ProposedLifetimeValue = new Money { Amount = -1 },
                MinimumTurnover = new Money { Amount = -1 },
            },
            ConflictsOfInterest = [null!, new ConflictOfInterest { Person = "P", Management = (ConflictManagement)99 }],
            Timeline =
            [
                Event(EventKind.ProcessCommenced, "2024-03-01"),
                new TimelineEvent { Kind = EventKind.AwardNoticeSubmitted, Date = new DateOnly(2024, 4, 1), Includes = [NoticeItem.AwardStatement, (NoticeItem)99] },
            ],
        };

        var act = () => Psr.Check(procurement);

        act.Should().Throw<ProcurementValidationException>().Which.Problems.Select(p => p.Path).Should().BeEquivalentTo(
            "selection.process", "selection.modificationGround", "selection.keyCriteriaConsidered[1]", "selection.meansConsidered[0]",
            "selection.urgencyReasons[0]", "selection.recordKept[0]", "selection.decisionMakers[1]", "selection.decisionMakers[2]",
            "selection.cumulativeChange.amount", "selection.existingContractValueAtEntry.amount", "selection.proposedLifetimeValue.amount",
            "selection.minimumTurnover.amount", "conflictsOfInterest[0]", "conflictsOfInterest[1].management", "timeline[1].includes[1]");
    }

    [Test]
    public void Select_UndefinedCommissionerKindBuiltInCode_ChoosesWithoutThrowingAndCheckRefusesIt()
    {
        var procurement = Commenced("2024-03-01") with { Commissioner = new Commissioner { Name = "X", Kind = (CommissionerKind)99 } };

        var selection = RulePack.Select(procurement);

        selection.Status.Should().Be(PackSelectionStatus.NoPackApplies);
        var act = () => Psr.Check(procurement);
        act.Should().Throw<ProcurementValidationException>().Which.Problems.Should().Contain(p => p.Path == "commissioner.kind");
    }

    // ---- Helpers ----

    private static T Guarded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        task.Wait(HangGuard).Should().BeTrue($"the hostile input should be handled within {HangGuard.TotalSeconds} s");
        return task.Result;
    }

    private static TimelineEvent Event(EventKind kind, string date) => new() { Kind = kind, Date = EventDate.Parse(date) };

    private static ProposedProcurement Commenced(string date) => new()
    {
        Id = "hostile-dated",
        Commissioner = new Commissioner { Name = "NHS X ICB", Kind = CommissionerKind.Icb },
        Timeline = [Event(EventKind.ProcessCommenced, date)],
    };

    [Test]
    public void StandstillEnd_IntentionPublishedPastTheCalendar_NamesNoUnrelatedEvent()
    {
        using var pack = TestPack.WithHeader(VersionedHeader, TestPack.RuleText("After(First(ContractAwarded), StandstillEnd(First(IntentionToAwardPublished)))"));
        var procurement = Commenced("2024-03-01") with
        {
            Timeline =
            [
                Event(EventKind.ProcessCommenced, "2024-03-01"),
                new TimelineEvent { Kind = EventKind.BidReceived, Date = EventDate.Undated },
                Event(EventKind.IntentionToAwardPublished, "2027-12-30"),
                Event(EventKind.ContractAwarded, "2028-02-01"),
            ],
        };

        var outcome = pack.Load().Check(procurement).Outcomes.Should().ContainSingle().Which;

        outcome.Kind.Should().Be(OutcomeKind.Undetermined);
        outcome.MissingFacts.Should().NotContain(f => f.Contains("bid", StringComparison.OrdinalIgnoreCase), string.Join(", ", outcome.MissingFacts));
        outcome.MissingFacts.Should().Contain("calendar.england");
        outcome.WouldDecide.Should().Contain(l => l.Contains("2013 to 2027", StringComparison.Ordinal));
    }
}
