using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Plain words for the facts a rule can name as missing (<see cref="RuleOutcome.MissingFacts"/>): what to record and
/// how, one sentence per fact path, and the "what would decide this" lines of an undetermined outcome
/// (<see cref="RuleOutcome.WouldDecide"/>).
/// </summary>
/// <remarks>
/// <para>
/// The table is built once, on first use, from the model itself: every nullable member path the
/// <see cref="MissingFactRewriter"/> can name (<c>tender.eligibility</c>, <c>incumbentContracts[].provider.kind</c>),
/// every event kind (<c>timeline.&lt;kind&gt;</c>, and <c>timeline.&lt;kind&gt;.date</c> for a date too imprecise to
/// order), every oversight body (<c>timeline.oversightSignOff.&lt;body&gt;</c>) and <c>scenario</c>. The words come from
/// the phrases below, one per model member, event kind and body; a test walks the same paths and fails on any without
/// its phrase, so the table cannot fall behind the model. A path it does not know gets a generic sentence.
/// </para>
/// <para>Our own table rather than the model's XML docs: those are not shipped at run time, and they say what a member
/// is, not what to record and how. Thread-safe: the table is immutable once built.</para>
/// </remarks>
internal static class FactDescriptions
{
    /// <summary>At most this many would-decide lines per outcome.</summary>
    public const int MaxLines = 2;

    /// <summary>The phrase after "Record " for each model member, by "Type.Member"; boolean members are "whether" clauses.</summary>
    /// <remarks>Includes members agreed for issue 11 that other branches add (AnnualValue, Invitations, ResponseScope); an entry for a member that does not exist is never used.</remarks>
    internal static readonly IReadOnlyDictionary<string, string> MemberPhrases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ProposedProcurement.Title"] = "the procurement's title",
        ["ProposedProcurement.Commissioner"] = "who commissions the service: its name and kind",
        ["ProposedProcurement.Service"] = "the service being procured: its name, and whether it is new, significantly redesigned or clinical",
        ["ProposedProcurement.Scenario"] = "which of the letter's six scenarios the procurement follows",
        ["ProposedProcurement.DecisionDate"] = "the day the procurement decision was taken: to tender, or to award, extend or vary (it decides whether the rule pack is in force)",
        ["ProposedProcurement.IncumbentContracts"] = "whether there is an existing (incumbent) provider, with its contract",
        ["ProposedProcurement.Value"] = "the procurement's total value",
        ["ProposedProcurement.AnnualValue"] = "the procurement's value per year",
        ["ProposedProcurement.TermMonths"] = "the contract term, in months",
        ["ProposedProcurement.Tender"] = "the tender plan: its route, who may bid and why",
        ["ProposedProcurement.Timeline"] = "what happened and when, as timeline events",
        ["ProposedProcurement.TimelineComplete"] = "whether the timeline lists everything that happened",
        ["ProposedProcurement.TimelineCompleteFor"] = "the event kinds whose every event the timeline lists",
        ["ProposedProcurement.TimelineCompleteSoFarFor"] = "the event kinds whose every event so far the timeline lists (more may follow)",
        ["ProposedProcurement.TimelineCompleteBefore"] = "the event kinds whose every event before the first event of another kind the timeline lists",
        ["ProposedProcurement.SignOffsCompleteFor"] = "the oversight bodies whose every sign-off the timeline lists",
        ["ProposedProcurement.RationaleDocuments"] = "the documents that set out the rationale for the decision, with their dates",
        ["ProposedProcurement.NeedsAssessments"] = "the assessments of local health needs the decision rests on, with their dates",
        ["ProposedProcurement.QualityMeasures"] = "the quality measures the service will be monitored by, such as patient satisfaction, clinical outcomes, safety or access",
        ["ProposedProcurement.Awards"] = "the contract awards made",
        ["ProposedProcurement.RelatedProcesses"] = "the earlier or related procurement processes",
        ["ProposedProcurement.Sources"] = "the sources the case is taken from",
        ["ProposedProcurement.Notes"] = "notes on the case",
        ["ProposedProcurement.ResponseScope"] = "the scope of the response: the whole service, part of it, or other remedies",

