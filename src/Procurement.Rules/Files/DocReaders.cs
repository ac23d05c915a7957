using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurement.Rules.Files;

/// <summary>
/// Reads YAML and JSON into <see cref="DocNode"/> trees, iteratively (an explicit stack, never recursion, so no nesting
/// can overflow the stack), within <see cref="InputLimits"/>, reporting every syntax error and refused construct as a
/// located problem.
/// </summary>
internal static class DocReaders
{
    /// <summary>Reads YAML text; null (with a problem) when it does not parse or breaks a limit.</summary>
    private const string Utf16Hint = "the file starts with NUL bytes: it looks like UTF-16 or UTF-32 without a byte order mark; save it as UTF-8";

    /// <summary>
    /// A NUL character is not allowed in YAML. YamlDotNet treats it as the end of a plain value, so <c>id: x\0</c>
    /// silently loaded as <c>x</c>, and elsewhere it gave "did not find expected key"; a UTF-16 file without a byte
    /// order mark is full of them. Null when the text has none.
    /// </summary>
    private static LoadProblem? NulProblem(string text, string file)
    {
        var at = text.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        if (at <= 1)
        {
            return new LoadProblem(file, 1, 1, null, null, Utf16Hint);
        }

        var lineStart = text.LastIndexOf('\n', at - 1) + 1;
        var line = text.AsSpan(0, lineStart).Count('\n') + 1;
        return new LoadProblem(file, line, at - lineStart + 1, null, null, "a NUL character (U+0000) is not allowed in YAML; write it as \"\\0\" inside double quotes if it is meant");
    }

    public static DocNode? ReadYaml(string text, string file, InputLimits limits, List<LoadProblem> problems)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (NulProblem(text, file) is { } nul)
        {
            problems.Add(nul);
            return null;
        }

        var parser = LimitedParser.For(text, limits);
        var anchors = new Dictionary<string, DocNode>(StringComparer.Ordinal);
        var stack = new List<Builder>();
        DocNode? root = null;
        var failed = false;
        try
        {
            while (parser.MoveNext())
            {
                DocNode done;
                string? anchor = null;
                switch (parser.Current)
                {
                    case Scalar scalar:
                        var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                        done = new DocScalar(Line(scalar.Start), Column(scalar.Start), isNull ? null : scalar.Value, isNull ? ScalarKind.Null : ScalarKind.Text);
                        anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                        break;
                    case MappingStart map:
                        stack.Add(new Builder(map, isMapping: true));
                        continue;
                    case SequenceStart list:
                        stack.Add(new Builder(list, isMapping: false));
                        continue;
                    case MappingEnd or SequenceEnd:
                        var builder = stack[^1];
                        stack.RemoveAt(stack.Count - 1);
                        done = builder.Build();
                        anchor = builder.Anchor;
                        break;
                    case AnchorAlias alias:
                        // LimitedParser has refused undefined and self-referring aliases; the node is shared, not copied.
                        done = anchors[alias.Value.Value];
                        break;
                    default:
                        continue;
                }

                if (anchor is not null)
                {
                    anchors[anchor] = done;
                }

                if (stack.Count == 0)
                {
                    root = done;
                }
                else if (stack[^1].Add(done) is { } complaint)
                {
                    problems.Add(new LoadProblem(file, done.Line, done.Column, null, null, complaint));
                    failed = true;
                }
            }
        }
        catch (Exception e) when (LimitedParser.IsParseFailure(e))
        {
            problems.Add(parser.Problem(e, file));
            return null;
        }

        if (root is null && !failed)
        {
            problems.Add(new LoadProblem(file, 1, 1, null, null, "the file is empty: expected a YAML mapping"));
        }

