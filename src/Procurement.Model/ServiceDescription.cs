using System.Diagnostics;

namespace Procurement.Model;

/// <summary>The service being procured or reconfigured.</summary>
[DebuggerDisplay("{Name,nq}")]
public sealed record ServiceDescription
{
    /// <summary>The service's name, for example "Community services". Required.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the service is new.</summary>
    public bool? IsNew { get; init; }

    /// <summary>Whether the service is being significantly redesigned.</summary>
    public bool? IsSignificantRedesign { get; init; }

    /// <summary>Whether the service is a clinical service.</summary>
    public bool? IsClinical { get; init; }
}
