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

        var length = 0;
        foreach (var (literal, fact) in parts)
        {
            length += fact < 0 ? literal.Length : facts[fact].Display.Length;
        }

        return string.Create(length, (parts, facts), static (span, state) =>
        {
            foreach (var (literal, fact) in state.parts)
            {
                var text = fact < 0 ? literal : state.facts[fact].Display;
                text.AsSpan().CopyTo(span);
                span = span[text.Length..];
            }
        });
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