        return failed ? null : root;
    }

    /// <summary>
    /// Reads JSON as RFC 8259 defines it, with <see cref="Utf8JsonReader"/>: no comments, trailing commas, single
    /// quotes, unquoted names, NaN, leading zeros or hexadecimal, and strict UTF-8. Null (with a problem) otherwise.
    /// </summary>
    public static DocNode? ReadJson(ReadOnlySpan<byte> bytes, string file, InputLimits limits, List<LoadProblem> problems)
    {
        bytes = InputFile.WithoutBom(bytes);
        if (!InputFile.IsValidUtf8(bytes, file, problems))
        {
            return null;
        }

        if (bytes.Length >= 2 && (bytes[0] == 0 || bytes[1] == 0))
        {
            problems.Add(new LoadProblem(file, 1, 1, null, null, Utf16Hint));
            return null;
        }

        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            problems.Add(new LoadProblem(file, 1, 1, null, null, "the file is empty: expected a JSON object"));
            return null;
        }

        // The reader's own depth limit is one more than ours, so that ours is the one reported, with its name.
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var stack = new List<Builder>();
        DocNode? root = null;
        var cursor = new Cursor();
        try
        {
            while (reader.Read())
            {
                var (line, column) = cursor.MoveTo(bytes, reader.TokenStartIndex);
                DocNode done;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            problems.Add(new LoadProblem(file, line, column, null, null, $"objects and arrays are nested more than {limits.MaxDepth} deep (InputLimits.MaxDepth)"));
                            return null;
                        }

                        stack.Add(new Builder(line, column, reader.TokenType == JsonTokenType.StartObject));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        done = stack[^1].Build();
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (name.Length > limits.MaxStringLength)
                        {
                            problems.Add(TooLong(file, line, column, name.Length, limits));
                            return null;
                        }

                        stack[^1].Key(name, line, column);
                        continue;
                    case JsonTokenType.String:
                        var text = reader.GetString()!;
                        if (text.Length > limits.MaxStringLength)
                        {
                            problems.Add(TooLong(file, line, column, text.Length, limits));
                            return null;
                        }

                        done = new DocScalar(line, column, text, ScalarKind.JsonString);
                        break;
                    case JsonTokenType.Number:
                        done = new DocScalar(line, column, Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.JsonNumber);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        done = new DocScalar(line, column, reader.TokenType == JsonTokenType.True ? "true" : "false", ScalarKind.JsonBoolean);
                        break;
                    case JsonTokenType.Null:
                        done = new DocScalar(line, column, null, ScalarKind.Null);
                        break;
                    default:
                        continue;
                }

                if (stack.Count == 0)
                {
                    root = done;
                }
                else
                {
                    var parent = stack[^1];
                    parent.Add(done);
                    if (parent.Count > limits.MaxListItems)
                    {
                        problems.Add(new LoadProblem(file, line, column, null, null, $"more than {limits.MaxListItems:N0} items in one {(parent.IsMapping ? "object" : "array")} (InputLimits.MaxListItems)"));
                        return null;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            var (line, column) = JsonErrorPosition(bytes, e);
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            problems.Add(new LoadProblem(file, line, column, null, null, "JSON syntax: " + (cut > 0 ? message[..cut].TrimEnd() : message)));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // GetString on an escape that is not valid UTF-16, such as a lone "\ud800".
            var (line, column) = cursor.Current;
            problems.Add(new LoadProblem(file, line, column, null, null, "JSON: " + e.Message));
            return null;
        }

        if (root is null)
        {
            problems.Add(new LoadProblem(file, 1, 1, null, null, "the file is empty: expected a JSON object"));
        }

        return root;
    }

    private static LoadProblem TooLong(string file, int line, int column, int length, InputLimits limits) =>
        new(file, line, column, null, null, $"a value of {length:N0} characters is longer than the limit of {limits.MaxStringLength:N0} (InputLimits.MaxStringLength)");

    private static (int Line, int Column) JsonErrorPosition(ReadOnlySpan<byte> bytes, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = bytes[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        var end = (int)Math.Min(bytes.Length, start + (e.BytePositionInLine ?? 0));
        return (line + 1, InputFile.CountChars(bytes[start..end]) + 1);
    }

    private static int Line(Mark mark) => (int)mark.Line;

    private static int Column(Mark mark) => (int)mark.Column;

    /// <summary>Line and column of increasing byte offsets, in one pass over the text (linear even on one long line).</summary>
    private sealed class Cursor
    {
        private int _offset;

        public (int Line, int Column) Current { get; private set; } = (1, 1);

        public (int Line, int Column) MoveTo(ReadOnlySpan<byte> bytes, long offset)
        {
            var (line, column) = Current;
            var end = (int)Math.Min(offset, bytes.Length);
            for (var i = _offset; i < end; i++)
            {
                var b = bytes[i];
                if (b == (byte)'\n')
                {
                    line++;
                    column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            _offset = Math.Max(_offset, end);
            Current = (line, column);
            return Current;
        }
    }

    /// <summary>A mapping or list being read.</summary>
    private sealed class Builder
    {
        private readonly int _line;
        private readonly int _column;
        private readonly List<DocEntry>? _entries;
        private readonly List<DocNode>? _items;
        private (string Name, int? Line, int? Column)? _key;
        private bool _skipValue;

        public Builder(NodeEvent start, bool isMapping)
            : this((int)start.Start.Line, (int)start.Start.Column, isMapping)
        {
            Anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
        }

        public Builder(int line, int column, bool isMapping)
        {
            _line = line;
            _column = column;
            IsMapping = isMapping;
            if (isMapping)
            {
                _entries = new List<DocEntry>();
            }
            else
            {
                _items = new List<DocNode>();
            }
        }

        public string? Anchor { get; }

        public bool IsMapping { get; }

        public int Count => _entries?.Count ?? _items!.Count;

        public void Key(string name, int line, int column) => _key = (name, line, column);

        /// <summary>Adds a key, a value or an item; returns a problem's message when the node cannot be a key.</summary>
        public string? Add(DocNode node)
        {
            if (_items is not null)
            {
                _items.Add(node);
                return null;
            }

            if (_key is null && !_skipValue)
            {
                if (node is DocScalar scalar)
                {
                    _key = (scalar.Text ?? string.Empty, scalar.Line, scalar.Column);
                    return null;
                }

                _skipValue = true;
                return $"a key must be a single value, not {node.Describe}";
            }

            if (_skipValue)
            {
                _skipValue = false;
                return null;
            }

            var key = _key!.Value;
            _entries!.Add(new DocEntry(key.Name, key.Line, key.Column, node));
            _key = null;
            return null;
        }

        public DocNode Build() => _entries is not null
            ? new DocMap(_line, _column, _entries)
            : new DocList(_line, _column, _items!);
    }
}
