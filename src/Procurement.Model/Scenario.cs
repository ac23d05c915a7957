namespace Procurement.Model;

/// <summary>The six commissioning needs ("scenarios") of the 2009 letter's attachment.</summary>
public enum Scenario
{
    /// <summary>Scenario 1: addressing underperformance.</summary>
    Underperformance = 1,

    /// <summary>Scenario 2: incremental service improvements and increases in capacity.</summary>
    IncrementalImprovement = 2,

    /// <summary>Scenario 3: risk of clinical or financial un-sustainability.</summary>
    Unsustainability = 3,

    /// <summary>Scenario 4: new services or significant redesign of services.</summary>
    NewOrRedesignedService = 4,

    /// <summary>Scenario 5: increasing patient choice.</summary>
    PatientChoice = 5,

    /// <summary>Scenario 6: expiry of an independent or third sector contract.</summary>
    ContractExpiry = 6,
}
