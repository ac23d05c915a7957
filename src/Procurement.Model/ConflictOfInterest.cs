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

    /// <summary>
    /// The person is a member of the integrated care board that is the commissioner (its chair, chief executive or an
    /// ordinary member) and the interest is that they are an employee, director or partner of, or otherwise hold a
    /// position within, a provider (Provider Selection Regime regulation 21(3) to (5)). Such a position does not in itself
    /// create a conflict, but in a Competitive Process run by the board, where that provider takes part, the member must
    /// recuse themselves (regulation 21(4)). Not recorded when <see langword="null"/>.
    /// </summary>
    public bool? IcbMemberProviderPosition { get; init; }

    /// <summary>
    /// The provider the interest concerns is taking part in the procurement process (bidding or otherwise a candidate;
    /// regulation 21(4)(b)). Not recorded when <see langword="null"/>.
    /// </summary>
    public bool? ProviderTakingPart { get; init; }
}
