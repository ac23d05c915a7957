namespace Procurement.Model;

/// <summary>Kinds of provider named in the 2009 letter and its scenarios.</summary>
public enum ProviderKind
{
    /// <summary>An NHS trust.</summary>
    NhsTrust,

    /// <summary>An NHS foundation trust.</summary>
    FoundationTrust,

    /// <summary>A PCT's own provider arm.</summary>
    PctProviderArm,

    /// <summary>An independent sector (private) provider.</summary>
    IndependentSector,

    /// <summary>A third sector (voluntary or community) provider.</summary>
    ThirdSector,

    /// <summary>A consortium or partnership of providers of more than one kind.</summary>
    Consortium,

    /// <summary>
    /// An NHS body whose type the record does not give (trust, foundation trust or PCT provider arm): it counts as NHS
    /// wherever the letter speaks of NHS providers.
    /// </summary>
    Nhs,
}
