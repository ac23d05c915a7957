using System;
using System.Collections.Generic;
using Procurement.Model;
using static Procurement.Rules.Benchmarks.HandWritten.Report;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>The oversight, local-decision and best-value rules, written by hand.</summary>
internal static partial class HandWrittenRules
{
    private const OversightBody PerformanceRegime = OversightBody.ShaPerformanceRegime;
    private const OversightBody Wcc = OversightBody.WorldClassCommissioning;
    private const OversightBody Tcs = OversightBody.TransformingCommunityServices;
    private const OversightBody StrategySignOff = OversightBody.ShaStrategySignOff;
    private const OversightBody ShaAssurance = OversightBody.ShaAssurance;
    private const OversightBody Ccp = OversightBody.CooperationAndCompetitionPanel;

    // The bodies each scenario's rule requires, in the order its `require` names them (the first not signed off is the
    // one reported missing).
    private static readonly OversightBody[] Scenario1Bodies = { PerformanceRegime, Wcc, ShaAssurance };
    private static readonly OversightBody[] Scenario2Bodies = { Wcc, Tcs, StrategySignOff, ShaAssurance };
    private static readonly OversightBody[] Scenario3Bodies = Scenario1Bodies;
    private static readonly OversightBody[] Scenario4And5Bodies = { Wcc, StrategySignOff, Tcs, ShaAssurance, Ccp };
    private static readonly OversightBody[] Scenario6Bodies = { Wcc, StrategySignOff, ShaAssurance, Ccp };

    // ---- oversight ----

