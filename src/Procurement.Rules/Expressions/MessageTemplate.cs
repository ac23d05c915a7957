using System;
using System.Collections.Generic;
using System.Text;

namespace Procurement.Rules.Expressions;

/// <summary>
/// A message with <c>{factName}</c> placeholders, parsed when the pack loads. <c>{{</c> and <c>}}</c> stand for
/// literal braces.
/// </summary>
internal sealed class MessageTemplate
{
    /// <summary>
    /// The longest message a template renders, in characters. A placeholder repeats its fact's whole display text, so
    /// a short template naming a long fact many times (2,000 × <c>{events}</c> over a 3,000-event timeline: 375 million
    /// characters) would otherwise grow without bound; a longer message is cut, and says so. The facts keep their values.
    /// </summary>
    public const int MaxLength = 1_000_000;

    /// <summary>What ends a message cut at <see cref="MaxLength"/>.</summary>
    public const string CutNote = " ... (message cut at 1,000,000 characters; the facts hold the full values)";

    private readonly (string Literal, int Fact)[] _parts;

    private MessageTemplate((string Literal, int Fact)[] parts, string text)
    {
        _parts = parts;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses a template against the rule's fact names; lists every unknown placeholder.</summary>
    public static MessageTemplate Parse(string text, IReadOnlyList<string> factNames, List<string> errors)
    {
        var parts = new List<(string, int)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                if (end < 0)
                {
                    errors.Add($"unclosed '{{' at character {i + 1} of the message");
                    break;
                }

                var name = text[(i + 1)..end].Trim();
                var index = IndexOf(factNames, name);
                if (index < 0)
                {
                    var suggestion = Names.Suggest(name, factNames);
                    errors.Add($"the message names '{{{name}}}', which is not one of the rule's facts"
                        + (suggestion is null ? $" ({string.Join(", ", factNames)})" : $"; did you mean '{suggestion}'?"));
                }
                else
                {
                    parts.Add((literal.ToString(), -1));
                    literal.Clear();
                    parts.Add((string.Empty, index));
                }

                i = end;
            }
            else if (c == '}')
            {
                errors.Add($"unmatched '}}' at character {i + 1} of the message (write '}}}}' for a brace)");
            }
            else
            {
                literal.Append(c);
            }
        }

        parts.Add((literal.ToString(), -1));
        return new MessageTemplate(parts.ToArray(), text);
    }

    /// <summary>Fills the placeholders with the facts' display texts: one allocation, the message itself.</summary>
    public string Render(IReadOnlyList<FactValue> facts)
    {
        var parts = _parts;
        if (parts.Length == 1)
        {
            return parts[0].Fact < 0 ? parts[0].Literal : facts[parts[0].Fact].Display;
        }

        long length = 0;
        foreach (var (literal, fact) in parts)
        {
            length += fact < 0 ? literal.Length : facts[fact].Display.Length;
        }

        if (length > MaxLength)
        {
            return Cut(parts, facts);
        }

        return string.Create((int)length, (parts, facts), static (span, state) =>
        {
            foreach (var (literal, fact) in state.parts)
            {
                var text = fact < 0 ? literal : state.facts[fact].Display;
                text.AsSpan().CopyTo(span);
                span = span[text.Length..];
            }
        });
    }

    private static string Cut((string Literal, int Fact)[] parts, IReadOnlyList<FactValue> facts)
    {
        var room = MaxLength - CutNote.Length;
        var text = new StringBuilder(MaxLength);
        foreach (var (literal, fact) in parts)
        {
            var part = fact < 0 ? literal : facts[fact].Display;
            if (part.Length >= room - text.Length)
            {
                var take = room - text.Length;
                if (take > 0 && char.IsHighSurrogate(part[take - 1]))
                {
                    take--; // never leave half a surrogate pair
                }

                text.Append(part, 0, take);
                break;
            }

            text.Append(part);
        }

        return text.Append(CutNote).ToString();
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
