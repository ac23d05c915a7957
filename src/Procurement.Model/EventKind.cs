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

    /// <summary>
    /// The procurement commenced: a contract notice was submitted for publication, or the commissioner contacted a
    /// provider to seek expressions of interest or offers (or to answer one it was sent), as the Provider Selection
    /// Regime's regulation 29(4) defines it. The first such event decides which of the 2013 regulations
    /// (<c>ppccr-2013</c>) and the Provider Selection Regime (<c>psr-2023</c>), and which version of it, applies.
    /// </summary>
    ProcessCommenced,

    /// <summary>
    /// A notice of intention to award (Provider Selection Regime Schedules 3, 6 and 10) was published; the standstill
    /// period begins the day after.
    /// </summary>
    IntentionToAwardPublished,

    /// <summary>
    /// The notice that the commissioner intends to follow the Most Suitable Provider Process (Provider Selection Regime
    /// regulation 10(2), Schedule 5) was submitted for publication.
    /// </summary>
    MostSuitableProviderNoticeSubmitted,

    /// <summary>Step 2 of the Most Suitable Provider Process was completed: the providers to consider were identified (regulation 10(4)).</summary>
    PotentialProvidersIdentified,

    /// <summary>The unsuccessful providers of a Competitive Process were told the outcome in writing (regulation 11(10), Schedule 9).</summary>
    UnsuccessfulProvidersInformed,

    /// <summary>
    /// A notice of a contract awarded was submitted for publication (Provider Selection Regime Schedules 2, 4, 7, 11 and
    /// 13: the 30 days count to submission; when only the day it was published is known, record it as on or before that
    /// day), or, under the 2013 regulations, the record of a contract awarded was published (regulation 9).
    /// </summary>
    AwardNoticeSubmitted,

    /// <summary>A provider made written representations during a standstill period (the provider is the event's party).</summary>
    RepresentationReceived,

    /// <summary>After representations, the commissioner told the providers its further decision (regulation 12(6) or (8)).</summary>
    FurtherDecisionCommunicated,

    /// <summary>An existing contract or framework agreement was modified during its term.</summary>
    ContractModified,

    /// <summary>A notice of a contract modification was submitted for publication (regulations 13(5) and 14, Schedules 12 and 14).</summary>
    ModificationNoticeSubmitted,

    /// <summary>A notice that the procurement was abandoned was submitted for publication (regulation 15(4)); the decision itself is <see cref="ProcurementWithdrawn"/>.</summary>
    AbandonmentNoticeSubmitted,
}
