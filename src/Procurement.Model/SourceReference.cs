using System;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>Where a fact comes from: a document, an article or a web page.</summary>
[DebuggerDisplay("{Title,nq}")]
public sealed record SourceReference
{
    /// <summary>The source's title, for example "HSJ, 5 January 2010". Required.</summary>
    public required string Title { get; init; }

    /// <summary>The source's address, when it has one.</summary>
    public Uri? Url { get; init; }

    /// <summary>When the source was published.</summary>
    public DateOnly? Date { get; init; }
}
