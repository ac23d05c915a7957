using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Files;

/// <summary>
/// Checks the facts of a procurement that its types cannot enforce: values an event kind needs, values that do not
/// belong to an event kind, impossible ranges and contradictions. Runs on every file load and every check, so a
/// procurement built in code gets the same protection as one read from a file. Linear in the size of the procurement.
/// </summary>
internal static class ProcurementValidator
{
    /// <summary>
    /// Throws, listing every problem, if there is any: a <see cref="ProcurementLoadException"/> for a file, a
    /// <see cref="ProcurementValidationException"/> for a procurement built in code (<paramref name="file"/> null).
    /// </summary>
    public static void ThrowIfInvalid(ProposedProcurement procurement, string? file, DocNode? root = null)
    {
        if (Validate(procurement, file, root) is { } problems)
        {
            // Nothing was loaded when there is no file: a procurement built in code is invalid, not a failed load.
            throw file is null ? new ProcurementValidationException(problems) : new ProcurementLoadException(problems);
        }
    }

    /// <summary>Every problem of the procurement, or null when it has none.</summary>
    public static List<LoadProblem>? Validate(ProposedProcurement procurement, string? file, DocNode? root = null)
    {
        List<LoadProblem>? problems = null;
        void Add(string? path, string message)
        {
            (int? Line, int? Column) at = default;
            // Found in the file's tree only for a problem. A value that is absent has no position: use its nearest
            // parent's (the event, the contract).
            for (var p = path; p is not null && root is not null; p = Parent(p))
            {
                if (DocPath.Find(root, p) is { } node)
                {
                    at = (node.Line, node.Column);
                    break;
                }
            }

            problems ??= new List<LoadProblem>();
            problems.Add(new LoadProblem(file ?? "(procurement)", at.Line, at.Column, path, null, message));
        }

        if (string.IsNullOrWhiteSpace(procurement.Id))
        {
            Add("id", "the procurement needs an id");
        }

        if (procurement.Scenario is { } scenario && !System.Enum.IsDefined(scenario))
        {
            Add("scenario", $"{(int)scenario} is not a scenario (1 to 6)");
        }

        void Defined<T>(T? value, string path, string what)
            where T : struct, Enum
        {
            if (value is { } v && !System.Enum.IsDefined(v))
            {
                Add(path, $"{Convert.ToInt64(v, CultureInfo.InvariantCulture)} is not a defined {what} (one of {string.Join(", ", System.Enum.GetNames<T>().Select(Names.Camel))})");
            }
        }

        // The same for a value in a list: its path is built only for a problem (a check runs this on every call).
        void DefinedAt<T>(T? value, string list, int index, string suffix, string what)
            where T : struct, Enum
        {
            if (value is { } v && !System.Enum.IsDefined(v))
            {
                Defined(value, At(list, index) + suffix, what);
            }
        }

        Defined(procurement.Commissioner?.Kind, "commissioner.kind", "commissioner kind");
        Defined(procurement.Tender?.Route, "tender.route", "route");
        Defined(procurement.Tender?.Eligibility, "tender.eligibility", "eligibility");
        Defined(procurement.Tender?.RouteJustification?.Kind, "tender.routeJustification.kind", "justification kind");
        Defined(procurement.Tender?.EligibilityJustification?.Kind, "tender.eligibilityJustification.kind", "justification kind");
        var complete = procurement.TimelineCompleteFor;
        for (var i = 0; complete is not null && i < complete.Count; i++)
        {
            DefinedAt<EventKind>(complete[i], "timelineCompleteFor", i, string.Empty, "event kind");
        }

        var soFar = procurement.TimelineCompleteSoFarFor;
        for (var i = 0; soFar is not null && i < soFar.Count; i++)
        {
            DefinedAt<EventKind>(soFar[i], "timelineCompleteSoFarFor", i, string.Empty, "event kind");
            if (complete is not null && complete.Contains(soFar[i]))
            {
                Add($"timelineCompleteSoFarFor[{i}]", $"'{Names.Camel(soFar[i])}' is also in timelineCompleteFor: a kind is complete for good or only so far, not both");
            }
        }

        var before = procurement.TimelineCompleteBefore;
        for (var i = 0; before is not null && i < before.Count; i++)
        {
            if (before[i] is not { Before: { } anchor } entry)
            {
                Add($"timelineCompleteBefore[{i}].before", "say which kind of event the list is complete up to (for example 'before: noticePublished')");
                continue;
            }

            Defined<EventKind>(anchor, $"timelineCompleteBefore[{i}].before", "event kind");
            if (entry.Kinds is not { Count: > 0 })
            {
                // An entry with no kinds says nothing: almost surely a slip, so say so rather than ignore it.
                Add($"timelineCompleteBefore[{i}].kinds", $"list the event kinds none of which happened before the first '{Names.Camel(anchor)}' other than those in the timeline (for example 'kinds: [incumbentEngaged, staffEngaged]')");
            }

            for (var k = 0; entry.Kinds is not null && k < entry.Kinds.Count; k++)
            {
                DefinedAt<EventKind>(entry.Kinds[k], $"timelineCompleteBefore[{i}].kinds", k, string.Empty, "event kind");
            }
        }

        var signOffs = procurement.SignOffsCompleteFor;
        for (var i = 0; signOffs is not null && i < signOffs.Count; i++)
        {
            DefinedAt<OversightBody>(signOffs[i], "signOffsCompleteFor", i, string.Empty, "oversight body");
        }

        if (procurement.TermMonths is < 0)
        {
            Add("termMonths", "the term cannot be negative");
        }

        if (procurement.Tender is { FinalStageBidders: < 0 })
        {
            Add("tender.finalStageBidders", "the number of bidders cannot be negative");
        }

        if (procurement.Tender is { NumberOfTenderers: < 0 })
        {
            Add("tender.numberOfTenderers", "the number of tenderers cannot be negative");
        }

        if (procurement.Tender is { NumberOfTenderers: { } number, FinalStageBidders: { } finalStage } && finalStage > number)
        {
            Add("tender.finalStageBidders", $"{finalStage} bidders at the final stage is more than the {number} that bid (tender.numberOfTenderers)");
        }

        var tenderers = procurement.Tender?.Tenderers;
        for (var i = 0; tenderers is not null && i < tenderers.Count; i++)
        {
            if (tenderers[i] is null || string.IsNullOrWhiteSpace(tenderers[i].Name))
            {
                Add(At("tender.tenderers", i) + ".name", "a tenderer needs a name");
            }
        }

        var awards = procurement.Awards;
        for (var i = 0; awards is not null && i < awards.Count; i++)
        {
            var award = awards[i];
            if (award is null)
            {
                Add(At("awards", i), "an award may not be null");
                continue;
            }

            if (award.Value is { Amount: < 0 })
            {
                Add(At("awards", i) + ".value.amount", "the value cannot be negative");
            }

            if (award.StartDate is { } start && award.EndDate is { } end && end < start)
            {
                Add(At("awards", i) + ".endDate", $"the contract ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }

            for (var j = 0; award.Suppliers is not null && j < award.Suppliers.Count; j++)
            {
                if (award.Suppliers[j] is null || string.IsNullOrWhiteSpace(award.Suppliers[j].Name))
                {
                    Add(At(At("awards", i) + ".suppliers", j) + ".name", "a supplier needs a name");
                }
            }
        }

        var related = procurement.RelatedProcesses;
        for (var i = 0; related is not null && i < related.Count; i++)
        {
            if (related[i] is null)
            {
                Add(At("relatedProcesses", i), "a related process may not be null");
            }
            else if (!Enum.IsDefined(related[i].Relationship))
            {
                Add(At("relatedProcesses", i) + ".relationship", $"{(int)related[i].Relationship} is not a relationship");
            }
        }

        if (procurement.Value is { Amount: < 0 })
        {
            Add("value.amount", "the value cannot be negative");
        }

        if (procurement.AnnualValue is { Amount: < 0 })
        {
            Add("annualValue.amount", "the annual value cannot be negative");
        }

        Defined(procurement.ResponseScope, "responseScope", "response scope");
        var invitations = procurement.Tender?.Invitations;
        for (var i = 0; invitations is not null && i < invitations.Count; i++)
        {
            var invitation = invitations[i];
            if (invitation is null)
            {
                Add(At("tender.invitations", i), "an invitation may not be null");
                continue;
            }

            // An entry says who (a named party, a kind of party, or both); without either it says nothing.
            if (invitation.Party is null && invitation.PartyKind is null)
            {
                Add(At("tender.invitations", i), "an invitation needs a party, a partyKind, or both");
            }
            else if (invitation.Party is { } party && string.IsNullOrWhiteSpace(party))
            {
                Add(At("tender.invitations", i) + ".party", "a party may not be blank (leave the key out and give partyKind)");
            }

            DefinedAt(invitation.PartyKind, "tender.invitations", i, ".partyKind", "provider kind");
            DefinedAt(invitation.Status, "tender.invitations", i, ".status", "invitation status");
        }

        if (procurement.Selection is { } selection)
        {
            // The facts of the 2013 regulations and the Provider Selection Regime: from a file the binder admits only
            // defined names, so these guard a procurement built in code ((SelectionProcess)99 would otherwise make
            // every rule about the process not applicable, silently).
            Defined(selection.Process, "selection.process", "selection process");
            Defined(selection.ModificationGround, "selection.modificationGround", "modification ground");
            for (var i = 0; selection.KeyCriteriaConsidered is { } criteria && i < criteria.Count; i++)
            {
                DefinedAt<KeyCriterion>(criteria[i], "selection.keyCriteriaConsidered", i, string.Empty, "key criterion");
            }

            for (var i = 0; selection.MeansConsidered is { } means && i < means.Count; i++)
            {
                DefinedAt<ImprovementMeans>(means[i], "selection.meansConsidered", i, string.Empty, "means of improvement");
            }

            for (var i = 0; selection.UrgencyReasons is { } reasons && i < reasons.Count; i++)
            {
                DefinedAt<UrgencyReason>(reasons[i], "selection.urgencyReasons", i, string.Empty, "urgency reason");
            }

            for (var i = 0; selection.RecordKept is { } kept && i < kept.Count; i++)
            {
                DefinedAt<RecordItem>(kept[i], "selection.recordKept", i, string.Empty, "record item");
            }

            if (selection.RecordKeptComplete is not null && selection.RecordKept is null)
            {
                Add("selection.recordKeptComplete", "says whether selection.recordKept lists everything the record holds: record recordKept too, or leave both out");
            }

            for (var i = 0; selection.RecordLacks is { } lacks && i < lacks.Count; i++)
            {
                DefinedAt<RecordItem>(lacks[i], "selection.recordLacks", i, string.Empty, "record item");
                if (selection.RecordKept is { } held && held.Contains(lacks[i]))
                {
                    Add(At("selection.recordLacks", i), $"'{Names.Camel(lacks[i])}' is also in selection.recordKept: the record cannot both hold and lack it");
                }
            }

            for (var i = 0; selection.DecisionMakers is { } makers && i < makers.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(makers[i]))
                {
                    Add(At("selection.decisionMakers", i), "a decision maker needs a name");
                }
            }

            NotNegative(selection.ExistingContractValueAtEntry, "selection.existingContractValueAtEntry.amount");
            NotNegative(selection.ProposedLifetimeValue, "selection.proposedLifetimeValue.amount");
            NotNegative(selection.MinimumTurnover, "selection.minimumTurnover.amount");
            NotNegative(selection.CumulativeChange, "selection.cumulativeChange.amount");
        }

        void NotNegative(Money? money, string path)
        {
            if (money is { Amount: < 0 })
            {
                Add(path, "the value cannot be negative");
            }
        }

        var conflicts = procurement.ConflictsOfInterest;
        for (var i = 0; conflicts is not null && i < conflicts.Count; i++)
        {
            if (conflicts[i] is null)
            {
                Add(At("conflictsOfInterest", i), "a conflict of interest may not be null");
                continue;
            }

            DefinedAt(conflicts[i].Management, "conflictsOfInterest", i, ".management", "conflict management");
        }

        if (procurement.Commissioner is { } commissioner && string.IsNullOrWhiteSpace(commissioner.Name))
        {
            Add("commissioner.name", "the commissioner needs a name");
        }

        // Paths and names are built only for a problem found, so a valid procurement costs no allocation here.
        // A blank title or name would vanish from the lists that reports show ("none" for a recorded document).
        var rationale = procurement.RationaleDocuments;
        for (var i = 0; rationale is not null && i < rationale.Count; i++)
        {
            if (IsUntitled(rationale[i]))
            {
                Add(At("rationaleDocuments", i) + ".title", "a document needs a title");
            }
        }

        var needs = procurement.NeedsAssessments;
        for (var i = 0; needs is not null && i < needs.Count; i++)
        {
            if (IsUntitled(needs[i]))
            {
                Add(At("needsAssessments", i) + ".title", "a document needs a title");
            }
        }

        var measures = procurement.QualityMeasures;
        for (var i = 0; measures is not null && i < measures.Count; i++)
        {
            if (measures[i] is null || string.IsNullOrWhiteSpace(measures[i].Name))
            {
                Add(At("qualityMeasures", i) + ".name", "a quality measure needs a name");
            }

            DefinedAt(measures[i]?.Kind, "qualityMeasures", i, ".kind", "quality measure kind");
        }

        var contracts = procurement.IncumbentContracts;
        for (var i = 0; contracts is not null && i < contracts.Count; i++)
        {
            var contract = contracts[i];
            if (contract is null)
            {
                Add(At("incumbentContracts", i), "a contract may not be null");
                continue;
            }

            // An unnamed provider (name absent) is allowed: "the incumbent, not named". A blank name is a mistake.
            if (contract.Provider is null)
            {
                Add(At("incumbentContracts", i) + ".provider", "a contract needs a provider (leave out its name if the record does not give it)");
            }
            else if (contract.Provider.Name is { } providerName && string.IsNullOrWhiteSpace(providerName))
            {
                Add(At("incumbentContracts", i) + ".provider.name", "a provider's name may not be blank (leave the key out if the record does not name it)");
            }

            DefinedAt(contract.Provider?.Kind, "incumbentContracts", i, ".provider.kind", "provider kind");
            if (contract.Value is { Amount: < 0 })
            {
                Add(At("incumbentContracts", i) + ".value.amount", "the contract's value cannot be negative");
            }

            if (contract.AnnualValue is { Amount: < 0 })
            {
                Add(At("incumbentContracts", i) + ".annualValue.amount", "the contract's annual value cannot be negative");
            }

            if (contract.Performance is { Underperforming: false, SignificantUnderperformance: true })
            {
                Add(At("incumbentContracts", i) + ".performance.significantUnderperformance",
                    "significant underperformance contradicts 'underperforming: false' (significant underperformance is underperformance)");
            }

            if (contract.StartDate is { } start && contract.EndDate is { } end && end < start)
            {
                Add(At("incumbentContracts", i) + ".endDate", $"the contract ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }
        }

        var timeline = procurement.Timeline;
        for (var i = 0; timeline is not null && i < timeline.Count; i++)
        {
            var e = timeline[i];
            if (e is null)
            {
                Add(At("timeline", i), "an event may not be null");
                continue;
            }

            if (!System.Enum.IsDefined(e.Kind))
            {
                Add(At("timeline", i) + ".kind", $"{(int)e.Kind} is not an event kind");
                continue;
            }

            DefinedAt(e.PartyKind, "timeline", i, ".partyKind", "provider kind");
            for (var j = 0; e.Includes is { } items && j < items.Count; j++)
            {
                if (!System.Enum.IsDefined(items[j]))
                {
                    Defined<NoticeItem>(items[j], At(At("timeline", i) + ".includes", j), "notice item");
                }
            }

            if (e.IncludesComplete is not null && e.Includes is null)
            {
                Add(At("timeline", i) + ".includesComplete", "says whether the notice's 'includes' list is all it contains: record 'includes' too, or leave both out");
            }

            DefinedAt(e.Body, "timeline", i, ".body", "oversight body");
            DefinedAt(e.Eligibility, "timeline", i, ".eligibility", "eligibility");
            if (e.Kind == EventKind.OversightSignOff && e.Body is null)
            {
                Add(At("timeline", i) + ".body", "an oversightSignOff event needs the body that signed off");
            }

            if (e.Kind != EventKind.OversightSignOff && e.Body is not null)
            {
                Add(At("timeline", i) + ".body", $"'body' belongs to oversightSignOff events, not {Names.Camel(e.Kind)}");
            }

            if (e.Kind == EventKind.EligibilityChanged && e.Eligibility is null)
            {
                Add(At("timeline", i) + ".eligibility", "an eligibilityChanged event needs the new eligibility");
            }

            if (e.Kind is not (EventKind.EligibilityChanged or EventKind.NoticePublished) && e.Eligibility is not null)
            {
                Add(At("timeline", i) + ".eligibility", $"'eligibility' belongs to eligibilityChanged and noticePublished events, not {Names.Camel(e.Kind)} (the tender's eligibility is tender.eligibility)");
            }

            if (e.Kind != EventKind.JointServiceReview && e.Agreed is not null)
            {
                Add(At("timeline", i) + ".agreed", $"'agreed' belongs to jointServiceReview events, not {Names.Camel(e.Kind)}");
            }

            if (e.Kind != EventKind.FormalImprovementOpportunity && e.Improved is not null)
            {
                Add(At("timeline", i) + ".improved", $"'improved' belongs to formalImprovementOpportunity events, not {Names.Camel(e.Kind)}");
            }

            if (e.Date.RelativeTo is { } anchor && anchor == e.Kind)
            {
                Add(At("timeline", i) + ".date", $"'{e.Date}' dates a {Names.Camel(e.Kind)} event relative to its own kind; give its order with a date or a bound instead (before 2010-05-01)");
            }
            else if (e.Date.RelativeTo is { } kind && !System.Enum.IsDefined(kind))
            {
                Add(At("timeline", i) + ".date", $"{(int)kind} is not an event kind");
            }
        }

        if ((problems is null || problems.Count == 0) && timeline is { Count: > 0 } events)
        {
            var order = RelativeOrder.Build(events.ToArray());
            if (order?.Contradiction is { } contradiction)
            {
                Add(At("timeline", order.ContradictionAt) + ".date", contradiction);
            }
        }

        return problems;
    }

    private static bool IsUntitled(Document? document) => document is null || string.IsNullOrWhiteSpace(document.Title);

    /// <summary>The path of a list item, such as <c>timeline[3]</c>: built only for a problem.</summary>
    private static string At(string list, int index) => list + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string? Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : null;
    }
}