        ["Commissioner.Name"] = "the commissioner's name",
        ["Commissioner.Kind"] = "what kind of body the commissioner is",

        ["ServiceDescription.Name"] = "the service's name",
        ["ServiceDescription.IsNew"] = "whether the service is new",
        ["ServiceDescription.IsSignificantRedesign"] = "whether the service is being significantly redesigned",
        ["ServiceDescription.IsClinical"] = "whether the service is clinical",

        ["Contract.Provider"] = "the contract's provider",
        ["Contract.Value"] = "the contract's total value",
        ["Contract.AnnualValue"] = "the contract's value per year",
        ["Contract.StartDate"] = "when the contract started",
        ["Contract.EndDate"] = "when the contract ends or ended",
        ["Contract.Performance"] = "the commissioner's assessment of the provider's performance: underperforming or not, and how seriously",

        ["Provider.Name"] = "the provider's name",
        ["Provider.Kind"] = "what kind of provider it is (an NHS trust, foundation trust or PCT provider arm, `nhs` when only known to be NHS, independent sector, third sector or a consortium)",

        ["PerformanceAssessment.Underperforming"] = "whether the provider is underperforming",
        ["PerformanceAssessment.SignificantUnderperformance"] = "whether the underperformance is significant",
        ["PerformanceAssessment.InsufficientImprovement"] = "whether the provider's improvement has been insufficient",
        ["PerformanceAssessment.SeriousShortcomings"] = "whether the service has serious shortcomings (such as risks to patient safety)",
        ["PerformanceAssessment.PlansNotCredible"] = "whether the provider's improvement plans were judged not credible",
        ["PerformanceAssessment.MeetsRequirements"] = "whether the service meets the commissioner's requirements",

        ["TenderPlan.Route"] = "how the service is to be procured (the route: open tender, direct award, contract variation, ...)",
        ["TenderPlan.RouteJustification"] = "the reason recorded for the route chosen (its kind: clinical, safety, financial, policy, another reason, or `none` if none was given)",
        ["TenderPlan.Eligibility"] = "who may bid",
        ["TenderPlan.EligibilityJustification"] = "the reason recorded for limiting who may bid (its kind: clinical, safety, policy, another reason, or `none` if none was given)",
        ["TenderPlan.IncumbentMayBid"] = "whether the incumbent provider may bid",
        ["TenderPlan.CriteriaPublished"] = "whether the evaluation criteria were published with the notice",
        ["TenderPlan.ProviderNumbersCapped"] = "whether the number of providers is capped",
        ["TenderPlan.DisplacesExistingProviders"] = "whether the new providers displace existing ones rather than adding to patients' choice",
        ["TenderPlan.FinalStageBidders"] = "how many bidders were left at the final stage (or when the process stopped)",
        ["TenderPlan.Method"] = "the procurement method as published",
        ["TenderPlan.Status"] = "the tender's status as published",
        ["TenderPlan.EligibilityCriteria"] = "the notice's words on who may bid",
        ["TenderPlan.ClosingDate"] = "the closing date for bids",
        ["TenderPlan.Tenderers"] = "the providers that bid",
        ["TenderPlan.NumberOfTenderers"] = "how many bids were received",
        ["TenderPlan.Invitations"] = "who could bid, who was invited and who was not or was excluded, and why",

        ["Invitation.Party"] = "who the invitation concerns",
        ["Invitation.PartyKind"] = "what kind of provider the invited (or excluded) party is",
        ["Invitation.Status"] = "whether the party could bid, was invited, was not invited or was excluded",
        ["Invitation.Reason"] = "why the party was invited, not invited or excluded",
        ["CompleteBefore.Before"] = "the kind of event before whose first occurrence the timeline lists every event of some kinds",
        ["CompleteBefore.Kinds"] = "the event kinds the timeline lists every event of before that event",

