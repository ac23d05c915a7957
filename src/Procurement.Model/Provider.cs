using System.Diagnostics;

namespace Procurement.Model;

/// <summary>A provider of NHS-funded services.</summary>
[DebuggerDisplay("{Name,nq} ({Kind})")]
public sealed record Provider
{
    /// <summary>The provider's name. Required.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of provider.</summary>
    public ProviderKind? Kind { get; init; }
}
