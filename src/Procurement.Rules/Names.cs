using System;
using System.Collections.Concurrent;

namespace Procurement.Rules;

/// <summary>Spelling of names in files and reports: camelCase keys and enum values.</summary>
internal static class Names
{
    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    public static string Camel(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public static string Camel(Enum value) => EnumNames.GetOrAdd(value, static v => Camel(v.ToString()));

    /// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private const int MaxSuggestedLength = 100;

    /// <summary>The closest candidate to a misspelt name, or null when nothing is close (or the name is over 100 characters).</summary>
    public static string? Suggest(string name, System.Collections.Generic.IEnumerable<string> candidates)
    {
        // The distance is quadratic: a name far longer than any candidate is no misspelling, and a hostile file could
        // otherwise make every unknown key or value cost seconds.
        if (name.Length > MaxSuggestedLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name, candidate);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }
}
