using System;
using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary><c>improvement-opportunities.two-formal-chances</c> (scenario 1), in NRules' fluent DSL.</summary>
internal static class ImprovementTwoFormalChances
{
    public const string Id = "improvement-opportunities.two-formal-chances";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(AlternativeProvidersEngaged)' does not hold.";

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.Underperformance ? Tri.False : Timeline.Happened(p, EventKind.AlternativeProvidersEngaged);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        var alternatives = Events.First(p, EventKind.AlternativeProvidersEngaged);
        var met = Events.CountBefore(p, EventKind.FormalImprovementOpportunity, alternatives) >= 2;
        if (!met && !Events.IsComplete(p, EventKind.FormalImprovementOpportunity))
        {
            return Undetermined(rule, Timeline.HappenedMissing(EventKind.FormalImprovementOpportunity), Facts(p));
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"{f[0].Display} had {f[2].Display} formal chances to improve before alternative providers were first engaged on {f[1].Display}.", f)
            : Breach(rule, $"Alternative providers were first engaged on {f[1].Display}, after {f[2].Display} formal chance(s) for {f[0].Display} to improve ({f[3].Display} recorded in all); at least 2 must come first.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p)
    {
        var alternatives = FirstFact("alternativesFirstEngaged", p, EventKind.AlternativeProvidersEngaged);
        return new[]
        {
            IncumbentFact("incumbent", p),
            alternatives,
            IntFact("chancesBefore", Events.CountBefore(p, EventKind.FormalImprovementOpportunity, ((EventDate?)alternatives.Value)?.Exact), alternatives.IsRecorded),
            IntFact("chancesInAll", Events.CountBefore(p, EventKind.FormalImprovementOpportunity, null), true),
        };
    }

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => x.Scenario == Scenario.Underperformance, x => Timeline.Happened(x, EventKind.AlternativeProvidersEngaged) == Tri.True);
            Then().Do(ctx => sink.Add(Decide(rule, p)));
        }
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold)));
        }
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedMissing(EventKind.AlternativeProvidersEngaged), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedMissing(EventKind.AlternativeProvidersEngaged), Facts(p)),
    };

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p);
            Then().Do(ctx => sink.Add(Outcome(rule, p)));
        }
    }
}

/// <summary><c>improvement-opportunities.two-plan-opportunities</c> (scenario 2), in NRules' fluent DSL.</summary>
internal static class ImprovementTwoPlanOpportunities
{
    public const string Id = "improvement-opportunities.two-plan-opportunities";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(AlternativeProvidersEngaged)' does not hold.";

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.IncrementalImprovement ? Tri.False : Timeline.Happened(p, EventKind.AlternativeProvidersEngaged);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        var alternatives = Events.First(p, EventKind.AlternativeProvidersEngaged);
        bool met;
        if (Events.CountBefore(p, EventKind.JointServiceReview, alternatives) < 1)
        {
            if (!Events.IsComplete(p, EventKind.JointServiceReview))
            {
                return Undetermined(rule, Timeline.HappenedMissing(EventKind.JointServiceReview), Facts(p));
            }

            met = false;
        }
        else
        {
            met = Events.CountBefore(p, EventKind.ServicePlansPresented, alternatives) >= 2;
            if (!met && !Events.IsComplete(p, EventKind.ServicePlansPresented))
            {
                return Undetermined(rule, Timeline.HappenedMissing(EventKind.ServicePlansPresented), Facts(p));
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"After a joint service review on {f[2].Display}, {f[0].Display} had {f[3].Display} opportunities to present service plans before alternative providers were first engaged on {f[1].Display}.", f)
            : Breach(rule, $"Alternative providers were first engaged on {f[1].Display}; before then {f[0].Display} had {f[3].Display} opportunity(ies) to present service plans (2 required) and the joint service review was on {f[2].Display}.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p)
    {
        var alternatives = FirstFact("alternativesFirstEngaged", p, EventKind.AlternativeProvidersEngaged);
        return new[]
        {
            IncumbentFact("incumbent", p),
            alternatives,
            FirstFact("jointReview", p, EventKind.JointServiceReview),
            IntFact("planOpportunitiesBefore", Events.CountBefore(p, EventKind.ServicePlansPresented, ((EventDate?)alternatives.Value)?.Exact), alternatives.IsRecorded),
        };
    }

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => x.Scenario == Scenario.IncrementalImprovement, x => Timeline.Happened(x, EventKind.AlternativeProvidersEngaged) == Tri.True);
            Then().Do(ctx => sink.Add(Decide(rule, p)));
        }
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold)));
        }
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedMissing(EventKind.AlternativeProvidersEngaged), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedMissing(EventKind.AlternativeProvidersEngaged), Facts(p)),
    };

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p);
            Then().Do(ctx => sink.Add(Outcome(rule, p)));
        }
    }
}

