using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using Procurement.Model;
using Procurement.Rules.Files;

namespace Procurement.Rules;

/// <summary>
/// Reads and writes procurement files: the <see cref="ProposedProcurement"/> model as YAML or JSON, with camelCase
/// keys and enum values and <c>yyyy-MM-dd</c> dates. See <c>docs/procurement-files.md</c> for the format.
/// </summary>
/// <remarks>
/// Reading is strict: an unknown key, a misspelt enum value, an impossible date, a value of the wrong type, a missing
/// required value or contradictory facts fail the load with a <see cref="ProcurementLoadException"/> that lists every
/// problem with its file, path (such as <c>timeline[3].date</c>), line and column. All members are thread-safe.
/// </remarks>
public static class ProcurementFile
{
    private static readonly JsonSerializerSettings WriteSettings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()), new DateOnlyConverter() },
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
    };

    /// <summary>Loads a procurement from a <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The file's extension is not .yaml, .yml or .json.</exception>
    /// <exception cref="ProcurementLoadException">The file is invalid; every problem is listed.</exception>
    public static ProposedProcurement Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml" or ".json"))
        {
            throw new ArgumentException($"A procurement file must end in .yaml, .yml or .json: {path}", nameof(path));
        }

        var text = File.ReadAllText(path);
        return extension == ".json" ? ParseJson(text, path) : ParseYaml(text, path);
    }

    /// <summary>Reads a procurement from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name to give the text in problems; default <c>(yaml)</c>.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ProcurementLoadException">The text is invalid; every problem is listed.</exception>
    public static ProposedProcurement ParseYaml(string yaml, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = fileName ?? "(yaml)";
        var problems = new List<LoadProblem>();
        return Bind(DocReaders.ReadYaml(yaml, file, problems), file, problems);
    }

    /// <summary>Reads a procurement from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The name to give the text in problems; default <c>(json)</c>.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ProcurementLoadException">The text is invalid; every problem is listed.</exception>
    public static ProposedProcurement ParseJson(string json, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = fileName ?? "(json)";
        var problems = new List<LoadProblem>();
        return Bind(DocReaders.ReadJson(json, file, problems), file, problems);
    }

    /// <summary>Writes a procurement as indented JSON that <see cref="ParseJson"/> reads back to an equal procurement.</summary>
    /// <param name="procurement">The procurement.</param>
    /// <returns>The JSON text; facts not recorded are left out.</returns>
    public static string ToJson(ProposedProcurement procurement)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return JsonConvert.SerializeObject(procurement, WriteSettings);
    }

    private static ProposedProcurement Bind(DocNode? root, string file, List<LoadProblem> problems)
    {
        if (root is null)
        {
            throw new ProcurementLoadException(problems);
        }

        var binder = new ModelBinder(file, problems);
        var procurement = binder.Bind(root, typeof(ProposedProcurement), string.Empty) as ProposedProcurement;
        if (problems.Count > 0 || procurement is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new LoadProblem(file, root.Line, root.Column, null, null, "the file holds no procurement"));
            }

            throw new ProcurementLoadException(problems);
        }

        ProcurementValidator.ThrowIfInvalid(procurement, file, binder.Positions);
        return procurement;
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly ReadJson(JsonReader reader, Type objectType, DateOnly existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            DateOnly.ParseExact((string)reader.Value!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public override void WriteJson(JsonWriter writer, DateOnly value, JsonSerializer serializer) =>
            writer.WriteValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
