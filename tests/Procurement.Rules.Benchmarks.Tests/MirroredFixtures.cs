using Procurement.Model;
using Procurement.Rules.Tests;

namespace Procurement.Rules.Benchmarks.Tests;

/// <summary>
/// The fixtures the fluent peer is compared with the engine on: those whose events all have exact dates. The peer still
/// compares exact days; the engine's interval logic for months, years, bounds and undated events (the fixtures named for
/// them, such as <c>undetermined-same-month</c>) is not in it yet. The hand-written mirror follows it and is compared on
/// every fixture. Remove this filter once the peer follows.
/// </summary>
internal static class MirroredFixtures
{
    public static IEnumerable<Fixture> All() =>
        Fixture.All(RepoPaths.Fixtures).Where(f => ProcurementFile.Load(f.Path).Timeline?.All(e => e.Date.IsExact) ?? true);
}
