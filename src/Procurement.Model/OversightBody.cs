namespace Procurement.Model;

/// <summary>The oversight and assurance bodies named in the 2009 letter and its scenarios.</summary>
public enum OversightBody
{
    /// <summary>The PCT Board.</summary>
    PctBoard,

    /// <summary>The Strategic Health Authority's assurance.</summary>
    ShaAssurance,

    /// <summary>The Strategic Health Authority's sign-off of the PCT's strategy.</summary>
    ShaStrategySignOff,

    /// <summary>The SHA acting under the NHS Performance Regime.</summary>
    ShaPerformanceRegime,

    /// <summary>World Class Commissioning assurance.</summary>
    WorldClassCommissioning,

    /// <summary>Transforming Community Services assurance.</summary>
    TransformingCommunityServices,

    /// <summary>The Co-operation and Competition Panel.</summary>
    CooperationAndCompetitionPanel,

    /// <summary>The appropriate regulator.</summary>
    Regulator,

    /// <summary>The Regional Social Partnership forum.</summary>
    RegionalSocialPartnershipForum,
}
