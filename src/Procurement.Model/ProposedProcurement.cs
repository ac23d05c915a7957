using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>
/// A proposed (or historical) NHS procurement: the case that a rule pack checks.
/// </summary>
/// <remarks>
/// <para>
/// Every optional member distinguishes "not recorded" from "recorded as none": <see langword="null"/>
/// means the fact is not recorded, so a rule that needs it reports <c>undetermined</c>; an empty list
/// or an explicit value (for example <see cref="JustificationKind.None"/>) means it was recorded.
/// </para>
/// <para>
/// The timeline lists the events that are recorded. An event kind that is absent from the timeline is
/// "not recorded", not "did not happen", unless <see cref="TimelineComplete"/> is <see langword="true"/> or
/// the kind is listed in <see cref="TimelineCompleteFor"/>.
/// </para>
/// <para>Instances are immutable (init-only) and safe to share across threads when built from read-only collections.</para>
/// </remarks>
[DebuggerDisplay("{Id,nq}: {Title,nq} ({Scenario})")]
public sealed record ProposedProcurement
{
    /// <summary>A stable identifier of the case, for example <c>great-yarmouth-2009</c>. Required.</summary>
    public required string Id { get; init; }

    /// <summary>A short human-readable title of the case.</summary>
    public string? Title { get; init; }

    /// <summary>The commissioning body (PCT, CCG, ICB).</summary>
    public Commissioner? Commissioner { get; init; }

    /// <summary>The service being procured or reconfigured.</summary>
    public ServiceDescription? Service { get; init; }

    /// <summary>Which of the six scenarios of the 2009 letter describes the commissioning need.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>
    /// The date the procurement decision was taken; decides which rule pack period applies.
    /// When not recorded, the pack's period is not checked and the report says so.
    /// </summary>
    public DateOnly? DecisionDate { get; init; }

    /// <summary>The contracts of the providers currently delivering the service.</summary>
    public IReadOnlyList<Contract>? IncumbentContracts { get; init; }

    /// <summary>The total value of the proposed contract over its whole term (see <see cref="AnnualValue"/> for a value per year).</summary>
    public Money? Value { get; init; }

    /// <summary>The value of the proposed contract per year, when the record gives it per year (it may give both).</summary>
    public Money? AnnualValue { get; init; }

    /// <summary>
    /// How much of the service the commissioner's response covers: the whole service, part of it, or remedies other
    /// than procurement (for proportionality). Not recorded when <see langword="null"/>.
    /// </summary>
    public ResponseScope? ResponseScope { get; init; }

    /// <summary>The term of the proposed contract, in months.</summary>
    public int? TermMonths { get; init; }

    /// <summary>The route and eligibility of the proposed procurement.</summary>
    public TenderPlan? Tender { get; init; }

    /// <summary>The dated events of the procurement, in any order (rules order them by date).</summary>
    public IReadOnlyList<TimelineEvent>? Timeline { get; init; }

    /// <summary>
    /// <see langword="true"/> when <see cref="Timeline"/> lists every event that happened, so an absent
    /// event kind means it did not happen. Default: not recorded (absent kinds are unknown).
    /// </summary>
    public bool? TimelineComplete { get; init; }

    /// <summary>
    /// Event kinds for which <see cref="Timeline"/> is complete: every event of these kinds is listed,
    /// and a listed kind with no events did not happen.
    /// </summary>
    public IReadOnlyList<EventKind>? TimelineCompleteFor { get; init; }

    /// <summary>
    /// Event kinds for which <see cref="Timeline"/> is complete so far: every event of these kinds up to the latest
    /// event the timeline lists is there, and more may follow ("the findings have not yet been written into the
    /// contract", "only one plan so far"). A listed kind with no events has not happened yet: it did not happen before
    /// any recorded event, and whether it will happen later stays unknown. Default: none.
    /// </summary>
    public IReadOnlyList<EventKind>? TimelineCompleteSoFarFor { get; init; }

    /// <summary>
    /// Event kinds for which <see cref="Timeline"/> is complete before the first event of another kind ("no meeting was
    /// held with the existing providers before the advert"): every event of those kinds before it is listed, and what
    /// came after it stays unknown. Default: none.
    /// </summary>
    public IReadOnlyList<CompleteBefore>? TimelineCompleteBefore { get; init; }

    /// <summary>
    /// Oversight bodies whose every sign-off <see cref="Timeline"/> lists: a body listed here with no
    /// <see cref="EventKind.OversightSignOff"/> event did not sign off ("the decision was never put to the SHA"), while
    /// the other bodies' sign-offs stay unknown unless <see cref="EventKind.OversightSignOff"/> is complete. Default: none.
    /// </summary>
    public IReadOnlyList<OversightBody>? SignOffsCompleteFor { get; init; }

    /// <summary>Documents that set out the rationale for the decision (empty: recorded as none).</summary>
    public IReadOnlyList<Document>? RationaleDocuments { get; init; }

    /// <summary>Needs assessments that drove the decision (empty: recorded as none).</summary>
    public IReadOnlyList<Document>? NeedsAssessments { get; init; }

    /// <summary>The measures of quality used to judge the service (empty: recorded as none).</summary>
    public IReadOnlyList<QualityMeasure>? QualityMeasures { get; init; }

    /// <summary>The decisions to award the proposed contract (empty: recorded as none).</summary>
    public IReadOnlyList<Award>? Awards { get; init; }

    /// <summary>
    /// The facts of the provider selection that the 2013 regulations and the Provider Selection Regime ask for and that
    /// are not dated events (the process, recorded views, considerable change values, the record kept).
    /// </summary>
    public ProviderSelection? Selection { get; init; }

    /// <summary>Declared conflicts or potential conflicts of interest of those involved in the decisions (empty: recorded as none).</summary>
    public IReadOnlyList<ConflictOfInterest>? ConflictsOfInterest { get; init; }

    /// <summary>Other contracting processes this one is linked to, such as the framework agreement of a call-off.</summary>
    public IReadOnlyList<RelatedProcess>? RelatedProcesses { get; init; }

    /// <summary>Where the facts of this case come from.</summary>
    public IReadOnlyList<SourceReference>? Sources { get; init; }

    /// <summary>Free-text notes; never read by rules.</summary>
    public string? Notes { get; init; }
}
