using System;
using System.Collections;
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
        _ => value.ToString() ?? string.Empty,
    };

    private static string Join(IEnumerable items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(Format(item));
        }

        return text.Length == 0 ? "none" : text.ToString();
    }
}
