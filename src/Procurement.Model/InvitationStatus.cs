namespace Procurement.Model;

/// <summary>Whether a party could take part in the competition, as <see cref="Invitation.Status"/>.</summary>
public enum InvitationStatus
{
    /// <summary>The party was free to bid (for example, under an open notice), whether or not it was asked.</summary>
    MayBid,

    /// <summary>The party was invited to bid or to negotiate.</summary>
    Invited,

    /// <summary>The party was not invited (for example, to a direct award made to another provider).</summary>
    NotInvited,

    /// <summary>The party was excluded from bidding (see <see cref="Invitation.Reason"/> for why).</summary>
    Excluded,
}
