using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>
/// A dated event in a procurement. Which optional members matter depends on <see cref="Kind"/>:
/// <see cref="Body"/> for <see cref="EventKind.OversightSignOff"/>, <see cref="Eligibility"/> for
/// <see cref="EventKind.EligibilityChanged"/>, <see cref="Agreed"/> for <see cref="EventKind.JointServiceReview"/>,
/// <see cref="PartyKind"/> for bids and engagement.
/// </summary>
[DebuggerDisplay("{Date} {Kind} {Party}")]
public sealed record TimelineEvent
{
    /// <summary>
    /// When the event happened, as precisely as recorded (a day, a month, a year, a bound or a range). Default:
    /// <see cref="EventDate.Undated"/> (the event happened, but when is not recorded). An exact
    /// <see cref="DateOnly"/> converts implicitly.
    /// </summary>
    public EventDate Date { get; init; }

    /// <summary>What happened. Required.</summary>
    public required EventKind Kind { get; init; }

    /// <summary>Who the event involved (provider, union, body), in words.</summary>
    public string? Party { get; init; }

    /// <summary>The kind of provider involved, for engagement and bid events.</summary>
    public ProviderKind? PartyKind { get; init; }

    /// <summary>The oversight body, for <see cref="EventKind.OversightSignOff"/>.</summary>
    public OversightBody? Body { get; init; }

    /// <summary>Whether the outcome was agreed, for <see cref="EventKind.JointServiceReview"/>.</summary>
    public bool? Agreed { get; init; }

    /// <summary>Whether the provider improved, for <see cref="EventKind.FormalImprovementOpportunity"/>.</summary>
    public bool? Improved { get; init; }

    /// <summary>The new eligibility, for <see cref="EventKind.EligibilityChanged"/>; who the notice said may bid, for <see cref="EventKind.NoticePublished"/>.</summary>
    public TenderEligibility? Eligibility { get; init; }

    /// <summary>
    /// A name the events of one occasion share (one meeting that shared intentions, engaged providers and briefed staff
    /// is one event per kind, each with <c>occasion: workshop-1</c>): they happened on the same day, so each is ordered
    /// as the others are, whatever precision their own dates have. Compared ignoring case. Default: none.
    /// </summary>
    public string? Occasion { get; init; }

    /// <summary>
    /// For a notice (<see cref="EventKind.NoticePublished"/>, <see cref="EventKind.IntentionToAwardPublished"/>,
    /// <see cref="EventKind.AwardNoticeSubmitted"/> and the other notice kinds), the items it contains: anything not
    /// listed is absent, unless <see cref="IncludesComplete"/> is <see langword="false"/>. Not recorded when
    /// <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<NoticeItem>? Includes { get; init; }

    /// <summary>
    /// Whether <see cref="Includes"/> lists everything the notice contains. Default (<see langword="null"/>) and
    /// <see langword="true"/>: it does, and an item not listed is absent. <see langword="false"/>: the list is what is
    /// known to be in the notice ("it gave the provider's name and the value", not said to be all), and whether it held
    /// anything else is not recorded.
    /// </summary>
    public bool? IncludesComplete { get; init; }

    /// <summary>A description of the event.</summary>
    public string? Description { get; init; }

    /// <summary>Where the event is recorded.</summary>
    public SourceReference? Source { get; init; }
}
