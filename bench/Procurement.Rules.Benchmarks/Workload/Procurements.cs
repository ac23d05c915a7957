using System;
using System.Collections.Generic;
using System.Linq;
using Procurement.Model;

namespace Procurement.Rules.Benchmarks.Workload;

/// <summary>The procurements the benchmarks check: one realistic case, and generated ones of every shape.</summary>
public static class Procurements
{
    /// <summary>Every event kind: each rule's events turn up in generated timelines.</summary>
    private static readonly EventKind[] Kinds = Enum.GetValues<EventKind>();

    /// <summary>The kinds the most rules ask about, drawn half the time so that multi-step processes get completed.</summary>
    private static readonly EventKind[] ProcessKinds =
    {
        EventKind.ConcernsRaised, EventKind.IncumbentEngaged, EventKind.AlternativeProvidersEngaged, EventKind.StaffEngaged,
        EventKind.UnionsEngaged, EventKind.FormalImprovementOpportunity, EventKind.JointServiceReview,
        EventKind.ServicePlansPresented, EventKind.TenderDecision, EventKind.NoticePublished, EventKind.EligibilityChanged,
    };

    private static readonly DateOnly Start = new(2009, 10, 1);

    /// <summary>
    /// A realistic case against the full pack (its lists are arrays, as <see cref="ProcurementFile"/> gives): scenario 1 (underperformance), one incumbent with a recorded
    /// assessment, a tender with a notice, 14 events, timeline complete. Every rule of scenario 1 gets as far as its
    /// facts and message; the other scenarios' rules are not applicable.
    /// </summary>
    public static ProposedProcurement Realistic() => new()
    {
        Id = "westshire-community-2010",
        Title = "Westshire PCT community nursing: market test after underperformance",
        Scenario = Scenario.Underperformance,
        DecisionDate = new DateOnly(2010, 6, 1),
        IncumbentContracts = new[]
        {
            new Contract
            {
                Provider = new Provider { Name = "Westshire PCT provider arm", Kind = ProviderKind.PctProviderArm },
                StartDate = new DateOnly(2007, 4, 1),
                EndDate = new DateOnly(2011, 3, 31),
                Performance = new PerformanceAssessment { Underperforming = true, SignificantUnderperformance = true, InsufficientImprovement = true },
            },
        },
        Tender = new TenderPlan
        {
            Route = ProcurementRoute.OpenTender,
            Eligibility = TenderEligibility.Open,
            IncumbentMayBid = true,
            CriteriaPublished = true,
        },
        Timeline = new[]
        {
            Event(2009, 10, 5, EventKind.ConcernsRaised),
            Event(2009, 10, 20, EventKind.IncumbentEngaged),
            Event(2009, 11, 2, EventKind.StaffEngaged),
            Event(2009, 11, 2, EventKind.UnionsEngaged),
            Event(2009, 11, 16, EventKind.FormalImprovementOpportunity),
            Event(2010, 1, 11, EventKind.FormalImprovementOpportunity),
            Event(2010, 2, 1, EventKind.ContractMechanismInvoked),
            Event(2010, 3, 15, EventKind.AlternativeProvidersEngaged),
            Event(2010, 4, 6, EventKind.IncumbentEngaged),
            Event(2010, 6, 1, EventKind.TenderDecision),
            Event(2010, 6, 21, EventKind.NoticePublished),
            Event(2010, 7, 30, EventKind.BidReceived),
            Event(2010, 8, 2, EventKind.BidReceived),
            new TimelineEvent { Date = new DateOnly(2010, 5, 20), Kind = EventKind.OversightSignOff, Body = OversightBody.PctBoard },
        },
        TimelineComplete = true,
    };

    /// <summary>
    /// The realistic case with its timeline stretched to <paramref name="events"/> events (the same kinds repeated
    /// over later dates), for measuring how the cost grows with the timeline.
    /// </summary>
    public static ProposedProcurement WithTimeline(int events)
    {
        var realistic = Realistic();
        var timeline = new TimelineEvent[events];
        for (var i = 0; i < events; i++)
        {
            var template = realistic.Timeline![i % realistic.Timeline.Count];
            timeline[i] = template with { Date = template.Date.Exact!.Value.AddDays(i / realistic.Timeline.Count) };
        }

        return realistic with { Timeline = timeline };
    }

