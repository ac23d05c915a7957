namespace Procurement.Rules.Tests;

/// <summary>
/// The psr-2023 rules that exist only from S.I. 2025/163 (<c>from: 2025-02-24</c>): when the record does not say when the
/// process commenced, the outcome is undetermined and names the commencement as the fact to record, not the rule's own
/// facts (the fixture tests check only that some fact is named).
/// </summary>
public class PsrVersionGateTests
{
    private static readonly Lazy<RulePack> Pack = new(() =>
        RulePack.LoadFromDirectory(Path.Combine(RepoPaths.Rules, "psr-2023"), DefaultPackOnDisk.Options));

    [TestCase("exclusions.no-award-to-excluded-provider")]
    [TestCase("exclusions.debarment-list-checked")]
    public void AmendmentRule_CommencementNotRecorded_IsUndeterminedNamingProcessCommenced(string ruleId)
    {
        var file = Path.Combine(RepoPaths.Rules, "psr-2023", "fixtures", ruleId, "undetermined-commencement-not-recorded.yaml");

        var outcome = Pack.Value.Check(ProcurementFile.Load(file), new CheckOptions { CheckOutsidePeriod = true }).For(ruleId);

        outcome!.Kind.Should().Be(OutcomeKind.Undetermined, outcome.Message);
        outcome.MissingFacts.Should().Equal(new[] { "timeline.processCommenced" }, "only the commencement decides whether the amended regulation applies");
    }
}
