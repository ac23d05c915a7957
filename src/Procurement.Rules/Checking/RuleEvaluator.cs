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

    /// <summary>Appended to the compliant message of a rule whose <c>when</c> is unknown but whose <c>require</c> is met.</summary>
    internal const string MetEitherWay = " (Whether the rule applies is not recorded, but it is met either way.)";

    public static RuleOutcome Evaluate(CompiledRule rule, RuleScope scope, Scenario? scenario)
    {
        var definition = rule.Definition;
        scope.StartBudget();
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
            var appliesUnknown = false;
            if (rule.When is { } when)
            {
                var applies = when(scope);
                appliesUnknown = scope.HasMissing;
                if (!appliesUnknown && !applies)
                {
                    return new RuleOutcome(definition, OutcomeKind.NotApplicable, rule.NotApplicableMessage, Array.Empty<FactValue>(), Array.Empty<string>(), null);
                }
            }

            // Whether the rule applies may be unknown (when's missing facts stay noted); require is evaluated anyway,
            // since a requirement met whatever the record leaves out is met whether or not the rule applies.
            var mark = scope.MarkMissing();
            var met = rule.Require(scope);
            if (!scope.KnownSince(mark))
            {
                // require is unknown: both when's facts and require's could change the outcome.
                return Undetermined(rule, scope, scope.TakeMissing());
            }

            if (appliesUnknown)
            {
                // require is known: only when's facts could change the outcome, and only if it is not met.
                if (!met)
                {
                    return Undetermined(rule, scope, scope.TakeMissing());
                }

                scope.ResetMissing();
                var known = EvaluateFacts(rule, scope);
                return new RuleOutcome(definition, OutcomeKind.Compliant, rule.CompliantMessage.Render(known) + MetEitherWay, known, Array.Empty<string>(), null);
            }

            var facts = EvaluateFacts(rule, scope);
            return met
                ? new RuleOutcome(definition, OutcomeKind.Compliant, rule.CompliantMessage.Render(facts), facts, Array.Empty<string>(), null)
                : new RuleOutcome(definition, OutcomeKind.Breach, rule.BreachMessage.Render(facts), facts, Array.Empty<string>(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A rule out of budget failed, whatever it read. A failure caused by a fact that is not recorded is
            // undetermined; any other failure is reported as such, never as a breach or a pass.
            if (EvaluationBudgetExceededException.Find(e) is { } budget)
            {
                scope.ResetMissing();
                return Failed(definition, budget.Message);
            }

            if (scope.HasMissing)
            {
                return Undetermined(rule, scope, scope.TakeMissing());
            }

            return Failed(definition, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static RuleOutcome Failed(RuleDefinition definition, string error) =>
        new(definition, OutcomeKind.Failed, "Could not be evaluated: " + error, Array.Empty<FactValue>(), Array.Empty<string>(), error);

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
            values[i] = EvaluateFact(names[i], rule.Facts[i], scope);
        }

        scope.ResetMissing();
        return values;
    }

    /// <summary>
    /// One fact, evaluated, materialised (<see cref="FactMaterialiser"/>) and formatted; any failure on the way (the
    /// expression, a list it reads, the formatting, the budget) makes it a fact that "could not be evaluated", so a
    /// fact never throws out of a check.
    /// </summary>
    private static FactValue EvaluateFact(string name, Func<RuleScope, object?> fact, RuleScope scope)
    {
        scope.ResetMissing();
        try
        {
            var value = FactMaterialiser.Materialise(fact(scope), scope);

            // A date the helpers marked with the events it stands for (First, Last, LastOf) is reported as its calendar
            // part, equal to the date a caller would write.
            if (value is EventDate date)
            {
                value = date.Calendar;
            }

            var recorded = !scope.HasMissing;

            // A recorded null is a fact known to be absent (an event that did not happen): "none", not "not recorded".
            var display = !recorded ? FactFormatter.NotRecorded : value is null ? "none" : FactFormatter.Format(value);
            return new FactValue(name, recorded ? value : null, display, recorded);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (scope.HasMissing && EvaluationBudgetExceededException.Find(e) is null)
            {
                return new FactValue(name, null, FactFormatter.NotRecorded, false);
            }

            return new FactValue(name, null, "could not be evaluated: " + (EvaluationBudgetExceededException.Find(e) ?? e).Message, false);
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
