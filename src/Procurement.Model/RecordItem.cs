namespace Procurement.Model;

/// <summary>
/// What a commissioner's record of a procurement holds: the items of the Provider Selection Regime's regulation 24 and of
/// the 2013 regulations' regulation 3(5), as <see cref="ProviderSelection.RecordKept"/> lists them.
/// </summary>
public enum RecordItem
{
    /// <summary>(a), (b) The names of the providers awarded a contract or party to a framework agreement.</summary>
    ProviderNames,

    /// <summary>(c) Their registered office or principal place of business.</summary>
    ProviderAddresses,

    /// <summary>(d) The decision-making process followed, including the identity of the individuals making decisions.</summary>
    DecisionProcess,

    /// <summary>(e), (f) How the key criteria were taken into account and the basic selection (and award) criteria assessed.</summary>
    CriteriaAssessment,

    /// <summary>(g) The reasons for the decisions.</summary>
    DecisionReasons,

    /// <summary>(h) Declared conflicts or potential conflicts of interest.</summary>
    ConflictsRecorded,

    /// <summary>(i) How each conflict or potential conflict was managed for each decision.</summary>
    ConflictManagementRecorded,

    /// <summary>(j) Where the procurement was abandoned, the date it was abandoned.</summary>
    AbandonmentDate,

    /// <summary>2013 regulations, regulation 3(5): how the commissioner complied with its statutory duties in awarding the contract.</summary>
    StatutoryDutiesCompliance,
}
