namespace Procurement.Rules.Package.Tests;

/// <summary>
/// Runs samples/nrules/trust-rules.cs as a trust would (<c>dotnet run</c> on the file, from another folder): its own
/// fluent NRules rules run beside the pack in one session, over a contract fact and the pack's breach facts.
/// </summary>
[TestFixture]
[Category("Samples")]
[NonParallelizable]
public class NRulesSampleTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Samples, "nrules", "trust-rules.cs");

    /// <summary>The summary line of the README's sample report ("2 breaches, 38 undetermined, ..."), after "Result: ".</summary>
    private static string ReadmeSampleSummary()
    {
        const string Prefix = "Result: ";
        var line = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")).First(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line[Prefix.Length..];
    }

    [Test]
    public void TrustRulesSample_RunsTheTrustsFluentRulesBesideThePack()
    {
        var work = Path.Combine(Path.GetTempPath(), "procurement-rules-nrules-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var run = DotNetCli.Run(work, "run", Script);

            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
            var lines = run.StdOut.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            // The README's sample report (which ReadmeTests proves is what the library reports) gives the summary the
            // pack alone produces; the trust's rules beside it in the session must leave it unchanged.
            lines.Should().Contain("great-yarmouth-2009: " + ReadmeSampleSummary(), "the pack's report is unchanged by the trust's rules\n" + run);
            lines.Should().Contain("verdict fair-tender: BREACH (fair-tender.eligibility-fixed-at-notice, fair-tender.nhs-only-needs-reason)", run.ToString());
            lines.Should().Contain(l => l.StartsWith("trust: board sign-off needed: Great Yarmouth and Waveney PCT provider arm's contract is worth", StringComparison.Ordinal), "the trust's contract rule fired\n" + run);
            lines.Should().Contain("trust: escalate fair-tender.nhs-only-needs-reason: \"For certain services, clinical issues or safety may warrant an 'NHS only' tender.\"", "the trust's rule matched a breach fact with its citation\n" + run);
            lines.Should().Contain("after a PCT Board sign-off: 0 board sign-off finding(s)", "what-if: the sign-off retracts the finding\n" + run);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
