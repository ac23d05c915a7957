using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Procurement.Model;
using Procurement.Rules.Files;

namespace Procurement.Rules.Ocds;

/// <summary>One release as published: its id, date and tags, and the facts the timeline needs from it alone.</summary>
internal sealed record ReleaseStamp(string Id, DateOnly Day, DateTimeOffset Instant, IReadOnlyList<string> Tags, TenderStatus? TenderStatus, bool HasPlanningRationale, Uri? Url);

/// <summary>What the file says about where it comes from (a package's <c>uri</c>, publisher and date).</summary>
internal sealed record OcdsOrigin(string File, Uri? PackageUri, string? Publisher);

/// <summary>
/// Maps one (compiled or merged) OCDS release onto <see cref="ProposedProcurement"/>. Every rule of the mapping table in
/// <c>docs/ocds.md</c> is one block below, named by a comment "Mapping: ...". A fact OCDS does not say is left
/// <see langword="null"/> (not recorded): nothing is guessed, and an absent OCDS array is never read as "recorded as none".
/// The same code checks a single release (with a problem list) before releases are merged.
/// </summary>
internal static partial class OcdsMapper
{
    private sealed record Party(string? Id, string? Name, IReadOnlyList<string> Roles, bool? Vcse);

    private sealed record OcdsDocument(string? Type, string Title, Uri? Url, DateOnly? Published);

    public static ProposedProcurement Map(DocMap release, string path, OcdsFields f, IReadOnlyList<ReleaseStamp> stamps, OcdsOrigin origin)
    {
        // The release-level keys (ocid, id, date, tag) are checked by Stamp.
        var ocid = f.Quiet.Text(release, "ocid", path) ?? "(no ocid)";
        var releaseDate = f.Quiet.Date(release, "date", path);
        var latest = stamps.Count > 0 ? stamps.Max(s => s.Day) : releaseDate;

        // Parties, by id, for resolving references.
        var parties = new List<Party>();
        foreach (var (party, at) in f.Objects(release, "parties", path))
        {
            var details = f.Object(party, "details", at);
            parties.Add(new Party(f.Id(party, "id", at), f.Text(party, "name", at), f.Strings(party, "roles", at),
                f.Boolean(details, "vcse", OcdsFields.Join(at, "details"))));
        }

        var partiesById = new Dictionary<string, Party>(StringComparer.Ordinal);
        foreach (var party in parties)
        {
            if (party.Id is not null)
            {
                partiesById.TryAdd(party.Id, party);
            }
        }

        var tender = f.Object(release, "tender", path);
        var tenderPath = OcdsFields.Join(path, "tender");
        var planning = f.Object(release, "planning", path);
        var planningPath = OcdsFields.Join(path, "planning");

        var documents = new List<OcdsDocument>();
        documents.AddRange(Documents(f, planning, planningPath));
        documents.AddRange(Documents(f, tender, tenderPath));

        // Mapping: buyer -> commissioner.
        var commissioner = Commissioner(f, release, path, parties, partiesById);

        // Mapping: tender.procurementMethod -> tender.method and tender.route.
        var method = f.Code(tender, "procurementMethod", tenderPath, OcdsCodes.Methods);
        var methodDetails = f.Text(tender, "procurementMethodDetails", tenderPath);
        var methodRationale = f.Text(tender, "procurementMethodRationale", tenderPath);
        var status = f.Code(tender, "status", tenderPath, OcdsCodes.TenderStatuses);
        var eligibilityCriteria = f.Text(tender, "eligibilityCriteria", tenderPath);
        var tenderPeriod = Period(f, tender, "tenderPeriod", tenderPath);
        var tenderContractPeriod = Period(f, tender, "contractPeriod", tenderPath);
        var numberOfTenderers = f.Integer(tender, "numberOfTenderers", tenderPath);
        var tenderers = References(f, tender, "tenderers", tenderPath, partiesById);
        var tenderValue = Money(f, tender, "value", tenderPath);
        var awardCriteria = f.Text(tender, "awardCriteria", tenderPath);
        var awardCriteriaDetails = f.Text(tender, "awardCriteriaDetails", tenderPath);
        var planningRationale = f.Text(planning, "rationale", planningPath);

        // Awards and the contracts that implement them.
        var contracts = new List<(string? AwardId, DateOnly? Signed, (DateOnly? Start, DateOnly? End)? Period, bool Terminated)>();
        foreach (var (contract, at) in f.Objects(release, "contracts", path))
        {
            var awardId = f.Id(contract, "awardID", at);
            var terminated = f.Code(contract, "status", at, OcdsCodes.ContractStatuses) == true;
            contracts.Add((awardId, f.Date(contract, "dateSigned", at), Period(f, contract, "period", at), terminated));
            _ = Money(f, contract, "value", at);
            documents.AddRange(Documents(f, contract, at));
        }

        var contractsByAward = new Dictionary<string, (string? AwardId, DateOnly? Signed, (DateOnly? Start, DateOnly? End)? Period, bool Terminated)>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            if (contract.AwardId is not null)
            {
                contractsByAward.TryAdd(contract.AwardId, contract);
            }
        }

