using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Procurement.Model;

namespace Procurement.Rules.Files;

/// <summary>
/// Binds a <see cref="DocNode"/> tree onto the model by reflection over its init-only properties: camelCase keys,
/// camelCase enum values, <c>yyyy-MM-dd</c> dates. Every problem is collected with its path and position; binding goes
/// on after a problem so that one pass finds them all.
/// </summary>
internal sealed class ModelBinder
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Shapes = new();

    private readonly string _file;
    private readonly List<LoadProblem> _problems;

    /// <summary>The forms an event's date may take, for messages.</summary>
    internal const string EventDateForms =
        "2009-07-15, 2009-07, 2009, before 2010-05-01, on or before 2010-05-01, after 2010-05-01, on or after 2010-05-01, "
        + "between 2009-01-01 and 2009-03-31, relative to another kind of event (before noticePublished, by noticePublished, "
        + "after intentionsShared, on or after intentionsShared, same day as tenderDecision), or leave it out when undated";

    public ModelBinder(string file, List<LoadProblem> problems)
    {
        _file = file;
        _problems = problems;
    }

    public object? Bind(DocNode node, Type type, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is DocScalar { Kind: ScalarKind.Null })
        {
            if (type == typeof(EventDate))
            {
                return null; // an event's date left empty: undated, the default
            }

            // Explicit null: "not recorded", allowed only where the model allows it.
            if (underlying is null && type.IsValueType)
            {
                Problem(node, path, "a value is required here, not null");
            }

            return null;
        }

        var target = underlying ?? type;
        if (target == typeof(string))
        {
            return Scalar(node, path, ScalarKind.JsonString, "text")?.Text;
        }

        if (target == typeof(bool))
        {
            var s = Scalar(node, path, ScalarKind.JsonBoolean, "true or false");
            if (s is null)
            {
                return null;
            }

            if (s.Text is "true" or "false")
            {
                return s.Text == "true";
            }

            return Problem(node, path, $"{s.Describe} is not true or false");
        }

        if (target == typeof(int))
        {
            var s = Scalar(node, path, ScalarKind.JsonNumber, "a whole number");
            return s is null ? null
                : int.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i
                : Problem(node, path, s.Kind == ScalarKind.JsonNumber
                    ? $"{s.Describe} is not a whole number from -2,147,483,648 to 2,147,483,647"
                    : $"{s.Describe} is not a whole number");
        }

        if (target == typeof(decimal))
        {
            var s = Scalar(node, path, ScalarKind.JsonNumber, "a number");
            return s is null ? null
                : decimal.TryParse(s.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d
                : Problem(node, path, s.Kind == ScalarKind.JsonNumber
                    ? $"{s.Describe} is out of range for an amount (at most 28 significant digits, below 7.9e28)"
                    : $"{s.Describe} is not a number (write 25000000, not 25m or 25,000,000)");
        }

        if (target == typeof(DateOnly))
        {
            var s = Scalar(node, path, ScalarKind.JsonString, "a date (yyyy-MM-dd)");
            return s is null ? null
                : DateOnly.TryParseExact(s.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : Problem(node, path, $"{s.Describe} is not a valid date (yyyy-MM-dd, a day that exists)");
        }

        if (target == typeof(EventDate))
        {
            return BindEventDate(node, path);
        }

        if (target == typeof(Uri))
        {
            var s = Scalar(node, path, ScalarKind.JsonString, "an absolute URL");
            return s is null ? null
                : Uri.TryCreate(s.Text, UriKind.Absolute, out var uri) ? uri
                : Problem(node, path, $"{s.Describe} is not an absolute URL");
        }

        if (target.IsEnum)
        {
            return BindEnum(node, target, path);
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return BindList(node, target.GetGenericArguments()[0], path);
        }

        return BindObject(node, target, path);
    }

    private object? BindEnum(DocNode node, Type type, string path)
    {
        // The list of names is built only for a problem: an enum is bound for every event of a timeline.
        var s = node is DocScalar { Kind: ScalarKind.Text or ScalarKind.JsonString } text ? text : Scalar(node, path, ScalarKind.JsonString, "one of " + string.Join(", ", EnumNames(type)));
        if (s is null)
        {
            return null;
        }

        foreach (var name in Enum.GetNames(type))
        {
            if (string.Equals(name, s.Text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(type, name);
            }
        }

        var names = EnumNames(type);
        var suggestion = Names.Suggest(s.Text ?? string.Empty, names);
        return Problem(node, path, $"{s.Describe} is not one of {string.Join(", ", names)}" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
    }

    private object? BindEventDate(DocNode node, string path)
    {
        if (node is DocMap map)
        {
            return BindEventDateBounds(map, path);
        }

        if (node is DocScalar { Kind: ScalarKind.JsonNumber } number)
        {
            // A year written as a JSON number (as YAML's 2009 reads when a case file is turned into JSON).
            return EventDate.TryParse(number.Text, out var year) && year.Precision == DatePrecision.Year ? year
                : Problem(node, path, $"{number.Describe} is not a year (write a year as 2009, or the date as {EventDateForms})");
        }

        var s = Scalar(node, path, ScalarKind.JsonString, "a date (" + EventDateForms + ")");
        return s is null ? null
            : EventDate.TryParse(s.Text, out var date) ? date
            : Problem(node, path, EventDateProblem(s));
    }

    /// <summary>What is wrong with an event's date written as text: a range out of order, a day that does not exist, or the form.</summary>
    private static string EventDateProblem(DocScalar s)
    {
        var words = (s.Text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 4 && string.Equals(words[0], "between", StringComparison.OrdinalIgnoreCase)
            && EventDate.TryParse(words[1], out var from) && EventDate.TryParse(words[3], out var to) && from.IsExact && to.IsExact && to.Exact < from.Exact)
        {
            return $"{s.Describe} is a range that ends before it starts (write the earlier day first: between {words[3]} and {words[1]})";
        }

        if (words.Length >= 2 && char.IsLetter(words[^1][0])
            && (words.Length == 2 && words[0].ToLowerInvariant() is "before" or "after" or "by"
                || words.Length == 4 && string.Join(' ', words[..3]).ToLowerInvariant() is "on or before" or "on or after" or "same day as"))
        {
            return $"{s.Describe}: {UnknownKind(words[^1])}";
        }

        return $"{s.Describe} is not a valid date (write {EventDateForms}; a day is yyyy-MM-dd and must exist)";
    }

    /// <summary>The problem with a relative date's event kind that is not one, with the nearest kind suggested.</summary>
    private static string UnknownKind(string word)
    {
        var kinds = Enum.GetValues<EventKind>().Select(k => Names.Camel(k)).ToArray();
        var suggestion = Names.Suggest(word, kinds);
        return $"'{DocScalar.Shorten(word)}' is not an event kind (a date relative to another event names its kind, as in before noticePublished)"
            + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
    }

    /// <summary>
    /// An event's date written as a map of bounds: <c>{before: 2010-05-01}</c>, <c>{onOrAfter: 2009-01-01}</c>, or one
    /// lower and one upper bound together for a range (<c>{onOrAfter: 2009-01-01, onOrBefore: 2009-03-31}</c>).
    /// </summary>
    private object? BindEventDateBounds(DocMap map, string path)
    {
        const string Keys = "before, onOrBefore, after, onOrAfter";
        if (map.Entries.Count == 1 && map.Entries[0] is { Key: "before" or "onOrBefore" or "after" or "onOrAfter" or "sameDayAs" } only
            && only.Value is DocScalar { Text: { Length: > 0 } word } && char.IsLetter(word[0]))
        {
            // A bound relative to another kind of event ({before: noticePublished}), as the text forms allow.
            var relation = only.Key switch
            {
                "before" => "before ",
                "onOrBefore" => "on or before ",
                "after" => "after ",
                "onOrAfter" => "on or after ",
                _ => "same day as ",
            };
            return EventDate.TryParse(relation + word, out var relative) ? relative
                : Problem(only.Value, path + "." + only.Key, UnknownKind(word));
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Key == "sameDayAs")
            {
                return Problem(entry.Value, path + ".sameDayAs", "sameDayAs takes an event kind and stands alone in a date");
            }
        }

        DateOnly? earliest = null, latest = null;
        string? lowerKey = null, upperKey = null;
        var failed = false;
        foreach (var entry in map.Entries)
        {
            var entryPath = path + "." + entry.Key;
            var upper = entry.Key is "before" or "onOrBefore";
            if (!upper && entry.Key is not ("after" or "onOrAfter"))
            {
                _problems.Add(new LoadProblem(_file, entry.Line, entry.Column, entryPath, null,
                    $"unknown key '{DocScalar.Shorten(entry.Key)}' in a date (expected one of: {Keys}; or write the date as text: {EventDateForms})"));
                failed = true;
                continue;
            }

            if ((upper ? upperKey : lowerKey) is { } other)
            {
                _problems.Add(new LoadProblem(_file, entry.Line, entry.Column, entryPath, null,
                    $"a date has one {(upper ? "upper" : "lower")} bound, but '{other}' and '{entry.Key}' are both given"));
                failed = true;
                continue;
            }

            if (Bind(entry.Value, typeof(DateOnly), entryPath) is not DateOnly day)
            {
                failed = true;
                continue;
            }

            if (entry.Key == "before" && day == DateOnly.MinValue || entry.Key == "after" && day == DateOnly.MaxValue)
            {
                Problem(entry.Value, entryPath, $"there is no day {entry.Key} {day:yyyy-MM-dd}");
                failed = true;
                continue;
            }

            if (upper)
            {
                upperKey = entry.Key;
                latest = entry.Key == "before" ? day.AddDays(-1) : day;
            }
            else
            {
                lowerKey = entry.Key;
                earliest = entry.Key == "after" ? day.AddDays(1) : day;
            }
        }

        if (failed)
        {
            return null;
        }

        if (earliest is null && latest is null)
        {
            return Problem(map, path, $"a date written as a map needs a bound ({Keys})");
        }

        if (earliest is { } from && latest is { } to)
        {
            return to < from
                ? Problem(map, path, $"the date's bounds are out of order: {lowerKey} {map.Entries.First(e => e.Key == lowerKey).Value.Describe} is not before {upperKey} {map.Entries.First(e => e.Key == upperKey).Value.Describe}")
                : EventDate.Between(from, to);
        }

        return (lowerKey ?? upperKey) switch
        {
            "before" => EventDate.Before(latest!.Value.AddDays(1)),
            "onOrBefore" => EventDate.OnOrBefore(latest!.Value),
            "after" => EventDate.After(earliest!.Value.AddDays(-1)),
            _ => EventDate.OnOrAfter(earliest!.Value),
        };
    }

    private object? BindList(DocNode node, Type itemType, string path)
    {
        if (node is not DocList list)
        {
            return Problem(node, path, $"expected a list, found {node.Describe}");
        }

        var items = Array.CreateInstance(itemType, list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var item = list.Items[i];
            if (item is DocScalar { Kind: ScalarKind.Null })
            {
                Problem(item, itemPath, "a list item may not be null");
                continue;
            }

            items.SetValue(Bind(item, itemType, itemPath), i);
        }

        var wrapper = typeof(ReadOnlyCollection<>).MakeGenericType(itemType);
        return Activator.CreateInstance(wrapper, items);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The binder creates only model types; Procurement.Model is preserved whole by its ILLink.Descriptors.xml, so every model type keeps its public properties and constructors.")]
    private object? BindObject(DocNode node, Type type, string path)
    {
        var shape = Shapes.GetOrAdd(type, static t => new ModelShape(t));
        if (node is not DocMap map)
        {
            return Problem(node, path, $"expected a mapping with keys such as {string.Join(", ", shape.Keys.Take(4))}, found {node.Describe}");
        }

        var instance = Activator.CreateInstance(type)!;
        var seen = 0UL; // one bit per property of the shape (a model type has far fewer than 64)
        foreach (var entry in map.Entries)
        {
            var entryPath = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            if (!shape.Properties.TryGetValue(entry.Key, out var property))
            {
                var suggestion = Names.Suggest(entry.Key, shape.Keys);
                _problems.Add(new LoadProblem(_file, entry.Line, entry.Column, entryPath, null,
                    $"unknown key '{DocScalar.Shorten(entry.Key)}'" + (suggestion is null ? $" (expected one of: {string.Join(", ", shape.Keys)})" : $"; did you mean '{suggestion}'?")));
                continue;
            }

            var bit = 1UL << shape.Index[entry.Key];
            if ((seen & bit) != 0)
            {
                _problems.Add(new LoadProblem(_file, entry.Line, entry.Column, entryPath, null, $"duplicate key '{entry.Key}'"));
                continue;
            }

            seen |= bit;
            var before = _problems.Count;
            var value = Bind(entry.Value, property.PropertyType, entryPath);
            if (_problems.Count > before)
            {
                continue;
            }

            if (value is null && shape.Required.Contains(entry.Key))
            {
                Problem(entry.Value, entryPath, "a value is required here, not null");
                continue;
            }

            if (value is not null)
            {
                property.SetValue(instance, value);
            }
        }

        foreach (var required in shape.Required)
        {
            if ((seen & (1UL << shape.Index[required])) == 0)
            {
                _problems.Add(new LoadProblem(_file, map.Line, map.Column, path.Length == 0 ? required : path + "." + required, null, $"missing required key '{required}'"));
            }
        }

        // Returned even when a value failed, so the validator can still look at the rest; the load fails on the problems.
        return instance;
    }

    private DocScalar? Scalar(DocNode node, string path, ScalarKind jsonKind, string expected)
    {
        if (node is not DocScalar scalar)
        {
            Problem(node, path, $"expected {expected}, found {node.Describe}");
            return null;
        }

        if (scalar.Kind != ScalarKind.Text && scalar.Kind != jsonKind)
        {
            Problem(node, path, $"expected {expected}, found {scalar.Describe}");
            return null;
        }

        return scalar;
    }

    private object? Problem(DocNode node, string path, string message)
    {
        _problems.Add(new LoadProblem(_file, node.Line, node.Column, path.Length == 0 ? null : path, null, message));
        return null;
    }

    private static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(type).Select(Names.Camel);

    /// <summary>The settable properties of a model type, by camelCase key, and which of them are required.</summary>
    private sealed class ModelShape
    {
        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The binder reads only model types; Procurement.Model is preserved whole by its ILLink.Descriptors.xml, so every model type keeps its public properties and constructors.")]
        public ModelShape(Type type)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .ToList();
            Properties = properties.ToDictionary(p => Names.Camel(p.Name), StringComparer.Ordinal);
            Keys = properties.Select(p => Names.Camel(p.Name)).ToArray();
            Index = Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
            if (Index.Count > 64)
            {
                throw new InvalidOperationException($"{type.Name} has more than 64 properties: the binder's key mask would overflow");
            }

            Required = properties.Where(p => p.IsDefined(typeof(RequiredMemberAttribute))).Select(p => Names.Camel(p.Name)).ToHashSet(StringComparer.Ordinal);
        }

        public Dictionary<string, PropertyInfo> Properties { get; }

        public IReadOnlyList<string> Keys { get; }

        public Dictionary<string, int> Index { get; }

        public HashSet<string> Required { get; }
    }
}
