using System.Diagnostics;

namespace Procurement.Model;

/// <summary>The body commissioning the service.</summary>
[DebuggerDisplay("{Name,nq} ({Kind})")]
public sealed record Commissioner
{
    /// <summary>The commissioner's name, for example "Great Yarmouth and Waveney PCT". Required.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of commissioning body.</summary>
    public CommissionerKind? Kind { get; init; }
}
