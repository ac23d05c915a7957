namespace Procurement.Model;

/// <summary>The status of the tender, as a published notice states it (the Open Contracting Data Standard's <c>tenderStatus</c> codelist).</summary>
public enum TenderStatus
{
    /// <summary>A future contracting process is being considered.</summary>
    TenderPlanning,

    /// <summary>A contracting process is scheduled, but not yet taking place.</summary>
    TenderPlanned,

    /// <summary>The process is under way: bids may be invited or being evaluated.</summary>
    TenderActive,

    /// <summary>The process was cancelled.</summary>
    TenderCancelled,

    /// <summary>The process was unsuccessful (for example no acceptable bids).</summary>
    TenderUnsuccessful,

    /// <summary>The process is complete.</summary>
    TenderComplete,

    /// <summary>No further information on the process is available.</summary>
    TenderWithdrawn,
}
