namespace Procurement.Model;

/// <summary>Who may bid in a tender.</summary>
public enum TenderEligibility
{
    /// <summary>Any qualified provider, NHS or not.</summary>
    Open,

    /// <summary>NHS providers only.</summary>
    NhsOnly,

    /// <summary>Non-NHS providers only: NHS providers excluded.</summary>
    NonNhsOnly,
}
