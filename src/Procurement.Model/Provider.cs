using System.Diagnostics;

namespace Procurement.Model;

/// <summary>A provider of NHS-funded services.</summary>
[DebuggerDisplay("{Name ?? \"(unnamed)\",nq} ({Kind})")]
public sealed record Provider
{
    /// <summary>
    /// The provider's name; <see langword="null"/> when the record does not name it (for example "the incumbent, not
    /// named"), which messages show as "an unnamed provider". Tenderers and award suppliers still need a name.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>The kind of provider.</summary>
    public ProviderKind? Kind { get; init; }
}
