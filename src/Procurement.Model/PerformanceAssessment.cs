namespace Procurement.Model;

/// <summary>The commissioner's recorded judgement of a provider's performance.</summary>
public sealed record PerformanceAssessment
{
    /// <summary>Whether the provider was judged to be underperforming.</summary>
    public bool? Underperforming { get; init; }

    /// <summary>Whether the scale of under-performance was judged significant (scenario 1).</summary>
    public bool? SignificantUnderperformance { get; init; }

    /// <summary>Whether improvement was insufficient within a reasonable timescale (scenario 1).</summary>
    public bool? InsufficientImprovement { get; init; }

    /// <summary>Whether the shortcomings were judged serious in quality and value for money (scenario 2).</summary>
    public bool? SeriousShortcomings { get; init; }

    /// <summary>Whether the provider failed to develop robust and credible service improvement plans (scenario 2).</summary>
    public bool? PlansNotCredible { get; init; }

    /// <summary>Whether the provider continues to meet quality, value for money and registration requirements (scenario 5).</summary>
    public bool? MeetsRequirements { get; init; }
}
