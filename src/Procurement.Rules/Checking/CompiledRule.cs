using System;
using System.Collections.Generic;
using System.Linq;
using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Checking;

/// <summary>A rule with its conditions, facts and messages compiled: what the checker runs.</summary>
internal sealed class CompiledRule
{
    private readonly string[] _otherScenarioMessages;

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
        NotApplicableMessage = $"Does not apply: the condition '{definition.When}' does not hold.";
        var scenarios = Enum.GetValues<Scenario>();
        _otherScenarioMessages = new string[scenarios.Max(s => (int)s) + 1];
        foreach (var scenario in scenarios)
        {
            _otherScenarioMessages[(int)scenario] =
                $"Applies to {RuleEvaluator.DescribeScenarios(definition.Scenarios)}; this procurement is scenario {(int)scenario} ({Names.Camel(scenario)}).";
        }
    }

    public RuleDefinition Definition { get; }

    /// <summary>The event kinds the rule's expressions ask about, as a bit mask (see <see cref="EventKindsRead"/>).</summary>
    public long EventKinds { get; init; }

    public Func<RuleScope, bool>? When { get; }

    public Func<RuleScope, bool> Require { get; }

    public IReadOnlyList<Func<RuleScope, object?>> Facts { get; }

    public MessageTemplate BreachMessage { get; }

    public MessageTemplate CompliantMessage { get; }

    /// <summary>The message when <see cref="When"/> does not hold, built once.</summary>
    public string NotApplicableMessage { get; }

    /// <summary>The message for a procurement of another scenario than the rule's, built once per scenario.</summary>
    public string OtherScenarioMessage(Scenario scenario) => _otherScenarioMessages[(int)scenario];
}