        var awards = new List<Award>();
        foreach (var (award, at) in f.Objects(release, "awards", path))
        {
            var id = f.Id(award, "id", at);
            var suppliers = References(f, award, "suppliers", at, partiesById);
            var contract = id is not null && contractsByAward.TryGetValue(id, out var c) ? c : default;
            var period = Period(f, award, "contractPeriod", at) is var awardPeriod && contract.Period is not null ? contract.Period : awardPeriod;
            awards.Add(new Award
            {
                Suppliers = suppliers,
                Status = f.Code(award, "status", at, OcdsCodes.AwardStatuses),
                Date = f.Date(award, "date", at),
                Value = Money(f, award, "value", at),
                SignedDate = contract.Signed,
                StartDate = period?.Start,
                EndDate = period?.End,
            });
            documents.AddRange(Documents(f, award, at));
        }

        // Mapping: relatedProcesses -> relatedProcesses (framework call-offs, prior processes).
        var related = new List<RelatedProcess>();
        foreach (var (process, at) in f.Objects(release, "relatedProcesses", path))
        {
            var relationships = f.Strings(process, "relationship", at);
            var title = f.Text(process, "title", at);
            var identifier = f.Id(process, "identifier", at);
            var url = f.Url(process, "uri", at);
            var known = relationships.Where(OcdsCodes.Relationships.ContainsKey).Select(r => OcdsCodes.Relationships[r]).ToList();
            if (known.Count > 0)
            {
                related.Add(new RelatedProcess { Relationship = known[0], Identifier = identifier, Title = title, Url = url });
            }
        }

        var tenderPlan = tender is null ? null : new TenderPlan
        {
            Method = method,
            Route = Route(method, methodDetails),

            // Mapping: tender.procurementMethodRationale -> tender.routeJustification (kind otherReason, the text kept).
            RouteJustification = string.IsNullOrWhiteSpace(methodRationale) ? null : new Justification { Kind = JustificationKind.OtherReason, Text = methodRationale },

            // Mapping: tender.status -> tender.status.
            Status = status,

            // Mapping: tender.eligibilityCriteria -> tender.eligibilityCriteria (words only; tender.eligibility is never read from them).
            EligibilityCriteria = eligibilityCriteria,

            // Mapping: tender.tenderPeriod.endDate -> tender.closingDate.
            ClosingDate = tenderPeriod?.End,

            // Mapping: tender.awardCriteria, awardCriteriaDetails or an evaluationCriteria document -> tender.criteriaPublished: true.
            CriteriaPublished = awardCriteria is not null || awardCriteriaDetails is not null || documents.Any(d => d.Type == "evaluationCriteria") ? true : null,

            // Mapping: tender.tenderers (else parties with role tenderer) -> tender.tenderers.
            Tenderers = tenderers ?? PartiesWithRole(parties, "tenderer"),
        };

