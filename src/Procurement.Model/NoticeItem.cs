namespace Procurement.Model;

/// <summary>
/// What a published notice contains, as <see cref="TimelineEvent.Includes"/> lists it for a notice event: the items of the
/// Provider Selection Regime's Schedules 2 to 14 and of the 2013 regulations' contract notice (regulation 4(3)).
/// </summary>
public enum NoticeItem
{
    /// <summary>The statement of what was decided and by which process (for example, "an award has been made following Direct Award Process C").</summary>
    AwardStatement,

    /// <summary>The contract's title and reference.</summary>
    ContractTitle,

    /// <summary>The name and address (registered office or principal place of business) of the provider.</summary>
    ProviderAddress,

    /// <summary>A description of the services, including the most relevant CPV code where a schedule asks for it.</summary>
    ServicesDescribed,

    /// <summary>The contract's (approximate) lifetime value, or the amounts payable.</summary>
    LifetimeValue,

    /// <summary>The dates between which the services are to be provided.</summary>
    ServiceDates,

    /// <summary>Details of the award decision-makers.</summary>
    DecisionMakersNamed,

    /// <summary>The decision-makers' reasons for selecting the chosen provider, with reference to the key criteria.</summary>
    ReasonsForChoice,

    /// <summary>Any declared conflicts or potential conflicts of interest.</summary>
    ConflictsDeclared,

    /// <summary>How any conflicts or potential conflicts of interest were managed.</summary>
    ConflictsManagement,

    /// <summary>The criteria against which bids or offers will be evaluated (2013 regulations, regulation 4(3)(b)).</summary>
    EvaluationCriteriaStated,

    /// <summary>How offers must be made (by electronic means) and by when (Provider Selection Regime Schedule 8).</summary>
    OfferInstructions,

    /// <summary>The standstill period's dates and how to make representations.</summary>
    StandstillDetails,

    /// <summary>A description of the process followed to select the provider (2013 regulations, regulation 9(2)(e)).</summary>
    ProcessFollowed,
}
