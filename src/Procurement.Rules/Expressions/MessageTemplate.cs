using System;
using System.Collections.Generic;
using System.Text;

namespace Procurement.Rules.Expressions;

/// <summary>
/// A message with <c>{factName}</c> placeholders, parsed when the pack loads. <c>{{</c> and <c>}}</c> stand for
/// literal braces. <c>{?words {fact} words}</c> is an optional phrase: it is left out when a fact it names has nothing
/// to show (not recorded, could not be evaluated, none, or an undated date), so a decided outcome never reads
/// "after the notice of undated" for a fact it did not need (docs/writing-rules.md, "Optional phrases").
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

    /// <summary>
    /// The starts of a date's display text that carry their own preposition (<c>on or before 2009-10-14</c>,
    /// <c>between 2010-01-01 and 2010-03-31</c>) or have no day to be "on" (<c>undated</c>).
    /// </summary>
    private static readonly string[] OwnPreposition = ["on or before ", "on or after ", "before ", "after ", "between ", "undated"];

    /// <summary>The most optional phrases one message may hold (each is one bit of a mask when the message renders).</summary>
    public const int MaxOptionalPhrases = 64;

    // Literal: the text before the next part; Fact: the fact's index, or -1 for a literal; DropOn: on a fact, how many
    // characters at the end of the literal before it are a word "on " to leave out when the fact's display carries its
    // own preposition (0 when the literal does not end so); Phrase: the optional phrase the part belongs to, or -1.
    private readonly Part[] _parts;

    // For each optional phrase, the facts it names (every one must have something to show for the phrase to be shown).
    private readonly int[][] _phrases;

    private MessageTemplate(Part[] parts, int[][] phrases, string text)
    {
        _parts = parts;
        _phrases = phrases;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses a template against the rule's fact names; lists every unknown placeholder and malformed phrase.</summary>
    public static MessageTemplate Parse(string text, IReadOnlyList<string> factNames, List<string> errors)
    {
        var parts = new List<Part>();
        var phrases = new List<List<int>>();
        var phrase = -1; // the optional phrase being read, or -1 outside one
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}' && phrase < 0)
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{' && i + 1 < text.Length && text[i + 1] == '?')
            {
                if (phrase >= 0)
                {
                    errors.Add($"an optional phrase '{{?' at character {i + 1} of the message is inside another (phrases do not nest)");
                    break;
                }

                if (phrases.Count == MaxOptionalPhrases)
                {
                    errors.Add($"more than {MaxOptionalPhrases} optional phrases in the message");
                    break;
                }

                parts.Add(new Part(literal.ToString(), -1, 0, -1));
                literal.Clear();
                phrase = phrases.Count;
                phrases.Add(new List<int>());
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
                    var before = literal.ToString();
                    parts.Add(new Part(before, -1, 0, phrase));
                    literal.Clear();
                    parts.Add(new Part(string.Empty, index, EndsWithOn(before), phrase));
                    if (phrase >= 0)
                    {
                        phrases[phrase].Add(index);
                    }
                }

                i = end;
            }
            else if (c == '}' && phrase >= 0)
            {
                parts.Add(new Part(literal.ToString(), -1, 0, phrase));
                literal.Clear();
                if (phrases[phrase].Count == 0)
                {
                    errors.Add($"the optional phrase ending at character {i + 1} of the message names no fact (it would always be shown)");
                }

                phrase = -1;
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

        if (phrase >= 0)
        {
            errors.Add("an optional phrase '{?' is not closed with '}'");
        }

        parts.Add(new Part(literal.ToString(), -1, 0, -1));
        var phraseFacts = new int[phrases.Count][];
        for (var p = 0; p < phraseFacts.Length; p++)
        {
            phraseFacts[p] = phrases[p].ToArray();
        }

        return new MessageTemplate(parts.ToArray(), phraseFacts, text);
    }

    /// <summary>
    /// Whether a fact has something to show in an optional phrase: it is recorded, evaluated, not "none" (absent or an
    /// empty list) and not an undated date. Shared with the hand-written mirror, whose messages are composed in code.
    /// </summary>
    internal static bool Shows(FactValue fact) =>
        fact.IsRecorded && fact.Value is not null && fact.Display.Length > 0
        && !string.Equals(fact.Display, "none", StringComparison.Ordinal)
        && fact.Value is not Procurement.Model.EventDate { IsUndated: true };

    /// <summary>A bit for each optional phrase to leave out (a fact it names has nothing to show); 0 when there are none.</summary>
    private ulong Hidden(IReadOnlyList<FactValue> facts)
    {
        ulong hidden = 0;
        for (var p = 0; p < _phrases.Length; p++)
        {
            foreach (var fact in _phrases[p])
            {
                if (!Shows(facts[fact]))
                {
                    hidden |= 1UL << p;
                    break;
                }
            }
        }

        return hidden;
    }

    private static bool Visible(Part part, ulong hidden) => part.Phrase < 0 || (hidden & (1UL << part.Phrase)) == 0;

    /// <summary>
    /// How many characters of <paramref name="literal"/> are a closing word "on" and the spaces after it (at least one),
    /// or 0. "on" must be a whole word: "upon " and "reason " do not end with the word.
    /// </summary>
    private static int EndsWithOn(string literal)
    {
        var end = literal.Length;
        while (end > 0 && char.IsWhiteSpace(literal[end - 1]))
        {
            end--;
        }

        if (end == literal.Length || end < 2 || literal[end - 2] != 'o' || literal[end - 1] != 'n')
        {
            return 0;
        }

        return end == 2 || !char.IsLetterOrDigit(literal[end - 3]) ? literal.Length - (end - 2) : 0;
    }

    /// <summary>
    /// Whether the word "on" before a placeholder is left out: a rule writes "raised on {date}" for an exact date
    /// (<c>raised on 2009-10-14</c>), but a date as imprecise as its record may carry its own preposition, and "raised on
    /// on or before 2009-10-14" or "on between ..." reads as a slip; "raised on or before 2009-10-14" says the same.
    /// A month or year (<c>on 2009-10</c>) reads well enough and keeps the word. Checked as the message renders, since
    /// the same rule shows exact and imprecise dates; for an exact date it costs a few character comparisons and no
    /// allocation.
    /// </summary>
    private static bool DropsOn(Part part, IReadOnlyList<FactValue> facts)
    {
        if (part.DropOn == 0)
        {
            return false;
        }

        return CarriesOwnPreposition(facts[part.Fact].Display);
    }

    /// <summary>
    /// Whether a fact's display text carries its own preposition (<c>on or before 2009-10-14</c>, <c>after ...</c>,
    /// <c>between ...</c>) or is <c>undated</c>, so that a message leaves out an "on" written before it. For messages
    /// composed in code (the hand-written mirror) to read as the rendered ones do.
    /// </summary>
    internal static bool CarriesOwnPreposition(string display)
    {
        if (display.Length == 0 || display[0] is not ('o' or 'b' or 'a' or 'u'))
        {
            return false; // the common path: an exact date starts with a digit
        }

        foreach (var start in OwnPreposition)
        {
            if (display.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The literal part at <paramref name="index"/> as written, less a closing "on " the next placeholder drops.</summary>
    private static string LiteralAt(Part[] parts, int index, IReadOnlyList<FactValue> facts)
    {
        var literal = parts[index].Literal;
        return index + 1 < parts.Length && DropsOn(parts[index + 1], facts)
            ? literal[..^parts[index + 1].DropOn]
            : literal;
    }

    /// <summary>
    /// Fills the placeholders with the facts' display texts, leaving out each optional phrase a fact of which has nothing
    /// to show: one allocation, the message itself.
    /// </summary>
    public string Render(IReadOnlyList<FactValue> facts)
    {
        var parts = _parts;
        if (parts.Length == 1)
        {
            return parts[0].Fact < 0 ? parts[0].Literal : facts[parts[0].Fact].Display;
        }

        var hidden = _phrases.Length == 0 ? 0UL : Hidden(facts);
        long length = 0;
        foreach (var part in parts)
        {
            if (Visible(part, hidden))
            {
                length += part.Fact < 0 ? part.Literal.Length : facts[part.Fact].Display.Length - (DropsOn(part, facts) ? part.DropOn : 0);
            }
        }

        if (length > MaxLength)
        {
            return Cut(parts, facts, hidden);
        }

        return string.Create((int)length, (parts, facts, hidden), static (span, state) =>
        {
            var (parts, facts, hidden) = state;
            for (var i = 0; i < parts.Length; i++)
            {
                if (!Visible(parts[i], hidden))
                {
                    continue;
                }

                var fact = parts[i].Fact;
                ReadOnlySpan<char> text = fact >= 0
                    ? facts[fact].Display
                    : parts[i].Literal.AsSpan(0, parts[i].Literal.Length - (i + 1 < parts.Length && DropsOn(parts[i + 1], facts) ? parts[i + 1].DropOn : 0));
                text.CopyTo(span);
                span = span[text.Length..];
            }
        });
    }

    private static string Cut(Part[] parts, IReadOnlyList<FactValue> facts, ulong hidden)
    {
        var room = MaxLength - CutNote.Length;
        var text = new StringBuilder(MaxLength);
        for (var i = 0; i < parts.Length; i++)
        {
            if (!Visible(parts[i], hidden))
            {
                continue;
            }

            var fact = parts[i].Fact;
            var part = fact < 0 ? LiteralAt(parts, i, facts) : facts[fact].Display;
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

    /// <summary>One piece of a parsed template (see the fields' comment above).</summary>
    private readonly record struct Part(string Literal, int Fact, int DropOn, int Phrase);
}
