namespace Procurement.Rules;

/// <summary>Options for reading a procurement file (<see cref="ProcurementFile"/>).</summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record ProcurementLoadOptions
{
    /// <summary>The default options: <see cref="InputLimits.Default"/>.</summary>
    public static ProcurementLoadOptions Default { get; } = new();

    /// <summary>The limits applied to the file. Default <see cref="InputLimits.Default"/>.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}
