using System;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>A document on record, such as a rationale paper or a needs assessment.</summary>
[DebuggerDisplay("{Title,nq}")]
public sealed record Document
{
    /// <summary>The document's title. Required.</summary>
    public required string Title { get; init; }

    /// <summary>When the document was issued.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Where the document can be found.</summary>
    public SourceReference? Source { get; init; }
}
