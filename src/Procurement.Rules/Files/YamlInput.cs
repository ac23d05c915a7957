using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurement.Rules.Files;

/// <summary>A limit of <see cref="InputLimits"/> exceeded, or a construct refused, at a position in a YAML file.</summary>
internal sealed class YamlInputException : YamlException
{
    public YamlInputException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
    }
}

/// <summary>
/// Wraps YamlDotNet's parser (a state machine, so itself safe from deep nesting) and checks every event against the
/// <see cref="InputLimits"/> before anything is built from it: nesting depth, items per list, length of a value,
/// tags (none is supported: <c>!!binary</c> or <c>!!python/object</c> would otherwise be silently ignored), and
/// aliases: an undefined alias and an alias to a node that contains it are refused at the alias, and the values
/// reached through aliases are counted with repeats, so a "billion laughs" fails after a few thousand values instead
/// of growing without end. Refusals throw <see cref="YamlInputException"/> at the event's position.
/// </summary>
internal sealed class LimitedParser : IParser
{
    private readonly Parser _inner;
    private readonly InputLimits _limits;
    private readonly List<Frame> _frames = new();

    // Anchor name -> the number of values in the anchored node, counting aliases inside it; -1 while still open.
    private readonly Dictionary<string, long> _anchors = new(StringComparer.Ordinal);

    // Anchor name -> the characters in the anchored node's values. Counting values alone let one 900 KB value, aliased
    // 5,000 times in a 1 MB file, load as 4.5 GB of text that every report writer then copied.
    private readonly Dictionary<string, long> _anchorChars = new(StringComparer.Ordinal);
    private long _aliasNodes;
    private long _aliasChars;
    private int _documents;

    private LimitedParser(Scanner scanner, InputLimits limits)
    {
        Scanner = scanner;
        _inner = new Parser(scanner);
        _limits = limits;
    }

    public Scanner Scanner { get; }

    public ParsingEvent? Current => _inner.Current;

    public static LimitedParser For(string text, InputLimits limits) => new(new Scanner(new StringReader(text), skipComments: true), limits);

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        switch (_inner.Current)
        {
            case DocumentStart start:
                if (++_documents > 1)
                {
                    throw new YamlInputException(start.Start, start.End, "expected one YAML document, found more ('---' starts another)");
                }

                break;
            case Scalar scalar:
                CheckTag(scalar);
                if (scalar.Value.Length > _limits.MaxStringLength)
                {
                    throw new YamlInputException(scalar.Start, scalar.End, $"a value of {scalar.Value.Length:N0} characters is longer than the limit of {_limits.MaxStringLength:N0} (InputLimits.MaxStringLength)");
                }

                Complete(scalar, 1, scalar.Value.Length, scalar.Anchor);
                break;
            case MappingStart or SequenceStart:
                var node = (NodeEvent)_inner.Current;
                CheckTag(node);
                if (_frames.Count >= _limits.MaxDepth)
                {
                    throw new YamlInputException(node.Start, node.End, $"mappings and lists are nested more than {_limits.MaxDepth} deep (InputLimits.MaxDepth)");
                }

                if (!node.Anchor.IsEmpty)
                {
                    _anchors[node.Anchor.Value] = -1;
                }

                _frames.Add(new Frame(node.Anchor, node is MappingStart));
                break;
            case MappingEnd or SequenceEnd:
                var frame = _frames[^1];
                _frames.RemoveAt(_frames.Count - 1);
                Complete(_inner.Current, frame.Size + 1, frame.Chars, frame.Anchor);
                break;
            case AnchorAlias alias:
                var name = alias.Value.Value;
                if (!_anchors.TryGetValue(name, out var size))
                {
                    throw new YamlInputException(alias.Start, alias.End, $"undefined alias '*{name}' (no anchor '&{name}' before it)");
                }

                if (size < 0)
                {
                    throw new YamlInputException(alias.Start, alias.End, $"alias '*{name}' refers to the node that contains it");
                }

                _aliasNodes += size;
                if (_aliasNodes > _limits.MaxAliasNodes)
                {
                    throw new YamlInputException(alias.Start, alias.End, $"aliases reach more than {_limits.MaxAliasNodes:N0} values (InputLimits.MaxAliasNodes)");
                }

                var chars = _anchorChars[name];
                _aliasChars += chars;
                if (_aliasChars > _limits.MaxFileBytes)
                {
                    throw new YamlInputException(alias.Start, alias.End, $"aliases reach more than {_limits.MaxFileBytes:N0} characters of values, the limit for a whole file (InputLimits.MaxFileBytes)");
                }

                Complete(alias, size, chars, AnchorName.Empty);
                break;
        }

        return true;
    }

    /// <summary>Whether an exception thrown while parsing is one of the parser's failures on bad input.</summary>
    public static bool IsParseFailure(Exception e) =>
        e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException
            or IndexOutOfRangeException or KeyNotFoundException or InvalidCastException;

    /// <summary>A parse failure as a located problem. Positions: a scanner error at the scanner; a parser error at its own mark.</summary>
    public LoadProblem Problem(Exception e, string file)
    {
        Mark at;
        string message;
        switch (e)
        {
            case YamlInputException limit:
                at = limit.Start;
                message = limit.Message;
                break;
            case SyntaxErrorException syntax:
                // The scanner's errors carry the start of the construct it was in (a tab in a mapping's indentation is
                // reported at the mapping's first key); where the scanner stopped is where the error is.
                at = Scanner.CurrentPosition.Line > syntax.Start.Line ? Scanner.CurrentPosition : syntax.Start;
                message = "YAML syntax: " + (syntax.InnerException?.Message ?? syntax.Message);
                break;
            case YamlException yaml:
                at = yaml.Start.Line > 0 ? yaml.Start : Scanner.CurrentPosition;
                message = "YAML syntax: " + (yaml.InnerException?.Message ?? yaml.Message);
                break;
            case InvalidOperationException:
                at = Scanner.CurrentPosition;
                message = "YAML syntax: the text cannot be parsed here (is a '{' or '[' before it not closed?)";
                break;
            default:
                at = Scanner.CurrentPosition;
                var text = e.Message;
                var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
                message = "YAML syntax: " + (cut > 0 ? text[..cut] : text);
                break;
        }

        return new LoadProblem(file, (int)Math.Max(at.Line, 1), (int)Math.Max(at.Column, 1), null, null, message);
    }

    private static void CheckTag(NodeEvent node)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            var tag = node.Tag.Value;
            var shown = tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;
            throw new YamlInputException(node.Start, node.End, $"YAML tags are not supported: '{shown}'");
        }
    }

    private void Complete(ParsingEvent at, long size, long chars, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = size;
            _anchorChars[anchor.Value] = chars;
        }

        if (_frames.Count == 0)
        {
            return;
        }

        var parent = _frames[^1];
        parent.Size += size;
        parent.Chars += chars;
        parent.Items++;
        if ((parent.IsMapping ? parent.Items / 2 : parent.Items) > _limits.MaxListItems)
        {
            throw new YamlInputException(at.Start, at.End, $"more than {_limits.MaxListItems:N0} items in one {(parent.IsMapping ? "mapping" : "list")} (InputLimits.MaxListItems)");
        }
    }

    private sealed class Frame
    {
        public Frame(AnchorName anchor, bool isMapping)
        {
            Anchor = anchor;
            IsMapping = isMapping;
        }

        public AnchorName Anchor { get; }

        public bool IsMapping { get; }

        public long Size { get; set; }

        public long Items { get; set; }

        public long Chars { get; set; }
    }
}
