namespace Procurement.Model;

/// <summary>Kinds of NHS commissioning body.</summary>
public enum CommissionerKind
{
    /// <summary>Primary Care Trust (until 2013).</summary>
    Pct,

    /// <summary>Clinical Commissioning Group (2013 to 2022).</summary>
    Ccg,

    /// <summary>Integrated Care Board (from 2022).</summary>
    Icb,

    /// <summary>Another commissioning body.</summary>
    OtherCommissioner,
}
