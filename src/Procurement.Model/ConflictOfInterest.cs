using System.Diagnostics;

namespace Procurement.Model;

/// <summary>
/// A conflict or potential conflict of interest of someone involved in a decision: an interest that might be perceived to
/// compromise their impartiality (Provider Selection Regime regulation 21; 2013 regulations, regulation 6).
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
[DebuggerDisplay("{Person,nq}: {Interest,nq} ({Management})")]
public sealed record ConflictOfInterest
{
    /// <summary>Who has the interest (a name or a role, for example "GP member of the ICB board").</summary>
    public string? Person { get; init; }

    /// <summary>Their part in the procurement (decision-maker, evaluator, board member).</summary>
    public string? Role { get; init; }

    /// <summary>The interest (for example, "partner in a bidding practice").</summary>
    public string? Interest { get; init; }

    /// <summary>Whether the interest was declared. Not recorded when <see langword="null"/>.</summary>
    public bool? Declared { get; init; }

    /// <summary>How the conflict was managed. Not recorded when <see langword="null"/>.</summary>
    public ConflictManagement? Management { get; init; }

    /// <summary>
    /// Whether the conflict affected, or appeared to affect, the integrity of the decision (2013 regulations, regulation
    /// 6(1)). Not recorded when <see langword="null"/>.
    /// </summary>
    public bool? AffectedDecision { get; init; }
}
