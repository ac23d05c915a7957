using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary><c>nhs-right-to-bid.nhs-providers-eligible</c>, in NRules' fluent DSL.</summary>
internal static class NhsRightToBidProvidersEligible
{
    public const string Id = "nhs-right-to-bid.nhs-providers-eligible";
    private const string DoesNotHold = RightToBid.DoesNotHold;

    /// <summary>Whether an opportunity was offered (a tender, accreditation, notice, direct award or invitations), three-valued.</summary>
    public static Tri Holds(ProposedProcurement p) =>
        RightToBid.OpportunityRecorded(p) ? Tri.True : RightToBid.MissingWhenNoneRecorded(p).Length == 0 ? Tri.False : Tri.Unknown;

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.NhsRightToBidNhsProvidersEligible(rule, p);

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

/// <summary><c>fair-tender.nhs-only-needs-reason</c>, in NRules' fluent DSL.</summary>
internal static class FairTenderNhsOnlyNeedsReason
{
    public const string Id = "fair-tender.nhs-only-needs-reason";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(TenderDecision) && Tender.Eligibility == NhsOnly' does not hold.";

    /// <summary><c>Happened(TenderDecision) &amp;&amp; Tender.Eligibility == NhsOnly</c>, three-valued.</summary>
    public static Tri Holds(ProposedProcurement p) => Timeline.Of(HandWrittenRules.NhsOnlyWhen(p));

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.FairTenderNhsOnlyNeedsReason(rule, p);

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

/// <summary><c>fair-tender.eligibility-fixed-at-notice</c>, in NRules' fluent DSL.</summary>
internal static class FairTenderEligibilityFixedAtNotice
{
    public const string Id = "fair-tender.eligibility-fixed-at-notice";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(NoticePublished)' does not hold.";

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.FairTenderEligibilityFixedAtNotice(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, _) => NotApplicable(rule, DoesNotHold), x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Timeline.Happened(p, EventKind.NoticePublished) == Tri.False ? NotApplicable(rule, DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>fair-tender.criteria-published</c>, in NRules' fluent DSL.</summary>
internal static class FairTenderCriteriaPublished
{
    public const string Id = "fair-tender.criteria-published";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(NoticePublished)' does not hold.";

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.FairTenderCriteriaPublished(rule, p);

    [Name(Id + ": applies")]
    [Tag(Id)]
    internal sealed class Applies : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.True);
    }

    [Name(Id + ": does not apply")]
    [Tag(Id)]
    internal sealed class DoesNotApply : SplitPeerRule
    {
        public override void Define() => Define(Id, static (rule, _) => NotApplicable(rule, DoesNotHold), x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Timeline.Happened(p, EventKind.NoticePublished) == Tri.False ? NotApplicable(rule, DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}

/// <summary><c>fair-tender.incumbent-may-bid</c> (scenarios 1, 2 and 4), in NRules' fluent DSL.</summary>
internal static class FairTenderIncumbentMayBid
{
    public const string Id = "fair-tender.incumbent-may-bid";
    private const string DoesNotHold = HandWrittenRules.IncumbentMayBidNotApplicable;

    public static bool InScope(ProposedProcurement p) =>
        p.Scenario is Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.NewOrRedesignedService;

    /// <summary>The rule's condition: market testing pursued without a tender, or an existing service tendered.</summary>
    public static Tri Holds(ProposedProcurement p) => Timeline.Of(HandWrittenRules.IncumbentMayBidApplies(p));

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : !InScope(p) ? Tri.False : Holds(p);

    /// <summary>The outcome, decided as the hand-written mirror decides it (three-valued, dates as intervals).</summary>
    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p) => HandWrittenRules.FairTenderIncumbentMayBid(rule, p);

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
        public override void Define() => Define(Id, static (rule, p) => NotApplicable(rule, !InScope(p) ? Timeline.OtherScenario("scenarios 1, 2, 4", p) : DoesNotHold), x => Applicability(x) == Tri.False);
    }

    [Name(Id + ": cannot tell")]
    [Tag(Id)]
    internal sealed class CannotTell : SplitPeerRule
    {
        public override void Define() => Define(Id, Decide, x => Applicability(x) == Tri.Unknown);
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) =>
        Applicability(p) == Tri.False ? NotApplicable(rule, !InScope(p) ? Timeline.OtherScenario("scenarios 1, 2, 4", p) : DoesNotHold) : Decide(rule, p);

    [Name(Id)]
    [Tag(Id)]
    internal sealed class Whole : WholePeerRule
    {
        public override void Define() => Define(Id, Outcome);
    }
}
