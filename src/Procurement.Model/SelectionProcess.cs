namespace Procurement.Model;

/// <summary>
/// The process a commissioner followed to select a provider under the Provider Selection Regime (regulation 6), or the
/// kind of change it made to a contract (regulations 13 and 14).
/// </summary>
public enum SelectionProcess
{
    /// <summary>Direct Award Process A (regulation 7): the existing provider is the only one capable of providing the services.</summary>
    DirectAwardProcessA,

    /// <summary>Direct Award Process B (regulation 8): patients choose among all providers that meet requirements.</summary>
    DirectAwardProcessB,

    /// <summary>Direct Award Process C (regulation 9): the existing provider is satisfying its contract and the change is not considerable.</summary>
    DirectAwardProcessC,

    /// <summary>The Most Suitable Provider Process (regulation 10).</summary>
    MostSuitableProviderProcess,

    /// <summary>The Competitive Process (regulation 11).</summary>
    CompetitiveProcess,

    /// <summary>A contract based on a framework agreement, awarded without a competition (regulation 18(4)).</summary>
    CallOffWithoutCompetition,

    /// <summary>A contract based on a framework agreement, awarded after a competition among its parties (regulation 18(7)).</summary>
    CallOffWithCompetition,

    /// <summary>An urgent award without following a process (regulation 14(1)).</summary>
    UrgentAward,

    /// <summary>A modification of an existing contract or framework agreement during its term (regulation 13).</summary>
    ContractModification,

    /// <summary>An urgent modification (regulation 14(1)).</summary>
    UrgentModification,

    /// <summary>
    /// A modification of an existing contract under regulation 14(3): during a standstill, after independent expert
    /// advice, to keep the existing contract running until the new one takes effect. Unlike <see cref="UrgentModification"/>
    /// (regulation 14(2)) it needs neither the three reasons of regulation 14(2) nor the notice of regulation 14(4).
    /// </summary>
    ContinuityModification,
}
