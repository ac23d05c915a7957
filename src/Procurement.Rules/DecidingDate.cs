namespace Procurement.Rules;

/// <summary>Which of a procurement's dates decides whether a rule pack's period covers it (<see cref="RulePack.DecidedBy"/>).</summary>
public enum DecidingDate
{
    /// <summary>
    /// The date the procurement decision was taken (<c>decisionDate</c>): the 2009 letter's pack. When not recorded, the
    /// pack's period is not checked.
    /// </summary>
    Decision,

    /// <summary>
    /// The date the process commenced (the first <c>processCommenced</c> event; for a contract modification, the first
    /// <c>contractModified</c> event): the 2013 regulations and the Provider Selection Regime. An imprecise date decides
    /// only when all of it falls on one side of the period's bounds.
    /// </summary>
    Commencement,
}
