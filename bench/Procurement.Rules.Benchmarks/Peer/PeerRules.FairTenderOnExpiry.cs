using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary><c>fair-tender.open-competition-on-expiry</c> (scenario 6), in NRules' fluent DSL.</summary>
internal static class FairTenderOpenCompetitionOnExpiry
{
    public const string Id = "fair-tender.open-competition-on-expiry";
    private const string DoesNotHold = HandWrittenRules.FairTenderOnExpiryDoesNotHold;

    public static bool InScope(ProposedProcurement p) => p.Scenario is Scenario.ContractExpiry;

    /// <summary>The rule's <c>when</c> (scenario 6 aside), three-valued.</summary>
    public static Tri Holds(ProposedProcurement p) =>
        HandWrittenRules.FairTenderOnExpiryHolds(p) is var when && !when.IsKnown ? Tri.Unknown : when.Value ? Tri.True : Tri.False;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : !InScope(p) ? Tri.False : Holds(p);

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.FairTenderOpenCompetitionOnExpiry(rule, p);

    private static RuleOutcome NotApplying(RuleDefinition rule, ProposedProcurement p) =>
        NotApplicable(rule, !InScope(p) ? Timeline.OtherScenario("scenario 6", p) : DoesNotHold);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => InScope(x), x => Holds(x) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, NotApplying, x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplying(rule, p) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}
