using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using Procurement.Model;

namespace Procurement.Rules.Checking;

/// <summary>
/// One parallel run of <see cref="RulePack.CheckAllParallel"/>: an order-preserving map over a stream with a bounded
/// window. The source is read only on the thread that enumerates the reports (the consumer), at most <c>window</c>
/// procurements ahead of the last report returned; <c>degree - 1</c> worker threads and the consumer itself check
/// them; reports come back in input order.
/// </summary>
/// <remarks>
/// <para>
/// Slots form a ring of <c>window</c> entries: a procurement with sequence number <c>n</c> lives in slot
/// <c>n % window</c> from the moment it is read until its report is returned. Counters only grow:
/// <c>returned &lt;= claimed &lt;= read &lt;= returned + window</c>. Threads claim runs of procurements with a
/// compare-and-swap on <c>claimed</c> and publish each report with a full fence; the gate (a monitor) is taken only to
/// publish what was read, to wake a sleeping consumer, and to sleep.
/// </para>
/// <para>
/// The consumer does not sleep while there is work: when the report it must return next is not ready, it checks
/// procurements itself. So <c>degree</c> threads check at once, never more, and a batch on two cores uses one worker
/// thread and the caller's thread.
/// </para>
/// </remarks>
internal sealed class ParallelBatch : IDisposable
{
    private readonly RulePack _pack;
    private readonly CheckOptions? _options;
    private readonly IEnumerator<ProposedProcurement> _source;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private readonly int _window;
    private readonly int _refillAt;
    private readonly int _chunk;
    private readonly ProposedProcurement?[] _items;
    private readonly CheckReport?[] _reports;
    private readonly ExceptionDispatchInfo?[] _errors;
    private readonly int[] _done;
    private readonly Thread[] _workers;
    private readonly object _gate = new();

    // Written by the consumer only; _read is published under the gate.
    private long _read;
    private long _returned;
    private bool _sourceEnded;
    private ExceptionDispatchInfo? _sourceError;

    // Claimed by compare-and-swap; the consumer announces its sleep with a full fence, as workers publish with one.
    private long _claimed;
    private int _consumerWaiting;

    // Under the gate.
    private bool _stopping;
    private int _idleWorkers;
    private bool _disposed;

    public ParallelBatch(RulePack pack, IEnumerable<ProposedProcurement> source, int degree, int window, CheckOptions? options, CancellationToken cancellationToken)
    {
        _pack = pack;
        _options = options;
        _cancellationToken = cancellationToken;
        _window = window;
        _refillAt = Math.Max(1, window / 2);
        _chunk = Math.Clamp(window / (degree * 4), 1, 8);
        _items = new ProposedProcurement?[window];
        _reports = new CheckReport?[window];
        _errors = new ExceptionDispatchInfo?[window];
        _done = new int[window];
        _source = source.GetEnumerator();
        _registration = cancellationToken.Register(static state => ((ParallelBatch)state!).Stop(), this);
        _workers = new Thread[degree - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = "Procurement.Rules batch check " + (i + 1) };
            _workers[i].Start();
        }
    }

    /// <summary>Returns the next report in input order; false at the end. Rethrows a check's or the source's exception at its place.</summary>
    public bool TryNext(out CheckReport? report)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        Fill();
        if (_returned == _read)
        {
            // Fill has just read as far as the window allows, so nothing in flight means the source is done.
            _sourceError?.Throw();
            report = null;
            return false;
        }

        var slot = (int)(_returned % _window);
        while (Volatile.Read(ref _done[slot]) == 0)
        {
            // Not ready: check procurements here rather than wait, reading more from the source if there is room;
            // sleep only when every procurement read is taken and the window is full.
            if (TryClaim(Math.Min(_chunk, 4), out var start, out var end))
            {
                CheckRun(start, end);
                continue;
            }

            if (Fill(force: true) > 0)
            {
                continue;
            }

            lock (_gate)
            {
                Interlocked.Exchange(ref _consumerWaiting, 1);
                while (Volatile.Read(ref _done[slot]) == 0 && !_stopping)
                {
                    // The timeout is a safety net only: a worker pulses after publishing a report.
                    Monitor.Wait(_gate, 10);
                }

                Interlocked.Exchange(ref _consumerWaiting, 0);
            }

            _cancellationToken.ThrowIfCancellationRequested();
        }

        report = _reports[slot];
        var error = _errors[slot];
        _items[slot] = null;
        _reports[slot] = null;
        _errors[slot] = null;
        _done[slot] = 0;
        _returned++;
        error?.Throw();
        return true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Stop();
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _registration.Dispose();
        _source.Dispose();
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Reads from the source on the consuming thread until the window is full: once half of it is free, or whenever
    /// there is room when <paramref name="force"/> is set. Returns how many procurements it read.
    /// </summary>
    private int Fill(bool force = false)
    {
        var inFlight = (int)(_read - _returned);
        if (_sourceEnded || inFlight == _window || (!force && inFlight > 0 && _window - inFlight < _refillAt))
        {
            return 0;
        }

        var count = 0;
        var ended = false;
        ExceptionDispatchInfo? error = null;
        var cancelled = false;
        while (inFlight + count < _window)
        {
            // A slow source can take a while to fill the window: stop between items when asked, not after the window.
            if (_cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            try
            {
                if (!_source.MoveNext())
                {
                    ended = true;
                    break;
                }

                _items[(int)((_read + count) % _window)] = _source.Current;
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
                ended = true;
                break;
            }

            count++;
        }

        _sourceEnded = ended;
        _sourceError = error;
        lock (_gate)
        {
            _read += count;
            if (_idleWorkers > 0 && count > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }

        if (cancelled)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        return count;
    }

    /// <summary>Claims the next run of at most <paramref name="most"/> procurements read but not yet taken.</summary>
    private bool TryClaim(int most, out long start, out long end)
    {
        while (true)
        {
            start = Volatile.Read(ref _claimed);
            var read = Volatile.Read(ref _read);
            if (start >= read)
            {
                end = start;
                return false;
            }

            end = Math.Min(read, start + most);
            if (Interlocked.CompareExchange(ref _claimed, end, start) == start)
            {
                return true;
            }
        }
    }

    /// <summary>Checks a claimed run and publishes each report as it is ready, waking the consumer if it sleeps.</summary>
    private void CheckRun(long start, long end)
    {
        for (var n = start; n < end; n++)
        {
            var slot = (int)(n % _window);
            try
            {
                _reports[slot] = _pack.Check(_items[slot]!, _options);
            }
            catch (Exception e)
            {
                _errors[slot] = ExceptionDispatchInfo.Capture(e);
            }

            Interlocked.Exchange(ref _done[slot], 1);
            if (Volatile.Read(ref _consumerWaiting) != 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private void Work()
    {
        while (!Volatile.Read(ref _stopping))
        {
            if (TryClaim(_chunk, out var start, out var end))
            {
                CheckRun(start, end);
                continue;
            }

            lock (_gate)
            {
                while (!_stopping && Volatile.Read(ref _claimed) >= _read)
                {
                    _idleWorkers++;
                    Monitor.Wait(_gate);
                    _idleWorkers--;
                }
            }
        }
    }
}
