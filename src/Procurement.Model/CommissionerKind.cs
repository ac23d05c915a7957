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

    /// <summary>NHS England (the NHS Commissioning Board, until 2013 in name).</summary>
    NhsEngland,

    /// <summary>An NHS trust or NHS foundation trust buying health care services (for example, subcontracting).</summary>
    Trust,

    /// <summary>A local authority in England buying health care services.</summary>
    LocalAuthority,

    /// <summary>A combined authority buying health care services.</summary>
    CombinedAuthority,
}
