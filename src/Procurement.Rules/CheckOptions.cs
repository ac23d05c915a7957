namespace Procurement.Rules;

/// <summary>Options for a check. The default instance checks within the pack's period.</summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record CheckOptions
{
    /// <summary>The default options.</summary>
    public static CheckOptions Default { get; } = new();

    /// <summary>
    /// Check a procurement decided outside the pack's period anyway, for example to benchmark an older case against
    /// later principles. Default: <see langword="false"/>, so such a procurement gets no rule outcomes and a report
    /// that says it is outside the pack's period.
    /// </summary>
    public bool CheckOutsidePeriod { get; init; }
}
