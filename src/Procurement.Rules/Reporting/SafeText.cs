using System.Globalization;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Makes text from input (case files, rule packs) safe to print: control characters (ESC, BEL, NUL, new lines...),
/// Unicode line separators and bidirectional overrides are shown visibly as <c>\uXXXX</c>, so a value can neither
/// drive a terminal nor start a line of its own nor reorder what a reader sees. Thread-safe; returns the same string
/// when there is nothing to escape.
/// </summary>
internal static class SafeText
{
    /// <summary>The text with every character a terminal or reader would not show as itself written as <c>\uXXXX</c>.</summary>
    public static string Visible(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(c))
            {
                result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Whether a character must be escaped: C0 and C1 controls and DEL, the line and paragraph separators, the
    /// bidirectional marks, embeddings, overrides and isolates, and lone surrogates.
    /// </summary>
    private static bool NeedsEscape(char c) =>
        c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or '\u061c'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
}
