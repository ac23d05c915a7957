using System.Diagnostics;

namespace Procurement.Rules;

/// <summary>A verbatim quotation from a pack's source document that a rule rests on.</summary>
/// <param name="SourceId">The id of the source document in the pack, for example <c>burnham-2009</c>.</param>
/// <param name="Locator">Where in the source the quote stands, for example "Scenario 1, process to be followed".</param>
/// <param name="Quote">The quoted words, verbatim from the source (checked when the pack loads).</param>
[DebuggerDisplay("{Locator,nq}: {Quote,nq}")]
public sealed record Citation(string SourceId, string Locator, string Quote)
{
    /// <summary>Formats the citation as <c>Locator: "Quote"</c>.</summary>
    public override string ToString() => $"{Locator}: \"{Quote}\"";
}
