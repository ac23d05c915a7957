using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>
/// The facts of a provider selection that the 2013 regulations (<c>ppccr-2013</c>) and the Provider Selection Regime
/// (<c>psr-2023</c>) ask for and that are not dated events: the process followed, the views and assessments the
/// commissioner recorded, the values for the considerable change test, and what its record holds. The dated steps
/// (commencement, notices, standstill, representations, award) are <see cref="ProposedProcurement.Timeline"/> events.
/// </summary>
/// <remarks>
/// Every member is optional: <see langword="null"/> means not recorded (a rule that needs it is undetermined); an empty list
/// means recorded as none. Immutable; safe to share across threads when built from read-only collections.
/// </remarks>
[DebuggerDisplay("{Process}")]
public sealed record ProviderSelection
{
    /// <summary>The process followed (Provider Selection Regime regulation 6), or the kind of change made to a contract.</summary>
    public SelectionProcess? Process { get; init; }

    /// <summary><see langword="true"/> when the process concludes a framework agreement rather than awarding a contract.</summary>
    public bool? Framework { get; init; }

    /// <summary>
    /// The commissioner is satisfied that the services are capable of being provided only by the existing provider
    /// (Direct Award Process A, regulation 6(3)), or, under the 2013 regulations, only by the provider awarded the
    /// contract without advertising (regulation 5(1)).
    /// </summary>
    public bool? OnlyExistingProviderCapable { get; init; }

    /// <summary>The conditions of Direct Award Process B (regulation 6(4)(a) to (e)) are met: patients choose among every provider that meets requirements.</summary>
    public bool? PatientChoiceConditionsMet { get; init; }

    /// <summary>
    /// The commissioner's recorded view that the existing provider is satisfying the existing contract and will likely
    /// satisfy the proposed one to a sufficient standard (Direct Award Process C, regulation 6(5)(d)).
    /// </summary>
    public bool? ExistingProviderSatisfactory { get; init; }

    /// <summary>The existing contract is due to expire and is being replaced at the end of its term (regulation 6(5)(b)).</summary>
    public bool? ExpiringAtEndOfTerm { get; init; }

    /// <summary>
    /// The commissioner's recorded view that, taking into account likely providers and all relevant information, it is
    /// likely to be able to identify the most suitable provider (regulation 6(6)(c)).
    /// </summary>
    public bool? LikelyToIdentifyMostSuitable { get; init; }

    /// <summary>The lifetime value of the existing contract when it was entered into (considerable change threshold, regulation 6(10)(b)).</summary>
    public Money? ExistingContractValueAtEntry { get; init; }

    /// <summary>The lifetime value of the proposed contract; when not recorded, rules read <see cref="ProposedProcurement.Value"/>.</summary>
    public Money? ProposedLifetimeValue { get; init; }

    /// <summary>The changes from the existing contract are attributable to a decision of the commissioner (regulation 6(10)(b)(i), 13(1)(d)).</summary>
    public bool? ChangeAttributableToAuthority { get; init; }

    /// <summary>The proposed contract (or the modification) is materially different in character from the existing contract (regulation 6(10)(a), 13(2)(a)).</summary>
    public bool? MateriallyDifferentInCharacter { get; init; }

    /// <summary>The change is solely a change in the provider's identity by succession (regulation 6(11), 13(1)(b)).</summary>
    public bool? SuccessionChange { get; init; }

    /// <summary>The change responds to external factors beyond the control of the commissioner and provider (regulation 6(12), 13(1)(c)).</summary>
    public bool? ExternalFactors { get; init; }

    /// <summary>The key criteria (regulation 5) the commissioner recorded taking into account; empty: recorded as none.</summary>
    public IReadOnlyList<KeyCriterion>? KeyCriteriaConsidered { get; init; }

    /// <summary>The basic selection criteria (regulation 19, Schedule 16) were applied.</summary>
    public bool? BasicSelectionCriteriaApplied { get; init; }

    /// <summary>The chosen provider meets the basic selection criteria.</summary>
    public bool? ChosenProviderMeetsCriteria { get; init; }

    /// <summary>A minimum yearly turnover asked of providers, if any (Schedule 16, paragraph 3(3)).</summary>
    public Money? MinimumTurnover { get; init; }

    /// <summary>The contract or framework award criteria were published with the invitation to offer.</summary>
    public bool? AwardCriteriaPublished { get; init; }

    /// <summary>Offers were assessed against the published award criteria.</summary>
    public bool? AwardedOnPublishedCriteria { get; init; }

