namespace Procurement.Model;

/// <summary>Kinds of quality measure.</summary>
public enum QualityMeasureKind
{
    /// <summary>Patient satisfaction or experience.</summary>
    PatientSatisfaction,

    /// <summary>A clinical outcome.</summary>
    ClinicalOutcome,

    /// <summary>Patient safety.</summary>
    PatientSafety,

    /// <summary>Access or waiting times.</summary>
    Access,

    /// <summary>Another measure.</summary>
    OtherMeasure,
}
