using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary><c>nhs-right-to-bid.nhs-providers-eligible</c>, in NRules' fluent DSL.</summary>
internal static class NhsRightToBidProvidersEligible
{
    public const string Id = "nhs-right-to-bid.nhs-providers-eligible";
    private const string DoesNotHold = "Does not apply: the condition 'HappenedAny(TenderDecision, AccreditationOpened)' does not hold.";

    /// <summary><c>HappenedAny(TenderDecision, AccreditationOpened)</c>: true if either is recorded.</summary>
    public static Tri Holds(ProposedProcurement p)
    {
        if (Events.First(p, EventKind.TenderDecision) is not null || Events.First(p, EventKind.AccreditationOpened) is not null)
        {
            return Tri.True;
        }

        return Events.IsComplete(p, EventKind.TenderDecision) && Events.IsComplete(p, EventKind.AccreditationOpened) ? Tri.False : Tri.Unknown;
    }

    private static string[] HoldsMissing(ProposedProcurement p)
    {
        var missing = default(Missing);
        if (!Events.IsComplete(p, EventKind.TenderDecision))
        {
            missing.Add(Events.Missing(EventKind.TenderDecision));
        }

        if (!Events.IsComplete(p, EventKind.AccreditationOpened))
        {
            missing.Add(Events.Missing(EventKind.AccreditationOpened));
        }

        return missing.ToArray();
    }

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.Eligibility is not { } eligibility)
        {
            return Undetermined(rule, new[] { "tender.eligibility" }, Facts(p));
        }

        var f = Facts(p);
        return eligibility != TenderEligibility.NonNhsOnly
            ? Compliant(rule, $"NHS providers may bid for the opportunity (eligibility {f[2].Display}).", f)
            : Breach(rule, $"The opportunity is open to non-NHS providers only (eligibility {f[2].Display}), so NHS providers cannot bid.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p) =>
        new[] { FirstFact("tenderDecision", p, EventKind.TenderDecision), FirstFact("accreditationOpened", p, EventKind.AccreditationOpened), EnumFact("eligibility", p.Tender?.Eligibility) };

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
            When().Match(() => p, x => Holds(x) == Tri.True);
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
            When().Match(() => p, x => Holds(x) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, DoesNotHold)));
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
            When().Match(() => p, x => Holds(x) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, HoldsMissing(p), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Holds(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, DoesNotHold),
        _ => Undetermined(rule, HoldsMissing(p), Facts(p)),
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

/// <summary><c>fair-tender.nhs-only-needs-reason</c>, in NRules' fluent DSL.</summary>
internal static class FairTenderNhsOnlyNeedsReason
{
    public const string Id = "fair-tender.nhs-only-needs-reason";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(TenderDecision) && Tender.Eligibility == NhsOnly' does not hold.";

    /// <summary><c>Happened(TenderDecision) &amp;&amp; Tender.Eligibility == NhsOnly</c>, three-valued.</summary>
    public static Tri Holds(ProposedProcurement p)
    {
        var happened = Timeline.Happened(p, EventKind.TenderDecision);
        if (happened != Tri.True)
        {
            return happened;
        }

        return p.Tender?.Eligibility is not { } eligibility ? Tri.Unknown : eligibility == TenderEligibility.NhsOnly ? Tri.True : Tri.False;
    }

    private static string[] HoldsMissing(ProposedProcurement p) =>
        Events.First(p, EventKind.TenderDecision) is null ? Timeline.HappenedMissing(EventKind.TenderDecision)
        : p.Tender is null ? new[] { "tender" }
        : new[] { "tender.eligibility" };

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Tender!.EligibilityJustification is not { } reason)
        {
            return Undetermined(rule, new[] { "tender.eligibilityJustification" }, Facts(p));
        }

        var f = Facts(p);
        return reason.Kind is JustificationKind.Clinical or JustificationKind.Safety or JustificationKind.ClinicalAndSafety
            ? Compliant(rule, $"The tender is restricted to NHS providers for a recorded {f[1].Display} reason ({f[2].Display}).", f)
            : Breach(rule, $"The tender is restricted to NHS providers, but the recorded reason is of kind '{f[1].Display}' ({f[2].Display}), not a clinical or safety reason.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p)
    {
        var reason = p.Tender?.EligibilityJustification;
        return new[] { EnumFact("eligibility", p.Tender?.Eligibility), EnumFact("reasonKind", reason?.Kind), StringFact("reason", reason?.Text) };
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
            When().Match(() => p, x => Holds(x) == Tri.True);
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
            When().Match(() => p, x => Holds(x) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, DoesNotHold)));
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
            When().Match(() => p, x => Holds(x) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, HoldsMissing(p), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Holds(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, DoesNotHold),
        _ => Undetermined(rule, HoldsMissing(p), Facts(p)),
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

/// <summary><c>fair-tender.eligibility-fixed-at-notice</c>, in NRules' fluent DSL.</summary>
internal static class FairTenderEligibilityFixedAtNotice
{
    public const string Id = "fair-tender.eligibility-fixed-at-notice";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(NoticePublished)' does not hold.";

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        var notice = Events.First(p, EventKind.NoticePublished)!.Value;
        var narrowed = false;
        var timeline = p.Timeline!;
        for (var i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e.Kind == EventKind.EligibilityChanged && e.Date.Earliest > notice && e.Eligibility is TenderEligibility.NhsOnly or TenderEligibility.NonNhsOnly)
            {
                narrowed = true;
                break;
            }
        }

        if (!narrowed && !Events.IsComplete(p, EventKind.EligibilityChanged))
        {
            return Undetermined(rule, Timeline.HappenedMissing(EventKind.EligibilityChanged), Facts(p));
        }

        var f = Facts(p);
        return narrowed
            ? Breach(rule, $"The notice was published on {f[0].Display}, and on {f[1].Display} eligibility was narrowed (now {f[2].Display}).", f)
            : Compliant(rule, $"Eligibility was not narrowed after the notice of {f[0].Display}.", f);
    }

    private static FactValue[] Facts(ProposedProcurement p) =>
        new[] { FirstFact("notice", p, EventKind.NoticePublished), FirstFact("eligibilityChanged", p, EventKind.EligibilityChanged), EnumFact("eligibility", p.Tender?.Eligibility) };

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
            When().Match(() => p, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.True);
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
            When().Match(() => p, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, DoesNotHold)));
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
            When().Match(() => p, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, Timeline.HappenedMissing(EventKind.NoticePublished), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Timeline.Happened(p, EventKind.NoticePublished) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, DoesNotHold),
        _ => Undetermined(rule, Timeline.HappenedMissing(EventKind.NoticePublished), Facts(p)),
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

