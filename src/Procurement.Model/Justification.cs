namespace Procurement.Model;

/// <summary>A recorded reason for a decision. Use <see cref="JustificationKind.None"/> to record that none was given.</summary>
public sealed record Justification
{
    /// <summary>What kind of reason was recorded. Required.</summary>
    public required JustificationKind Kind { get; init; }

    /// <summary>The reason in the commissioner's words.</summary>
    public string? Text { get; init; }

    /// <summary>Where the reason is recorded.</summary>
    public SourceReference? Source { get; init; }
}