        if (tenderPlan is not null)
        {
            // Mapping: tender.numberOfTenderers (else the count of tenderers) -> tender.numberOfTenderers.
            var bids = numberOfTenderers ?? tenderPlan.Tenderers?.Count;

            // Mapping: a single bid and an active award -> tender.finalStageBidders: 1 (the one bidder was at the final stage).
            var finalStage = bids == 1 && awards.Any(a => a.Status == AwardStatus.AwardActive && a.Suppliers is { Count: > 0 }) ? 1 : (int?)null;
            tenderPlan = tenderPlan with { NumberOfTenderers = bids, FinalStageBidders = finalStage };
        }

        var timeline = Timeline(stamps, method, status, awards, contracts.Any(c => c.Terminated));

        return new ProposedProcurement
        {
            // Mapping: ocid -> id.
            Id = ocid,

            // Mapping: tender.title -> title.
            Title = f.Text(tender, "title", tenderPath),
            Commissioner = commissioner,

            // Mapping: for a direct award, the first active or pending award's date -> decisionDate.
            DecisionDate = method == TenderMethod.DirectProcedure
                ? awards.Where(a => a.Status is AwardStatus.AwardActive or AwardStatus.AwardPending && a.Date is not null).Min(a => a.Date)
                : null,

            // Mapping: tender.value (else the only award's value) -> value (a total, as OCDS values are; annualValue is never mapped).
            Value = tenderValue ?? (awards.Count == 1 ? awards[0].Value : null),

            // Mapping: the contract period (contract, else award, else tender) -> termMonths, in whole months.
            TermMonths = TermMonths(awards, tenderContractPeriod),
            Tender = tenderPlan,
            Timeline = timeline.Count > 0 ? timeline : null,

            // Mapping: planning.rationale -> rationaleDocuments, dated by the first release that published it.
            RationaleDocuments = string.IsNullOrWhiteSpace(planningRationale) ? null :
            [
                new Document
                {
                    Title = "Planning rationale: " + planningRationale,
                    Date = stamps.Where(s => s.HasPlanningRationale).Select(s => (DateOnly?)s.Day).Min() ?? latest,
                },
            ],

            // Mapping: documents of type needsAssessment -> needsAssessments.
            NeedsAssessments = Listed(documents.Where(d => d.Type == "needsAssessment")
                .Select(d => new Document { Title = d.Title, Date = d.Published ?? latest, Source = new SourceReference { Title = d.Title, Url = d.Url, Date = d.Published } })),

            // Mapping: awards (with their contracts) -> awards.
            Awards = Listed(awards),
            RelatedProcesses = Listed(related),

            // Mapping: the releases and every document -> sources.
            Sources = Listed(Sources(stamps, documents, origin, ocid)),
            Notes = $"Imported from OCDS ({origin.File}). OCDS cannot say the scenario, engagement, sign-offs, incumbent contracts or eligibility restrictions: they are not recorded.",
        };
    }

    /// <summary>Checks the release-level keys every OCDS release must have and returns its stamp; <see langword="null"/> when unusable.</summary>
    public static ReleaseStamp? Stamp(DocMap release, string path, OcdsFields f, bool compiled)
    {
        var ok = true;
        foreach (var key in new[] { "ocid", "id", "date", "tag", "initiationType" })
        {
            if (!OcdsFields.Has(release, key) || OcdsFields.Get(release, key) is null)
            {
                f.Problem(release, OcdsFields.Join(path, key), $"missing required key '{key}' (an OCDS release has ocid, id, date, tag and initiationType)");
                ok = false;
            }
        }

        var id = f.Id(release, "id", path);
        var date = f.DateTime(release, "date", path);
        var tags = Tags(release, path, f);
        _ = f.Code(release, "initiationType", path, OcdsCodes.InitiationTypes);
        // Map checks these values of the release; here they are only read.
        var tender = f.Quiet.Object(release, "tender", path);
        var status = f.Quiet.Code(tender, "status", OcdsFields.Join(path, "tender"), OcdsCodes.TenderStatuses);
        var planning = f.Quiet.Object(release, "planning", path);
        var rationale = f.Quiet.Text(planning, "rationale", OcdsFields.Join(path, "planning"));
        if (compiled && tags.Count > 0 && !tags.Contains("compiled"))
        {
            f.Problem(OcdsFields.Get(release, "tag"), OcdsFields.Join(path, "tag"), "a record's compiledRelease is tagged 'compiled'");
        }

        return ok && id is not null && date is { } d ? new ReleaseStamp(id, d.Day, d.Instant, tags, status, !string.IsNullOrWhiteSpace(rationale), null) : null;
    }

    public static IReadOnlyList<string> Tags(DocMap release, string path, OcdsFields f)
    {
        var tags = f.Strings(release, "tag", path);
        var list = OcdsFields.Get(release, "tag") as DocList;
        for (var i = 0; i < tags.Count; i++)
        {
            if (!OcdsCodes.ReleaseTags.Contains(tags[i]))
            {
                var suggestion = Names.Suggest(tags[i], OcdsCodes.ReleaseTags);
                f.Problem(list?.Items.ElementAtOrDefault(i), OcdsFields.At(OcdsFields.Join(path, "tag"), i),
                    $"'{tags[i]}' is not a release tag" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
            }
        }

        if (list is { Items.Count: 0 })
        {
            f.Problem(list, OcdsFields.Join(path, "tag"), "a release needs at least one tag");
        }

        return tags;
    }

    private static Commissioner? Commissioner(OcdsFields f, DocMap release, string path, List<Party> parties, Dictionary<string, Party> partiesById)
    {
        var buyer = f.Object(release, "buyer", path);
        var at = OcdsFields.Join(path, "buyer");
        var name = f.Text(buyer, "name", at);
        var id = f.Id(buyer, "id", at);
        name ??= id is not null && partiesById.TryGetValue(id, out var party) ? party.Name : null;
        name ??= parties.FirstOrDefault(p => p.Roles.Contains("buyer"))?.Name;
        return string.IsNullOrWhiteSpace(name) ? null : new Commissioner { Name = name, Kind = CommissionerKindOf(name) };
    }

    /// <summary>Mapping: a commissioner's statutory name -> commissioner.kind (ICB, CCG, PCT); any other name: not recorded.</summary>
    internal static CommissionerKind? CommissionerKindOf(string name) =>
        IcbName().IsMatch(name) ? CommissionerKind.Icb
        : CcgName().IsMatch(name) ? CommissionerKind.Ccg
        : PctName().IsMatch(name) ? CommissionerKind.Pct
        : null;

    /// <summary>
    /// Mapping: a provider's statutory name -> provider kind ("... NHS Foundation Trust", "... NHS Trust"); the UK
    /// extension's details.vcse: true -> thirdSector. Anything else (or a contradiction): not recorded.
    /// </summary>
    internal static ProviderKind? ProviderKindOf(string name, bool? vcse)
    {
        ProviderKind? byName = FoundationTrustName().IsMatch(name) ? ProviderKind.FoundationTrust
            : NhsTrustName().IsMatch(name) ? ProviderKind.NhsTrust
            : null;
        return vcse == true ? (byName is null ? ProviderKind.ThirdSector : null) : byName;
    }

    /// <summary>Mapping: open -> openTender; selective -> restrictedTender (competitiveDialogue when the details say so); direct -> directAward; limited: not recorded.</summary>
    internal static ProcurementRoute? Route(TenderMethod? method, string? details) => method switch
    {
        TenderMethod.OpenProcedure => ProcurementRoute.OpenTender,
        TenderMethod.SelectiveProcedure when details is not null && details.Contains("competitive dialogue", StringComparison.OrdinalIgnoreCase) => ProcurementRoute.CompetitiveDialogue,
        TenderMethod.SelectiveProcedure => ProcurementRoute.RestrictedTender,
        TenderMethod.DirectProcedure => ProcurementRoute.DirectAward,
        _ => null,
    };

    private static List<TimelineEvent> Timeline(IReadOnlyList<ReleaseStamp> stamps, TenderMethod? method, TenderStatus? status, List<Award> awards, bool terminated)
    {
        var events = new List<TimelineEvent>();

        // Mapping: a release tagged 'tender' of an open or selective procedure -> noticePublished on the release's date.
        if (method is TenderMethod.OpenProcedure or TenderMethod.SelectiveProcedure)
        {
            foreach (var stamp in stamps.Where(s => s.Tags.Contains("tender")))
            {
                events.Add(new TimelineEvent { Date = stamp.Day, Kind = EventKind.NoticePublished, Description = $"Tender notice (OCDS release {stamp.Id})" });
            }
        }

        // Mapping: an active award with a date -> contractAwarded, the suppliers as its party.
        foreach (var award in awards.Where(a => a.Status == AwardStatus.AwardActive && a.Date is not null))
        {
            var suppliers = award.Suppliers ?? Array.Empty<Provider>();
            events.Add(new TimelineEvent
            {
                Date = award.Date!.Value,
                Kind = EventKind.ContractAwarded,
                Party = suppliers.Count > 0 ? string.Join(", ", suppliers.Select(s => s.Name)) : null,
                PartyKind = suppliers.Count == 1 ? suppliers[0].Kind : null,
            });
        }

        // Mapping: tender.status cancelled or unsuccessful -> procurementWithdrawn, on the date of the release that said so.
        if (status is TenderStatus.TenderCancelled or TenderStatus.TenderUnsuccessful)
        {
            var when = stamps.FirstOrDefault(s => s.Tags.Contains("tenderCancellation") || s.TenderStatus is TenderStatus.TenderCancelled or TenderStatus.TenderUnsuccessful);
            if (when is not null)
            {
                events.Add(new TimelineEvent { Date = when.Day, Kind = EventKind.ProcurementWithdrawn, Description = $"Tender {(status == TenderStatus.TenderCancelled ? "cancelled" : "unsuccessful")} (OCDS release {when.Id})" });
            }
        }

        // Mapping: a contract with status terminated -> contractTerminated, on the date of the release tagged contractTermination.
        if (terminated && stamps.FirstOrDefault(s => s.Tags.Contains("contractTermination")) is { } ended)
        {
            events.Add(new TimelineEvent { Date = ended.Day, Kind = EventKind.ContractTerminated, Description = $"Contract terminated (OCDS release {ended.Id})" });
        }

        return events;
    }

    private static int? TermMonths(List<Award> awards, (DateOnly? Start, DateOnly? End)? tenderPeriod)
    {
        var period = awards.Where(a => a.StartDate is not null && a.EndDate is not null).Select(a => ((DateOnly?)a.StartDate, (DateOnly?)a.EndDate)).FirstOrDefault();
        var (start, end) = period.Item1 is not null ? period : tenderPeriod ?? default;
        if (start is not { } s || end is not { } e || e < s)
        {
            return null;
        }

        var after = e.AddDays(1);
        var months = ((after.Year - s.Year) * 12) + after.Month - s.Month - (after.Day < s.Day ? 1 : 0);
        return months;
    }

    private static IEnumerable<SourceReference> Sources(IReadOnlyList<ReleaseStamp> stamps, List<OcdsDocument> documents, OcdsOrigin origin, string ocid)
    {
        foreach (var stamp in stamps)
        {
            yield return new SourceReference
            {
                Title = $"OCDS release {stamp.Id} of {ocid} ({string.Join(", ", stamp.Tags)})" + (origin.Publisher is null ? string.Empty : ", " + origin.Publisher),
                Url = stamp.Url ?? origin.PackageUri,
                Date = stamp.Day,
            };
        }

        foreach (var document in documents)
        {
            yield return new SourceReference { Title = document.Title, Url = document.Url, Date = document.Published };
        }
    }

    private static List<OcdsDocument> Documents(OcdsFields f, DocMap? parent, string path)
    {
        var documents = new List<OcdsDocument>();
        foreach (var (document, at) in f.Objects(parent, "documents", path))
        {
            var type = f.Text(document, "documentType", at);
            var title = f.Text(document, "title", at);
            var id = f.Id(document, "id", at);
            var url = f.Url(document, "url", at);
            var published = f.Date(document, "datePublished", at);
            _ = f.Date(document, "dateModified", at);
            var name = !string.IsNullOrWhiteSpace(title) ? title : type is not null ? $"{type} document {id}".TrimEnd() : $"Document {id}".TrimEnd();
            documents.Add(new OcdsDocument(type, name, url, published));
        }

        return documents;
    }

    private static (DateOnly? Start, DateOnly? End)? Period(OcdsFields f, DocMap? parent, string key, string path)
    {
        var period = f.Object(parent, key, path);
        if (period is null)
        {
            return null;
        }

        var at = OcdsFields.Join(path, key);
        var start = f.DateTime(period, "startDate", at);
        var end = f.DateTime(period, "endDate", at);
        _ = f.Integer(period, "durationInDays", at);
        if (start is { } s && end is { } e && e.Instant < s.Instant)
        {
            f.Problem(OcdsFields.Get(period, "endDate"), OcdsFields.Join(at, "endDate"), $"the period ends ({e.Day:yyyy-MM-dd}) before it starts ({s.Day:yyyy-MM-dd})");
            return null;
        }

        return (start?.Day, end?.Day);
    }

    private static Money? Money(OcdsFields f, DocMap? parent, string key, string path)
    {
        var value = f.Object(parent, key, path);
        var at = OcdsFields.Join(path, key);
        var amount = f.Number(value, "amount", at);
        var currency = f.Text(value, "currency", at);
        if (amount is < 0)
        {
            f.Problem(OcdsFields.Get(value, "amount"), OcdsFields.Join(at, "amount"), "the amount cannot be negative");
            return null;
        }

        return amount is { } a ? new Money { Amount = a, Currency = currency ?? "GBP" } : null;
    }

    /// <summary>Organization references resolved against the parties; <see langword="null"/> when the array is absent or empty.</summary>
    private static ReadOnlyCollection<Provider>? References(OcdsFields f, DocMap? parent, string key, string path, Dictionary<string, Party> parties)
    {
        var providers = new List<Provider>();
        foreach (var (reference, at) in f.Objects(parent, key, path))
        {
            var id = f.Id(reference, "id", at);
            var party = id is not null && parties.TryGetValue(id, out var found) ? found : null;
            var name = f.Text(reference, "name", at) ?? party?.Name ?? id;
            if (string.IsNullOrWhiteSpace(name))
            {
                f.Problem(reference, at, "an organization reference needs a name or the id of a party");
                continue;
            }

            providers.Add(new Provider { Name = name, Kind = ProviderKindOf(name, party?.Vcse) });
        }

        return providers.Count > 0 ? providers.AsReadOnly() : null;
    }

    private static ReadOnlyCollection<Provider>? PartiesWithRole(List<Party> parties, string role) =>
        Listed(parties.Where(p => p.Roles.Contains(role) && !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => new Provider { Name = p.Name!, Kind = ProviderKindOf(p.Name!, p.Vcse) }));

    /// <summary>An OCDS array that is absent or empty is not recorded: OCDS publishers leave out what they do not publish.</summary>
    private static ReadOnlyCollection<T>? Listed<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? list.AsReadOnly() : null;
    }

    [GeneratedRegex(@"\b(Integrated Care Board|ICB)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex IcbName();

    [GeneratedRegex(@"\b(Clinical Commissioning Group|CCG)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex CcgName();

    [GeneratedRegex(@"\b(Primary Care Trust|PCT)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PctName();

    [GeneratedRegex(@"\bNHS Foundation Trust\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex FoundationTrustName();

    [GeneratedRegex(@"\bNHS Trust\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex NhsTrustName();
}
