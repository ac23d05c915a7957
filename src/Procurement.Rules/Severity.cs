namespace Procurement.Rules;

/// <summary>How serious a breach of a rule is.</summary>
public enum Severity
{
    /// <summary>A shortcoming worth recording that does not undermine the process.</summary>
    Minor = 1,

    /// <summary>A departure from a principle that a reviewer would expect to be put right.</summary>
    Major = 2,

    /// <summary>A departure that goes to the heart of the principles (for example excluding a class of bidder).</summary>
    Critical = 3,
}
