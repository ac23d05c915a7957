using System;
using System.Globalization;
using System.Linq;
using Procurement.Model;
using Procurement.Rules.Benchmarks.HandWritten;
using Procurement.Rules.Benchmarks.Peer;
using Procurement.Rules.Benchmarks.Workload;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// <c>peer_ratio</c>: the five core principles' rules as YAML through our loader, checked by the public
/// <see cref="RulePack.Check"/> (so it measures whatever engine runs a check), against the same rules written directly
/// in NRules' fluent DSL (<see cref="FluentPeer"/>), in the same process, in interleaved rounds. Part of the quick mode;
/// <c>--peer</c> runs it alone.
/// </summary>
public static class PeerMeasurement
{
    /// <summary>Prints the peer figures and returns the ratio (engine / fluent peer, medians, realistic case); null on a mismatch.</summary>
    public static double? Run()
    {
        var inv = CultureInfo.InvariantCulture;
        var pack = CorePrinciplesPack.Instance;
        var peer = new FluentPeer(pack, FluentPeerShape.OneRulePerRule);
        var split = new FluentPeer(pack, FluentPeerShape.ConditionsInWhen);
        var realistic = Procurements.Realistic();
        var mix = Procurements.Generate(256, seed: 7).Where(p => p.DecisionDate is { } d && pack.IsInForce(d)).ToArray();
        foreach (var procurement in mix.Prepend(realistic))
        {
            var expected = pack.Check(procurement);
            var differences = ReportComparison.Differences(expected, peer.Check(procurement)).Concat(ReportComparison.Differences(expected, split.Check(procurement))).ToList();
            if (differences.Count > 0)
            {
                Console.WriteLine($"ERROR: the fluent peer does not report what the engine reports on {procurement.Id}: " + string.Join("; ", differences));
                return null;
            }
        }

        // Both sides deliver the whole report, principle verdicts included (read here, so that an engine deriving them
        // in its session and a report computing them when read are compared on the same output, as check_ratio does).
        var (engineNs, peerNs) = CpuTiming.CompareMedians(() => pack.Check(realistic).Verdicts, () => peer.Check(realistic).Verdicts);
        var next = 0;
        var (engineMixNs, peerMixNs) = CpuTiming.CompareMedians(() => pack.Check(mix[next++ % mix.Length]).Verdicts, () => peer.Check(mix[next++ % mix.Length]).Verdicts, warmupMs: 300, rounds: 21);
        var engineBytes = Timing.AllocatedPerCall(() => pack.Check(realistic).Verdicts);
        var peerBytes = Timing.AllocatedPerCall(() => peer.Check(realistic).Verdicts);
        Console.WriteLine(string.Create(inv, $"peer: {pack.Rules.Count} rules of {CorePrinciplesPack.Principles.Count} principles, YAML via RulePack.Check {engineNs / 1000:F2} us, fluent NRules (one NRules rule per YAML rule, {peer.RuleCount} in all; a session per check) {peerNs / 1000:F2} us per check of the realistic case ({CpuTiming.Clock}); ratio {engineNs / peerNs:F2}; bytes {engineBytes:F0} vs {peerBytes:F0}"));
        Console.WriteLine(string.Create(inv, $"peer: {mix.Length} generated procurements in turn: YAML {engineMixNs / 1000:F2} us, fluent {peerMixNs / 1000:F2} us per check; ratio {engineMixNs / peerMixNs:F2}"));
        var (wholeNs, splitNs) = CpuTiming.CompareMedians(() => peer.Check(realistic).Verdicts, () => split.Check(realistic).Verdicts, warmupMs: 300, rounds: 21);
        var splitBytes = Timing.AllocatedPerCall(() => split.Check(realistic).Verdicts);
        Console.WriteLine(string.Create(inv, $"peer: the same rules with their conditions in When ({split.RuleCount} NRules rules): {splitNs / 1000:F2} us, {splitBytes:F0} B per check of the realistic case, vs {wholeNs / 1000:F2} us for one rule per YAML rule in the same rounds; YAML / this shape {engineNs / splitNs * wholeNs / peerNs:F2}"));
        return engineNs / peerNs;
    }
}