    /// <summary>The means of improvement the commissioner considered (2013 regulations, regulation 3(4)); empty: recorded as none.</summary>
    public IReadOnlyList<ImprovementMeans>? MeansConsidered { get; init; }

    /// <summary>The record explains why the chosen provider is the most capable of meeting the regulation 2 objective (2013 regulations, regulation 3(3)(a)).</summary>
    public bool? MostCapableRecorded { get; init; }

    /// <summary>The record explains why the chosen provider gives the best value for money (2013 regulations, regulation 3(3)(b)).</summary>
    public bool? BestValueRecorded { get; init; }

    /// <summary>The commissioner has arrangements for providers to express an interest in providing services (2013 regulations, regulation 4(4)).</summary>
    public bool? ExpressionOfInterestArrangements { get; init; }

    /// <summary>A provider or type of provider was treated more favourably on the basis of ownership (2013 regulations, regulation 3(2)(b)).</summary>
    public bool? OwnershipPreference { get; init; }

    /// <summary>The criteria for qualifying providers were transparent, proportionate and non-discriminatory (2013 regulations, regulation 7).</summary>
    public bool? QualificationCriteriaTransparent { get; init; }

    /// <summary>The reasons recorded for an urgent award or modification (regulation 14(2)); empty: recorded as none.</summary>
    public IReadOnlyList<UrgencyReason>? UrgencyReasons { get; init; }

    /// <summary>The ground of a modification made without a new process (regulation 13(1)).</summary>
    public ModificationGround? ModificationGround { get; init; }

    /// <summary>The cumulative change in the contract's lifetime value since it was entered into (regulation 13(2)(b), 13(4)(c)).</summary>
    public Money? CumulativeChange { get; init; }

    /// <summary>The chosen provider is an excluded supplier (regulation 20, processes commenced from 24 February 2025).</summary>
    public bool? ExcludedSupplier { get; init; }

    /// <summary>The commissioner recorded overriding reasons relating to the public interest for awarding to an excluded supplier (regulation 20(2)).</summary>
    public bool? OverridingPublicInterest { get; init; }

    /// <summary>The debarment list was checked (regulation 20D).</summary>
    public bool? DebarmentListChecked { get; init; }

    /// <summary>
    /// What the commissioner's record of the procurement holds (regulation 24): everything it holds, unless
    /// <see cref="RecordKeptComplete"/> is <see langword="false"/>; empty: recorded as holding none.
    /// </summary>
    public IReadOnlyList<RecordItem>? RecordKept { get; init; }

    /// <summary>
    /// Whether <see cref="RecordKept"/> lists everything the record holds. Default (<see langword="null"/>) and
    /// <see langword="true"/>: it does, and an item not listed is not held. <see langword="false"/>: the list is what the
    /// record is known to hold ("the board papers record how the award meets the CCG's duties"), and whether it holds
    /// anything else is not recorded (<see cref="RecordLacks"/> still names known gaps).
    /// </summary>
    public bool? RecordKeptComplete { get; init; }

    /// <summary>The individuals or committee who made the decisions; empty: recorded as none named.</summary>
    public IReadOnlyList<string>? DecisionMakers { get; init; }

    /// <summary>
    /// For a contract awarded by a competition under a framework agreement (Provider Selection Regime regulation 18(7)):
    /// every provider party to the framework agreement was invited to submit an offer. Not recorded when
    /// <see langword="null"/>; a party listed in <see cref="TenderPlan.Invitations"/> as not invited or excluded shows it was not.
    /// </summary>
    public bool? AllFrameworkPartiesInvited { get; init; }

    /// <summary>
    /// For a framework agreement whose term exceeds 4 years: the commissioner is satisfied, in an exceptional case, that the
    /// subject-matter of the framework agreement justifies the longer term (Provider Selection Regime regulation 16(5)).
    /// Not recorded when <see langword="null"/>.
    /// </summary>
    public bool? LongerFrameworkTermJustified { get; init; }

    /// <summary>
    /// The commissioner recorded that a minimum yearly turnover above twice the estimated contract or framework agreement
    /// value is appropriate and proportionate to the subject-matter (Schedule 16, paragraph 3(3), for example a special
    /// risk); <see langword="false"/>: recorded as not so justified.
    /// </summary>
    public bool? HigherTurnoverJustified { get; init; }

    /// <summary>
    /// Items the commissioner's record is known not to hold ("the record does not include the abandonment date"), when
    /// what else it holds is not known: <see cref="RecordKept"/> lists everything the record holds, so use this for a
    /// known gap in a record not otherwise described. An item may not be in both lists. Not recorded when <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<RecordItem>? RecordLacks { get; init; }
}
