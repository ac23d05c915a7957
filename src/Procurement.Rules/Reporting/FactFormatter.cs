using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
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
        Procurement.Model.EventDate d => d.ToString(), // as precise as recorded: 2009-07, on or before 2010-05-01, undated
        Enum e => Names.Camel(e),
        decimal m => m.ToString("#,0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Join(items),
        _ => Record(value),
    };

    /// <summary>How deep records inside records are written; deeper ones show as their type name only.</summary>
    private const int MaxRecordDepth = 8;

    [ThreadStatic]
    private static int RecordDepth;

    /// <summary>
    /// A model record (a fact may be one: <c>Tender</c>, <c>Timeline.First()</c>) written member by member with the
    /// formats above: <c>TimelineEvent { date = 2009-10-01, kind = noticePublished, description = ... }</c>, members
    /// that are not recorded left out. The record's own <c>ToString()</c> is not used: under any culture it writes a
    /// date as <c>10/01/2009</c> (the invariant culture's month first), which a reader in England takes for 10 January,
    /// and enums and flags in C# spelling rather than as case files write them.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Facts hold model records, which the model's ILLink.Descriptors.xml keeps whole; anything else shows its public properties if trimming kept them.")]
    private static string Record(object value)
    {
        var type = value.GetType();
        if (OwnToString(type))
        {
            return value.ToString() ?? string.Empty; // written for people by the model itself (Money: "GBP 4,200,000")
        }

        if (RecordDepth >= MaxRecordDepth)
        {
            return type.Name;
        }

        var text = new StringBuilder(type.Name).Append(" {");
        var first = true;
        RecordDepth++;
        try
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
                {
                    continue;
                }

                var member = property.GetValue(value);
                if (member is null)
                {
                    continue;
                }

                text.Append(first ? " " : ", ").Append(Names.Camel(property.Name)).Append(" = ");
                if (member is IEnumerable and not string)
                {
                    text.Append('[').Append(Format(member)).Append(']'); // a list inside a record: its own commas
                }
                else
                {
                    text.Append(Format(member));
                }


                first = false;
            }
        }
        finally
        {
            RecordDepth--;
        }

        return text.Append(first ? "}" : " }").ToString();
    }

    /// <summary>Whether the type writes itself with a <c>ToString()</c> of its own rather than the one a record is given.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Facts hold model records, which the model's ILLink.Descriptors.xml keeps whole.")]
    private static bool OwnToString(Type type) =>
        type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } method
        && method.DeclaringType == type
        && !method.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false);

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
