namespace Procurement.Model;

/// <summary>How precisely an <see cref="EventDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>No date is recorded (the default): the event happened, but when is not known.</summary>
    Undated = 0,

    /// <summary>The exact day, for example <c>2009-07-15</c>.</summary>
    Day,

    /// <summary>A calendar month, for example <c>2009-07</c>.</summary>
    Month,

    /// <summary>A calendar year, for example <c>2009</c>.</summary>
    Year,

    /// <summary>A bound or range, for example <c>before 2010-05-01</c> or <c>between 2009-01-01 and 2009-03-31</c>.</summary>
    Range,

    /// <summary>Bounded only by another kind of event, for example <c>before noticePublished</c> (see <see cref="EventDate.RelativeTo"/>).</summary>
    Relative,
}
