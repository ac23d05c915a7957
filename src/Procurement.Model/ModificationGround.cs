namespace Procurement.Model;

/// <summary>The ground on which a contract was modified during its term (Provider Selection Regime regulation 13(1)(a) to (d)).</summary>
public enum ModificationGround
{
    /// <summary>(a) The modification is clearly and unambiguously provided for in the contract documents.</summary>
    ProvidedForInContract,

    /// <summary>(b) Solely a change in the provider's identity by succession (takeover, merger, acquisition, insolvency).</summary>
    ProviderSuccession,

    /// <summary>(c) A response to external factors beyond the control of the commissioner and provider (patient volumes, price formula).</summary>
    ExternalFactors,

    /// <summary>(d) Attributable to a decision of the commissioner.</summary>
    AuthorityDecision,

    /// <summary>
    /// Regulation 13(3): the original contract was awarded by Direct Award Process A or B, so it may be modified without a
    /// new process where the modification does not render it materially different in character.
    /// </summary>
    DirectAwardAOrBContract,
}
