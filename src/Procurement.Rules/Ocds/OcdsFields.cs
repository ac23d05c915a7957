using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Procurement.Rules.Files;

namespace Procurement.Rules.Ocds;

/// <summary>
/// Typed, located reads of OCDS JSON (as <see cref="DocNode"/> trees from the shared JSON reader): each read checks the
/// value's type, format or codelist and, when a problem list is given, records what is wrong with file, line, column and
/// JSON path. Keys the mapping does not read (extensions, unused fields) are never problems: OCDS is open to extension.
/// </summary>
internal sealed partial class OcdsFields
{
    private readonly string _file;
    private readonly List<LoadProblem>? _problems;

    /// <param name="file">The file name for problems.</param>
    /// <param name="problems">Where problems go; <see langword="null"/> to read without reporting (a merged tree, whose values were checked release by release).</param>
    public OcdsFields(string file, List<LoadProblem>? problems)
    {
        _file = file;
        _problems = problems;
    }

    /// <summary>The same reads without reporting: for a value another read already checks.</summary>
    public OcdsFields Quiet => new(_file, null);

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static string At(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The value of a key; <see langword="null"/> when absent or JSON <c>null</c>.</summary>
    public static DocNode? Get(DocMap? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value is DocScalar { Kind: ScalarKind.Null } ? null : entry.Value;
            }
        }

        return null;
    }

    public static bool Has(DocMap map, string key) => map.Entries.Any(e => e.Key == key);

    public void Problem(DocNode? node, string? path, string message) =>
        _problems?.Add(new LoadProblem(_file, node?.Line, node?.Column, string.IsNullOrEmpty(path) ? null : path, null, message));

    public DocMap? Object(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null or DocMap)
        {
            return node as DocMap;
        }

        Problem(node, Join(path, key), $"expected an object, found {node.Describe}");
        return null;
    }

    /// <summary>The objects of an array, each with its path; non-object items are problems and left out.</summary>
    public IReadOnlyList<(DocMap Item, string Path)> Objects(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        var at = Join(path, key);
        if (node is null)
        {
            return Array.Empty<(DocMap, string)>();
        }

        if (node is not DocList list)
        {
            Problem(node, at, $"expected an array, found {node.Describe}");
            return Array.Empty<(DocMap, string)>();
        }

        var items = new List<(DocMap, string)>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is DocMap map)
            {
                items.Add((map, At(at, i)));
            }
            else
            {
                Problem(list.Items[i], At(at, i), $"expected an object, found {list.Items[i].Describe}");
            }
        }

        return items;
    }

    public string? Text(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return null;
        }

        if (node is DocScalar { Kind: ScalarKind.JsonString } s)
        {
            return s.Text;
        }

        Problem(node, Join(path, key), $"expected a string, found {node.Describe}");
        return null;
    }

    /// <summary>An identifier: OCDS allows a string or an integer.</summary>
    public string? Id(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return null;
        }

        if (node is DocScalar { Kind: ScalarKind.JsonString or ScalarKind.JsonNumber } s)
        {
            return s.Text;
        }

        Problem(node, Join(path, key), $"expected a string or an integer, found {node.Describe}");
        return null;
    }

    public IReadOnlyList<string> Strings(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return Array.Empty<string>();
        }

        if (node is not DocList list)
        {
            Problem(node, Join(path, key), $"expected an array of strings, found {node.Describe}");
            return Array.Empty<string>();
        }

        var items = new List<string>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is DocScalar { Kind: ScalarKind.JsonString, Text: { } text })
            {
                items.Add(text);
            }
            else
            {
                Problem(list.Items[i], At(Join(path, key), i), $"expected a string, found {list.Items[i].Describe}");
            }
        }

        return items;
    }

    public bool? Boolean(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return null;
        }

        if (node is DocScalar { Kind: ScalarKind.JsonBoolean } s)
        {
            return s.Text == "true";
        }

        Problem(node, Join(path, key), $"expected true or false, found {node.Describe}");
        return null;
    }

    public int? Integer(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return null;
        }

        if (node is DocScalar { Kind: ScalarKind.JsonNumber } s && int.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= 0)
            {
                return value;
            }

            Problem(node, Join(path, key), $"{value} cannot be negative");
            return null;
        }

        Problem(node, Join(path, key), $"expected a whole number, found {node.Describe}");
        return null;
    }

    public decimal? Number(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return null;
        }

        if (node is DocScalar { Kind: ScalarKind.JsonNumber } s
            && decimal.TryParse(s.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(node, Join(path, key), node is DocScalar { Kind: ScalarKind.JsonNumber }
            ? $"{node.Describe} is out of range for an amount (at most 28 significant digits, below 7.9e28)"
            : $"expected a number, found {node.Describe}");
        return null;
    }

    /// <summary>
    /// An OCDS date: an ISO 8601 date-time (<c>2025-03-14T09:00:00Z</c>, any offset) or, leniently, a bare date. The day
    /// is the calendar date as written, in the offset the publisher wrote.
    /// </summary>
    public (DateOnly Day, DateTimeOffset Instant)? DateTime(DocMap? parent, string key, string path)
    {
        var node = Get(parent, key);
        if (node is null)
        {
            return null;
        }

        if (node is DocScalar { Kind: ScalarKind.JsonString, Text: { } text } && ParseDate(text) is { } parsed)
        {
            return parsed;
        }

        Problem(node, Join(path, key), $"{node.Describe} is not an ISO 8601 date-time (such as 2025-03-14T09:00:00Z)");
        return null;
    }

    public DateOnly? Date(DocMap? parent, string key, string path) => DateTime(parent, key, path)?.Day;

    public static (DateOnly Day, DateTimeOffset Instant)? ParseDate(string text)
    {
        if (!IsoDate().IsMatch(text))
        {
            return null;
        }

        if (text.Length == 10)
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? (day, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
                : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? (DateOnly.FromDateTime(instant.DateTime), instant)
            : null;
    }

    /// <summary>A code from a closed codelist, as its enum value; anything else is a problem with a suggestion.</summary>
    public T? Code<T>(DocMap? parent, string key, string path, IReadOnlyDictionary<string, T> codes)
        where T : struct
    {
        var text = Text(parent, key, path);
        if (text is null)
        {
            return null;
        }

        if (codes.TryGetValue(text, out var value))
        {
            return value;
        }

        var suggestion = Names.Suggest(text, codes.Keys);
        Problem(Get(parent, key), Join(path, key),
            $"'{text}' is not one of {string.Join(", ", codes.Keys)}" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
        return null;
    }

    /// <summary>An absolute URL, or <see langword="null"/> (a relative or malformed one is a problem).</summary>
    public Uri? Url(DocMap? parent, string key, string path)
    {
        var text = Text(parent, key, path);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        Problem(Get(parent, key), Join(path, key), $"'{text}' is not an absolute URL");
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoDate();
}
