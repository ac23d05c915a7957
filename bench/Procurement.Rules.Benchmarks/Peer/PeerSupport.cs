using System;
using System.Collections.Generic;
using System.Linq.Expressions;
// Usings of NRules stay at the top of the file: inside a Procurement.Rules.* namespace a qualified 'NRules.X' would
// resolve against a Procurement.Rules.NRules namespace if the library ever has one (CS0234).
using NRules.Extensibility;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;

namespace Procurement.Rules.Benchmarks.Peer;

/// <summary>Three-valued truth: what a record does not say is unknown, never false.</summary>
internal enum Tri : byte
{
    False,
    True,
    Unknown,
}

/// <summary>
/// The base of every fluent peer rule: gives the rule the <see cref="RuleDefinition"/> (title, severity, citations) its
/// outcomes refer to, so that a peer report reads like the engine's. Set by <see cref="PeerRuleActivator"/> before
/// NRules calls <see cref="Rule.Define"/>.
/// </summary>
internal abstract class PeerRule : Rule
{
    internal IReadOnlyDictionary<string, RuleDefinition> Definitions { get; set; } = null!;

    /// <summary>The pack's definition of a rule id.</summary>
    /// <exception cref="InvalidOperationException">The pack has no rule with that id.</exception>
    protected RuleDefinition Definition(string id) =>
        Definitions.TryGetValue(id, out var rule) ? rule : throw new InvalidOperationException($"The pack has no rule '{id}' for the fluent peer.");

    /// <summary>
    /// Defines the rule every peer rule is: one pattern matching the procurement under <paramref name="conditions"/>
    /// (none: every procurement), and one action adding <paramref name="outcome"/> of the pack's rule
    /// <paramref name="id"/> to the sink. Each peer rule is still its own class, as NRules discovers rules by type.
    /// </summary>
    protected void Define(string id, Func<RuleDefinition, ProposedProcurement, RuleOutcome> outcome, params Expression<Func<ProposedProcurement, bool>>[] conditions)
    {
        var rule = Definition(id);
        ProposedProcurement p = null!;
        OutcomeSink sink = null!;
        Dependency().Resolve(() => sink);
        When().Match(() => p, conditions);
        Then().Do(ctx => sink.Add(outcome(rule, p)));
    }
}

/// <summary>A rule of the <see cref="FluentPeerShape.ConditionsInWhen"/> shape.</summary>
internal abstract class SplitPeerRule : PeerRule
{
}

/// <summary>A rule of the <see cref="FluentPeerShape.OneRulePerRule"/> shape.</summary>
internal abstract class WholePeerRule : PeerRule
{
}

/// <summary>Creates the peer's rule classes and hands each the pack's rule definitions (NRules' own extension point).</summary>
internal sealed class PeerRuleActivator(IReadOnlyDictionary<string, RuleDefinition> definitions) : IRuleActivator
{
    public IEnumerable<Rule> Activate(Type type)
    {
        var rule = (PeerRule)Activator.CreateInstance(type)!;
        rule.Definitions = definitions;
        yield return rule;
    }
}

/// <summary>
/// Facts identified by reference: the model types are records, whose value equality NRules would otherwise use to
/// identify facts (two equal records could not both be inserted, and every insert would hash a whole record).
/// </summary>
internal sealed class IdentityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly IdentityComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}

/// <summary>
/// The timeline questions the peer's conditions ask, three-valued. Conditions must never throw (an exception in a
/// left-hand side aborts the whole insert in NRules), so every helper here is null-safe.
/// </summary>
internal static class Timeline
{
    /// <summary>The missing fact of a rule of some scenarios when the procurement's scenario is not recorded.</summary>
    public static readonly string[] ScenarioMissing = { "scenario" };

    /// <summary>Whether an event of the kind happened: unknown when none is listed and the list may be incomplete.</summary>
    public static Tri Happened(ProposedProcurement p, EventKind kind) => Of(HandWritten.Timeline.Happened(p, kind));

    /// <summary>The hand-written mirror's Kleene truth value, as the peer's conditions test it.</summary>
    public static Tri Of(HandWritten.Tri value) => !value.IsKnown ? Tri.Unknown : value.Value ? Tri.True : Tri.False;

    /// <summary>The not-applicable message for a rule of other scenarios.</summary>
    public static string OtherScenario(string appliesTo, ProposedProcurement p) =>
        $"Applies to {appliesTo}; this procurement is scenario {(int)p.Scenario!.Value} ({Text.Enum(p.Scenario.Value)}).";
}

/// <summary>Where the rules of a session put their outcomes: a per-session service, resolved as an NRules dependency.</summary>
internal sealed class OutcomeSink : IDependencyResolver
{
    private readonly List<RuleOutcome> _outcomes = new(16);

    public void Add(RuleOutcome outcome) => _outcomes.Add(outcome);

    public RuleOutcome[] ToArray() => _outcomes.ToArray();

    public object Resolve(IResolutionContext context, Type serviceType) => this;
}