/// <summary><c>fair-tender.criteria-published</c>, in NRules' fluent DSL.</summary>
internal static class FairTenderCriteriaPublished
{
    public const string Id = "fair-tender.criteria-published";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(NoticePublished)' does not hold.";

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.CriteriaPublished is not { } published)
        {
            return Undetermined(rule, new[] { "tender.criteriaPublished" }, Facts(p));
        }

        var f = Facts(p);
        return published
            ? Compliant(rule, $"The evaluation criteria were published for the competition noticed on {f[0].Display}.", f)
            : Breach(rule, $"Bids were invited by the notice of {f[0].Display}, but the evaluation criteria were not published (recorded: {f[1].Display}).", f);
    }

    private static FactValue[] Facts(ProposedProcurement p) =>
        new[] { FirstFact("notice", p, EventKind.NoticePublished), BoolFact("criteriaPublished", p.Tender?.CriteriaPublished) };

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
            When().Match(() => p, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.True);
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
            When().Match(() => p, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.False);
            Then().Do(ctx => sink.Add(NotApplicable(rule, DoesNotHold)));
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
            When().Match(() => p, x => Timeline.Happened(x, EventKind.NoticePublished) == Tri.Unknown);
            Then().Do(ctx => sink.Add(Undetermined(rule, Timeline.HappenedMissing(EventKind.NoticePublished), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Timeline.Happened(p, EventKind.NoticePublished) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, DoesNotHold),
        _ => Undetermined(rule, Timeline.HappenedMissing(EventKind.NoticePublished), Facts(p)),
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

/// <summary><c>fair-tender.incumbent-may-bid</c> (scenarios 1, 2 and 4), in NRules' fluent DSL.</summary>
internal static class FairTenderIncumbentMayBid
{
    public const string Id = "fair-tender.incumbent-may-bid";
    private const string DoesNotHold = "Does not apply: the condition 'Happened(TenderDecision) && IncumbentContracts.Any()' does not hold.";

    public static bool InScope(ProposedProcurement p) =>
        p.Scenario is Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.NewOrRedesignedService;

    public static Tri Applicability(ProposedProcurement p) =>
        p.Scenario is null ? Tri.Unknown : !InScope(p) ? Tri.False : Timeline.HappenedWithIncumbents(p, EventKind.TenderDecision);

    private static RuleOutcome Decide(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Tender is not { } tender)
        {
            return Undetermined(rule, new[] { "tender" }, Facts(p));
        }

        if (tender.IncumbentMayBid is not { } mayBid)
        {
            return Undetermined(rule, new[] { "tender.incumbentMayBid" }, Facts(p));
        }

        var f = Facts(p);
        return mayBid
            ? Compliant(rule, $"{f[0].Display} may bid in the tender on a fair and equal basis.", f)
            : Breach(rule, $"The service is tendered but {f[0].Display} may not bid on a fair and equal basis (recorded {f[1].Display}).", f);
    }

    private static FactValue[] Facts(ProposedProcurement p) =>
        new[] { IncumbentFact("incumbent", p), BoolFact("incumbentMayBid", p.Tender?.IncumbentMayBid) };

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
            When().Match(() => p, x => InScope(x), x => Timeline.HappenedWithIncumbents(x, EventKind.TenderDecision) == Tri.True);
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
            Then().Do(ctx => sink.Add(NotApplicable(rule, !InScope(p) ? Timeline.OtherScenario("scenarios 1, 2, 4", p) : DoesNotHold)));
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
            Then().Do(ctx => sink.Add(Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedWithIncumbentsMissing(p, EventKind.TenderDecision), Facts(p))));
        }
    }

    /// <summary>The whole outcome, decided in one action (the one-rule shape).</summary>
    private static RuleOutcome Outcome(RuleDefinition rule, ProposedProcurement p) => Applicability(p) switch
    {
        Tri.True => Decide(rule, p),
        Tri.False => NotApplicable(rule, !InScope(p) ? Timeline.OtherScenario("scenarios 1, 2, 4", p) : DoesNotHold),
        _ => Undetermined(rule, p.Scenario == null ? Timeline.ScenarioMissing : Timeline.HappenedWithIncumbentsMissing(p, EventKind.TenderDecision), Facts(p)),
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
