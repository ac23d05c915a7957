using System;
using System.Collections.Generic;

namespace Procurement.Model;

/// <summary>The route chosen for the procurement and who may take part.</summary>
public sealed record TenderPlan
{
    /// <summary>The procurement route.</summary>
    public ProcurementRoute? Route { get; init; }

    /// <summary>The recorded reason for choosing <see cref="Route"/> over the alternatives.</summary>
    public Justification? RouteJustification { get; init; }

    /// <summary>Who may bid.</summary>
    public TenderEligibility? Eligibility { get; init; }

    /// <summary>The recorded reason for restricting <see cref="Eligibility"/> (for example to NHS providers).</summary>
    public Justification? EligibilityJustification { get; init; }

    /// <summary>Whether the incumbent provider may bid on a fair and equal basis.</summary>
    public bool? IncumbentMayBid { get; init; }

    /// <summary>Whether the evaluation criteria and process were published to bidders.</summary>
    public bool? CriteriaPublished { get; init; }

    /// <summary>Whether the number of accredited providers is capped (Any Willing Provider routes).</summary>
    public bool? ProviderNumbersCapped { get; init; }

    /// <summary>Whether existing providers stop providing the service as a result (Any Willing Provider routes).</summary>
    public bool? DisplacesExistingProviders { get; init; }

    /// <summary>
    /// How many bidders were still in the competition at its final stage (at the award, or when the process stopped);
    /// <see langword="null"/> when not recorded or not yet known.
    /// </summary>
    public int? FinalStageBidders { get; init; }

    /// <summary>The procurement method as published (open, selective, limited, direct); see <see cref="Route"/> for the route.</summary>
    public TenderMethod? Method { get; init; }

    /// <summary>The status of the tender as last published.</summary>
    public TenderStatus? Status { get; init; }

    /// <summary>The eligibility criteria for bidders in the notice's own words (<see cref="Eligibility"/> is the reading of them).</summary>
    public string? EligibilityCriteria { get; init; }

    /// <summary>The closing date for bids.</summary>
    public DateOnly? ClosingDate { get; init; }

    /// <summary>The providers that submitted a bid (empty: recorded as none).</summary>
    public IReadOnlyList<Provider>? Tenderers { get; init; }

    /// <summary>How many bids were submitted (every bidder, not only those left at the final stage).</summary>
    public int? NumberOfTenderers { get; init; }

    /// <summary>
    /// Who could bid, who was invited, who was not invited or was excluded, and why (empty: recorded as none;
    /// <see langword="null"/>: not recorded). Each entry names a party, a kind of party ("NHS trusts"), or both.
    /// </summary>
    public IReadOnlyList<Invitation>? Invitations { get; init; }
}
