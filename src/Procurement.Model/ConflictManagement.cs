namespace Procurement.Model;

/// <summary>How a declared conflict of interest was managed.</summary>
public enum ConflictManagement
{
    /// <summary>The person took no part in the decision.</summary>
    Recused,

    /// <summary>The person took part, with other safeguards recorded.</summary>
    Mitigated,

    /// <summary>Nothing was done about it.</summary>
    NotManaged,
}
