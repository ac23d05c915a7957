using System.Diagnostics;
using System.Threading;
using Procurement.Model;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>The batch API under hostile options and slow sources.</summary>
public class BatchHostileTests
{
    [Test]
    public void CheckAllParallel_CancelledWhileTheWindowFillsFromASlowSource_StopsWithinAFewItems()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var pulled = 0;
        var watch = Stopwatch.StartNew();

        var act = () => RulePack.Default
            .CheckAllParallel(Slow(), new BatchOptions { MaxDegreeOfParallelism = 2, MaxInFlight = 512 }, cancellationToken: cancel.Token)
            .ToList();

        act.Should().Throw<OperationCanceledException>();
        watch.Stop();

        // A whole window would be 512 items of 20 ms (10 s); a hang guard, not a timing: a few items' time is expected.
        pulled.Should().BeLessThan(100, "the source must not be read on after cancellation");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));

        IEnumerable<ProposedProcurement> Slow()
        {
            var procurement = GreatYarmouth();
            for (var i = 0; i < 10_000; i++)
            {
                Thread.Sleep(20);
                Interlocked.Increment(ref pulled);
                yield return procurement with { Id = "slow-" + i };
            }
        }
    }

    [TestCase(1 << 30)]
    [TestCase(257)]
    [TestCase(-1)]
    public void BatchOptions_DegreeOutOfRange_IsRejected(int degree)
    {
        var act = () => new BatchOptions { MaxDegreeOfParallelism = degree };

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("value");
    }

    [TestCase(1 << 30)]
    [TestCase((1 << 20) + 1)]
    [TestCase(-1)]
    public void BatchOptions_WindowOutOfRange_IsRejected(int window)
    {
        var act = () => new BatchOptions { MaxInFlight = window };

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void CheckAllParallel_LargestOptions_CheckWithoutOverflow()
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = BatchOptions.MaxThreads, MaxInFlight = BatchOptions.MaxWindow };

        RulePack.Default.CheckAllParallel(Enumerable.Repeat(GreatYarmouth(), 3), options).Should().HaveCount(3);
    }
}
