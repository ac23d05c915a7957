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
    internal static Tri ApproachedWithIncumbentsTri(ProposedProcurement p) => Timeline.Of(HandWrittenRules.ApproachedWithIncumbents(p));

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.ImprovementOpportunitiesTwoFormalChances(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => x.Scenario == Scenario.Underperformance, x => Approached(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, p) => NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold), x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>improvement-opportunities.two-plan-opportunities</c> (scenario 2), in NRules' fluent DSL.</summary>
internal static class ImprovementTwoPlanOpportunities
{
    public const string Id = "improvement-opportunities.two-plan-opportunities";
    private const string DoesNotHold = Approaches.DoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.IncrementalImprovement ? Tri.False : ImprovementTwoFormalChances.Approached(p);

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.ImprovementOpportunitiesTwoPlanOpportunities(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => x.Scenario == Scenario.IncrementalImprovement, x => ImprovementTwoFormalChances.Approached(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, p) => NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold), x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>proportionality.significant-underperformance</c> (scenario 1), in NRules' fluent DSL.</summary>
internal static class ProportionalitySignificantUnderperformance
{
    public const string Id = "proportionality.significant-underperformance";
    private const string DoesNotHold = Approaches.WithIncumbentsDoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.Underperformance ? Tri.False : ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(p);

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.ProportionalitySignificantUnderperformance(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => x.Scenario == Scenario.Underperformance, x => ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, p) => NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold), x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplicable(rule, p.Scenario != Scenario.Underperformance ? Timeline.OtherScenario("scenario 1", p) : DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>proportionality.serious-shortcomings</c> (scenario 2), in NRules' fluent DSL.</summary>
internal static class ProportionalitySeriousShortcomings
{
    public const string Id = "proportionality.serious-shortcomings";
    private const string DoesNotHold = Approaches.WithIncumbentsDoesNotHold;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.IncrementalImprovement ? Tri.False : ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(p);

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.ProportionalitySeriousShortcomings(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => x.Scenario == Scenario.IncrementalImprovement, x => ImprovementTwoFormalChances.ApproachedWithIncumbentsTri(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, p) => NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold), x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplicable(rule, p.Scenario != Scenario.IncrementalImprovement ? Timeline.OtherScenario("scenario 2", p) : DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}