        ["Justification.Text"] = "the reason's own words",
        ["Justification.Source"] = "where the reason is recorded",

        ["TimelineEvent.Party"] = "who the event involved",
        ["TimelineEvent.PartyKind"] = "what kind of provider the event involved",
        ["TimelineEvent.Body"] = "which oversight body signed off",
        ["TimelineEvent.Agreed"] = "whether the joint service review reached agreement (for example on an improvement plan)",
        ["TimelineEvent.Improved"] = "whether the provider improved after the formal chance",
        ["TimelineEvent.Eligibility"] = "who may bid after the change",
        ["TimelineEvent.Occasion"] = "which meeting or occasion the event was part of (events of one occasion are on one day)",
        ["TimelineEvent.Description"] = "what happened, in words",
        ["TimelineEvent.Source"] = "where the event is recorded",

        ["Document.Date"] = "the document's date",
        ["Document.Source"] = "where the document is published",

        ["QualityMeasure.Kind"] = "what the measure measures",

        ["Award.Suppliers"] = "the providers awarded the contract",
        ["Award.Status"] = "the award's status",
        ["Award.Date"] = "the date of the decision to award",
        ["Award.Value"] = "the awarded contract's value",
        ["Award.SignedDate"] = "when the awarded contract was signed",
        ["Award.StartDate"] = "when the awarded contract starts",
        ["Award.EndDate"] = "when the awarded contract ends",

        ["RelatedProcess.Identifier"] = "the related process's identifier (such as an ocid)",
        ["RelatedProcess.Title"] = "the related process's title",
        ["RelatedProcess.Url"] = "where the related process is published",

        ["ProposedProcurement.Selection"] = "the provider selection's facts: the process followed and the views and assessments recorded",
        ["ProposedProcurement.ConflictsOfInterest"] = "the conflicts or potential conflicts of interest declared",

        ["TimelineEvent.Includes"] = "what the notice contains (its items, such as the services described, the evaluation criteria, the reasons for the choice, the conflicts declared and how they were managed)",
        ["TimelineEvent.IncludesComplete"] = "whether the notice's listed contents are all it contains (false: only what is known to be in it)",

