using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>How fact values are written in messages and reports: invariant, unambiguous, short.</summary>
internal static class FactFormatter
{
    public const string NotRecorded = "not recorded";

    public static string Format(object? value) => value switch
    {
        null => NotRecorded,
        string s => s,
        bool b => b ? "yes" : "no",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => Names.Camel(e),
        decimal m => m.ToString("#,0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Join(items),
        _ => Invariant(value),
    };

    /// <summary>
    /// A model record (a fact may be one) as its own <c>ToString()</c> writes it, but with the invariant culture: a
    /// record formats its numbers and dates with the current culture, which would make a report depend on the host.
    /// </summary>
    private static string Invariant(object value)
    {
        var culture = CultureInfo.CurrentCulture;
        if (ReferenceEquals(culture, CultureInfo.InvariantCulture))
        {
            return value.ToString() ?? string.Empty;
        }

        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            return value.ToString() ?? string.Empty;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>This thread's buffer for joining a list, reused check after check (taken while in use, so a nested list gets its own).</summary>
    [ThreadStatic]
    private static StringBuilder? JoinBuffer;

    private static string Join(IEnumerable items)
    {
        var text = JoinBuffer ?? new StringBuilder();
        JoinBuffer = null;
        text.Clear();
        if (items is IReadOnlyList<object?> list)
        {
            // What list-valued facts hold (FactMaterialiser): read by index, no enumerator.
            for (var i = 0; i < list.Count; i++)
            {
                Append(text, list[i]);
            }
        }
        else
        {
            foreach (var item in items)
            {
                Append(text, item);
            }
        }

        var joined = text.Length == 0 ? "none" : text.ToString();
        if (text.Capacity <= 1024)
        {
            JoinBuffer = text;
        }

        return joined;
    }

    private static void Append(StringBuilder text, object? item)
    {
        if (text.Length > 0)
        {
            text.Append(", ");
        }

        text.Append(Format(item));
    }
}
