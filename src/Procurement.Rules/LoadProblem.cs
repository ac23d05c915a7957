using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Procurement.Rules;

/// <summary>One problem found while loading a rule pack or a procurement file.</summary>
/// <param name="File">The file the problem is in, as given to the loader.</param>
/// <param name="Line">The 1-based line, or <see langword="null"/> when not known.</param>
/// <param name="Column">The 1-based column, or <see langword="null"/> when not known.</param>
/// <param name="Path">For procurement files: the path of the value, such as <c>timeline[3].date</c>.</param>
/// <param name="RuleId">For rule files: the id of the rule the problem belongs to, when known.</param>
/// <param name="Message">What is wrong, and where useful what would be right.</param>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record LoadProblem(string File, int? Line, int? Column, string? Path, string? RuleId, string Message)
{
    /// <summary>Formats the problem as <c>file:line:column: [rule id] path: message</c>, leaving out what is unknown.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is int line)
        {
            text.Append(CultureInfo.InvariantCulture, $":{line}");
            if (Column is int column)
            {
                text.Append(CultureInfo.InvariantCulture, $":{column}");
            }
        }

        text.Append(": ");
        if (RuleId is not null)
        {
            text.Append("rule '").Append(RuleId).Append("': ");
        }

        if (Path is not null)
        {
            text.Append(Path).Append(": ");
        }

        return text.Append(Message).ToString();
    }
}