    public static RuleOutcome OversightScenario1Assurance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Underperformance)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 1", other) : Undetermined(rule, ScenarioMissing, Facts(SignOffs.Of(p)));
        }

        var signOffs = SignOffs.Of(p);
        var notSignedOff = signOffs.FirstNotSignedOff(Scenario1Bodies);
        if (notSignedOff is not null && !signOffs.AnyKnownNotSignedOff(Scenario1Bodies))
        {
            return Undetermined(rule, signOffs.MissingOf(Scenario1Bodies), Facts(signOffs));
        }

        var f = Facts(signOffs);
        return notSignedOff is null
            ? Compliant(rule, "Every oversight mechanism scenario 1 names signed off: the SHA under the NHS Performance Regime, WCC assurance and SHA assurance.", f)
            : Breach(rule, $"Scenario 1 names the SHA under the NHS Performance Regime, WCC assurance and SHA assurance; not all of them signed off." + Opt($" The SHA under the NHS Performance Regime: {f[0].Display}.", f[0]) + Opt($" WCC assurance: {f[1].Display}.", f[1]) + Opt($" SHA assurance: {f[2].Display}.", f[2]), f);

        static FactValue[] Facts(in SignOffs s) =>
            new[] { s.Fact("performanceRegime", PerformanceRegime), s.Fact("wccAssurance", Wcc), s.Fact("shaAssurance", ShaAssurance) };
    }

    public static RuleOutcome OversightScenario2Assurance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.IncrementalImprovement)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 2", other) : Undetermined(rule, ScenarioMissing, Facts(SignOffs.Of(p)));
        }

        var signOffs = SignOffs.Of(p);
        var notSignedOff = signOffs.FirstNotSignedOff(Scenario2Bodies);
        if (notSignedOff is not null && !signOffs.AnyKnownNotSignedOff(Scenario2Bodies))
        {
            return Undetermined(rule, signOffs.MissingOf(Scenario2Bodies), Facts(signOffs));
        }

        var f = Facts(signOffs);
        return notSignedOff is null
            ? Compliant(rule, "Every oversight mechanism scenario 2 names signed off: WCC assurance, TCS assurance, SHA sign-off of the PCT's strategy and SHA assurance.", f)
            : Breach(rule, $"Scenario 2 names WCC assurance, TCS assurance, SHA sign-off of the PCT's strategy and SHA assurance; not all of them signed off." + Opt($" WCC assurance: {f[0].Display}.", f[0]) + Opt($" TCS assurance: {f[1].Display}.", f[1]) + Opt($" SHA sign-off of the PCT's strategy: {f[2].Display}.", f[2]) + Opt($" SHA assurance: {f[3].Display}.", f[3]), f);

        static FactValue[] Facts(in SignOffs s) => new[]
        {
            s.Fact("wccAssurance", Wcc), s.Fact("tcsAssurance", Tcs), s.Fact("shaStrategySignOff", StrategySignOff), s.Fact("shaAssurance", ShaAssurance),
        };
    }

    public static RuleOutcome OversightScenario3Assurance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.Unsustainability)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 3", other) : Undetermined(rule, ScenarioMissing, Facts(SignOffs.Of(p)));
        }

        var signOffs = SignOffs.Of(p);
        var notSignedOff = signOffs.FirstNotSignedOff(Scenario3Bodies);
        if (notSignedOff is not null && !signOffs.AnyKnownNotSignedOff(Scenario3Bodies))
        {
            return Undetermined(rule, signOffs.MissingOf(Scenario3Bodies), Facts(signOffs));
        }

        var f = Facts(signOffs);
        return notSignedOff is null
            ? Compliant(rule, "Every oversight mechanism scenario 3 names signed off: the SHA under the NHS Performance Regime, WCC assurance and SHA assurance.", f)
            : Breach(rule, $"Scenario 3 names the SHA under the NHS Performance Regime, WCC assurance and SHA assurance; not all of them signed off." + Opt($" The SHA under the NHS Performance Regime: {f[0].Display}.", f[0]) + Opt($" WCC assurance: {f[1].Display}.", f[1]) + Opt($" SHA assurance: {f[2].Display}.", f[2]), f);

        // The regulator is reported but not required.
        static FactValue[] Facts(in SignOffs s) => new[]
        {
            s.Fact("performanceRegime", PerformanceRegime), s.Fact("wccAssurance", Wcc), s.Fact("shaAssurance", ShaAssurance), s.Fact("regulator", OversightBody.Regulator),
        };
    }

    public static RuleOutcome OversightScenario4Assurance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.NewOrRedesignedService)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 4", other) : Undetermined(rule, ScenarioMissing, FiveBodyFacts(SignOffs.Of(p)));
        }

        return FiveBodyAssurance(rule, p, "4");
    }

    public static RuleOutcome OversightScenario5Assurance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.PatientChoice)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 5", other) : Undetermined(rule, ScenarioMissing, FiveBodyFacts(SignOffs.Of(p)));
        }

        return FiveBodyAssurance(rule, p, "5");
    }

    public static RuleOutcome OversightScenario6Assurance(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not Scenario.ContractExpiry)
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenario 6", other) : Undetermined(rule, ScenarioMissing, Facts(SignOffs.Of(p)));
        }

        var signOffs = SignOffs.Of(p);
        var notSignedOff = signOffs.FirstNotSignedOff(Scenario6Bodies);
        if (notSignedOff is not null && !signOffs.AnyKnownNotSignedOff(Scenario6Bodies))
        {
            return Undetermined(rule, signOffs.MissingOf(Scenario6Bodies), Facts(signOffs));
        }

        var f = Facts(signOffs);
        return notSignedOff is null
            ? Compliant(rule, "Every oversight mechanism scenario 6 names signed off: WCC assurance, SHA sign-off of the PCT's strategy, SHA assurance and the Co-operation and Competition Panel.", f)
            : Breach(rule, $"Scenario 6 names WCC assurance, SHA sign-off of the PCT's strategy, SHA assurance and the Co-operation and Competition Panel; not all of them signed off." + Opt($" WCC assurance: {f[0].Display}.", f[0]) + Opt($" SHA sign-off of the PCT's strategy: {f[1].Display}.", f[1]) + Opt($" SHA assurance: {f[2].Display}.", f[2]) + Opt($" The Co-operation and Competition Panel: {f[3].Display}.", f[3]), f);

        static FactValue[] Facts(in SignOffs s) => new[]
        {
            s.Fact("wccAssurance", Wcc), s.Fact("shaStrategySignOff", StrategySignOff), s.Fact("shaAssurance", ShaAssurance), s.Fact("ccpReview", Ccp),
        };
    }

    public static RuleOutcome OversightPartnershipForum(RuleDefinition rule, ProposedProcurement p)
    {
        const OversightBody Forum = OversightBody.RegionalSocialPartnershipForum;
        var when = Tri.Or(Timeline.HappenedAny(p, TenderDecision, Alternatives), Timeline.Happened(p, AccreditationOpened));
        // Or the service passes to another organisation (merger, acquisition, franchise): staff may move.
        var passes = p.Tender is not { } tender ? Tri.False
            : tender.Route is null ? Tri.Unknown("tender.route")
            : Tri.Known(tender.Route is ProcurementRoute.Merger or ProcurementRoute.Acquisition or ProcurementRoute.Franchise);
        when = Tri.Or(when, passes);

        if (!when.IsKnownFalse)
        {
            when = Tri.And(when, p.IncumbentContracts is { } contracts ? Tri.Known(contracts.Count > 0) : Tri.Unknown("incumbentContracts"));
        }

        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition '(HappenedAny(TenderDecision, AlternativeProvidersEngaged) || Happened(AccreditationOpened) || (Tender != null && (Tender.Route == Merger || Tender.Route == Acquisition || Tender.Route == Franchise))) && IncumbentContracts.Any()' does not hold.",
            () => Timeline.SignedOff(p, Forum, DateQ.None),
            () => new[] { SignOffFact("partnershipForum", Timeline.SignedOff(p, Forum, DateQ.None)) },
            _ => "The Regional Social Partnership Forum had oversight.",
            _ => "No oversight by the Regional Social Partnership Forum is recorded for a change that may move staff.");
    }

    public static RuleOutcome OversightPctBoard(RuleDefinition rule, ProposedProcurement p)
    {
        const OversightBody Board = OversightBody.PctBoard;
        var when = Tri.Or(Tri.Or(Timeline.HappenedAny(p, TenderDecision, Alternatives), Timeline.Happened(p, EventKind.DirectAwardDecision)), Timeline.Happened(p, AccreditationOpened));
        // Or the service passes to another organisation (merger, acquisition, franchise).
        var passes = p.Tender is not { } tender ? Tri.False
            : tender.Route is null ? Tri.Unknown("tender.route")
            : Tri.Known(tender.Route is ProcurementRoute.Merger or ProcurementRoute.Acquisition or ProcurementRoute.Franchise);
        when = Tri.Or(when, passes);

        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition 'HappenedAny(TenderDecision, AlternativeProvidersEngaged) || Happened(DirectAwardDecision) || Happened(AccreditationOpened) || (Tender != null && (Tender.Route == Merger || Tender.Route == Acquisition || Tender.Route == Franchise))' does not hold.",
            () => Timeline.SignedOff(p, Board, DateQ.None),
            () => new[] { SignOffFact("pctBoard", Timeline.SignedOff(p, Board, DateQ.None)) },
            _ => "The commissioner's board had oversight.",
            _ => "No oversight by the commissioner's board is recorded for the decision.");
    }

    /// <summary>Scenarios 4 and 5 name the same five bodies, in the same order, with the same facts.</summary>
    private static RuleOutcome FiveBodyAssurance(RuleDefinition rule, ProposedProcurement p, string scenario)
    {
        var signOffs = SignOffs.Of(p);
        var notSignedOff = signOffs.FirstNotSignedOff(Scenario4And5Bodies);
        if (notSignedOff is not null && !signOffs.AnyKnownNotSignedOff(Scenario4And5Bodies))
        {
            return Undetermined(rule, signOffs.MissingOf(Scenario4And5Bodies), FiveBodyFacts(signOffs));
        }

        var f = FiveBodyFacts(signOffs);
        return notSignedOff is null
            ? Compliant(rule, $"Every oversight mechanism scenario {scenario} names signed off: WCC assurance, SHA sign-off of the PCT's strategy, TCS assurance, SHA assurance and the Co-operation and Competition Panel.", f)
            : Breach(rule, $"Scenario {scenario} names WCC assurance, SHA sign-off of the PCT's strategy, TCS assurance, SHA assurance and the Co-operation and Competition Panel; not all of them signed off." + Opt($" WCC assurance: {f[0].Display}.", f[0]) + Opt($" SHA sign-off of the PCT's strategy: {f[1].Display}.", f[1]) + Opt($" TCS assurance: {f[2].Display}.", f[2]) + Opt($" SHA assurance: {f[3].Display}.", f[3]) + Opt($" The Co-operation and Competition Panel: {f[4].Display}.", f[4]), f);
    }

    private static FactValue[] FiveBodyFacts(in SignOffs s) => new[]
    {
        s.Fact("wccAssurance", Wcc), s.Fact("shaStrategySignOff", StrategySignOff), s.Fact("tcsAssurance", Tcs), s.Fact("shaAssurance", ShaAssurance), s.Fact("ccpReview", Ccp),
    };

    // ---- local-decision ----

    public static RuleOutcome LocalDecisionLocalBoardDecision(RuleDefinition rule, ProposedProcurement p)
    {
        // Commissioner.Kind != OtherCommissioner && SignedOffOnOrBefore(PctBoard, First(TenderDecision)): a kind that
        // is not recorded is unknown, so the board approval is still asked for.
        return Verdict.Decide(
            rule,
            Timeline.Happened(p, TenderDecision),
            "Does not apply: the condition 'Happened(TenderDecision)' does not hold.",
            () =>
            {
                var local = p.Commissioner is not { } commissioner ? Tri.Unknown("commissioner")
                    : commissioner.Kind is not { } kind ? Tri.Unknown("commissioner.kind")
                    : Tri.Known(kind != CommissionerKind.OtherCommissioner);
                return local.IsKnownFalse ? local : Tri.And(local, BoardApproval(p));
            },
            () => Facts(p),
            f => $"The decision to tender{Opt(" " + On(f[2]), f[2])} was taken by {f[0].Display}{Opt(" (" + f[1].Display + ")", f[1])} with its board's approval.",
            f => $"The decision to tender{Opt(" " + On(f[2]), f[2])} was not shown to be a local board decision{Opt(": commissioner " + f[0].Display, f[0])}{Opt(" (kind " + f[1].Display + ")", f[1])}{Opt(", board approval by then: " + f[3].Display, f[3])}.");

        static Tri BoardApproval(ProposedProcurement p) => Timeline.SignedOff(p, OversightBody.PctBoard, Timeline.First(p, TenderDecision), onOrBefore: true);

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            StringFact("commissioner", p.Commissioner?.Name), EnumFact("commissionerKind", p.Commissioner?.Kind), FirstFact("tenderDecision", p, TenderDecision), SignOffFact("boardApproval", BoardApproval(p)),
        };
    }

    // ---- best-value ----

    public static RuleOutcome BestValueCompetitionAtFinalStage(RuleDefinition rule, ProposedProcurement p)
    {
        if (p.Scenario is not (Scenario.Underperformance or Scenario.IncrementalImprovement or Scenario.Unsustainability or Scenario.NewOrRedesignedService or Scenario.ContractExpiry))
        {
            return p.Scenario is { } other ? OtherScenario(rule, "scenarios 1, 2, 3, 4, 6", other) : Undetermined(rule, ScenarioMissing, Facts(p));
        }

        // Tender.FinalStageBidders != null || Happened(NoticePublished): a missing tender is unknown.
        var tender = p.Tender;
        var when = tender is null ? Tri.Unknown("tender") : Tri.Known(tender.FinalStageBidders is not null);
        if (!when.IsKnownTrue)
        {
            when = Tri.Or(when, Timeline.Happened(p, NoticePublished));
        }

        return Verdict.Decide(
            rule,
            when,
            "Does not apply: the condition 'Tender.FinalStageBidders != null || Happened(NoticePublished)' does not hold.",
            () => tender is null ? Tri.Unknown("tender") : tender.FinalStageBidders is not { } bidders ? Tri.Unknown("tender.finalStageBidders") : Tri.Known(bidders >= 2),
            () => Facts(p),
            f => $"{f[1].Display} bidders remained at the final stage of the competition{Opt(" (notice published " + On(f[0]) + ")", f[0])}.",
            f => $"Only {f[1].Display} bidder(s) remained at the final stage of the competition ({f[2].Display} recorded withdrawal(s){Opt("; notice published " + On(f[0]), f[0])}{Opt("; value " + f[3].Display + " over " + f[4].Display + " months", f[3], f[4])}), so there was no competition to show best value.");

        static FactValue[] Facts(ProposedProcurement p) => new[]
        {
            FirstFact("notice", p, NoticePublished),
            p.Tender?.FinalStageBidders is { } bidders ? IntFact("finalStageBidders", bidders, true) : IntFact("finalStageBidders", 0, false),
            IntFact("withdrawals", Events.CountBefore(p, EventKind.BidWithdrawn, null), true),
            p.Value is { } value ? new FactValue("value", value, value.ToString(), true) : new FactValue("value", null, Text.NotRecorded, false),
            p.TermMonths is { } months ? IntFact("termMonths", months, true) : IntFact("termMonths", 0, false),
        };
    }

    // ---- sign-offs ----

    /// <summary>
    /// <c>SignedOff(body)</c> as a fact: yes when signed off, no when the timeline is complete for sign-offs, otherwise
    /// not recorded.
    /// </summary>
    private static FactValue SignOffFact(string name, Tri signedOff) =>
        signedOff.IsKnown ? new FactValue(name, signedOff.Value, signedOff.Value ? "yes" : "no", true) : new FactValue(name, null, Text.NotRecorded, false);

    /// <summary>The bodies that signed off at any time, read in one pass over the timeline.</summary>
    private readonly struct SignOffs
    {
        /// <summary>"timeline.oversightSignOff.&lt;body&gt;", the missing-fact name of a body's sign-off, built once.</summary>
        private static readonly string[] MissingNames = BuildMissingNames();

        private readonly int _bodies;

        private readonly int _complete;

        private SignOffs(int bodies, int complete)
        {
            _bodies = bodies;
            _complete = complete;
        }

        public static SignOffs Of(ProposedProcurement p)
        {
            var bodies = 0;
            var timeline = p.Timeline;
            if (timeline is not null)
            {
                for (var i = 0; i < timeline.Count; i++)
                {
                    var e = timeline[i];
                    if (e.Kind == EventKind.OversightSignOff && e.Body is { } body)
                    {
                        bodies |= 1 << (int)body;
                    }
                }
            }

            // The bodies whose every sign-off the record lists: all when the timeline is complete for sign-offs, else
            // those in signOffsCompleteFor.
            var complete = 0;
            if (Events.IsComplete(p, EventKind.OversightSignOff))
            {
                complete = ~0;
            }
            else if (p.SignOffsCompleteFor is { } listed)
            {
                foreach (var body in listed)
                {
                    complete |= 1 << (int)body;
                }
            }

            return new SignOffs(bodies, complete);
        }

        public static string Missing(OversightBody body) => MissingNames[(int)body];

        public bool Has(OversightBody body) => (_bodies & (1 << (int)body)) != 0;

        /// <summary>Whether the record lists every sign-off of the body, so none means it did not sign off.</summary>
        public bool Complete(OversightBody body) => (_complete & (1 << (int)body)) != 0;

        /// <summary>Whether some body is known not to have signed off (none listed, and its sign-offs complete): in Kleene logic that decides the conjunction.</summary>
        public bool AnyKnownNotSignedOff(OversightBody[] bodies)
        {
            foreach (var body in bodies)
            {
                if (!Has(body) && Complete(body))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What leaves <c>SignedOff(a) &amp;&amp; SignedOff(b) &amp;&amp; ...</c> unknown in Kleene logic (the timeline
        /// not complete for sign-offs): every body listed that did not sign off, in the order named.
        /// </summary>
        public string[] MissingOf(OversightBody[] bodies)
        {
            var missing = new List<string>(bodies.Length);
            foreach (var body in bodies)
            {
                if (!Has(body))
                {
                    missing.Add(Missing(body));
                }
            }

            return missing.ToArray();
        }

        /// <summary><c>SignedOff(a) &amp;&amp; SignedOff(b) &amp;&amp; ...</c>: the first body that did not sign off; null when all did.</summary>
        public OversightBody? FirstNotSignedOff(OversightBody[] bodies)
        {
            foreach (var body in bodies)
            {
                if (!Has(body))
                {
                    return body;
                }
            }

            return null;
        }

        public FactValue Fact(string name, OversightBody body) => SignOffFact(name, Has(body) ? Tri.True : Complete(body) ? Tri.False : Tri.Unknown(Missing(body)));

        private static string[] BuildMissingNames()
        {
            var values = Enum.GetValues<OversightBody>();
            var names = new string[values.Length];
            foreach (var body in values)
            {
                names[(int)body] = "timeline.oversightSignOff." + Text.Camel(body.ToString());
            }

            return names;
        }
    }
}
