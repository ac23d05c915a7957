using System.Collections.Generic;

namespace Procurement.Rules.Files;

/// <summary>
/// A format-neutral node of a procurement file, with its position, so that YAML and JSON files are bound by the same
/// code and get the same errors.
/// </summary>
internal abstract class DocNode
{
    protected DocNode(int? line, int? column)
    {
        Line = line;
        Column = column;
    }

    public int? Line { get; }

    public int? Column { get; }

    public abstract string Describe { get; }
}

internal sealed class DocMap : DocNode
{
    public DocMap(int? line, int? column, IReadOnlyList<DocEntry> entries)
        : base(line, column)
    {
        Entries = entries;
    }

    public IReadOnlyList<DocEntry> Entries { get; }

    public override string Describe => "a mapping";
}

/// <summary>A key and its value; a struct, held inline in its mapping's list (a large timeline has millions).</summary>
internal readonly record struct DocEntry(string Key, int? Line, int? Column, DocNode Value);

internal sealed class DocList : DocNode
{
    public DocList(int? line, int? column, IReadOnlyList<DocNode> items)
        : base(line, column)
    {
        Items = items;
    }

    public IReadOnlyList<DocNode> Items { get; }

    public override string Describe => "a list";
}

internal enum ScalarKind
{
    /// <summary>A YAML scalar: text whose type the target decides.</summary>
    Text,

    /// <summary>A null (YAML <c>~</c>, <c>null</c> or empty; JSON <c>null</c>).</summary>
    Null,

    /// <summary>A JSON string.</summary>
    JsonString,

    /// <summary>A JSON number.</summary>
    JsonNumber,

    /// <summary>A JSON true or false.</summary>
    JsonBoolean,
}

internal sealed class DocScalar : DocNode
{
    public DocScalar(int? line, int? column, string? text, ScalarKind kind)
        : base(line, column)
    {
        Text = text;
        Kind = kind;
    }

    public string? Text { get; }

    public ScalarKind Kind { get; }

    public override string Describe => Kind switch
    {
        ScalarKind.Null => "null",
        // The number as written: "a number is not a number" told a user with 1e400 nothing.
        ScalarKind.JsonNumber => Text is null ? "a number" : $"the number {Shorten(Text)}",
        ScalarKind.JsonBoolean => "true or false",
        _ => $"'{Shorten(Text)}'",
    };

    /// <summary>
    /// A value as quoted in a problem: at most 80 characters, so a huge value does not make a huge message, with
    /// characters a reader cannot see written as <c>\uXXXX</c>.
    /// </summary>
    public static string? Shorten(string? text) => text is null ? null : Visible(text is { Length: > 80 } ? text[..77] + "..." : text);

    /// <summary>
    /// The text with control, format (zero-width, bidi), byte-order-mark and non-ASCII space characters written as
    /// <c>\uXXXX</c>: an unknown key 'title\u00A0' showed as 'title ' and 'contract\u200BExpiry' as 'contractExpiry', so
    /// the message named a key the user could not tell from the right one.
    /// </summary>
    public static string Visible(string text)
    {
        if (!System.Linq.Enumerable.Any(text, IsInvisible))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(IsInvisible(c) ? $"\\u{(int)c:X4}" : c);
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) => c != ' ' && char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.SpaceSeparator or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
