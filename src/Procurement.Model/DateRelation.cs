namespace Procurement.Model;

/// <summary>How an <see cref="EventDate"/> relates to the events of another kind (<see cref="EventDate.RelativeTo"/>).</summary>
public enum DateRelation
{
    /// <summary>Strictly before the first event of the kind ("before the notice"): at the latest the day before.</summary>
    Before = 1,

    /// <summary>On or before the first event of the kind ("by the notice").</summary>
    OnOrBefore,

    /// <summary>Strictly after the last event of the kind ("after the workshops"): at the earliest the day after.</summary>
    After,

    /// <summary>On or after the last event of the kind.</summary>
    OnOrAfter,

    /// <summary>On the same day as the first event of the kind ("at the same board meeting").</summary>
    SameDay,
}
