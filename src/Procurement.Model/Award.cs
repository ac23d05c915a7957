using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>A decision to award the proposed contract (or a part of it), with the contract that followed when recorded.</summary>
[DebuggerDisplay("{Status} {Date}")]
public sealed record Award
{
    /// <summary>The providers awarded the contract.</summary>
    public IReadOnlyList<Provider>? Suppliers { get; init; }

    /// <summary>The award's status.</summary>
    public AwardStatus? Status { get; init; }

    /// <summary>When the decision to award was made.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The value awarded.</summary>
    public Money? Value { get; init; }

    /// <summary>When the awarded contract was signed.</summary>
    public DateOnly? SignedDate { get; init; }

    /// <summary>When the awarded contract starts.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>When the awarded contract ends.</summary>
    public DateOnly? EndDate { get; init; }
}
