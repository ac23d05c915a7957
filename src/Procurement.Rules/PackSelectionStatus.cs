namespace Procurement.Rules;

/// <summary>How <see cref="RulePack.Select(Procurement.Model.ProposedProcurement)"/> chose a pack (<see cref="PackSelection.Status"/>).</summary>
public enum PackSelectionStatus
{
    /// <summary>The record shows exactly one pack in force on the date that decides it, for this commissioner: <see cref="PackSelection.Pack"/>.</summary>
    Selected,

    /// <summary>
    /// No pack is shown to apply, but only one can: <see cref="PackSelection.Pack"/> is that pack, and
    /// <see cref="PackSelection.Reason"/> says what the record would have to show (a date, a commissioner kind) for it to apply.
    /// </summary>
    OnlyPossible,

    /// <summary>Several packs could apply and the record does not tell which: <see cref="PackSelection.Pack"/> is null; name one, or record the deciding date.</summary>
    Ambiguous,

    /// <summary>No pack covers the procurement (its dates or its commissioner are outside every pack): <see cref="PackSelection.Pack"/> is null.</summary>
    NoPackApplies,
}
