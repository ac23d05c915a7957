namespace Procurement.Model;

/// <summary>The key criteria of the Provider Selection Regime (regulation 5(1)(a) to (e)).</summary>
public enum KeyCriterion
{
    /// <summary>(a) Quality and innovation.</summary>
    QualityAndInnovation,

    /// <summary>(b) Value.</summary>
    ValueForMoney,

    /// <summary>(c) Integration, collaboration and service sustainability.</summary>
    IntegrationAndCollaboration,

    /// <summary>(d) Improving access, reducing health inequalities and facilitating choice.</summary>
    AccessAndInequalities,

    /// <summary>(e) Social value.</summary>
    SocialValue,
}
