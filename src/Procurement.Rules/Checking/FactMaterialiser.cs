using System;
using System.Collections;
using System.Collections.Generic;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Checking;

/// <summary>
/// Turns a fact's value into something a report can own: plain values (text, numbers, dates, flags, enum values, the
/// procurement's own immutable records) and arrays of them (<c>object?[]</c>, as the hand-written baseline gives), nested
/// lists included, each array the report's own. Called once per fact,
/// while the check's scope is still live, so a lazy sequence is read now (its missing facts are seen, its steps are
/// counted against the rule's budget) and never again: the report holds nothing that can read the procurement or the
/// scope later.
/// </summary>
/// <remarks>
/// No buffer is shared between calls (a thread-static buffer was corrupted by a check started from inside a caller's
/// list while it was in use): a list whose length is known is copied straight into its own array, any other is
/// collected in a list of its own. Thread-safe.
/// </remarks>
internal static class FactMaterialiser
{
    /// <summary>How deep lists may nest in a fact's value; deeper is an error for that fact.</summary>
    public const int MaxNesting = 8;

    /// <summary>Returns the value materialised; throws <see cref="InvalidOperationException"/> for a value a report cannot hold.</summary>
    public static object? Materialise(object? value, RuleScope scope) => Materialise(value, scope, 0);

    private static object? Materialise(object? value, RuleScope scope, int depth)
    {
        switch (value)
        {
            case null or string or bool or int or long or decimal or double or DateOnly or Enum:
                return value;
            case RuleScope:
                throw new InvalidOperationException("the value is the procurement scope itself, which a report cannot hold");
            case IEnumerable sequence:
                if (depth >= MaxNesting)
                {
                    throw new InvalidOperationException($"lists nest more than {MaxNesting} deep");
                }

                return List(sequence, scope, depth + 1);
            default:
                // The procurement's model objects are immutable records; anything else has no place in a report.
                if (value.GetType().Assembly != typeof(Procurement.Model.ProposedProcurement).Assembly)
                {
                    throw new InvalidOperationException($"a value of type '{value.GetType().Name}' cannot be held by a report");
                }

                return value;
        }
    }

    private static object?[] List(IEnumerable sequence, RuleScope scope, int depth)
    {
        if (sequence is ISequenceFact fact && fact.KnownCount is { } count)
        {
            if (count == 0)
            {
                return Array.Empty<object?>();
            }

            scope.Charge(count);
            var array = new object?[count];
            fact.CopyTo(array);
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = Materialise(array[i], scope, depth);
            }

            return array;
        }

        var items = new List<object?>();
        foreach (var item in sequence)
        {
            scope.Charge(1);
            items.Add(Materialise(item, scope, depth));
        }

        return items.Count == 0 ? Array.Empty<object?>() : items.ToArray();
    }
}
