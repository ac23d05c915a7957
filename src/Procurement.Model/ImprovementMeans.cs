namespace Procurement.Model;

/// <summary>The means of improving services the 2013 regulations ask a commissioner to consider (regulation 3(4)(a) to (c)).</summary>
public enum ImprovementMeans
{
    /// <summary>(a) Providing the services in a more integrated way.</summary>
    MoreIntegrated,

    /// <summary>(b) Enabling providers to compete to provide the services.</summary>
    ProviderCompetition,

    /// <summary>(c) Allowing patients a choice of provider.</summary>
    ChoiceOfProvider,
}
