using System;

namespace Procurement.Rules;

/// <summary>
/// How <see cref="RulePack.CheckAllParallel"/> spreads a stream of procurements over threads. The default instance
/// uses every core the process may use and keeps at most <see cref="DefaultWindowPerThread"/> procurements per thread
/// in flight.
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record BatchOptions
{
    /// <summary>Procurements in flight per thread when <see cref="MaxInFlight"/> is 0.</summary>
    public const int DefaultWindowPerThread = 64;

    /// <summary>The largest <see cref="MaxDegreeOfParallelism"/> accepted: 256 threads.</summary>
    public const int MaxThreads = 256;

    /// <summary>The largest <see cref="MaxInFlight"/> accepted: 1,048,576 procurements.</summary>
    public const int MaxWindow = 1 << 20;

    private readonly int _maxDegreeOfParallelism;
    private readonly int _maxInFlight;

    /// <summary>The default options: every core, <see cref="DefaultWindowPerThread"/> procurements in flight per thread.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>
    /// The most threads that check at once, from 1 to <see cref="MaxThreads"/>. Default 0:
    /// <see cref="Environment.ProcessorCount"/> (the cores this process may use, at most <see cref="MaxThreads"/>).
    /// 1 checks on the calling thread, exactly like <see cref="RulePack.CheckAll"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or more than <see cref="MaxThreads"/>.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxThreads);
            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>
    /// The most procurements read from the source whose reports have not yet been returned: this bounds the memory a
    /// batch holds, whatever its length. Default 0: <see cref="DefaultWindowPerThread"/> times the degree of
    /// parallelism. A value below the degree of parallelism is raised to it. At most <see cref="MaxWindow"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or more than <see cref="MaxWindow"/>.</exception>
    public int MaxInFlight
    {
        get => _maxInFlight;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxWindow);
            _maxInFlight = value;
        }
    }

    /// <summary>The degree of parallelism in effect: <see cref="MaxDegreeOfParallelism"/>, or the core count for 0.</summary>
    internal int EffectiveDegree => _maxDegreeOfParallelism == 0 ? Math.Min(Environment.ProcessorCount, MaxThreads) : _maxDegreeOfParallelism;

    /// <summary>The window in effect: at least one procurement per thread.</summary>
    internal int EffectiveWindow => Math.Max(EffectiveDegree, _maxInFlight == 0 ? DefaultWindowPerThread * EffectiveDegree : _maxInFlight);
}
