using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Procurement.Model;
using Procurement.Rules.Expressions;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Checking;

/// <summary>Runs one compiled rule against one procurement's scope and turns what it finds into an outcome.</summary>
internal static class RuleEvaluator
{
    private static readonly string[] ScenarioMissing = { "scenario" };

    /// <summary>Reused to collect a sequence-valued fact, so only the fact's own array is allocated.</summary>
    [ThreadStatic]
    private static List<object?>? MaterialiseBuffer;

    public static RuleOutcome Evaluate(CompiledRule rule, RuleScope scope, Scenario? scenario)
    {
        var definition = rule.Definition;
        if (definition.Scenarios.Count > 0)
        {
            if (scenario is null)
            {
                return Undetermined(rule, scope, ScenarioMissing);
            }

            if (!Contains(definition.Scenarios, scenario.Value))
            {
                return new RuleOutcome(definition, OutcomeKind.NotApplicable, rule.OtherScenarioMessage(scenario.Value), Array.Empty<FactValue>(), Array.Empty<string>(), null);
            }
        }

        try
        {
            scope.ResetMissing();
            if (rule.When is { } when)
            {
                var applies = when(scope);
                if (scope.HasMissing)
                {
                    return Undetermined(rule, scope, scope.TakeMissing());
                }

                if (!applies)
                {
                    return new RuleOutcome(definition, OutcomeKind.NotApplicable, rule.NotApplicableMessage, Array.Empty<FactValue>(), Array.Empty<string>(), null);
                }
            }

            var met = rule.Require(scope);
            if (scope.HasMissing)
            {
                return Undetermined(rule, scope, scope.TakeMissing());
            }

            var facts = EvaluateFacts(rule, scope);
            return met
                ? new RuleOutcome(definition, OutcomeKind.Compliant, rule.CompliantMessage.Render(facts), facts, Array.Empty<string>(), null)
                : new RuleOutcome(definition, OutcomeKind.Breach, rule.BreachMessage.Render(facts), facts, Array.Empty<string>(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failure caused by a fact that is not recorded is undetermined; any other failure is reported as such,
            // never as a breach or a pass.
            if (scope.HasMissing)
            {
                return Undetermined(rule, scope, scope.TakeMissing());
            }

            var error = $"{e.GetType().Name}: {e.Message}";
            return new RuleOutcome(definition, OutcomeKind.Failed, "Could not be evaluated: " + error, Array.Empty<FactValue>(), Array.Empty<string>(), error);
        }
    }

    private static RuleOutcome Undetermined(CompiledRule rule, RuleScope scope, IReadOnlyList<string> missing)
    {
        var facts = EvaluateFacts(rule, scope);
        var message = $"Cannot be determined: not recorded: {string.Join(", ", missing)}.";
        return new RuleOutcome(rule.Definition, OutcomeKind.Undetermined, message, facts, missing, null);
    }

    private static FactValue[] EvaluateFacts(CompiledRule rule, RuleScope scope)
    {
        var names = rule.Definition.FactNames;
        if (names.Count == 0)
        {
            return Array.Empty<FactValue>();
        }

        var values = new FactValue[names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            scope.ResetMissing();
            object? value;
            try
            {
                value = Materialise(rule.Facts[i](scope));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                value = null;
                if (!scope.HasMissing)
                {
                    values[i] = new FactValue(names[i], null, "could not be evaluated: " + e.Message, false);
                    continue;
                }
            }

            var recorded = !scope.HasMissing;
            // A recorded null is a fact known to be absent (an event that did not happen): "none", not "not recorded".
            var display = !recorded ? FactFormatter.NotRecorded : value is null ? "none" : FactFormatter.Format(value);
            values[i] = new FactValue(names[i], recorded ? value : null, display, recorded);
        }

        scope.ResetMissing();
        return values;
    }

    /// <summary>
    /// Enumerates a sequence-valued fact now, while the scope can still see which facts it reads: a lazy sequence would
    /// be read later (after the missing-fact check) and would tie the immutable outcome to this check's scope.
    /// </summary>
    private static object? Materialise(object? value)
    {
        if (value is not IEnumerable sequence || value is string)
        {
            return value;
        }

        var items = MaterialiseBuffer ??= new List<object?>();
        try
        {
            if (sequence is ISequenceFact fact)
            {
                fact.AddTo(items);
            }
            else
            {
                foreach (var item in sequence)
                {
                    items.Add(item);
                }
            }

            return items.Count == 0 ? Array.Empty<object?>() : items.ToArray();
        }
        finally
        {
            items.Clear();
        }
    }

    private static bool Contains(IReadOnlyList<Scenario> scenarios, Scenario scenario)
    {
        for (var i = 0; i < scenarios.Count; i++)
        {
            if (scenarios[i] == scenario)
            {
                return true;
            }
        }

        return false;
    }

    internal static string DescribeScenarios(IReadOnlyList<Scenario> scenarios) =>
        (scenarios.Count == 1 ? "scenario " : "scenarios ") + string.Join(", ", scenarios.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