    /// <summary>
    /// Generated procurements of every shape: any scenario or none, recorded or missing facts, complete or partial
    /// timelines of 0 to <paramref name="maxEvents"/> events. Deterministic for a seed; lazy, so a long run holds one
    /// procurement at a time.
    /// </summary>
    /// <param name="count">How many procurements.</param>
    /// <param name="seed">The seed; the same seed gives the same procurements.</param>
    /// <param name="maxEvents">The most events of a timeline (sign-offs aside).</param>
    /// <param name="impreciseDates">
    /// Whether half the procurements get some events dated as records often are (<see cref="Blur"/>: a month, a year,
    /// a bound, a range or no date). Drawn from a second random stream, so the procurements are otherwise the same as
    /// without (default false: the benchmarks' workloads stay those of issue 10).
    /// </param>
    public static IEnumerable<ProposedProcurement> Generate(int count, int seed = 2009, int maxEvents = 16, bool impreciseDates = false)
    {
        var random = new Random(seed);
        var precision = impreciseDates ? new Random(seed * 7919 + 1) : null;
        for (var i = 0; i < count; i++)
        {
            var procurement = One(random, "generated-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), maxEvents);
            if (precision is not null && precision.Next(2) == 0 && procurement.Timeline is { } timeline)
            {
                procurement = procurement with { Timeline = timeline.Select(e => precision.Next(3) == 0 ? e with { Date = Blur(e.Date, precision) } : e).ToArray() };
            }

            yield return procurement;
        }
    }

    /// <summary>
    /// The date as a record might give it instead of the day: its month, its year, a bound before or after it, a range
    /// around it, or no date at all. Every form still holds the day, so the record stays true, only less precise.
    /// </summary>
    public static EventDate Blur(EventDate date, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (date.Exact is not { } day)
        {
            return date;
        }

        return random.Next(7) switch
        {
            0 => EventDate.InMonth(day.Year, day.Month),
            1 => EventDate.InYear(day.Year),
            2 => EventDate.Before(day.AddDays(random.Next(1, 60))),
            3 => EventDate.OnOrBefore(day.AddDays(random.Next(0, 60))),
            4 => EventDate.After(day.AddDays(-random.Next(1, 60))),
            5 => EventDate.Between(day.AddDays(-random.Next(1, 30)), day.AddDays(random.Next(1, 30))),
            _ => EventDate.Undated,
        };
    }

    /// <summary>
    /// A stream of <paramref name="count"/> procurements for batch runs: a pool of 512 generated shapes, each
    /// streamed with its own id, so that producing the stream costs little next to checking it.
    /// </summary>
    public static IEnumerable<ProposedProcurement> Batch(int count, int seed = 2009)
    {
        var pool = new List<ProposedProcurement>(Generate(512, seed));
        for (var i = 0; i < count; i++)
        {
            yield return pool[i % pool.Count] with { Id = "batch-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    private static ProposedProcurement One(Random r, string id, int maxEvents)
    {
        var eventCount = r.Next(maxEvents + 1);

        // One procurement in three records the oversight bodies' sign-offs (most of them), so that the oversight rules
        // meet both complete and incomplete sets; the rest get sign-offs only by chance among their other events.
        var signOffs = r.Next(3) == 0 ? Enum.GetValues<OversightBody>().Where(_ => r.Next(6) != 0).ToArray() : [];
        var timeline = new TimelineEvent[eventCount + signOffs.Length];
        for (var i = 0; i < eventCount; i++)
        {
            var kind = r.Next(2) == 0 ? Kinds[r.Next(Kinds.Length)] : ProcessKinds[r.Next(ProcessKinds.Length)];
            var date = Start.AddDays(r.Next(700));
            timeline[i] = kind switch
            {
                EventKind.OversightSignOff => new TimelineEvent { Date = date, Kind = kind, Body = Pick<OversightBody>(r) },
                EventKind.EligibilityChanged => new TimelineEvent { Date = date, Kind = kind, Eligibility = Pick<TenderEligibility>(r) },
                EventKind.JointServiceReview => new TimelineEvent { Date = date, Kind = kind, Agreed = Maybe(r, r.Next(2) == 0) },
                EventKind.FormalImprovementOpportunity => new TimelineEvent { Date = date, Kind = kind, Improved = Maybe(r, r.Next(2) == 0) },
                _ => new TimelineEvent { Date = date, Kind = kind },
            };
        }

        for (var i = 0; i < signOffs.Length; i++)
        {
            timeline[eventCount + i] = new TimelineEvent { Date = Start.AddDays(r.Next(700)), Kind = EventKind.OversightSignOff, Body = signOffs[i] };
        }

        return new ProposedProcurement
        {
            Id = id,
            Commissioner = r.Next(8) == 0 ? null : new Commissioner { Name = "Westshire PCT", Kind = Maybe(r, Pick<CommissionerKind>(r)) },
            Scenario = r.Next(10) == 0 ? null : (Scenario)r.Next(1, 7),
            DecisionDate = r.Next(20) switch
            {
                0 => null,
                1 => new DateOnly(2009, 6, 1),
                _ => Start.AddDays(r.Next(500)),
            },
            IncumbentContracts = r.Next(10) switch
            {
                0 => null,
                1 => [],
                2 => [Contract(r, "Northshire NHS Trust"), Contract(r, "Northshire Community Care CIC")],
                _ => [Contract(r, "Westshire PCT provider arm")],
            },
            Value = r.Next(4) == 0 ? null : new Money { Amount = 1_000_000m * r.Next(1, 200) },
            TermMonths = r.Next(4) == 0 ? null : 12 * r.Next(1, 11),
            Tender = r.Next(10) == 0 ? null : new TenderPlan
            {
                Route = Maybe(r, r.Next(2) == 0 ? ProcurementRoute.OpenTender : Pick<ProcurementRoute>(r)),
                RouteJustification = r.Next(3) == 0 ? null : Reason(r),
                Eligibility = Maybe(r, r.Next(2) == 0 ? TenderEligibility.Open : Pick<TenderEligibility>(r)),
                EligibilityJustification = r.Next(4) == 0 ? null : Reason(r),
                IncumbentMayBid = Maybe(r, r.Next(3) != 0),
                CriteriaPublished = Maybe(r, r.Next(3) != 0),
                ProviderNumbersCapped = Maybe(r, r.Next(2) == 0),
                DisplacesExistingProviders = Maybe(r, r.Next(2) == 0),
                FinalStageBidders = Maybe(r, r.Next(5)),
            },
            Timeline = r.Next(15) == 0 ? null : timeline,
            TimelineComplete = r.Next(3) switch
            {
                0 => true,
                1 => false,
                _ => null,
            },
            TimelineCompleteFor = r.Next(3) == 0 ? [Kinds[r.Next(Kinds.Length)], Kinds[r.Next(Kinds.Length)]] : null,
            RationaleDocuments = Documents(r, "Case for change"),
            NeedsAssessments = Documents(r, "Needs assessment"),
            QualityMeasures = r.Next(5) switch
            {
                0 => null,
                1 => [],
                _ => [new QualityMeasure { Name = "Measure A", Kind = Maybe(r, Pick<QualityMeasureKind>(r)) }, new QualityMeasure { Name = "Measure B", Kind = Maybe(r, Pick<QualityMeasureKind>(r)) }],
            },

            // Drawn last, so that the cases drawn before it stay as they were.
            SignOffsCompleteFor = r.Next(4) == 0 ? [Pick<OversightBody>(r), Pick<OversightBody>(r)] : null,
        };
    }

    private static Justification Reason(Random r) => new()
    {
        Kind = Pick<JustificationKind>(r),
        Text = r.Next(3) == 0 ? null : "Recorded reason.",
    };

    /// <summary>No list, an empty one, or one or two documents, dated or not.</summary>
    private static IReadOnlyList<Document>? Documents(Random r, string title) => r.Next(5) switch
    {
        0 => null,
        1 => [],
        2 => [new Document { Title = title, Date = Maybe(r, Start.AddDays(r.Next(700))) }, new Document { Title = title + " (update)", Date = Maybe(r, Start.AddDays(r.Next(700))) }],
        _ => [new Document { Title = title, Date = Maybe(r, Start.AddDays(r.Next(700))) }],
    };

    private static Contract Contract(Random r, string name) => new()
    {
        Provider = new Provider { Name = name, Kind = Maybe(r, Pick<ProviderKind>(r)) },
        StartDate = Maybe(r, new DateOnly(2007, 4, 1)),
        EndDate = Maybe(r, Start.AddDays(r.Next(-200, 700))),
        Performance = r.Next(5) == 0 ? null : Consistent(new PerformanceAssessment
        {
            Underperforming = Maybe(r, r.Next(2) == 0),
            SignificantUnderperformance = Maybe(r, r.Next(3) != 0),
            InsufficientImprovement = Maybe(r, r.Next(3) != 0),
            SeriousShortcomings = Maybe(r, r.Next(3) != 0),
            PlansNotCredible = Maybe(r, r.Next(3) != 0),
            MeetsRequirements = Maybe(r, r.Next(2) == 0),
        }),
    };

    /// <summary>
    /// Significant underperformance with 'underperforming: false' is a contradiction the validator refuses; the flag
    /// is cleared after drawing, so the random sequence (and every other generated value) stays as it was.
    /// </summary>
    private static PerformanceAssessment Consistent(PerformanceAssessment a) =>
        a is { Underperforming: false, SignificantUnderperformance: true } ? a with { SignificantUnderperformance = false } : a;

    private static T Pick<T>(Random r)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[r.Next(values.Length)];
    }

    /// <summary>The value, or not recorded one time in six.</summary>
    private static T? Maybe<T>(Random r, T value)
        where T : struct => r.Next(6) == 0 ? null : value;

    private static TimelineEvent Event(int year, int month, int day, EventKind kind) =>
        new() { Date = new DateOnly(year, month, day), Kind = kind };
}
