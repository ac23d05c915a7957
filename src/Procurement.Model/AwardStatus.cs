namespace Procurement.Model;

/// <summary>The status of an award (the Open Contracting Data Standard's <c>awardStatus</c> codelist).</summary>
public enum AwardStatus
{
    /// <summary>Proposed but not yet in force, for example during a standstill period.</summary>
    AwardPending,

    /// <summary>In force.</summary>
    AwardActive,

    /// <summary>Cancelled.</summary>
    AwardCancelled,

    /// <summary>Not successful.</summary>
    AwardUnsuccessful,
}
