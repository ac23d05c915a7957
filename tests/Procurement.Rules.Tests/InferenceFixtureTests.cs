namespace Procurement.Rules.Tests;

/// <summary>The pack's inference fixtures: each derives exactly the facts its comment lines list, from that inference.</summary>
public class InferenceFixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        InferenceFixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f).SetName($"Inference fixture {f.InferenceId} {f.Name}"));

    [TestCaseSource(nameof(Fixtures))]
    public void InferenceFixture_DerivesWhatItSays(InferenceFixture fixture)
    {
        var procurement = ProcurementFile.Load(fixture.Path);

        var derived = RulePack.Default.Derive(procurement).Where(d => d.InferenceId == fixture.InferenceId).Select(d => d.ToString());

        derived.Should().Equal(fixture.Derives);
    }

    [Test]
    public void EveryInference_HasADerivingAndANonDerivingFixture()
    {
        var fixtures = InferenceFixture.All(RepoPaths.Fixtures);

        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var inference in RulePack.Default.Inferences)
            {
                fixtures.Should().Contain(f => f.InferenceId == inference.Id && f.Derives.Count > 0, $"inference {inference.Id} needs a fixture that derives");
                fixtures.Should().Contain(f => f.InferenceId == inference.Id && f.Derives.Count == 0, $"inference {inference.Id} needs a fixture that derives nothing (recorded wins, or the condition fails)");
            }

            fixtures.Select(f => f.InferenceId).Distinct().Should().OnlyContain(id => RulePack.Default.Inferences.Any(i => i.Id == id));
        }
    }
}
