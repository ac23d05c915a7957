using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>Procurements built in code for engine tests.</summary>
internal static class Cases
{
    public static ProposedProcurement GreatYarmouth() =>
        ProcurementFile.Load(RepoPaths.GreatYarmouth);

    /// <summary>Scenario 1 with the given formal chances and first engagement of alternatives, timeline complete.</summary>
    public static ProposedProcurement Underperformance(DateOnly alternativesEngaged, params DateOnly[] chances) => new()
    {
        Id = "underperformance",
        Scenario = Scenario.Underperformance,
        DecisionDate = new DateOnly(2010, 6, 1),
        IncumbentContracts = [new Contract { Provider = new Provider { Name = "Westshire PCT provider arm", Kind = ProviderKind.PctProviderArm } }],
        Timeline =
        [
            new TimelineEvent { Date = alternativesEngaged, Kind = EventKind.AlternativeProvidersEngaged },
            .. chances.Select(d => new TimelineEvent { Date = d, Kind = EventKind.FormalImprovementOpportunity }),
        ],
        TimelineComplete = true,
    };

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
