using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Files;

/// <summary>Reads YAML and JSON text into <see cref="DocNode"/> trees, reporting syntax errors with their position.</summary>
internal static class DocReaders
{
    public static DocNode? ReadYaml(string text, string file, List<LoadProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(new LoadProblem(file, (int)e.Start.Line, (int)e.Start.Column, null, null, "YAML syntax: " + (e.InnerException?.Message ?? e.Message)));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            problems.Add(new LoadProblem(file, 1, 1, null, null, $"expected one YAML document, found {stream.Documents.Count}"));
            return null;
        }

        return FromYaml(stream.Documents[0].RootNode, file, problems);
    }

    public static DocNode? ReadJson(string text, string file, List<LoadProblem> problems)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, LineInfoHandling = LineInfoHandling.Load });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                problems.Add(new LoadProblem(file, reader.LineNumber, reader.LinePosition, null, null, "JSON syntax: text after the end of the document"));
                return null;
            }

            return FromJson(token);
        }
        catch (JsonReaderException e)
        {
            problems.Add(new LoadProblem(file, e.LineNumber, e.LinePosition, NullIfEmpty(e.Path), null, "JSON syntax: " + FirstSentence(e.Message)));
            return null;
        }
    }

    private static DocNode FromYaml(YamlNode node, string file, List<LoadProblem> problems)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        switch (node)
        {
            case YamlMappingNode map:
                var entries = new List<DocEntry>(map.Children.Count);
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode s ? s.Value ?? string.Empty : string.Empty;
                    entries.Add(new DocEntry(name, (int)key.Start.Line, (int)key.Start.Column, FromYaml(value, file, problems)));
                }

                return new DocMap(line, column, entries);
            case YamlSequenceNode list:
                var items = new List<DocNode>(list.Children.Count);
                foreach (var item in list.Children)
                {
                    items.Add(FromYaml(item, file, problems));
                }

                return new DocList(line, column, items);
            case YamlScalarNode scalar:
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
                return new DocScalar(line, column, isNull ? null : scalar.Value, isNull ? ScalarKind.Null : ScalarKind.Text);
            default:
                problems.Add(new LoadProblem(file, line, column, null, null, "unsupported YAML node"));
                return new DocScalar(line, column, null, ScalarKind.Null);
        }
    }

    private static DocNode FromJson(JToken token)
    {
        var info = (IJsonLineInfo)token;
        int? line = info.HasLineInfo() ? info.LineNumber : null;
        int? column = info.HasLineInfo() ? info.LinePosition : null;
        switch (token)
        {
            case JObject obj:
                var entries = new List<DocEntry>();
                foreach (var property in obj.Properties())
                {
                    var p = (IJsonLineInfo)property;
                    entries.Add(new DocEntry(property.Name, p.HasLineInfo() ? p.LineNumber : null, p.HasLineInfo() ? p.LinePosition : null, FromJson(property.Value)));
                }

                return new DocMap(line, column, entries);
            case JArray array:
                var items = new List<DocNode>();
                foreach (var item in array)
                {
                    items.Add(FromJson(item));
                }

                return new DocList(line, column, items);
            case JValue value:
                return value.Type switch
                {
                    JTokenType.Null or JTokenType.Undefined => new DocScalar(line, column, null, ScalarKind.Null),
                    JTokenType.String => new DocScalar(line, column, (string)value.Value!, ScalarKind.JsonString),
                    JTokenType.Boolean => new DocScalar(line, column, (bool)value.Value! ? "true" : "false", ScalarKind.JsonBoolean),
                    JTokenType.Integer or JTokenType.Float => new DocScalar(line, column, Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture), ScalarKind.JsonNumber),
                    _ => new DocScalar(line, column, value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.JsonString),
                };
            default:
                return new DocScalar(line, column, null, ScalarKind.Null);
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path '", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
