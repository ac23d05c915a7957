using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Procurement.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>--pack auto</c>: each procurement gets its own <see cref="RulePack.Select(ProposedProcurement, IEnumerable{RulePack})"/>
/// and is checked against the pack chosen for it, or reported with the selection when none could be chosen.
/// </summary>
/// <remarks>
/// Written here rather than grouping cases by pack and calling <see cref="RulePack.CheckAllParallel"/> per pack: that
/// would need every case read before any report (to group them) or one batch per pack interleaved back into input
/// order. Instead the calling thread reads a window of cases, the window is selected and checked on
/// <see cref="BatchOptions.MaxDegreeOfParallelism"/> threads (<see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>),
/// and its results come back in input order before the next window is read, so memory stays bounded by the window and
/// the source is read only on the calling thread, as <see cref="RulePack.CheckAllParallel"/> reads it.
/// </remarks>
internal static class AutoCheck
{
    /// <summary>Window per thread: large enough to keep the threads busy between windows, small enough to stream.</summary>
    private const int WindowPerThread = 8;

    /// <summary>
    /// Selects and checks each procurement; yields, in input order, the report or (when no pack could be chosen) the
    /// selection. An exception (an invalid procurement, or one the source threw) surfaces where it would in a sequential
    /// run: after every result before it.
    /// </summary>
    public static IEnumerable<(CheckReport? Report, PackSelection? Selection)> Run(
        IEnumerable<ProposedProcurement> source, PackChoice packs, BatchOptions batch, CheckOptions options)
    {
        var degree = batch.EffectiveDegree;
        var window = degree * WindowPerThread;
        var items = new List<ProposedProcurement>(window);
        using var enumerator = source.GetEnumerator();
        while (true)
        {
            items.Clear();
            ExceptionDispatchInfo? readFailure = null;
            try
            {
                while (items.Count < window && enumerator.MoveNext())
                {
                    items.Add(enumerator.Current);
                }
            }
            catch (Exception e)
            {
                readFailure = ExceptionDispatchInfo.Capture(e);
            }

            if (items.Count == 0 && readFailure is null)
            {
                yield break;
            }

            var results = new (CheckReport? Report, PackSelection? Selection, ExceptionDispatchInfo? Error)[items.Count];
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = degree }, i =>
            {
                try
                {
                    var selection = packs.Select(items[i]);
                    results[i] = selection.Pack is null ? (null, selection, null) : (selection.Check(options), null, null);
                }
                catch (Exception e)
                {
                    results[i] = (null, null, ExceptionDispatchInfo.Capture(e));
                }
            });

            foreach (var (report, selection, error) in results)
            {
                error?.Throw();
                yield return (report, selection);
            }

            readFailure?.Throw();
            if (items.Count < window)
            {
                yield break;
            }
        }
    }
}
