using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Tests;

namespace Procurement.Rules.Benchmarks.Tests;

/// <summary>
/// The hand-written rules against the engine near the edges that matter: every fixture changed a little, many times
/// over (an event removed, moved by a few days or repeated; an event dated as a month, year, bound, range or not at all,
/// or such a date made exact; a fact dropped or flipped; the timeline's completeness changed). Random procurements seldom land next to a rule's decision boundary; a fixture's neighbours do.
/// </summary>
public class MutatedFixtureTests
{
    private const int MutantsPerFixture = 30;

    public static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f.Path).SetName($"SameReport mutants of {f.RuleId} {f.Name}"));

    [TestCaseSource(nameof(Fixtures))]
    public void HandWritten_ReportsWhatTheEngineReports_OnAFixturesNeighbours(string path)
    {
        var original = ProcurementFile.Load(path);
        var handWritten = new HandWrittenPack(RulePack.Default);
        var random = new Random(StableSeed(Path.GetRelativePath(RepoPaths.Fixtures, path)));
        var options = new CheckOptions { CheckOutsidePeriod = true };
        var failures = new List<string>();
        var checkedCount = 0;
        for (var i = 0; i < MutantsPerFixture; i++)
        {
            var (mutant, changes) = Mutations.Apply(original, random);
            CheckReport expected;
            try
            {
                expected = RulePack.Default.Check(mutant, options);
            }
            catch (ProcurementLoadException invalid)
            {
                // A mutant the validator rejects must be rejected the same way by the hand-written pack.
                var act = () => handWritten.Check(mutant, options);
                act.Should().Throw<ProcurementLoadException>().Which.Message.Should().Be(invalid.Message, changes);
                continue;
            }

            checkedCount++;
            failures.AddRange(ReportComparison.Differences(expected, handWritten.Check(mutant, options)).Select(d => $"{changes}: {d}"));
        }

        failures.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(MutantsPerFixture / 2, "most mutants are valid procurements, so the comparison is not vacuous");
    }

    /// <summary>A seed from the fixture's path that is the same in every run (string hash codes are not).</summary>
    internal static int StableSeed(string text)
    {
        var seed = 2009;
        foreach (var c in text.Replace('\\', '/'))
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }

    [Test]
    public void Mutants_OftenChangeTheOutcomeOfTheFixturesRule()
    {
        // The comparison above is only worth having if the mutants cross the rules' decision boundaries (measured: 833 of
        // 5,010 mutants change their fixture rule's outcome).
        var options = new CheckOptions { CheckOutsidePeriod = true };
        int mutants = 0, changed = 0;
        foreach (var fixture in Fixture.All(RepoPaths.Fixtures))
        {
            var original = ProcurementFile.Load(fixture.Path);
            var random = new Random(StableSeed(Path.GetRelativePath(RepoPaths.Fixtures, fixture.Path)));
            var before = RulePack.Default.Check(original, options).Outcomes.Single(o => o.Rule.Id == fixture.RuleId).Kind;
            for (var i = 0; i < MutantsPerFixture; i++)
            {
                var mutant = Mutations.Apply(original, random).Procurement;
                try
                {
                    mutants++;
                    changed += RulePack.Default.Check(mutant, options).Outcomes.Single(o => o.Rule.Id == fixture.RuleId).Kind != before ? 1 : 0;
                }
                catch (ProcurementLoadException)
                {
                }
            }
        }

        ((double)changed / mutants).Should().BeGreaterThan(0.1, $"{changed} of {mutants} mutants changed their fixture rule's outcome");
    }

    /// <summary>Small changes to a procurement, each described so a failure says what was changed.</summary>
    internal static class Mutations
    {
        public static (ProposedProcurement Procurement, string Changes) Apply(ProposedProcurement p, Random r)
        {
            var changes = new List<string>();
            var count = r.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                (p, var change) = One(p, r);
                changes.Add(change);
            }

            return (p, string.Join("; ", changes));
        }

        private static (ProposedProcurement, string) One(ProposedProcurement p, Random r)
        {
            var timeline = p.Timeline?.ToList() ?? [];
            switch (r.Next(13))
            {
                case 0 when timeline.Count > 0:
                    {
                        var i = r.Next(timeline.Count);
                        var removed = timeline[i];
                        timeline.RemoveAt(i);
                        return (p with { Timeline = timeline.ToArray() }, $"removed {removed.Kind} of {removed.Date}");
                    }

                case 1 when timeline.Count > 0:
                    {
                        var i = r.Next(timeline.Count);
                        var days = r.Next(2) == 0 ? r.Next(-3, 4) : r.Next(-60, 61);
                        var moved = timeline[i];
                        timeline[i] = moved with { Date = Shift(moved.Date, days) };
                        return (p with { Timeline = timeline.ToArray() }, $"moved {moved.Kind} of {moved.Date} by {days} days");
                    }

                case 2 when timeline.Count > 0:
                    {
                        var copy = timeline[r.Next(timeline.Count)];
                        var days = r.Next(-30, 31);
                        timeline.Add(copy with { Date = Shift(copy.Date, days) });
                        return (p with { Timeline = timeline.ToArray() }, $"repeated {copy.Kind} of {copy.Date} {days} days later");
                    }

                case 3:
                    {
                        var kinds = Enum.GetValues<EventKind>();
                        var complete = r.Next(4) switch
                        {
                            0 => (bool?)true,
                            1 => false,
                            2 => null,
                            _ => p.TimelineComplete,
                        };
                        var completeFor = r.Next(3) == 0 ? new[] { kinds[r.Next(kinds.Length)] } : null;
                        return (p with { TimelineComplete = complete, TimelineCompleteFor = completeFor },
                            $"timelineComplete {complete?.ToString() ?? "null"}, completeFor {completeFor?[0].ToString() ?? "null"}");
                    }

                case 4:
                    {
                        var scenario = r.Next(7) == 0 ? null : (Scenario?)r.Next(1, 7);
                        return (p with { Scenario = scenario }, $"scenario {scenario?.ToString() ?? "null"}");
                    }

                case 5:
                    {
                        var date = r.Next(4) == 0 ? null : p.DecisionDate?.AddDays(r.Next(-40, 41));
                        return (p with { DecisionDate = date }, $"decisionDate {date?.ToString() ?? "null"}");
                    }

                case 6:
                    return MutateTender(p, r);

                case 7:
                    return MutateContracts(p, r);

                case 8:
                    {
                        var docs = MutateDocuments(p.RationaleDocuments, r, out var change);
                        return (p with { RationaleDocuments = docs }, "rationaleDocuments " + change);
                    }

                case 9:
                    {
                        var docs = MutateDocuments(p.NeedsAssessments, r, out var change);
                        return (p with { NeedsAssessments = docs }, "needsAssessments " + change);
                    }

                case 10:
                    {
                        var kinds = Enum.GetValues<QualityMeasureKind>();
                        IReadOnlyList<QualityMeasure>? measures = r.Next(3) switch
                        {
                            0 => null,
                            1 => [],
                            _ => [new QualityMeasure { Name = "Measure", Kind = r.Next(4) == 0 ? null : kinds[r.Next(kinds.Length)] }],
                        };
                        return (p with { QualityMeasures = measures }, $"qualityMeasures {(measures is null ? "null" : measures.Count + " measure(s)")}");
                    }

                case 12 when timeline.Count > 0:
                    {
                        var i = r.Next(timeline.Count);
                        var blurred = timeline[i];
                        timeline[i] = blurred with { Date = r.Next(4) == 0 ? EventDate.On(blurred.Date.Earliest ?? blurred.Date.Latest ?? new DateOnly(2010, 1, 1)) : Workload.Procurements.Blur(blurred.Date, r) };
                        return (p with { Timeline = timeline.ToArray() }, $"dated {blurred.Kind} of {blurred.Date} as {timeline[i].Date}");
                    }

                case 11 when timeline.Count > 0:
                    {
                        var i = r.Next(timeline.Count);
                        var e = timeline[i];
                        var bodies = Enum.GetValues<OversightBody>();
                        var eligibilities = Enum.GetValues<TenderEligibility>();
                        timeline[i] = e with
                        {
                            Body = e.Kind == EventKind.OversightSignOff ? bodies[r.Next(bodies.Length)] : e.Body,
                            Agreed = r.Next(3) == 0 ? null : r.Next(2) == 0,
                            Improved = r.Next(3) == 0 ? null : r.Next(2) == 0,
                            Eligibility = e.Kind == EventKind.EligibilityChanged ? eligibilities[r.Next(eligibilities.Length)] : e.Eligibility,
                        };
                        return (p with { Timeline = timeline.ToArray() }, $"changed the details of {e.Kind} of {e.Date}");
                    }

                default:
                    return (p with { TimelineComplete = !(p.TimelineComplete ?? false) }, "timelineComplete flipped");
            }
        }

        private static (ProposedProcurement, string) MutateTender(ProposedProcurement p, Random r)
        {
            if (p.Tender is not { } t || r.Next(10) == 0)
            {
                return (p with { Tender = p.Tender is null ? new TenderPlan { Route = ProcurementRoute.OpenTender } : null }, "tender replaced");
            }

            var routes = Enum.GetValues<ProcurementRoute>();
            var eligibilities = Enum.GetValues<TenderEligibility>();
            var justifications = Enum.GetValues<JustificationKind>();
            return r.Next(9) switch
            {
                0 => (p with { Tender = t with { Route = r.Next(4) == 0 ? null : routes[r.Next(routes.Length)] } }, "tender.route changed"),
                1 => (p with { Tender = t with { Eligibility = r.Next(4) == 0 ? null : eligibilities[r.Next(eligibilities.Length)] } }, "tender.eligibility changed"),
                2 => (p with { Tender = t with { IncumbentMayBid = Flip(t.IncumbentMayBid, r) } }, "tender.incumbentMayBid changed"),
                3 => (p with { Tender = t with { CriteriaPublished = Flip(t.CriteriaPublished, r) } }, "tender.criteriaPublished changed"),
                4 => (p with { Tender = t with { ProviderNumbersCapped = Flip(t.ProviderNumbersCapped, r) } }, "tender.providerNumbersCapped changed"),
                5 => (p with { Tender = t with { DisplacesExistingProviders = Flip(t.DisplacesExistingProviders, r) } }, "tender.displacesExistingProviders changed"),
                6 => (p with { Tender = t with { FinalStageBidders = r.Next(4) == 0 ? null : r.Next(4) } }, "tender.finalStageBidders changed"),
                7 => (p with { Tender = t with { EligibilityJustification = r.Next(3) == 0 ? null : new Justification { Kind = justifications[r.Next(justifications.Length)], Text = r.Next(2) == 0 ? null : "A reason." } } }, "tender.eligibilityJustification changed"),
                _ => (p with { Tender = t with { RouteJustification = r.Next(3) == 0 ? null : new Justification { Kind = justifications[r.Next(justifications.Length)], Text = r.Next(2) == 0 ? null : "A reason." } } }, "tender.routeJustification changed"),
            };
        }

        private static (ProposedProcurement, string) MutateContracts(ProposedProcurement p, Random r)
        {
            if (p.IncumbentContracts is not { Count: > 0 } contracts || r.Next(8) == 0)
            {
                IReadOnlyList<Contract>? replaced = r.Next(2) == 0 ? null : [];
                return (p with { IncumbentContracts = replaced }, $"incumbentContracts {(replaced is null ? "null" : "empty")}");
            }

            var list = contracts.ToList();
            var i = r.Next(list.Count);
            var c = list[i];
            var kinds = Enum.GetValues<ProviderKind>();
            string change;
            if (r.Next(3) == 0)
            {
                list[i] = c with { Provider = c.Provider with { Kind = r.Next(4) == 0 ? null : kinds[r.Next(kinds.Length)] } };
                change = "provider kind";
            }
            else if (c.Performance is not { } a || r.Next(6) == 0)
            {
                list[i] = c with { Performance = c.Performance is null ? new PerformanceAssessment { MeetsRequirements = true } : null };
                change = "performance replaced";
            }
            else
            {
                a = r.Next(6) switch
                {
                    0 => a with { Underperforming = Flip(a.Underperforming, r) },
                    1 => a with { SignificantUnderperformance = Flip(a.SignificantUnderperformance, r) },
                    2 => a with { InsufficientImprovement = Flip(a.InsufficientImprovement, r) },
                    3 => a with { SeriousShortcomings = Flip(a.SeriousShortcomings, r) },
                    4 => a with { PlansNotCredible = Flip(a.PlansNotCredible, r) },
                    _ => a with { MeetsRequirements = Flip(a.MeetsRequirements, r) },
                };
                list[i] = c with { Performance = a };
                change = "performance flag";
            }

            return (p with { IncumbentContracts = list.ToArray() }, $"incumbentContracts[{i}] {change} changed");
        }

        private static Document[]? MutateDocuments(IReadOnlyList<Document>? docs, Random r, out string change)
        {
            switch (r.Next(4))
            {
                case 0:
                    change = "null";
                    return null;
                case 1:
                    change = "empty";
                    return [];
                case 2 when docs is { Count: > 0 }:
                    change = "first undated";
                    return [docs[0] with { Date = null }, .. docs.Skip(1)];
                default:
                    var days = r.Next(-5, 6);
                    change = $"dates moved by {days} days";
                    return docs?.Select(d => d with { Date = d.Date?.AddDays(days) }).ToArray();
            }
        }

        // Moves every known end of an event's date by the days, keeping its form (an undated event stays undated).
        private static EventDate Shift(EventDate date, int days) => date.Precision switch
        {
            DatePrecision.Undated or DatePrecision.Relative => date,
            DatePrecision.Day => EventDate.On(date.Exact!.Value.AddDays(days)),
            _ when date.Earliest is { } from && date.Latest is { } to => EventDate.Between(from.AddDays(days), to.AddDays(days)),
            _ when date.Earliest is { } from => EventDate.OnOrAfter(from.AddDays(days)),
            _ => EventDate.OnOrBefore(date.Latest!.Value.AddDays(days)),
        };

        private static bool? Flip(bool? value, Random r) => r.Next(3) == 0 ? null : !(value ?? r.Next(2) == 0);
    }
}
