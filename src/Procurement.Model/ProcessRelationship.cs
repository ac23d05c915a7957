namespace Procurement.Model;

/// <summary>How another contracting process relates to this one (the Open Contracting Data Standard's <c>relatedProcess</c> codelist).</summary>
public enum ProcessRelationship
{
    /// <summary>This process is a call-off from the related framework agreement.</summary>
    Framework,

    /// <summary>The related process is the planning process for this one.</summary>
    PlanningProcess,

    /// <summary>The related process is a parent process of this one.</summary>
    Parent,

    /// <summary>This process renews or replaces the related prior process.</summary>
    Prior,

    /// <summary>The related process was unsuccessful and this one replaces it.</summary>
    UnsuccessfulProcess,

    /// <summary>The related process is a sub-contract of this one.</summary>
    SubContract,

    /// <summary>The related process replaces this one.</summary>
    ReplacementProcess,

    /// <summary>The related process renews this one.</summary>
    RenewalProcess,
}
