using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>A principle of a rule pack, identified by a stable key such as <c>fair-tender</c>.</summary>
/// <param name="Key">The stable key used in rule files, reports and tests.</param>
/// <param name="Title">A short title.</param>
/// <param name="Summary">What the principle asks, in a sentence.</param>
[DebuggerDisplay("{Key,nq}")]
public sealed record Principle(string Key, string Title, string Summary)
{
    /// <summary>Returns <see cref="Key"/>.</summary>
    public override string ToString() => Key;
}
