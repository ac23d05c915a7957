namespace Procurement.Rules;

/// <summary>How a procurement's decision date relates to the period a rule pack is in force.</summary>
public enum PeriodStatus
{
    /// <summary>The decision date falls within the pack's period.</summary>
    InForce,

    /// <summary>The decision date is not recorded, so the period was not checked; the rules were applied.</summary>
    DecisionDateNotRecorded,

    /// <summary>The decision date falls outside the pack's period, and the rules were not applied.</summary>
    OutsidePeriod,

    /// <summary>The decision date falls outside the pack's period, and the rules were applied because the caller asked.</summary>
    OutsidePeriodCheckedAnyway,
}
