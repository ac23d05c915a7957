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
    private const string DoesNotHold = Approaches.DoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.Underperformance ? Tri.False : Approached(p);

    /// <summary>Whether other providers were approached (engaged, a decision to tender, a notice), three-valued.</summary>
    internal static Tri Approached(ProposedProcurement p) =>
        Approaches.AnyRecorded(p) ? Tri.True : Approaches.MissingWhenNoneRecorded(p).Length == 0 ? Tri.False : Tri.Unknown;

    /// <summary>Other providers approached <c>&amp;&amp; IncumbentContracts.Any()</c>, three-valued (the proportionality rules).</summary>
    internal static Tri ApproachedWithIncumbentsTri(ProposedProcurement p)
    {
        var approached = Approached(p);
        if (approached != Tri.True)
        {
            return approached;
        }

        return p.IncumbentContracts is null ? Tri.Unknown : p.IncumbentContracts.Count > 0 ? Tri.True : Tri.False;
    }

    /// <summary>What <see cref="ApproachedWithIncumbentsTri"/> found not recorded when it was unknown.</summary>
    internal static string[] ApproachedWithIncumbentsMissingNames(ProposedProcurement p) =>
        Approaches.AnyRecorded(p) ? new[] { "incumbentContracts" } : Approaches.MissingWhenNoneRecorded(p);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => Approaches.DecideTwoFormalChances(rule, p);

    private static FactValue[] Facts(ProposedProcurement p) => Approaches.FormalChancesFacts(p);

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
            When().Match(() => p, x => x.Scenario == Scenario.Underperformance, x => Approached(x) == Tri.True);
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
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Approaches.MissingWhenNoneRecorded(p), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Approaches.MissingWhenNoneRecorded(p), Facts(p)),
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
    private const string DoesNotHold = Approaches.DoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.IncrementalImprovement ? Tri.False : ImprovementTwoFormalChances.Approached(p);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => Approaches.DecideTwoPlanOpportunities(rule, p);

    private static FactValue[] Facts(ProposedProcurement p) => Approaches.PlanOpportunitiesFacts(p);

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
            When().Match(() => p, x => x.Scenario == Scenario.IncrementalImprovement, x => ImprovementTwoFormalChances.Approached(x) == Tri.True);
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
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Approaches.MissingWhenNoneRecorded(p), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Approaches.MissingWhenNoneRecorded(p), Facts(p)),
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
    private const string DoesNotHold = Approaches.WithIncumbentsDoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.Underperformance ? Tri.False : ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(p);

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
            ? Compliant(rule, $"The under-performance of {f[0].Display} was recorded as significant ({f[1].Display}) with insufficient improvement ({f[2].Display}) before other providers were approached.", f)
            : Breach(rule, $"Other providers were approached although the record does not show both significant under-performance (recorded: {f[1].Display}) and insufficient improvement (recorded: {f[2].Display}) by {f[0].Display}.", f);
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
            When().Match(() => p, x => x.Scenario == Scenario.Underperformance, x => ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(x) == Tri.True);
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
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : ImprovementTwoFormalChances.ApproachedWithIncumbentsMissingNames(p), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : ImprovementTwoFormalChances.ApproachedWithIncumbentsMissingNames(p), Facts(p)),
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
    private const string DoesNotHold = Approaches.WithIncumbentsDoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.IncrementalImprovement ? Tri.False : ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(p);

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
            ? Compliant(rule, $"{f[0].Display} had serious shortcomings ({f[1].Display}) and no credible plans ({f[2].Display}) before other providers were approached.", f)
            : Breach(rule, $"Other providers were approached although the record does not show both serious shortcomings (recorded: {f[1].Display}) and a failure to develop credible plans (recorded: {f[2].Display}) by {f[0].Display}.", f);
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
            When().Match(() => p, x => x.Scenario == Scenario.IncrementalImprovement, x => ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(x) == Tri.True);
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
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : ImprovementTwoFormalChances.ApproachedWithIncumbentsMissingNames(p), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : ImprovementTwoFormalChances.ApproachedWithIncumbentsMissingNames(p), Facts(p)),
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
