namespace Procurement.Model;

/// <summary>Kinds of recorded reason.</summary>
public enum JustificationKind
{
    /// <summary>Recorded: no reason was given.</summary>
    None,

    /// <summary>A clinical reason.</summary>
    Clinical,

    /// <summary>A patient safety reason.</summary>
    Safety,

    /// <summary>Both a clinical and a safety reason.</summary>
    ClinicalAndSafety,

    /// <summary>A financial reason.</summary>
    Financial,

    /// <summary>A policy statement, such as the 'preferred provider' statement.</summary>
    Policy,

    /// <summary>Another reason.</summary>
    OtherReason,
}
