namespace Procurement.Model;

/// <summary>
/// The procurement method as the Open Contracting Data Standard's closed <c>method</c> codelist names it: broader than
/// <see cref="ProcurementRoute"/>, and what a published notice says.
/// </summary>
public enum TenderMethod
{
    /// <summary>All interested suppliers can submit a tender.</summary>
    OpenProcedure,

    /// <summary>Only qualified suppliers are invited to submit a tender.</summary>
    SelectiveProcedure,

    /// <summary>The procuring entity contacts a number of suppliers of its choice.</summary>
    LimitedProcedure,

    /// <summary>The contract is awarded to a single supplier without competition.</summary>
    DirectProcedure,
}
