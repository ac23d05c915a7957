using System;
using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>
/// A version of a rule pack whose law was amended (<see cref="RulePack.Versions"/>): the Provider Selection Regime as made,
/// and as amended from 24 February 2025 and 24 March 2026. A process is checked against the version in force when it
/// commenced, and a rule that an amendment added applies only from that version (<see cref="RuleDefinition.AppliesFrom"/>).
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
[DebuggerDisplay("{Name,nq} from {From}")]
public sealed class PackVersion
{
    internal PackVersion(string name, DateOnly from, string title)
    {
        Name = name;
        From = from;
        Title = title;
    }

    /// <summary>The version's name as <c>pack.yaml</c> gives it, for example <c>2025-02-24</c>.</summary>
    public string Name { get; }

    /// <summary>The first day the version is in force.</summary>
    public DateOnly From { get; }

    /// <summary>What the version is, for example "as amended by S.I. 2025/163".</summary>
    public string Title { get; }

    /// <summary>Returns the name, the first day and the title, for example <c>2025-02-24 (from 2025-02-24): as amended by S.I. 2025/163</c>.</summary>
    public override string ToString() => $"{Name} (from {From:yyyy-MM-dd}): {Title}";
}
