using System.Diagnostics;

namespace Procurement.Model;

/// <summary>A measure of quality used to judge the service.</summary>
[DebuggerDisplay("{Name,nq} ({Kind})")]
public sealed record QualityMeasure
{
    /// <summary>The measure's name. Required.</summary>
    public required string Name { get; init; }

    /// <summary>What the measure measures.</summary>
    public QualityMeasureKind? Kind { get; init; }
}