/// <summary><c>proportionality.significant-underperformance</c> (scenario 1), in NRules' fluent DSL.</summary>
internal static class ProportionalitySignificantUnderperformance
{
    public const string Id = "proportionality.significant-underperformance";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(AlternativeProvidersEngaged) && IncumbentContracts.Any()' does not hold.";

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.Underperformance ? Tri.False : Timeline.HappenedWithIncumbents(p, EventKind.AlternativeProvidersEngaged);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        var met = true;
        foreach (var contract in p.IncumbentContracts!)
        {
            var missingName = contract.Performance is not { } performance ? "incumbentContracts[].performance"
                : performance.SignificantUnderperformance is null ? "incumbentContracts[].performance.significantUnderperformance"
                : performance.SignificantUnderperformance == false ? null
                : performance.InsufficientImprovement is null ? "incumbentContracts[].performance.insufficientImprovement"
                : null;
            if (missingName is not null)
            {
                return Undetermined(rule, new[] { missingName }, Facts(p));
            }

            if (contract.Performance!.SignificantUnderperformance != true || contract.Performance.InsufficientImprovement != true)
            {
                met = false;
                break;
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"The under-performance of {f[0].Display} was recorded as significant ({f[1].Display}) with insufficient improvement ({f[2].Display}) before alternatives were engaged.", f)
            : Breach(rule, $"Alternative providers were engaged although the record does not show both significant under-performance (recorded: {f[1].Display}) and insufficient improvement (recorded: {f[2].Display}) by {f[0].Display}.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p) => new[]
    {
        IncumbentFact("incumbent", p),
        PerformanceFlags("significant", p, static a => a.SignificantUnderperformance),
        PerformanceFlags("insufficientImprovement", p, static a => a.InsufficientImprovement),
    };

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => x.Scenario == Scenario.Underperformance, x => Timeline.HappenedWithIncumbents(x, EventKind.AlternativeProvidersEngaged) == Tri.True);
            Then().Do(ctx => sink.Add(Decide(rule, p)));
        }
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold)));
        }
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedWithIncumbentsMissing(p, EventKind.AlternativeProvidersEngaged), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedWithIncumbentsMissing(p, EventKind.AlternativeProvidersEngaged), Facts(p)),
    };

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p);
            Then().Do(ctx => sink.Add(Outcome(rule, p)));
        }
    }
}

/// <summary><c>proportionality.serious-shortcomings</c> (scenario 2), in NRules' fluent DSL.</summary>
internal static class ProportionalitySeriousShortcomings
{
    public const string Id = "proportionality.serious-shortcomings";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(AlternativeProvidersEngaged) && IncumbentContracts.Any()' does not hold.";

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.IncrementalImprovement ? Tri.False : Timeline.HappenedWithIncumbents(p, EventKind.AlternativeProvidersEngaged);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        var met = true;
        foreach (var contract in p.IncumbentContracts!)
        {
            var missingName = contract.Performance is not { } performance ? "incumbentContracts[].performance"
                : performance.SeriousShortcomings is null ? "incumbentContracts[].performance.seriousShortcomings"
                : performance.SeriousShortcomings == false ? null
                : performance.PlansNotCredible is null ? "incumbentContracts[].performance.plansNotCredible"
                : null;
            if (missingName is not null)
            {
                return Undetermined(rule, new[] { missingName }, Facts(p));
            }

            if (contract.Performance!.SeriousShortcomings != true || contract.Performance.PlansNotCredible != true)
            {
                met = false;
                break;
            }
        }

        var f = Facts(p);
        return met
            ? Compliant(rule, $"{f[0].Display} had serious shortcomings ({f[1].Display}) and no credible plans ({f[2].Display}) before alternatives were engaged.", f)
            : Breach(rule, $"Alternative providers were engaged although the record does not show both serious shortcomings (recorded: {f[1].Display}) and a failure to develop credible plans (recorded: {f[2].Display}) by {f[0].Display}.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p) => new[]
    {
        IncumbentFact("incumbent", p),
        PerformanceFlags("seriousShortcomings", p, static a => a.SeriousShortcomings),
        PerformanceFlags("plansNotCredible", p, static a => a.PlansNotCredible),
    };

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => x.Scenario == Scenario.IncrementalImprovement, x => Timeline.HappenedWithIncumbents(x, EventKind.AlternativeProvidersEngaged) == Tri.True);
            Then().Do(ctx => sink.Add(Decide(rule, p)));
        }
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold)));
        }
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p, x => Applicability(x) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedWithIncumbentsMissing(p, EventKind.AlternativeProvidersEngaged), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedWithIncumbentsMissing(p, EventKind.AlternativeProvidersEngaged), Facts(p)),
    };

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define()
        {
            var rule = Definition(Id);
            ProposedProcurement p = null!;
            OutcomeSink sink = null!;
            Dependency().Resolve(() => sink);
            When().Match(() => p);
            Then().Do(ctx => sink.Add(Outcome(rule, p)));
        }
    }
}
