using System;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>A contract under which a provider currently delivers the service.</summary>
[DebuggerDisplay("{Provider.Name,nq} until {EndDate}")]
public sealed record Contract
{
    /// <summary>The provider holding the contract. Required.</summary>
    public required Provider Provider { get; init; }

    /// <summary>The contract's total value over its whole term.</summary>
    public Money? Value { get; init; }

    /// <summary>The contract's value per year, when the record gives it per year (it may give both).</summary>
    public Money? AnnualValue { get; init; }

    /// <summary>When the contract started.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>When the contract ends or expires.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>The commissioner's recorded assessment of the provider's performance.</summary>
    public PerformanceAssessment? Performance { get; init; }
}
