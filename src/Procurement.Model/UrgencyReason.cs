namespace Procurement.Model;

/// <summary>The reasons an urgent award or modification needs recorded (Provider Selection Regime regulation 14(2)(a) to (c)).</summary>
public enum UrgencyReason
{
    /// <summary>(a) The award or modification must be made urgently.</summary>
    Urgent,

    /// <summary>(b) The reason for urgency was not foreseeable by and is not attributable to the commissioner.</summary>
    NotForeseeable,

    /// <summary>(c) Delay would be likely to pose a risk to patient or public safety.</summary>
    SafetyRisk,
}