        ["ProviderSelection.Process"] = "which process was followed (Direct Award Process A, B or C, the Most Suitable Provider Process, the Competitive Process, a call-off, an urgent award or a modification)",
        ["ProviderSelection.Framework"] = "whether the process concludes a framework agreement",
        ["ProviderSelection.OnlyExistingProviderCapable"] = "whether the commissioner recorded that the services can be provided only by that provider",
        ["ProviderSelection.PatientChoiceConditionsMet"] = "whether the conditions of Direct Award Process B (patients choose among every provider that meets requirements) are met",
        ["ProviderSelection.ExistingProviderSatisfactory"] = "whether the commissioner recorded that the existing provider is satisfying its contract and will likely satisfy the new one",
        ["ProviderSelection.ExpiringAtEndOfTerm"] = "whether the existing contract is being replaced at the end of its term",
        ["ProviderSelection.LikelyToIdentifyMostSuitable"] = "whether the commissioner recorded that it is likely to be able to identify the most suitable provider",
        ["ProviderSelection.ExistingContractValueAtEntry"] = "the existing contract's lifetime value when it was entered into",
        ["ProviderSelection.ProposedLifetimeValue"] = "the proposed contract's lifetime value",
        ["ProviderSelection.ChangeAttributableToAuthority"] = "whether the changes from the existing contract are attributable to a decision of the commissioner",
        ["ProviderSelection.MateriallyDifferentInCharacter"] = "whether the new contract (or the modification) is materially different in character",
        ["ProviderSelection.SuccessionChange"] = "whether the change is solely a change of provider by succession (takeover, merger, insolvency)",
        ["ProviderSelection.ExternalFactors"] = "whether the change responds to external factors beyond the commissioner's and provider's control",
        ["ProviderSelection.KeyCriteriaConsidered"] = "which of the five key criteria the decision took into account",
        ["ProviderSelection.BasicSelectionCriteriaApplied"] = "whether the basic selection criteria were applied",
        ["ProviderSelection.ChosenProviderMeetsCriteria"] = "whether the chosen provider meets the basic selection criteria",
        ["ProviderSelection.MinimumTurnover"] = "the minimum yearly turnover asked of providers",
        ["ProviderSelection.AwardCriteriaPublished"] = "whether the award criteria were published with the invitation to offer",
        ["ProviderSelection.AwardedOnPublishedCriteria"] = "whether offers were assessed against the published award criteria",
        ["ProviderSelection.MeansConsidered"] = "which means of improvement were considered: more integrated services, competition, patient choice",
        ["ProviderSelection.MostCapableRecorded"] = "whether the record explains why the chosen provider is the most capable",
        ["ProviderSelection.BestValueRecorded"] = "whether the record explains why the chosen provider gives the best value for money",
        ["ProviderSelection.ExpressionOfInterestArrangements"] = "whether providers could express an interest in providing services",
        ["ProviderSelection.OwnershipPreference"] = "whether a provider or type of provider was favoured on the basis of ownership",
        ["ProviderSelection.QualificationCriteriaTransparent"] = "whether the criteria for qualifying providers were transparent, proportionate and non-discriminatory",
        ["ProviderSelection.UrgencyReasons"] = "the reasons recorded for the urgent award (urgent, not foreseeable, a safety risk)",
        ["ProviderSelection.ModificationGround"] = "the ground of the modification (provided for in the contract, succession, external factors, or the commissioner's decision)",
        ["ProviderSelection.CumulativeChange"] = "the cumulative change in the contract's lifetime value since it was entered into",
        ["ProviderSelection.ExcludedSupplier"] = "whether the chosen provider is an excluded supplier",
        ["ProviderSelection.OverridingPublicInterest"] = "whether overriding reasons of public interest were recorded for awarding to an excluded supplier",
        ["ProviderSelection.DebarmentListChecked"] = "whether the debarment list was checked",
        ["ProviderSelection.RecordKept"] = "what the commissioner's record of the procurement holds",
        ["ProviderSelection.RecordKeptComplete"] = "whether the record's listed contents are all it holds (false: only what it is known to hold)",
        ["ProviderSelection.DecisionMakers"] = "who made the decisions",
        ["ProviderSelection.RecordLacks"] = "what the commissioner's record is known not to hold, when what else it holds is not known",
        ["ProviderSelection.AllFrameworkPartiesInvited"] = "whether every provider party to the framework agreement was invited to the call-off competition",
        ["ProviderSelection.HigherTurnoverJustified"] = "whether a minimum turnover above twice the contract's value was recorded as justified (a special risk)",
        ["ProviderSelection.LongerFrameworkTermJustified"] = "whether a framework term longer than four years was justified as exceptional",

        ["ConflictOfInterest.Person"] = "who has the interest",
        ["ConflictOfInterest.Role"] = "their part in the procurement",
        ["ConflictOfInterest.Interest"] = "what the interest is",
        ["ConflictOfInterest.Declared"] = "whether the interest was declared",
        ["ConflictOfInterest.Management"] = "how the conflict was managed (recused, mitigated, or not managed)",
        ["ConflictOfInterest.AffectedDecision"] = "whether the conflict affected, or appeared to affect, the integrity of the decision",
        ["ConflictOfInterest.IcbMemberProviderPosition"] = "whether the person is an ICB member whose interest is a position in a provider",
        ["ConflictOfInterest.ProviderTakingPart"] = "whether the provider the interest concerns is taking part in the process",

