using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Procurement.Model;

namespace Procurement.Rules.Tests.Schema;

/// <summary>
/// Builds <c>docs/schema/procurement.schema.json</c> from the model the way <c>ModelBinder</c> reads it: every public
/// settable property is a camelCase key, <c>required</c> members are required, a nullable or optional member may be
/// <c>null</c> (not recorded), enums are their camelCase names, dates <c>yyyy-MM-dd</c>. Descriptions come from the model's
/// XML docs. A test holds the committed file equal to this output.
/// </summary>
internal static partial class ProcurementSchemaGenerator
{
    public const string FileName = "procurement.schema.json";

    public static string Generate()
    {
        var docs = LoadDocs();
        var defs = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var root = ObjectSchema(typeof(ProposedProcurement), defs, docs);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://github.com/procurement-rules/procurement-rules/docs/schema/procurement.schema.json",
            ["title"] = "Procurement.Rules procurement file (case file)",
            ["description"] = "Generated from the model (tests/Procurement.Rules.Tests/Schema); do not edit by hand. For editors: add '# yaml-language-server: $schema=<path to this file>' to a case file. Enum values are written in camelCase here; the reader also accepts other cases. The reader checks more than this schema can (see docs/procurement-files.md).",
        };
        foreach (var (key, value) in root)
        {
            schema[key] = value?.DeepClone();
        }

        var defsNode = new JsonObject();
        defsNode["date"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ["format"] = "date", ["description"] = "A date, yyyy-MM-dd." };
        defsNode["eventDate"] = EventDateSchema();
        foreach (var (name, def) in defs)
        {
            defsNode[name] = def;
        }

        schema["$defs"] = defsNode;
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The settable public properties of a model type, as the binder sees them.</summary>
    public static IEnumerable<PropertyInfo> Keys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static JsonObject ObjectSchema(Type type, SortedDictionary<string, JsonNode> defs, Dictionary<string, string> docs)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in Keys(type))
        {
            var isRequired = property.IsDefined(typeof(RequiredMemberAttribute));
            // As the binder: null is "not recorded", allowed unless the key is required or its type cannot be null.
            // An event's date (a value type) may be null or left out too: undated.
            var nullable = !isRequired && (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null || property.PropertyType == typeof(EventDate));
            var value = TypeSchema(property.PropertyType, defs, docs);

            var schema = nullable ? new JsonObject { ["anyOf"] = new JsonArray(value, new JsonObject { ["type"] = "null" }) } : value;
            if (docs.TryGetValue("P:" + property.DeclaringType!.FullName + "." + property.Name, out var description))
            {
                schema["description"] = description;
            }

            properties[Camel(property.Name)] = schema;
            if (isRequired)
            {
                required.Add(Camel(property.Name));
            }
        }

        var result = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        if (required.Count > 0)
        {
            result["required"] = required;
        }

        result["properties"] = properties;
        return result;
    }

    private static JsonObject TypeSchema(Type type, SortedDictionary<string, JsonNode> defs, Dictionary<string, string> docs)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (target == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (target == typeof(int))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (target == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (target == typeof(DateOnly))
        {
            return new JsonObject { ["$ref"] = "#/$defs/date" };
        }

        if (target == typeof(EventDate))
        {
            return new JsonObject { ["$ref"] = "#/$defs/eventDate" };
        }

        if (target == typeof(Uri))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "uri" };
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(target.GetGenericArguments()[0], defs, docs) };
        }

        var name = Camel(target.Name);
        if (!defs.ContainsKey(name))
        {
            defs[name] = new JsonObject(); // reserve against recursion
            JsonObject def;
            if (target.IsEnum)
            {
                def = new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(target).Select(n => (JsonNode)JsonValue.Create(Camel(n))!).ToArray()) };
            }
            else
            {
                def = ObjectSchema(target, defs, docs);
            }

            if (docs.TryGetValue("T:" + target.FullName, out var description))
            {
                def["description"] = description;
            }

            defs[name] = def;
        }

        return new JsonObject { ["$ref"] = "#/$defs/" + name };
    }

    /// <summary>
    /// An event's date as the binder reads it: text (a day, a month, a year, a bound, a range or "undated"), a year as a number, or a map of
    /// at most one lower bound (after, onOrAfter) and one upper bound (before, onOrBefore). The reader also checks that a
    /// range does not end before it starts, and reads the words in any letter case.
    /// </summary>
    private static JsonObject EventDateSchema()
    {
        const string Day = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
        var kinds = string.Join("|", Enum.GetValues<EventKind>().Select(k => Names.Camel(k)));
        var text = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = $"^\\s*({Day}|[0-9]{{4}}-[0-9]{{2}}|[0-9]{{4}}|(before|after|on\\s+or\\s+before|on\\s+or\\s+after)\\s+{Day}|between\\s+{Day}\\s+and\\s+{Day}|undated"
                + $"|(before|by|after|on\\s+or\\s+before|on\\s+or\\s+after|same\\s+day\\s+as)\\s+({kinds}))\\s*$",
        };
        var kind = new JsonObject { ["$ref"] = "#/$defs/eventKind" };
        var relative = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["minProperties"] = 1,
            ["maxProperties"] = 1,
            ["properties"] = new JsonObject
            {
                ["before"] = kind.DeepClone(),
                ["onOrBefore"] = kind.DeepClone(),
                ["after"] = kind.DeepClone(),
                ["onOrAfter"] = kind.DeepClone(),
                ["sameDayAs"] = kind.DeepClone(),
            },
            ["description"] = "A bound relative to another kind of event, resolved when the case is checked.",
        };
        var day = new JsonObject { ["$ref"] = "#/$defs/date" };
        var map = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["minProperties"] = 1,
            ["properties"] = new JsonObject { ["before"] = day.DeepClone(), ["onOrBefore"] = day.DeepClone(), ["after"] = day.DeepClone(), ["onOrAfter"] = day.DeepClone() },
            ["not"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["required"] = new JsonArray("before", "onOrBefore") },
                    new JsonObject { ["required"] = new JsonArray("after", "onOrAfter") }),
            },
        };
        return new JsonObject
        {
            ["anyOf"] = new JsonArray(text, new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 9999, ["description"] = "A year." }, map, relative),
            ["description"] = "When an event happened, as precisely as recorded: 2009-07-15, 2009-07, 2009, before 2010-05-01, on or before 2010-05-01, after 2010-05-01, on or after 2010-05-01, between 2009-01-01 and 2009-03-31, undated; or a map of one lower bound (after, onOrAfter) and/or one upper bound (before, onOrBefore); or relative to another kind of event: before noticePublished, by noticePublished, on or before noticePublished, after intentionsShared, on or after intentionsShared, same day as tenderDecision (or a map of one of before, onOrBefore, after, onOrAfter, sameDayAs to an event kind). Left out or null: undated.",
        };
    }

    /// <summary>The model's XML doc summaries, as plain text, by member id.</summary>
    private static Dictionary<string, string> LoadDocs()
    {
        var file = Path.ChangeExtension(typeof(ProposedProcurement).Assembly.Location, ".xml");
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            var summary = member.Element("summary");
            if (summary is null)
            {
                continue;
            }

            var text = string.Concat(summary.Nodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" } e => e.Attribute("langword")?.Value ?? e.Attribute("cref")?.Value.Split('.').Last() ?? e.Value,
                XElement e => e.Value,
                _ => string.Empty,
            }));
            docs[member.Attribute("name")!.Value] = Spaces().Replace(text, " ").Trim();
        }

        return docs;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
