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
            var nullable = !isRequired && (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null);
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
