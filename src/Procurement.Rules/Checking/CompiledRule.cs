using System;
using System.Collections.Generic;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Checking;

/// <summary>A rule with its conditions, facts and messages compiled: what the checker runs.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(
        RuleDefinition definition,
        Func<RuleScope, bool>? when,
        Func<RuleScope, bool> require,
        IReadOnlyList<Func<RuleScope, object?>> facts,
        MessageTemplate breachMessage,
        MessageTemplate compliantMessage)
    {
        Definition = definition;
        When = when;
        Require = require;
        Facts = facts;
        BreachMessage = breachMessage;
        CompliantMessage = compliantMessage;
    }

    public RuleDefinition Definition { get; }

    public Func<RuleScope, bool>? When { get; }

    public Func<RuleScope, bool> Require { get; }

    public IReadOnlyList<Func<RuleScope, object?>> Facts { get; }

    public MessageTemplate BreachMessage { get; }

    public MessageTemplate CompliantMessage { get; }
}
