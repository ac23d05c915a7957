using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>A source document that a pack's citations quote from.</summary>
/// <param name="Id">The id citations use to name it.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Path">The file's path relative to the pack folder, as written in <c>pack.yaml</c>.</param>
/// <param name="Text">The full text of the document.</param>
[DebuggerDisplay("{Id,nq}: {Title,nq}")]
public sealed record SourceDocument(string Id, string Title, string Path, string Text)
{
    /// <summary>Returns <c>Id: Title</c>.</summary>
    public override string ToString() => $"{Id}: {Title}";
}
