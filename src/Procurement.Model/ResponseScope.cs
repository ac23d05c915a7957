namespace Procurement.Model;

/// <summary>
/// How much of the service the commissioner's response covers, as <see cref="ProposedProcurement.ResponseScope"/>: the
/// letter asks for a response proportionate to the problem.
/// </summary>
public enum ResponseScope
{
    /// <summary>The whole service is procured or moved (for example, the whole service put out to tender).</summary>
    WholeService,

    /// <summary>Only part of the service is procured or moved (the part that is failing, for example).</summary>
    PartOfService,

    /// <summary>Remedies other than procurement: contract mechanisms, improvement plans, joint review.</summary>
    OtherRemedies,
}
