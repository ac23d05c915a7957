using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using Procurement.Model;
using Procurement.Rules.Engine;

namespace Procurement.Rules.Tests;

/// <summary>
/// The NRules engine behind <see cref="RulePack.Check"/>: the pack as NRules rules, what-if sessions equal to fresh
/// checks, a caller's own fluent rules beside the pack's, and NRules' expression compiler swapped for
/// FastExpressionCompiler without changing any outcome.
/// </summary>
public class EngineTests
{
    private static readonly RulePack Pack = RulePack.Default;
    private static readonly RulePack WithSystemCompiler = Pack.WithSystemExpressionCompiler();
    private static readonly RulePack PerPrinciple = Pack.WithVerdictRulePerPrinciple();
    private static readonly CheckOptions Anyway = new() { CheckOutsidePeriod = true };

    public static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f.Path).SetName($"Engine fixture {f.RuleId} {f.Name}"));

    [TestCaseSource(nameof(Fixtures))]
    public void FastExpressionCompiler_GivesTheSameReportAsExpressionCompile(string path)
    {
        var procurement = ProcurementFile.Load(path);

        Pack.FastCompile.Should().BeTrue();
        WithSystemCompiler.FastCompile.Should().BeFalse();
        Describe(Pack.Check(procurement, Anyway)).Should().Be(Describe(WithSystemCompiler.Check(procurement, Anyway)));
    }

    [Test]
    public void SessionFactory_FastCompile_CompilesThroughFastExpressionCompiler()
    {
        // NRules must be handed FastCompiler, not merely the flag set: every condition and action of a fast-compiled
        // pack goes through it, and none of a pack compiled with the system compiler.
        var before = FastCompiler.Compiled;
        _ = Pack.WithSystemExpressionCompiler();
        var afterSystem = FastCompiler.Compiled;
        _ = Pack.WithVerdictRulePerPrinciple();
        var afterFast = FastCompiler.Compiled;

        afterSystem.Should().Be(before);
        (afterFast - afterSystem).Should().BeGreaterThanOrEqualTo(Pack.Rules.Count);
    }

    [TestCaseSource(nameof(Fixtures))]
    public void VerdictRulePerPrinciple_GivesTheSameReportAsOneVerdictRule(string path)
    {
        var procurement = ProcurementFile.Load(path);

        foreach (var (name, changed) in Changes(procurement).Prepend(("as recorded", procurement)))
        {
            Describe(PerPrinciple.Check(changed, Anyway)).Should().Be(Describe(Pack.Check(changed, Anyway)), name);
        }
    }

    [TestCaseSource(nameof(Fixtures))]
    public void OpenSession_ChangedAndFiredAgain_EqualsAFreshCheckOfTheChange(string path)
    {
        var original = ProcurementFile.Load(path);
        var session = Pack.OpenSession(original, Anyway);
        Describe(session.Fire()).Should().Be(Describe(Pack.Check(original, Anyway)), "before any change");

        foreach (var (name, changed) in Changes(original))
        {
            session.Update(changed);
            Describe(session.Fire()).Should().Be(Describe(Pack.Check(changed, Anyway)), name);
        }

        session.Update(original);
        Describe(session.Fire()).Should().Be(Describe(Pack.Check(original, Anyway)), "back to the original");
    }

    [Test]
    public void OpenSession_AddEvent_EqualsAFreshCheckWithTheEvent()
    {
        var procurement = Cases.GreatYarmouth();
        var session = Pack.OpenSession(procurement);
        var before = session.Fire();
        var signOff = new TimelineEvent { Date = new DateOnly(2009, 9, 30), Kind = EventKind.StaffEngaged };

        session.AddEvent(signOff);
        var after = session.Fire();

        session.Procurement.Timeline.Should().Contain(signOff);
        Describe(after).Should().Be(Describe(Pack.Check(procurement with { Timeline = [.. procurement.Timeline!, signOff] })));
        Describe(after).Should().NotBe(Describe(before), "the event decides a rule the record left undetermined");
    }

    [Test]
    public void OpenSession_InvalidChange_IsRejectedAndTheSessionKeepsItsProcurement()
    {
        var procurement = Cases.GreatYarmouth();
        var session = Pack.OpenSession(procurement);

        var act = () => session.AddEvent(new TimelineEvent { Date = new DateOnly(2009, 11, 1), Kind = EventKind.EligibilityChanged });

        act.Should().Throw<ProcurementLoadException>();
        session.Procurement.Should().BeSameAs(procurement);
        Describe(session.Fire()).Should().Be(Describe(Pack.Check(procurement)));
    }

    [Test]
    public void RuleRepository_HasOneNRulesRulePerYamlRuleAndOneVerdictRule()
    {
        var rules = Pack.RuleRepository.GetRuleSets().SelectMany(s => s.Rules).ToList();

        var packRules = rules.Where(r => !r.Tags.Contains("verdict") && !r.Tags.Contains("inference")).ToList();
        packRules.Select(r => r.Name).Should().Equal(Pack.Rules.Select(r => r.Id));
        foreach (var rule in packRules)
        {
            var definition = Pack.Rules.Single(r => r.Id == rule.Name);
            rule.Tags.Should().BeEquivalentTo("principle:" + definition.Principle.Key, "severity:" + Names.Camel(definition.Severity));
            rule.Properties["definition"].Should().BeSameAs(definition);
        }

        rules.Where(r => r.Tags.Contains("verdict")).Select(r => r.Name).Should().Equal("verdict:*");
        // A rule over derived sources only where some inference derives the source kind: no other can ever match.
        var derivable = Pack.Inferences.Select(i => i.Derive).ToHashSet();
        rules.Where(r => r.Tags.Contains("inference")).Select(r => r.Name).Should().Equal(
            Pack.Inferences.SelectMany(i => derivable.Contains(i.From) ? new[] { "inference:" + i.Id, "inference:" + i.Id + ":chained" } : new[] { "inference:" + i.Id }),
            "one NRules rule per inference for recorded sources, and one for derived sources where another inference derives them");
        rules.Should().Contain(r => r.Name.EndsWith(":chained", StringComparison.Ordinal), "the default pack chains (a bid implies a notice, that notice a decision)");
        rules.Where(r => r.Tags.Contains("inference")).Should().OnlyContain(r => r.Priority > 0, "derived facts are in before any checking rule fires");
        PerPrinciple.RuleRepository.GetRuleSets().SelectMany(s => s.Rules).Where(r => r.Tags.Contains("verdict")).Select(r => r.Name).Should()
            .BeEquivalentTo(Pack.Principles.Where(p => Pack.Rules.Any(r => r.Principle == p)).Select(p => "verdict:" + p.Key));
        Pack.RuleRepository.GetRuleSets().Single().Should().NotBeSameAs(Pack.RuleRepository.GetRuleSets().Single(), "a caller cannot change the pack's set");
    }

    [Test]
    public void WithRules_CallerFluentRulesMatchBreachesAndEvents_ReportUnchanged()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(EscalateCriticalBreach), typeof(CountEvents)));
        var pack = Pack.WithRules(repository);
        var procurement = Cases.GreatYarmouth();
        var duplicate = procurement.Timeline![0] with { };

        var session = pack.OpenSession(procurement with { Timeline = [.. procurement.Timeline, duplicate] });
        var report = session.Fire();

        var escalations = session.Session.Query<Escalation>().Select(e => e.RuleId).ToList();
        escalations.Should().BeEquivalentTo(report.Breaches.Where(b => b.Rule.Severity == Severity.Critical).Select(b => b.Rule.Id)).And.NotBeEmpty();
        session.Session.Query<EventSeen>().Should().HaveCount(procurement.Timeline.Count + 1, "equal records are distinct facts (identified by reference)");
        Describe(report).Should().Be(Describe(Pack.Check(session.Procurement)));

        // What-if with the caller's rule: once nothing is breached, its escalations go with the breaches.
        session.Update(Cases.GreatYarmouth() with { Tender = null, Timeline = null });
        var after = session.Fire();
        after.HasBreaches.Should().BeFalse();
        session.Session.Query<Escalation>().Should().BeEmpty();
    }

    [Test]
    public void Check_SessionsOnManyThreads_ShareOneFactory()
    {
        var procurements = Fixture.All(RepoPaths.Fixtures).Select(f => ProcurementFile.Load(f.Path)).ToArray();
        var expected = procurements.Select(p => Describe(Pack.Check(p, Anyway))).ToArray();

        var actual = new string[procurements.Length];
        System.Threading.Tasks.Parallel.For(0, procurements.Length * 4, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i % procurements.Length] = Describe(Pack.Check(procurements[i % procurements.Length], Anyway)));

        actual.Should().Equal(expected);
    }

    /// <summary>Every figure the report shows, verdicts included.</summary>
    internal static string Describe(CheckReport report) =>
        report.ToJson() + "\n" + string.Join("\n", report.Verdicts.Select(v => v.ToString()))
        + "\n" + string.Join("\n", report.Outcomes.Select(o =>
            $"{o.Rule.Id} {o.Kind} {o.Message} [{string.Join(", ", o.MissingFacts)}] {o.Error} " + string.Join("; ", o.Facts.Select(f => $"{f.Name}={f.Display}/{f.IsRecorded}"))));

    private static IEnumerable<(string Name, ProposedProcurement Changed)> Changes(ProposedProcurement p)
    {
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            yield return ($"scenario {scenario}", p with { Scenario = scenario });
        }

        yield return ("no scenario", p with { Scenario = null });
        yield return ("NHS only without reason", p with { Tender = (p.Tender ?? new TenderPlan()) with { Eligibility = TenderEligibility.NhsOnly, EligibilityJustification = null } });
        yield return ("no timeline", p with { Timeline = null });
        yield return ("complete timeline", p with { TimelineComplete = true });
        yield return ("no decision date", p with { DecisionDate = null });
        yield return ("decided before the pack", p with { DecisionDate = new DateOnly(2001, 1, 1) });
    }
}

/// <summary>A trust's escalation: a critical breach of the pack.</summary>
public sealed record Escalation(string RuleId);

/// <summary>A fact per timeline event seen, to prove events are facts.</summary>
public sealed record EventSeen(TimelineEvent Event);

/// <summary>A caller's fluent rule over the pack's outcome facts.</summary>
public sealed class EscalateCriticalBreach : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        RuleOutcome breach = null!;
        When().Match(() => breach, o => o.Kind == OutcomeKind.Breach && o.Rule.Severity == Severity.Critical);
        Then().Yield(_ => new Escalation(breach.Rule.Id));
    }
}

/// <summary>A caller's fluent rule over the timeline's events.</summary>
public sealed class CountEvents : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        TimelineEvent seen = null!;
        When().Match(() => seen);
        Then().Yield(_ => new EventSeen(seen));
    }
}
