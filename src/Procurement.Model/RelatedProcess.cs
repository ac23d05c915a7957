using System;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>Another contracting process this one is linked to, such as the framework agreement a call-off draws on.</summary>
[DebuggerDisplay("{Relationship} {Identifier,nq}")]
public sealed record RelatedProcess
{
    /// <summary>How the other process relates to this one. Required.</summary>
    public required ProcessRelationship Relationship { get; init; }

    /// <summary>The other process's identifier, such as its Open Contracting ID (ocid).</summary>
    public string? Identifier { get; init; }

    /// <summary>The other process's title.</summary>
    public string? Title { get; init; }

    /// <summary>Where the other process is published.</summary>
    public Uri? Url { get; init; }
}