        ["SourceReference.Url"] = "the source's address",
        ["SourceReference.Date"] = "the source's date",
    };

    /// <summary>What each event kind records, as a clause after "Record whether ", in the letter's terms, by the kind's name.</summary>
    /// <remarks>By name, so a kind another branch adds (DirectAwardDecision, from derived facts) can be described before it lands.</remarks>
    internal static readonly IReadOnlyDictionary<string, string> EventClauses = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(EventKind.ConcernsRaised)] = "the commissioner raised concerns about the service with the provider",
        [nameof(EventKind.IncumbentEngaged)] = "the commissioner engaged the existing (incumbent) provider about the service's future",
        [nameof(EventKind.NhsProvidersEngaged)] = "the commissioner engaged NHS providers other than the incumbent",
        [nameof(EventKind.AlternativeProvidersEngaged)] = "the commissioner engaged alternative providers",
        [nameof(EventKind.StaffEngaged)] = "the commissioner engaged the staff delivering the service",
        [nameof(EventKind.UnionsEngaged)] = "the commissioner engaged the staff's trade union representatives",
        [nameof(EventKind.FormalImprovementOpportunity)] = "the provider was given formal chances to improve",
        [nameof(EventKind.ContractMechanismInvoked)] = "the contract's own mechanism (a performance notice, a variation) was invoked",
        [nameof(EventKind.JointServiceReview)] = "the commissioner and the provider held a joint service review",
        [nameof(EventKind.ServicePlansPresented)] = "the provider had an opportunity to develop and present its service plans",
        [nameof(EventKind.IntentionsShared)] = "the commissioner set out to providers the outcomes sought, the reasons for change and the process",
        [nameof(EventKind.WorkedWithProvider)] = "the commissioner worked with the provider on the causes of un-sustainability",
        [nameof(EventKind.LocalProvidersEnlisted)] = "other local providers were enlisted to help",
        [nameof(EventKind.ShaDirection)] = "the Strategic Health Authority gave direction",
        [nameof(EventKind.TenderDecision)] = "a decision to tender or market-test the service was taken",
        [nameof(EventKind.NoticePublished)] = "a contract notice or advertisement was published",
        [nameof(EventKind.EligibilityChanged)] = "who may bid was changed after the notice",
        [nameof(EventKind.AccreditationOpened)] = "an Any Willing Provider accreditation was opened",
        [nameof(EventKind.BidReceived)] = "bids were received",
        [nameof(EventKind.BidWithdrawn)] = "a bidder withdrew",
        [nameof(EventKind.ContractAwarded)] = "the contract was awarded",
        [nameof(EventKind.ProcurementPaused)] = "the procurement was paused",
        [nameof(EventKind.ProcurementWithdrawn)] = "the procurement was withdrawn or abandoned",
        [nameof(EventKind.ContractTerminated)] = "the contract was terminated",
        [nameof(EventKind.ComplaintMade)] = "a complaint was made about the procurement",
        [nameof(EventKind.OversightSignOff)] = "an oversight or assurance body signed off the procurement",
        ["DirectAwardDecision"] = "a decision not to tender openly (to award directly, extend or vary the contract) was taken",
        [nameof(EventKind.ProcessCommenced)] = "the procurement commenced (a contract notice submitted, or a provider first contacted to seek expressions of interest or offers), and when",
        [nameof(EventKind.IntentionToAwardPublished)] = "a notice of intention to award was published, and when (the standstill begins the day after)",
        [nameof(EventKind.MostSuitableProviderNoticeSubmitted)] = "the notice of intention to follow the Most Suitable Provider Process was submitted for publication",
        [nameof(EventKind.PotentialProvidersIdentified)] = "the providers to consider in the Most Suitable Provider Process were identified",
        [nameof(EventKind.UnsuccessfulProvidersInformed)] = "the unsuccessful providers were told the outcome in writing",
        [nameof(EventKind.AwardNoticeSubmitted)] = "a notice (or published record) of the contract awarded was submitted for publication, and when",
        [nameof(EventKind.RepresentationReceived)] = "a provider made written representations during the standstill period",
        [nameof(EventKind.FurtherDecisionCommunicated)] = "the commissioner told the providers its further decision after representations",
        [nameof(EventKind.ContractModified)] = "the contract was modified during its term, and when",
        [nameof(EventKind.ModificationNoticeSubmitted)] = "a notice of the modification was submitted for publication",
        [nameof(EventKind.AbandonmentNoticeSubmitted)] = "a notice of the decision to abandon the procurement was submitted for publication",
    };

    /// <summary>What a sign-off by each oversight body records, as a clause after "Record whether ".</summary>
    internal static readonly IReadOnlyDictionary<OversightBody, string> SignOffClauses = new Dictionary<OversightBody, string>
    {
        [OversightBody.PctBoard] = "the PCT Board signed off the procurement",
        [OversightBody.ShaAssurance] = "the Strategic Health Authority assured the procurement",
        [OversightBody.ShaStrategySignOff] = "the Strategic Health Authority signed off the PCT's strategy",
        [OversightBody.ShaPerformanceRegime] = "the SHA acted under the NHS Performance Regime",
        [OversightBody.WorldClassCommissioning] = "World Class Commissioning assurance was given",
        [OversightBody.TransformingCommunityServices] = "Transforming Community Services assurance was given",
        [OversightBody.CooperationAndCompetitionPanel] = "the Co-operation and Competition Panel reviewed the procurement",
        [OversightBody.Regulator] = "the appropriate regulator signed off",
        [OversightBody.RegionalSocialPartnershipForum] = "the Regional Social Partnership Forum was involved and signed off",
    };

    private static readonly Lazy<Dictionary<string, string>> Table = new(Build);

    /// <summary>Every fact path the table describes, with its sentence.</summary>
    internal static IReadOnlyDictionary<string, string> All => Table.Value;

    /// <summary>The sentence for one missing fact: what to record and how; a generic sentence for a path it does not know.</summary>
    public static string Describe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Table.Value.TryGetValue(path, out var sentence) ? sentence : Generic(path);
    }

    /// <summary>
    /// The would-decide lines of an undetermined outcome: the first <see cref="MaxLines"/> missing facts described, in
    /// order; when more are missing, the last line ends by saying how many more the missing facts list.
    /// </summary>
    public static string[] WouldDecide(IReadOnlyList<string> missing)
    {
        if (missing.Count == 0)
        {
            return Array.Empty<string>();
        }

        var count = Math.Min(missing.Count, MaxLines);
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = Describe(missing[i]);
        }

        var more = missing.Count - count;
        if (more > 0)
        {
            var last = lines[count - 1];
            lines[count - 1] = (last.EndsWith('.') ? last[..^1] : last)
                + (more == 1 ? "; and 1 more fact listed as not recorded." : $"; and {more.ToString(System.Globalization.CultureInfo.InvariantCulture)} more facts listed as not recorded.");
        }

        return lines;
    }

    /// <summary>For a path the table does not know (a pack's own helper, a newer model): still what to record, never a crash.</summary>
    private static string Generic(string path) => path.Length == 0
        ? "Record the missing fact in the case file (see docs/procurement-files.md)."
        : $"Record `{SafeText.Visible(path)}` in the case file (see docs/procurement-files.md).";

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, property) in MemberPaths())
        {
            if (MemberPhrases.TryGetValue(property.DeclaringType!.Name + "." + property.Name, out var phrase))
            {
                table[path] = MemberSentence(path, phrase, property.PropertyType);
            }
        }

        foreach (var kind in Enum.GetValues<EventKind>())
        {
            if (EventClauses.TryGetValue(kind.ToString(), out var clause))
            {
                var name = Names.Camel(kind);
                table["timeline." + name] = $"Record whether {clause}, and when: a timeline event `{name}`; if it never happened, add `{name}` to `timelineCompleteFor`.";
                table["timeline." + name + ".date"] = $"Record more precisely when {clause}: the `date` of the `{name}` event, as a day or a month or bound that settles the order.";
            }
        }

        foreach (var body in Enum.GetValues<OversightBody>())
        {
            if (SignOffClauses.TryGetValue(body, out var clause))
            {
                table["timeline.oversightSignOff." + Names.Camel(body)] =
                    $"Record whether {clause}, and when: a timeline event `oversightSignOff` with `body: {Names.Camel(body)}`; if it never happened, add `{Names.Camel(body)}` to `signOffsCompleteFor`.";
            }
        }

        // The scenario gates most rules: its sentence names the values, from the enum, so it stays complete.
        table["scenario"] = "Record which of the letter's six scenarios the procurement follows (`scenario`: "
            + string.Join(", ", Enum.GetValues<Scenario>().Select(s => Names.Camel(s))) + ").";
        // Where the generic list wording would read wrongly.
        if (table.ContainsKey("incumbentContracts"))
        {
            table["incumbentContracts"] = "Record whether there is an existing (incumbent) provider, with its contract; a provider not named can be "
                + "recorded by its kind alone (`incumbentContracts`; `[]` if there is none).";
        }

        table[RuleScope.CalendarFact] = "Record England's public holidays for the years this deadline in working days falls in: the calendar "
            + "(rules/calendars/england.yaml) covers 2013 to 2027, and a deadline outside those years is not computed rather than guessed.";
        table["timeline[].date"] = "Record each timeline event's date as precisely as the record allows (`timeline[].date`: a day, a month, a year or a bound).";
        return table;
    }

    /// <summary>"Record &lt;phrase&gt; (`path`: how)." How to write it follows from the member's type.</summary>
    private static string MemberSentence(string path, string phrase, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        string how;
        if (target == typeof(bool))
        {
            how = ": true or false";
        }
        else if (target == typeof(DateOnly))
        {
            how = ": yyyy-MM-dd";
        }
        else if (target.IsEnum && Enum.GetNames(target).Length <= 4)
        {
            how = ": " + string.Join(", ", Enum.GetNames(target).Select(Names.Camel));
        }
        else if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            how = "; `[]` if there are none";
        }
        else
        {
            how = string.Empty;
        }

        // A phrase that ends in its own parenthesis takes the key inside it: "(the route: ...; `tender.route`)".
        return phrase.EndsWith(')')
            ? $"Record {phrase[..^1]}; `{path}`{how})."
            : $"Record {phrase} (`{path}`{how}).";
    }

    /// <summary>
    /// Every nullable member path the <see cref="MissingFactRewriter"/> can name, with its member: the model's public
    /// properties from <see cref="ProposedProcurement"/> down, list items as <c>path[]</c>.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Walks the model's public properties; the model's ILLink.Descriptors.xml keeps it whole.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Walks the model's public properties; the model's ILLink.Descriptors.xml keeps it whole.")]
    internal static IEnumerable<(string Path, PropertyInfo Member)> MemberPaths()
    {
        var found = new List<(string, PropertyInfo)>();
        Walk(typeof(ProposedProcurement), string.Empty, found, new HashSet<Type>());
        return found;

        static void Walk(Type type, string prefix, List<(string, PropertyInfo)> found, HashSet<Type> visiting)
        {
            if (!visiting.Add(type))
            {
                return;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                var path = prefix.Length == 0 ? Names.Camel(property.Name) : prefix + "." + Names.Camel(property.Name);
                if (MissingFactRewriter.IsNullable(property))
                {
                    found.Add((path, property));
                }

                var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                {
                    target = target.GetGenericArguments()[0];
                    path += "[]";
                }

                // Model records only: a value type (a date with its bounds) is never missing as a whole, and names its own parts.
                if (!target.IsValueType && target.Assembly == typeof(ProposedProcurement).Assembly)
                {
                    Walk(target, path, found, visiting);
                }
            }

            visiting.Remove(type);
        }
    }
}
