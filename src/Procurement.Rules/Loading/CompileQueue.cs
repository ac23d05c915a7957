using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Procurement.Rules.Checking;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Loading;

/// <summary>
/// Compiles each rule on a pool thread as soon as the loader has read it, while the loading thread goes on reading and
/// parsing the next ones; <see cref="Finish"/> then compiles on the loading thread whatever no pool thread has taken,
/// and waits for the rest.
/// </summary>
/// <remarks>
/// <para>
/// Why: compiling (<c>Expression.Compile</c>, which has the JIT compile each expression) is most of a load, and
/// reading the YAML and parsing the expressions a third of it; one after the other, the parsing left the second core
/// idle. Overlapped, a warm reload of the default pack takes what the compile alone took (docs/performance.md).
/// </para>
/// <para>
/// Each rule is compiled exactly once, by whichever thread claims it first; the loading thread claims every rule left,
/// so a load completes even when no pool thread is free (as <c>Parallel.For</c>, which this replaces, did). Compiling
/// shares no state with parsing (<see cref="RuleExpressionParser.Compile{T}"/>; expression trees are immutable).
/// Not thread-safe itself: <see cref="Add"/> and <see cref="Finish"/> are called by the loading thread only.
/// </para>
/// </remarks>
internal sealed class CompileQueue
{
    private readonly RuleExpressionParser _parser;
    private readonly List<Item> _items = new();

    public CompileQueue(RuleExpressionParser parser)
    {
        _parser = parser;
    }

    /// <summary>Queues a rule read without problems; a pool thread may start compiling it at once.</summary>
    public void Add(PendingRule rule)
    {
        var item = new Item(rule, _parser);
        _items.Add(item);
        if (Environment.ProcessorCount > 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static i => i.TryRun(), item, preferLocal: false);
        }
    }

    /// <summary>
    /// Compiles every rule not yet taken, on this thread, waits for the others and returns them in the order added,
    /// with any compile error listed after the other problems. When <paramref name="problems"/> already has problems,
    /// compiles nothing more and returns no rules (the load fails on those problems).
    /// </summary>
    public CompiledRule[] Finish(ProblemList problems)
    {
        if (problems.Count > 0)
        {
            // Nothing more to compile: claim what is left so that no pool thread starts it. Those already running
            // finish on their own; their results are not needed.
            foreach (var item in _items)
            {
                item.Abandon();
            }

            return Array.Empty<CompiledRule>();
        }

        foreach (var item in _items)
        {
            item.TryRun();
        }

        foreach (var item in _items)
        {
            item.Wait();
            if (item.Unexpected is { } unexpected)
            {
                throw new AggregateException(unexpected);
            }

            if (item.Error is { } error)
            {
                problems.File = item.Rule.FileDisplay;
                problems.Add(item.Rule.Start, item.Rule.Definition.Id, "the rule's expressions could not be compiled: " + error);
            }
        }

        return _items.Select(i => i.Result).OfType<CompiledRule>().ToArray();
    }

    private sealed class Item
    {
        private readonly RuleExpressionParser _parser;

        // Held by the thread compiling the rule, so that Wait returns only once it is compiled.
        private readonly object _gate = new();
        private bool _claimed;

        public Item(PendingRule rule, RuleExpressionParser parser)
        {
            Rule = rule;
            _parser = parser;
        }

        public PendingRule Rule { get; }

        public CompiledRule? Result { get; private set; }

        public string? Error { get; private set; }

        /// <summary>Any other exception, rethrown by <see cref="Finish"/> as <c>Parallel.For</c> did (wrapped in an <see cref="AggregateException"/>).</summary>
        public Exception? Unexpected { get; private set; }

        /// <summary>Compiles the rule unless another thread is compiling or has compiled it.</summary>
        public void TryRun()
        {
            if (!Monitor.TryEnter(_gate))
            {
                return;
            }

            try
            {
                if (_claimed)
                {
                    return;
                }

                _claimed = true;
                Result = Rule.Compile(_parser);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
            {
                Error = e.Message;
            }
#pragma warning disable CA1031 // On a pool thread an exception would end the process: it is rethrown on the loading thread instead.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Unexpected = e;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>Keeps a pool thread from starting the rule (one already compiling it finishes).</summary>
        public void Abandon()
        {
            if (Monitor.TryEnter(_gate))
            {
                _claimed = true;
                Monitor.Exit(_gate);
            }
        }

        /// <summary>Waits until the thread compiling the rule has finished (at once when it is compiled).</summary>
        public void Wait()
        {
            lock (_gate)
            {
            }
        }
    }
}
