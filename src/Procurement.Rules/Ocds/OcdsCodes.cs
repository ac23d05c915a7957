using System;
using System.Collections.Generic;
using Procurement.Model;

namespace Procurement.Rules.Ocds;

/// <summary>The OCDS 1.1 closed codelists the mapping reads, and the open ones it maps (other codes of an open list are skipped).</summary>
internal static class OcdsCodes
{
    public static readonly IReadOnlyDictionary<string, TenderMethod> Methods = new Dictionary<string, TenderMethod>(StringComparer.Ordinal)
    {
        ["open"] = TenderMethod.OpenProcedure,
        ["selective"] = TenderMethod.SelectiveProcedure,
        ["limited"] = TenderMethod.LimitedProcedure,
        ["direct"] = TenderMethod.DirectProcedure,
    };

    public static readonly IReadOnlyDictionary<string, TenderStatus> TenderStatuses = new Dictionary<string, TenderStatus>(StringComparer.Ordinal)
    {
        ["planning"] = TenderStatus.TenderPlanning,
        ["planned"] = TenderStatus.TenderPlanned,
        ["active"] = TenderStatus.TenderActive,
        ["cancelled"] = TenderStatus.TenderCancelled,
        ["unsuccessful"] = TenderStatus.TenderUnsuccessful,
        ["complete"] = TenderStatus.TenderComplete,
        ["withdrawn"] = TenderStatus.TenderWithdrawn,
    };

    public static readonly IReadOnlyDictionary<string, AwardStatus> AwardStatuses = new Dictionary<string, AwardStatus>(StringComparer.Ordinal)
    {
        ["pending"] = AwardStatus.AwardPending,
        ["active"] = AwardStatus.AwardActive,
        ["cancelled"] = AwardStatus.AwardCancelled,
        ["unsuccessful"] = AwardStatus.AwardUnsuccessful,
    };

    /// <summary>Contract status (closed). Only <c>terminated</c> is mapped (a contractTerminated event).</summary>
    public static readonly IReadOnlyDictionary<string, bool> ContractStatuses = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["pending"] = false,
        ["active"] = false,
        ["cancelled"] = false,
        ["terminated"] = true,
    };

    public static readonly IReadOnlyDictionary<string, bool> InitiationTypes = new Dictionary<string, bool>(StringComparer.Ordinal) { ["tender"] = true };

    /// <summary>The release tags (closed), including <c>compiled</c> for a record's compiled release.</summary>
    public static readonly IReadOnlySet<string> ReleaseTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "awardUpdate",
        "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate",
        "contractTermination", "compiled",
    };

    /// <summary>Related process relationships (an open codelist: other codes are skipped).</summary>
    public static readonly IReadOnlyDictionary<string, ProcessRelationship> Relationships = new Dictionary<string, ProcessRelationship>(StringComparer.Ordinal)
    {
        ["framework"] = ProcessRelationship.Framework,
        ["planning"] = ProcessRelationship.PlanningProcess,
        ["parent"] = ProcessRelationship.Parent,
        ["prior"] = ProcessRelationship.Prior,
        ["unsuccessfulProcess"] = ProcessRelationship.UnsuccessfulProcess,
        ["subContract"] = ProcessRelationship.SubContract,
        ["replacementProcess"] = ProcessRelationship.ReplacementProcess,
        ["renewalProcess"] = ProcessRelationship.RenewalProcess,
    };
}
