using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.Peer;

// Every YAML rule of the five principles is written here in two shapes (FluentPeerShape), sharing its decision code:
// - ConditionsInWhen, three fluent rules per YAML rule: "Applies" matches the procurement when the rule's scope and
//   condition hold (the scenario first, as an alpha condition shared with the other rules of that scenario) and checks
//   the requirement in its action; "DoesNotApply" and "CannotTell" match when the condition is false or cannot be
//   decided. Exactly one of the three fires per procurement.
// - OneRulePerRule, one fluent rule per YAML rule ("Whole"): it matches every procurement and decides the whole outcome
//   in its action. Fewer nodes and a cheaper session; the rule engine only dispatches.
// Either way the firing rule hands its outcome to the session's OutcomeSink, an NRules dependency (a per-session service);
// inserting outcomes as facts and querying them after firing cost about 40% more time and 4 KB more per check.

/// <summary><c>early-provider-engagement.before-tender-decision</c>, in NRules' fluent DSL.</summary>
internal static class EarlyEngagementBeforeTenderDecision
{
    public const string Id = "early-provider-engagement.before-tender-decision";
    private const string DoesNotHold = HandWrittenRules.ExistingServiceTenderedNotApplicable;

    /// <summary>A decision to tender a service with an existing provider (recorded or implied), three-valued.</summary>
    public static Tri Holds(ProposedProcurement p) => Timeline.Of(HandWrittenRules.ExistingServiceTendered(p));

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.EarlyProviderEngagementBeforeTenderDecision(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Holds(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, _) => NotApplicable(rule, DoesNotHold), x => Holds(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Holds(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Holds(p) == Tri.False ? NotApplicable(rule, DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>early-provider-engagement.shaping-new-service</c> (scenario 4), in NRules' fluent DSL.</summary>
internal static class EarlyEngagementShapingNewService
{
    public const string Id = "early-provider-engagement.shaping-new-service";
    private const string DoesNotHold = "Does not apply: the condition '" + HandWrittenRules.ShapingWhen + "' does not hold.";

    /// <summary>Scope and condition together: unknown without a scenario, false for another scenario.</summary>
    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.NewOrRedesignedService ? Tri.False : Timeline.Of(HandWrittenRules.ShapingApplies(p));

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.EarlyProviderEngagementShapingNewService(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => x.Scenario == Scenario.NewOrRedesignedService, x => Timeline.Of(HandWrittenRules.ShapingApplies(x)) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, p) => NotApplicable(rule, p.Scenario != Scenario.NewOrRedesignedService ? Timeline.OtherScenario("scenario 4", p) : DoesNotHold), x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplicable(rule, p.Scenario != Scenario.NewOrRedesignedService ? Timeline.OtherScenario("scenario 4", p) : DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>early-provider-engagement.before-direct-award</c> (scenario 6), in NRules' fluent DSL.</summary>
internal static class EarlyEngagementBeforeDirectAward
{
    public const string Id = "early-provider-engagement.before-direct-award";
    private const string DoesNotHold = "Does not apply: the condition '" + HandWrittenRules.BeforeDirectAwardWhen + "' does not hold.";

    /// <summary>Scope and condition together: unknown without a scenario, false for another scenario.</summary>
    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : p.Scenario != Scenario.ContractExpiry ? Tri.False : HandWrittenRules.BeforeDirectAwardApplies(p) ? Tri.True : Tri.False;

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.EarlyProviderEngagementBeforeDirectAward(rule, p);

    private static RuleOutcome DoesNotApplyOutcome(RuleDefinition rule, ProposedProcurement p) =>
        NotApplicable(rule, p.Scenario != Scenario.ContractExpiry ? Timeline.OtherScenario("scenario 6", p) : DoesNotHold);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => x.Scenario == Scenario.ContractExpiry, x => HandWrittenRules.BeforeDirectAwardApplies(x));
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, DoesNotApplyOutcome, x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? DoesNotApplyOutcome(rule, p) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>early-provider-engagement.before-alternatives-approached</c> (scenarios 1 to 3), in NRules' fluent DSL.</summary>
internal static class EarlyEngagementBeforeAlternativesApproached
{
    public const string Id = "early-provider-engagement.before-alternatives-approached";
    private const string DoesNotHold = "Does not apply: the condition 'Count(AlternativeProvidersEngaged) > 0' does not hold.";

    private static bool InScope(Scenario? scenario) =>
        scenario is Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.Unsustainability;

    /// <summary>Scope and condition together: unknown without a scenario, false for another scenario.</summary>
    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : !InScope(p.Scenario) ? Tri.False : HandWritten.Timeline.Count(p, EventKind.AlternativeProvidersEngaged) > 0 ? Tri.True : Tri.False;

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.EarlyProviderEngagementBeforeAlternativesApproached(rule, p);

    private static RuleOutcome DoesNotApplyOutcome(RuleDefinition rule, ProposedProcurement p) =>
        NotApplicable(rule, !InScope(p.Scenario) ? Timeline.OtherScenario("scenarios 1, 2, 3", p) : DoesNotHold);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, DoesNotApplyOutcome, x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? DoesNotApplyOutcome(rule, p) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}
