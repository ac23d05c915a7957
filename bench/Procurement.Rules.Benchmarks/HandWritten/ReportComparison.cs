using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Procurement.Rules.Benchmarks.HandWritten;

/// <summary>Compares two reports field by field: what makes the hand-written rules "the same" as the engine.</summary>
public static class ReportComparison
{
    /// <summary>Every difference between two reports of the same procurement; empty when they are the same.</summary>
    public static IReadOnlyList<string> Differences(CheckReport expected, CheckReport actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        void Compare<T>(string what, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add($"{what}: expected <{a}>, got <{b}>");
            }
        }

        Compare("procurement id", expected.ProcurementId, actual.ProcurementId);
        Compare("period", expected.Period, actual.Period);
        Compare("outcome count", expected.Outcomes.Count, actual.Outcomes.Count);
        for (var i = 0; i < Math.Min(expected.Outcomes.Count, actual.Outcomes.Count); i++)
        {
            var (e, a) = (expected.Outcomes[i], actual.Outcomes[i]);
            var at = $"outcome {i} ({e.Rule.Id})";
            Compare(at + " rule", e.Rule.Id, a.Rule.Id);
            Compare(at + " kind", e.Kind, a.Kind);
            Compare(at + " message", e.Message, a.Message);
            Compare(at + " error", e.Error, a.Error);
            Compare(at + " missing facts", string.Join(" | ", e.MissingFacts), string.Join(" | ", a.MissingFacts));
            Compare(at + " derived facts", string.Join(" | ", e.Derived.Select(d => d.InferenceId + ": " + d)), string.Join(" | ", a.Derived.Select(d => d.InferenceId + ": " + d)));
            Compare(at + " fact count", e.Facts.Count, a.Facts.Count);
            for (var j = 0; j < Math.Min(e.Facts.Count, a.Facts.Count); j++)
            {
                var (ef, af) = (e.Facts[j], a.Facts[j]);
                var fact = $"{at} fact {j} ({ef.Name})";
                Compare(fact + " name", ef.Name, af.Name);
                Compare(fact + " display", ef.Display, af.Display);
                Compare(fact + " recorded", ef.IsRecorded, af.IsRecorded);
                if (!SameValue(ef.Value, af.Value))
                {
                    differences.Add($"{fact} value: expected <{Describe(ef.Value)}>, got <{Describe(af.Value)}>");
                }
            }
        }

        Compare("breaches", string.Join(", ", expected.Breaches.Select(b => b.Rule.Id)), string.Join(", ", actual.Breaches.Select(b => b.Rule.Id)));
        if (differences.Count == 0)
        {
            Compare("JSON", expected.ToJson(), actual.ToJson());
        }

        return differences;
    }

    private static bool SameValue(object? a, object? b)
    {
        if (a is IEnumerable x && b is IEnumerable y && a is not string && b is not string)
        {
            return a.GetType() == b.GetType() && x.Cast<object?>().SequenceEqual(y.Cast<object?>());
        }

        return Equals(a, b) && a?.GetType() == b?.GetType();
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable items => value.GetType().Name + " [" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => $"{value} ({value.GetType().Name})",
    };
}
