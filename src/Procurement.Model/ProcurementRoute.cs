namespace Procurement.Model;

/// <summary>Routes by which a service can be procured or its provision resolved.</summary>
public enum ProcurementRoute
{
    /// <summary>An open tender.</summary>
    OpenTender,

    /// <summary>A restricted tender (pre-qualified bidders only).</summary>
    RestrictedTender,

    /// <summary>Competitive dialogue.</summary>
    CompetitiveDialogue,

    /// <summary>An open Any Willing Provider accreditation process.</summary>
    AnyWillingProviderOpen,

    /// <summary>A managed Any Willing Provider accreditation process.</summary>
    AnyWillingProviderManaged,

    /// <summary>Award without competition.</summary>
    DirectAward,

    /// <summary>A revision of the existing contract (the contractual mechanism).</summary>
    ContractVariation,

    /// <summary>Merger with another organisation.</summary>
    Merger,

    /// <summary>Acquisition by another organisation.</summary>
    Acquisition,

    /// <summary>Franchising of the organisation's management.</summary>
    Franchise,
}
