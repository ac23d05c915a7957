using System;
using System.Collections.Generic;
using System.Globalization;
using Procurement.Model;

namespace Procurement.Rules.Files;

/// <summary>
/// Checks the facts of a procurement that its types cannot enforce: values an event kind needs, values that do not
/// belong to an event kind, impossible ranges and contradictions. Runs on every file load and every check, so a
/// procurement built in code gets the same protection as one read from a file. Linear in the size of the procurement.
/// </summary>
internal static class ProcurementValidator
{
    public static void ThrowIfInvalid(ProposedProcurement procurement, string? file, IReadOnlyDictionary<string, (int? Line, int? Column)>? positions = null)
    {
        List<LoadProblem>? problems = null;
        void Add(string? path, string message)
        {
            (int? Line, int? Column) at = default;
            // A value that is absent has no position: use its nearest recorded parent's (the event, the contract).
            for (var p = path; p is not null && positions is not null; p = Parent(p))
            {
                if (positions.TryGetValue(p, out at))
                {
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

        if (procurement.Scenario is { } scenario && !Enum.IsDefined(scenario))
        {
            Add("scenario", $"{(int)scenario} is not a scenario (1 to 6)");
        }

        if (procurement.TermMonths is < 0)
        {
            Add("termMonths", "the term cannot be negative");
        }

        if (procurement.Tender is { FinalStageBidders: < 0 })
        {
            Add("tender.finalStageBidders", "the number of bidders cannot be negative");
        }

        if (procurement.Value is { Amount: < 0 })
        {
            Add("value.amount", "the value cannot be negative");
        }

        var contracts = procurement.IncumbentContracts;
        for (var i = 0; contracts is not null && i < contracts.Count; i++)
        {
            var path = "incumbentContracts[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var contract = contracts[i];
            if (contract is null)
            {
                Add(path, "a contract may not be null");
                continue;
            }

            if (contract.Provider is null || string.IsNullOrWhiteSpace(contract.Provider.Name))
            {
                Add(path + ".provider", "a contract needs a provider with a name");
            }

            if (contract.StartDate is { } start && contract.EndDate is { } end && end < start)
            {
                Add(path + ".endDate", $"the contract ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }
        }

        var timeline = procurement.Timeline;
        for (var i = 0; timeline is not null && i < timeline.Count; i++)
        {
            var path = "timeline[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var e = timeline[i];
            if (e is null)
            {
                Add(path, "an event may not be null");
                continue;
            }

            if (!Enum.IsDefined(e.Kind))
            {
                Add(path + ".kind", $"{(int)e.Kind} is not an event kind");
                continue;
            }

            var kind = Names.Camel(e.Kind);
            if (e.Kind == EventKind.OversightSignOff && e.Body is null)
            {
                Add(path + ".body", "an oversightSignOff event needs the body that signed off");
            }

            if (e.Kind != EventKind.OversightSignOff && e.Body is not null)
            {
                Add(path + ".body", $"'body' belongs to oversightSignOff events, not {kind}");
            }

            if (e.Kind == EventKind.EligibilityChanged && e.Eligibility is null)
            {
                Add(path + ".eligibility", "an eligibilityChanged event needs the new eligibility");
            }

            if (e.Kind != EventKind.EligibilityChanged && e.Eligibility is not null)
            {
                Add(path + ".eligibility", $"'eligibility' belongs to eligibilityChanged events, not {kind} (the tender's eligibility is tender.eligibility)");
            }

            if (e.Kind != EventKind.JointServiceReview && e.Agreed is not null)
            {
                Add(path + ".agreed", $"'agreed' belongs to jointServiceReview events, not {kind}");
            }

            if (e.Kind != EventKind.FormalImprovementOpportunity && e.Improved is not null)
            {
                Add(path + ".improved", $"'improved' belongs to formalImprovementOpportunity events, not {kind}");
            }
        }

        if (problems is not null)
        {
            throw new ProcurementLoadException(problems);
        }
    }

    private static string? Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : null;
    }
}
