using System;
using System.Collections.Generic;
using System.Linq;
using NRules;
using NRules.Fluent;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary>Two ways a skilled NRules user might write the rules; both give the same reports.</summary>
public enum FluentPeerShape
{
    /// <summary>
    /// One fluent rule per YAML rule, matching every procurement and deciding the whole outcome in its action: the
    /// fewest nodes and the cheapest session, so the yardstick for <c>peer_ratio</c>.
    /// </summary>
    OneRulePerRule,

    /// <summary>
    /// Three fluent rules per YAML rule: the scope and condition in <c>When</c> (applies, does not apply, cannot tell),
    /// the requirement in <c>Then</c>. Closer to textbook NRules, but three times the rules and more nodes per session.
    /// </summary>
    ConditionsInWhen,
}

/// <summary>
/// The rules of the five core principles (<see cref="CorePrinciplesPack.Principles"/>) written as a skilled NRules user
/// would: <c>NRules.Fluent</c> rule classes (this folder), loaded into one <see cref="RuleRepository"/> and compiled once
/// into one <see cref="ISessionFactory"/>. A check creates a session with its own outcome sink (an NRules dependency),
/// inserts the procurement, fires, and collects the outcomes the rules handed to the sink. It returns the same
/// <see cref="CheckReport"/> as <see cref="RulePack.Check"/> on a pack holding only those rules (the equivalence tests
/// compare them field by field). This is what <c>peer_ratio</c> divides by.
/// </summary>
/// <remarks>
/// <para>
/// Only the procurement is inserted: the rules read its contracts and timeline directly, which is cheaper than inserting
/// every event as a fact and joining (the prototype measured the latter at twice the cost). A record fact is
/// identified by reference (an identity comparer is registered), so equal procurements in one session stay two facts and
/// inserting never hashes a whole record. Conditions never throw (an exception in a left-hand side would abort the
/// whole insert): every helper they call is null-safe.
/// </para>
/// <para>Thread safety: the factory is shared; every check has its own session, so checks may run on any threads.</para>
/// </remarks>
public sealed class FluentPeer
{
    private readonly RulePack _pack;
    private readonly ISessionFactory _factory;

    /// <summary>Loads the fluent rules and compiles them once.</summary>
    /// <param name="pack">A pack holding the five principles' rules (their titles and citations go into outcomes).</param>
    /// <param name="shape">How the rules are written; see <see cref="FluentPeerShape"/>.</param>
    /// <exception cref="InvalidOperationException">The pack lacks one of the rules the peer writes.</exception>
    public FluentPeer(RulePack pack, FluentPeerShape shape = FluentPeerShape.OneRulePerRule)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _pack = pack;
        Shape = shape;
        var ruleBase = shape == FluentPeerShape.ConditionsInWhen ? typeof(SplitPeerRule) : typeof(WholePeerRule);
        var definitions = pack.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var repository = new RuleRepository(new PeerRuleActivator(definitions));
        repository.Load(spec => spec.From(RuleTypes(ruleBase)).PrivateTypes(true).NestedTypes(true));
        var compiler = new RuleCompiler();
        compiler.FactIdentityComparerRegistry.RegisterComparer(IdentityComparer<ProposedProcurement>.Instance);
        _factory = compiler.Compile(repository.GetRuleSets());
        RuleCount = repository.GetRuleSets().Sum(s => s.Rules.Count());
    }

    /// <summary>The ids of the YAML rules the peer writes in the fluent DSL.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = new[]
    {
        EarlyEngagementBeforeAlternativesApproached.Id,
        EarlyEngagementBeforeDirectAward.Id,
        EarlyEngagementBeforeTenderDecision.Id,
        EarlyEngagementShapingNewService.Id,
        FairTenderCriteriaPublished.Id,
        FairTenderEligibilityFixedAtNotice.Id,
        FairTenderIncumbentMayBid.Id,
        FairTenderNhsOnlyNeedsReason.Id,
        FairTenderOpenCompetitionOnExpiry.Id,
        ImprovementTwoFormalChances.Id,
        ImprovementTwoPlanOpportunities.Id,
        NhsRightToBidProvidersEligible.Id,
        ProportionalitySeriousShortcomings.Id,
        ProportionalitySignificantUnderperformance.Id,
    };

    /// <summary>How the rules are written.</summary>
    public FluentPeerShape Shape { get; }

    /// <summary>How many NRules rules the fluent classes of this shape define.</summary>
    public int RuleCount { get; }

    /// <summary>The rule classes of one shape (every one in this folder).</summary>
    private static IEnumerable<Type> RuleTypes(Type ruleBase) =>
        typeof(FluentPeer).Assembly.GetTypes().Where(t => !t.IsAbstract && ruleBase.IsAssignableFrom(t));

    /// <summary>Checks a procurement: the same report as <see cref="RulePack.Check"/> on the five principles' pack.</summary>
    /// <exception cref="ProcurementLoadException">The procurement is invalid (the same validator as the engine).</exception>
    public CheckReport Check(ProposedProcurement procurement, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        Files.ProcurementValidator.ThrowIfInvalid(procurement, file: null);

        PeriodStatus period;
        if (procurement.DecisionDate is not { } decided)
        {
            period = PeriodStatus.DecisionDateNotRecorded;
        }
        else if (_pack.IsInForce(decided))
        {
            period = PeriodStatus.InForce;
        }
        else if (options?.CheckOutsidePeriod == true)
        {
            period = PeriodStatus.OutsidePeriodCheckedAnyway;
        }
        else
        {
            return new CheckReport(_pack, procurement.Id, procurement.Title, procurement.DecisionDate, PeriodStatus.OutsidePeriod, Array.Empty<RuleOutcome>());
        }

        var session = _factory.CreateSession();
        var sink = new OutcomeSink();
        session.DependencyResolver = sink;
        session.Insert(procurement);
        session.Fire();
        var outcomes = sink.ToArray();
        Array.Sort(outcomes, ReportOrder);
        return new CheckReport(_pack, procurement.Id, procurement.Title, procurement.DecisionDate, period, outcomes);
    }

    /// <summary>Breaches first, then failed, undetermined, compliant, not applicable; then most severe; then id.</summary>
    private static readonly Comparison<RuleOutcome> ReportOrder = static (x, y) =>
    {
        var byKind = ((int)x.Kind).CompareTo((int)y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var bySeverity = ((int)y.Rule.Severity).CompareTo((int)x.Rule.Severity);
        return bySeverity != 0 ? bySeverity : string.CompareOrdinal(x.Rule.Id, y.Rule.Id);
    };
}
