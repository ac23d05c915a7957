using BenchmarkDotNet.Attributes;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Suite;

/// <summary>One realistic procurement against the full default pack: the engine vs the same rules written by hand.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private readonly RulePack _pack = RulePack.Default;
    private HandWrittenPack _handWritten = null!;
    private ProposedProcurement _realistic = null!;
    private ProposedProcurement _sample = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = new HandWrittenPack(_pack);
        _realistic = Procurements.Realistic();
        _sample = ProcurementFile.ParseYaml(SampleYaml);
    }

    [Benchmark(Baseline = true, Description = "hand-written, realistic case")]
    public CheckReport HandWritten() => _handWritten.Check(_realistic);

    [Benchmark(Description = "engine, realistic case")]
    public CheckReport Engine() => _pack.Check(_realistic);

    [Benchmark(Description = "engine, Great Yarmouth sample")]
    public CheckReport EngineSample() => _pack.Check(_sample);

    [Benchmark(Description = "hand-written, Great Yarmouth sample")]
    public CheckReport HandWrittenSample() => _handWritten.Check(_sample);

    [Benchmark(Description = "validation only (both pay it)")]
    public ProposedProcurement ValidateOnly()
    {
        Files.ProcurementValidator.ThrowIfInvalid(_realistic, file: null);
        return _realistic;
    }

    private const string SampleYaml = """
        id: great-yarmouth-2009
        title: Great Yarmouth and Waveney PCT community services tender
        scenario: newOrRedesignedService
        decisionDate: 2009-10-01
        incumbentContracts:
          - provider: { name: Great Yarmouth and Waveney PCT provider arm, kind: pctProviderArm }
        tender:
          route: openTender
          eligibility: nhsOnly
          eligibilityJustification: { kind: policy, text: "The 'preferred provider' statement." }
        timeline:
          - { date: 2009-10-01, kind: tenderDecision }
          - { date: 2009-10-01, kind: noticePublished }
          - { date: 2009-11-01, kind: eligibilityChanged, eligibility: nhsOnly }
        timelineCompleteFor: [eligibilityChanged]
        """;
}
