using System.Threading;
using Procurement.Model;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests;

/// <summary>CheckAllParallel: the same reports in the same order as CheckAll, with flat memory, exceptions in place.</summary>
public class BatchTests
{
    private static IEnumerable<ProposedProcurement> Varied(int count)
    {
        var yarmouth = GreatYarmouth();
        for (var i = 0; i < count; i++)
        {
            var id = "case-" + i;
            yield return (i % 4) switch
            {
                0 => yarmouth with { Id = id },
                1 => Underperformance(D(2010, 4, 1), D(2010, 2, 1)) with { Id = id },
                2 => Underperformance(D(2010, 4, 1), D(2010, 2, 1), D(2010, 3, 1)) with { Id = id, TimelineComplete = null },
                _ => yarmouth with { Id = id, Scenario = (Scenario)(1 + (i % 6)), Tender = null },
            };
        }
    }

    [TestCase(2, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 5)]
    [TestCase(8, 16)]
    public void CheckAllParallel_ReturnsTheSequentialReportsInInputOrder(int threads, int window)
    {
        var expected = RulePack.Default.CheckAll(Varied(500)).Select(r => r.ToJson()).ToList();

        var actual = RulePack.Default.CheckAllParallel(Varied(500), new BatchOptions { MaxDegreeOfParallelism = threads, MaxInFlight = window })
            .Select(r => r.ToJson()).ToList();

        actual.Should().Equal(expected);
    }

    [Test]
    public void CheckAllParallel_DefaultOptionsAndOneThread_ReturnTheSequentialReports()
    {
        var expected = RulePack.Default.CheckAll(Varied(100)).Select(r => r.ToJson()).ToList();

        RulePack.Default.CheckAllParallel(Varied(100)).Select(r => r.ToJson()).Should().Equal(expected);
        RulePack.Default.CheckAllParallel(Varied(100), new BatchOptions { MaxDegreeOfParallelism = 1 }).Select(r => r.ToJson()).Should().Equal(expected);
    }

    [Test]
    public void CheckAllParallel_EmptySource_ReturnsNothing()
    {
        RulePack.Default.CheckAllParallel(Array.Empty<ProposedProcurement>()).Should().BeEmpty();
    }

    [TestCase(2, 8)]
    [TestCase(4, 3)]
    [TestCase(2, 0)]
    public void CheckAllParallel_ReadsAtMostTheWindowAheadOfWhatItReturned(int threads, int window)
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = threads, MaxInFlight = window };
        var source = new CountingSource(Varied(2000));
        var returned = 0;
        var worstAhead = 0;

        foreach (var report in RulePack.Default.CheckAllParallel(source, options))
        {
            report.ProcurementId.Should().Be("case-" + returned);
            returned++;
            worstAhead = Math.Max(worstAhead, source.Pulled - returned);
        }

        returned.Should().Be(2000);
        worstAhead.Should().BeLessThanOrEqualTo(options.EffectiveWindow);
        source.Pulled.Should().Be(2000);
    }

    [Test]
    public void CheckAllParallel_InvalidProcurement_ThrowsAtItsPlaceAfterTheReportsBeforeIt()
    {
        var invalid = GreatYarmouth() with { Id = "invalid", TermMonths = -1 };
        var source = Varied(50).Take(7).Append(invalid).Concat(Varied(50));
        var returned = new List<string>();

        var act = () =>
        {
            foreach (var report in RulePack.Default.CheckAllParallel(source, new BatchOptions { MaxDegreeOfParallelism = 2, MaxInFlight = 4 }))
            {
                returned.Add(report.ProcurementId);
            }
        };

        act.Should().Throw<ProcurementValidationException>().Which.Problems.Should().ContainSingle(p => p.Path == "termMonths");
        returned.Should().Equal(Enumerable.Range(0, 7).Select(i => "case-" + i));
    }

    [Test]
    public void CheckAllParallel_SourceThrows_ThrowsAfterTheReportsOfWhatItRead()
    {
        IEnumerable<ProposedProcurement> Failing()
        {
            foreach (var p in Varied(5))
            {
                yield return p;
            }

            throw new InvalidDataException("case file 6 is unreadable");
        }

        var returned = new List<string>();
        var act = () =>
        {
            foreach (var report in RulePack.Default.CheckAllParallel(Failing(), new BatchOptions { MaxDegreeOfParallelism = 2 }))
            {
                returned.Add(report.ProcurementId);
            }
        };

        act.Should().Throw<InvalidDataException>().WithMessage("case file 6 is unreadable");
        returned.Should().HaveCount(5);
    }

    [Test]
    public void CheckAllParallel_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var returned = 0;

        var act = () =>
        {
            foreach (var unused in RulePack.Default.CheckAllParallel(Varied(10_000), new BatchOptions { MaxDegreeOfParallelism = 2 }, cancellationToken: cancel.Token))
            {
                if (++returned == 3)
                {
                    cancel.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
        returned.Should().Be(3);
    }

    [Test]
    public void CheckAllParallel_StoppedEarly_DisposesTheSourceAndReadsNoFurther()
    {
        var source = new CountingSource(Varied(10_000));

        RulePack.Default.CheckAllParallel(source, new BatchOptions { MaxDegreeOfParallelism = 2, MaxInFlight = 10 }).Take(3).Should().HaveCount(3);

        source.Disposed.Should().BeTrue();
        source.Pulled.Should().BeLessThanOrEqualTo(13);
    }

    [Test]
    public void BatchOptions_NegativeValues_AreRejected()
    {
        var threads = () => new BatchOptions { MaxDegreeOfParallelism = -1 };
        var window = () => new BatchOptions { MaxInFlight = -1 };

        threads.Should().Throw<ArgumentOutOfRangeException>();
        window.Should().Throw<ArgumentOutOfRangeException>();
        new BatchOptions { MaxDegreeOfParallelism = 3, MaxInFlight = 1 }.EffectiveWindow.Should().Be(3, "at least one procurement per thread");
        BatchOptions.Default.EffectiveDegree.Should().Be(Environment.ProcessorCount);
    }

    /// <summary>A lazy source that counts how far it has been read and whether it was disposed.</summary>
    private sealed class CountingSource : IEnumerable<ProposedProcurement>
    {
        private readonly IEnumerable<ProposedProcurement> _items;

        public CountingSource(IEnumerable<ProposedProcurement> items) => _items = items;

        public int Pulled { get; private set; }

        public bool Disposed { get; private set; }

        public IEnumerator<ProposedProcurement> GetEnumerator()
        {
            try
            {
                foreach (var item in _items)
                {
                    Pulled++;
                    yield return item;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
