namespace Procurement.Model;

/// <summary>Kinds of dated event in a procurement's timeline.</summary>
public enum EventKind
{
    /// <summary>The commissioner raised concerns about the service with the provider.</summary>
    ConcernsRaised,

    /// <summary>The commissioner engaged the existing (incumbent) provider(s) about the service's future.</summary>
    IncumbentEngaged,

    /// <summary>The commissioner engaged NHS providers other than the incumbent.</summary>
    NhsProvidersEngaged,

    /// <summary>The commissioner engaged alternative (other potential) providers.</summary>
    AlternativeProvidersEngaged,

    /// <summary>The commissioner engaged the staff delivering the service.</summary>
    StaffEngaged,

    /// <summary>The commissioner engaged the staff's trade union representatives.</summary>
    UnionsEngaged,

    /// <summary>A formal chance for the provider to improve (for example under the contract's performance terms).</summary>
    FormalImprovementOpportunity,

    /// <summary>The contract's own mechanism (performance notice, variation) was invoked.</summary>
    ContractMechanismInvoked,

    /// <summary>A joint service review of the commissioner and the provider.</summary>
    JointServiceReview,

    /// <summary>The provider had an opportunity to develop and present its service plans.</summary>
    ServicePlansPresented,

    /// <summary>The commissioner set out the outcomes sought, the reasons for change and the process to providers.</summary>
    IntentionsShared,

    /// <summary>The commissioner worked with the provider to address the causes of un-sustainability.</summary>
    WorkedWithProvider,

    /// <summary>Other local providers were enlisted to help.</summary>
    LocalProvidersEnlisted,

    /// <summary>The Strategic Health Authority gave direction.</summary>
    ShaDirection,

    /// <summary>The decision to tender or market-test the service was taken.</summary>
    TenderDecision,

    /// <summary>A contract notice or advertisement was published.</summary>
    NoticePublished,

    /// <summary>The eligibility to bid was changed after the notice.</summary>
    EligibilityChanged,

    /// <summary>An Any Willing Provider accreditation process was opened.</summary>
    AccreditationOpened,

    /// <summary>A bid was received.</summary>
    BidReceived,

    /// <summary>A bidder withdrew.</summary>
    BidWithdrawn,

    /// <summary>The contract was awarded.</summary>
    ContractAwarded,

    /// <summary>The procurement was paused.</summary>
    ProcurementPaused,

    /// <summary>The procurement was withdrawn or abandoned.</summary>
    ProcurementWithdrawn,

    /// <summary>The contract was terminated.</summary>
    ContractTerminated,

    /// <summary>A complaint was made about the procurement.</summary>
    ComplaintMade,

    /// <summary>An oversight or assurance body signed off or assured the procurement.</summary>
    OversightSignOff,

    /// <summary>
    /// The decision not to tender openly: to award directly, extend or vary a contract instead. Usually derived from a
    /// direct award, extension or variation (docs/procurement-files.md, "What a record implies").
    /// </summary>
    DirectAwardDecision,
}
