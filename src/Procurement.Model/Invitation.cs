using System.Diagnostics;

namespace Procurement.Model;

/// <summary>
/// Whether a party, or a kind of party, could bid or was invited to: for example "NHS trusts were not invited" to a
/// direct re-award (<c>{ partyKind: nhsTrust, status: notInvited }</c>), or "the incumbent was excluded because ...".
/// </summary>
/// <remarks>Every member is optional; a null member is not recorded. Immutable and safe to share across threads.</remarks>
[DebuggerDisplay("{Party ?? PartyKind.ToString(),nq}: {Status}")]
public sealed record Invitation
{
    /// <summary>The party by name (a provider, or a group such as "local NHS trusts"); null when only the kind is recorded.</summary>
    public string? Party { get; init; }

    /// <summary>The kind of provider the entry is about (all providers of that kind when <see cref="Party"/> is null).</summary>
    public ProviderKind? PartyKind { get; init; }

    /// <summary>Whether the party could bid, was invited, was not invited or was excluded.</summary>
    public InvitationStatus? Status { get; init; }

    /// <summary>The recorded reason, in words (why a party was excluded or not invited, for example).</summary>
    public string? Reason { get; init; }
}
