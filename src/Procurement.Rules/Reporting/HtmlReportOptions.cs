namespace Procurement.Rules.Reporting;

/// <summary>Options for <see cref="HtmlReportWriter"/>.</summary>
/// <remarks>A plain settings object: set it up, then pass it to a writer; not safe to change while a writer uses it.</remarks>
public sealed class HtmlReportOptions
{
    /// <summary>
    /// The document's title and main heading. Default <see langword="null"/>: "Principle verdicts for N cases".
    /// Written HTML-escaped, like every other value.
    /// </summary>
    public string? Title { get; init; }

    /// <summary>
    /// Whether each case's section lists the principles it does not breach (with the facts an undetermined one is
    /// missing). Default <see langword="true"/>; turn it off to keep a very large batch's file small.
    /// </summary>
    public bool IncludeOtherVerdicts { get; init; } = true;
}
