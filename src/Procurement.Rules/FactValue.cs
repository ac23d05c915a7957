using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>A fact a rule used, with its value as found in the procurement.</summary>
/// <param name="Name">The fact's name as the rule declares it, for example <c>formalChancesBefore</c>.</param>
/// <param name="Value">The value (a date, number, flag, text or list), or <see langword="null"/> when not recorded.</param>
/// <param name="Display">The value as shown in reports: dates as <c>yyyy-MM-dd</c>, flags as yes/no, "not recorded" for missing values.</param>
/// <param name="IsRecorded">Whether every fact the value depends on is recorded.</param>
[DebuggerDisplay("{Name,nq} = {Display,nq}")]
public sealed record FactValue(string Name, object? Value, string Display, bool IsRecorded)
{
    /// <summary>Formats the fact as <c>name = display</c>, control characters from input shown as <c>\uXXXX</c>.</summary>
    public override string ToString() => $"{Name} = {Reporting.SafeText.Visible(Display)}";
}
