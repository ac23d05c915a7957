using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
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
        ContractResolver = new ModelContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()), new DateOnlyConverter(), new EventDateConverter() },
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
    };

    /// <summary>Loads a procurement from a <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</summary>
    /// <param name="path">The file's path; its extension (any letter case) says the format.</param>
    /// <param name="options">Limits on the file; <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The file's extension is not .yaml, .yml or .json.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="ProcurementLoadException">
    /// The file is invalid (every problem is listed), cannot be read, is not a regular file (a folder, a device or a
    /// FIFO, detected before opening it), or breaks a limit of <see cref="InputLimits"/>.
    /// </exception>
    public static ProposedProcurement Load(string path, ProcurementLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var json = IsJson(path, nameof(path));
        ThrowIfMissing(path);
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        var problems = new List<LoadProblem>();
        var bytes = InputFile.ReadBytes(path, path, limits, problems);
        return Read(bytes, json, path, limits, problems);
    }

    /// <summary>Loads a procurement from a file without blocking the calling thread while it is read.</summary>
    /// <param name="path">The file's path; its extension (any letter case) says the format.</param>
    /// <param name="options">Limits on the file; <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The file's extension is not .yaml, .yml or .json.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="ProcurementLoadException">As for <see cref="Load(string, ProcurementLoadOptions?)"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ProposedProcurement> LoadAsync(string path, ProcurementLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var json = IsJson(path, nameof(path));
        ThrowIfMissing(path);
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        var problems = new List<LoadProblem>();
        var bytes = await InputFile.ReadBytesAsync(path, path, limits, problems, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(bytes, json, path, limits, problems);
    }

    /// <summary>Loads a procurement from a stream of UTF-8 bytes, read to its end (the stream is not closed).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="fileName">
    /// The name to give the text in problems; its extension (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>) says the format.
    /// </param>
    /// <param name="options">Limits on the text; <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException">The name's extension is not .yaml, .yml or .json.</exception>
    /// <exception cref="ProcurementLoadException">The text is invalid, holds more than the limit, or the stream cannot be read.</exception>
    public static ProposedProcurement Load(Stream stream, string fileName, ProcurementLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var json = IsJson(fileName, nameof(fileName));
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        var problems = new List<LoadProblem>();
        byte[]? bytes;
        try
        {
            bytes = InputFile.ReadBounded(stream, fileName, limits, problems);
        }
        catch (IOException e)
        {
            problems.Add(new LoadProblem(fileName, null, null, null, null, "cannot be read: " + e.Message));
            bytes = null;
        }

        return Read(bytes, json, fileName, limits, problems);
    }

    /// <summary>Loads a procurement from a stream of UTF-8 bytes without blocking while it is read (the stream is not closed).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="fileName">The name to give the text in problems; its extension says the format.</param>
    /// <param name="options">Limits on the text; <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException">The name's extension is not .yaml, .yml or .json.</exception>
    /// <exception cref="ProcurementLoadException">The text is invalid, holds more than the limit, or the stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ProposedProcurement> LoadAsync(Stream stream, string fileName, ProcurementLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var json = IsJson(fileName, nameof(fileName));
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        var problems = new List<LoadProblem>();
        byte[]? bytes;
        try
        {
            bytes = await InputFile.ReadBoundedAsync(stream, fileName, limits, problems, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            problems.Add(new LoadProblem(fileName, null, null, null, null, "cannot be read: " + e.Message));
            bytes = null;
        }

        return Read(bytes, json, fileName, limits, problems);
    }

    /// <summary>Loads a procurement from text, read to its end (the reader is not closed).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to give the text in problems; its extension says the format.</param>
    /// <param name="options">Limits on the text (its size counted in characters); <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException">The name's extension is not .yaml, .yml or .json.</exception>
    /// <exception cref="ProcurementLoadException">The text is invalid, holds more than the limit, or cannot be read.</exception>
    public static ProposedProcurement Load(TextReader reader, string fileName, ProcurementLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        var json = IsJson(fileName, nameof(fileName));
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        var text = new StringBuilder();
        var buffer = new char[16384];
        int read;
        try
        {
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > limits.MaxFileBytes)
                {
                    throw new ProcurementLoadException(new[] { TooLarge(fileName, limits) });
                }
            }
        }
        catch (IOException e)
        {
            throw new ProcurementLoadException(new[] { new LoadProblem(fileName, null, null, null, null, "cannot be read: " + e.Message) });
        }

        return json ? ParseJson(text.ToString(), fileName, options) : ParseYaml(text.ToString(), fileName, options);
    }

    /// <summary>Reads a procurement from YAML text. A leading byte order mark is ignored, as in a file.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name to give the text in problems; default <c>(yaml)</c>.</param>
    /// <param name="options">Limits on the text (its size counted in characters); <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">The text is invalid or breaks a limit; every problem is listed.</exception>
    public static ProposedProcurement ParseYaml(string yaml, string? fileName = null, ProcurementLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var file = fileName ?? "(yaml)";
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        if (yaml.Length > limits.MaxFileBytes)
        {
            throw new ProcurementLoadException(new[] { TooLarge(file, limits) });
        }

        var problems = new List<LoadProblem>();
        return Bind(DocReaders.ReadYaml(yaml, file, limits, problems), file, problems);
    }

    /// <summary>Reads a procurement from JSON text (RFC 8259: no comments, trailing commas or other extensions). A leading byte order mark is ignored.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The name to give the text in problems; default <c>(json)</c>.</param>
    /// <param name="options">Limits on the text (its size counted in characters); <see cref="ProcurementLoadOptions.Default"/> when null.</param>
    /// <returns>The procurement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">The text is invalid or breaks a limit; every problem is listed.</exception>
    public static ProposedProcurement ParseJson(string json, string? fileName = null, ProcurementLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = fileName ?? "(json)";
        var limits = (options ?? ProcurementLoadOptions.Default).Limits;
        var problems = new List<LoadProblem>();
        var bytes = InputFile.TextBytes(json, file, limits, problems) ?? throw new ProcurementLoadException(problems);
        return Bind(DocReaders.ReadJson(bytes, file, limits, problems), file, problems);
    }

    /// <summary>Writes a procurement as indented JSON that <see cref="ParseJson"/> reads back to an equal procurement.</summary>
    /// <param name="procurement">The procurement.</param>
    /// <returns>The JSON text; facts not recorded are left out.</returns>
    public static string ToJson(ProposedProcurement procurement)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return JsonConvert.SerializeObject(procurement, WriteSettings);
    }

    private static ProposedProcurement Read(byte[]? bytes, bool json, string file, InputLimits limits, List<LoadProblem> problems)
    {
        if (bytes is null)
        {
            throw new ProcurementLoadException(problems);
        }

        if (json)
        {
            return Bind(DocReaders.ReadJson(bytes, file, limits, problems), file, problems);
        }

        var text = InputFile.Decode(bytes, file, problems);
        return text is null ? throw new ProcurementLoadException(problems) : Bind(DocReaders.ReadYaml(text, file, limits, problems), file, problems);
    }

    private static bool IsJson(string name, string parameter)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml" or ".json"))
        {
            throw new ArgumentException($"A procurement file must end in .yaml, .yml or .json: {name}", parameter);
        }

        return extension == ".json";
    }

    private static void ThrowIfMissing(string path)
    {
        if (InputFile.KindOf(path) == PathKind.Missing)
        {
            throw new FileNotFoundException($"Procurement file not found: {path}", path);
        }
    }

    private static LoadProblem TooLarge(string file, InputLimits limits) =>
        new(file, null, null, null, null, $"the text holds more than the limit of {limits.MaxFileBytes:N0} characters (InputLimits.MaxFileBytes)");

    /// <summary>
    /// Binds the tree and validates what was bound, even when binding found problems, so that one load lists every
    /// problem (an unknown key and a negative term together), not only the first kind found.
    /// </summary>
    private static ProposedProcurement Bind(DocNode? root, string file, List<LoadProblem> problems)
    {
        if (root is null)
        {
            throw new ProcurementLoadException(problems);
        }

        var binder = new ModelBinder(file, problems);
        var procurement = binder.Bind(root, typeof(ProposedProcurement), string.Empty) as ProposedProcurement;
        if (procurement is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new LoadProblem(file, root.Line, root.Column, null, null, "the file holds no procurement"));
            }

            throw new ProcurementLoadException(problems);
        }

        var bound = problems.Count;
        if (ProcurementValidator.Validate(procurement, file, root) is { } invalid)
        {
            // A value the binder already reported (or one inside it, or its parent) is not reported twice.
            foreach (var problem in invalid)
            {
                if (!problems.Take(bound).Any(p => p.Path is { } path && problem.Path is { } other && Overlaps(path, other)))
                {
                    problems.Add(problem);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ProcurementLoadException(problems.OrderBy(p => p.Line ?? int.MaxValue).ThenBy(p => p.Column ?? int.MaxValue).ToList());
        }

        return procurement;
    }

    private static bool Overlaps(string a, string b) =>
        a == b || IsInside(a, b) || IsInside(b, a);

    private static bool IsInside(string inner, string outer) =>
        inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal) && inner[outer.Length] is '.' or '[';

    /// <summary>An event's date as the text a case file holds (<c>2009-07</c>, <c>on or before 2010-05-01</c>).</summary>
    private sealed class EventDateConverter : JsonConverter<EventDate>
    {
        public override EventDate ReadJson(JsonReader reader, Type objectType, EventDate existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.Value is string text ? EventDate.Parse(text) : EventDate.Undated;

        public override void WriteJson(JsonWriter writer, EventDate value, JsonSerializer serializer) => writer.WriteValue(value.ToString());
    }

    /// <summary>Leaves an undated event's date out, as a case file would (a struct is never null, so NullValueHandling does not).</summary>
    private sealed class ModelContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyType == typeof(EventDate) && property.ValueProvider is { } values)
            {
                property.ShouldSerialize = owner => values.GetValue(owner) is EventDate { IsUndated: false };
            }

            return property;
        }
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly ReadJson(JsonReader reader, Type objectType, DateOnly existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            DateOnly.ParseExact((string)reader.Value!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public override void WriteJson(JsonWriter writer, DateOnly value, JsonSerializer serializer) =>
            writer.WriteValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
