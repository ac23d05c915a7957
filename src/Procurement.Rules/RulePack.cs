using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Procurement.Model;
using Procurement.Rules.Checking;
using Procurement.Rules.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Reporting;

namespace Procurement.Rules;

/// <summary>
/// A loaded, compiled rule pack: the entry point for checking a procurement against procurement policy.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> is the pack embedded in this assembly (the Secretary of State's letter of 25 September 2009);
/// <see cref="LoadFromDirectory"/> loads a pack from a folder holding <c>pack.yaml</c> and <c>*.rules.yaml</c> files.
/// Every expression is parsed, sandboxed and compiled when the pack loads, so a broken rule fails the load, never a check.
/// </para>
/// <para>
/// Thread safety: a pack is immutable once loaded. <see cref="Check"/> is a pure function of its arguments and may be
/// called from any number of threads at once.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var report = RulePack.Default.Check(procurement);
/// foreach (var breach in report.Breaches)
///     Console.WriteLine(breach);
/// </code>
/// </example>
[DebuggerDisplay("{Id,nq} ({Rules.Count} rules)")]
public sealed class RulePack
{
    /// <summary>The id of the default embedded pack.</summary>
    public const string DefaultPackId = "burnham-2009";

    private static readonly ConcurrentDictionary<string, Lazy<RulePack>> Embedded = new(StringComparer.Ordinal);

    private readonly CompiledRule[] _rules;

    internal RulePack(PackHeader header, IReadOnlyList<CompiledRule> rules)
    {
        Id = header.Id;
        Title = header.Title;
        Version = header.Version;
        Description = header.Description;
        InForceFrom = header.InForceFrom;
        InForceUntil = header.InForceUntil;
        Sources = header.Sources;
        Principles = header.Principles;
        _rules = rules.OrderBy(r => r.Definition.Id, StringComparer.Ordinal).ToArray();
        Rules = Array.AsReadOnly(_rules.Select(r => r.Definition).ToArray());
    }

    /// <summary>
    /// The default pack, embedded in this assembly and loaded once on first use (thread-safe).
    /// </summary>
    /// <exception cref="RulePackLoadException">The embedded pack is broken (a packaging defect; never expected).</exception>
    public static RulePack Default => GetEmbedded(DefaultPackId);

    /// <summary>The ids of the packs embedded in this assembly, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedPackIds { get; } = EmbeddedPackFiles.PackIds();

    /// <summary>The pack's id, for example <c>burnham-2009</c>.</summary>
    public string Id { get; }

    /// <summary>The pack's title.</summary>
    public string Title { get; }

    /// <summary>The pack's version, as written in <c>pack.yaml</c>.</summary>
    public string Version { get; }

    /// <summary>What the pack covers.</summary>
    public string Description { get; }

    /// <summary>The first day the policy the pack encodes is in force.</summary>
    public DateOnly InForceFrom { get; }

    /// <summary>The last day the policy is in force, or <see langword="null"/> when no end is recorded.</summary>
    public DateOnly? InForceUntil { get; }

    /// <summary>The source documents the pack's citations quote.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; }

    /// <summary>The pack's principles, in the order <c>pack.yaml</c> lists them.</summary>
    public IReadOnlyList<Principle> Principles { get; }

    /// <summary>The pack's rules, sorted by id.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    internal IReadOnlyList<CompiledRule> CompiledRules => _rules;

    /// <summary>Returns an embedded pack by id, loading it once on first use (thread-safe).</summary>
    /// <param name="id">One of <see cref="EmbeddedPackIds"/>.</param>
    /// <exception cref="ArgumentException">No pack with that id is embedded.</exception>
    public static RulePack GetEmbedded(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!EmbeddedPackIds.Contains(id, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No rule pack '{id}' is embedded; the embedded packs are: {string.Join(", ", EmbeddedPackIds)}.", nameof(id));
        }

        return Embedded.GetOrAdd(id, static key => new Lazy<RulePack>(() => RulePackLoader.Load(new EmbeddedPackFiles(key)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Loads and compiles the pack in a folder (its <c>pack.yaml</c> and every <c>*.rules.yaml</c> beside it).</summary>
    /// <param name="directory">The pack folder, for example <c>rules/burnham-2009</c>.</param>
    /// <param name="options">
    /// Where the pack may read files and the limits on each file; <see cref="RulePackLoadOptions.Default"/> when null,
    /// so the pack reads only inside its own folder. The repository's own pack shares <c>rules/sources</c>, so load it
    /// with <c>new RulePackLoadOptions { RootDirectory = "rules" }</c>.
    /// </param>
    /// <returns>The compiled pack.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="RulePackLoadOptions.RootDirectory"/> does not contain the pack folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="RulePackLoadException">
    /// Any file of the pack is invalid, cannot be read, is not a regular file, lies outside the root, or breaks a limit of
    /// <see cref="InputLimits"/>; the exception lists every problem with file, line, column and rule id.
    /// </exception>
    /// <remarks>Thread-safe: loads share nothing.</remarks>
    public static RulePack LoadFromDirectory(string directory, RulePackLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Rule pack folder not found: {directory}");
        }

        return RulePackLoader.Load(new DirectoryPackFiles(directory, options ?? RulePackLoadOptions.Default));
    }

    /// <summary>Checks one procurement against every rule of the pack.</summary>
    /// <param name="procurement">The procurement to check.</param>
    /// <param name="options">Options; <see cref="CheckOptions.Default"/> when null.</param>
    /// <returns>The report: every rule's outcome, breaches first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="procurement"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">
    /// The procurement is invalid (for example an event lacks a value its kind needs); every problem is listed.
    /// </exception>
    /// <remarks>Pure and thread-safe: the procurement is only read.</remarks>
    public CheckReport Check(ProposedProcurement procurement, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        options ??= CheckOptions.Default;
        Files.ProcurementValidator.ThrowIfInvalid(procurement, file: null);

        var period = PeriodOf(procurement.DecisionDate, options);
        if (period == PeriodStatus.OutsidePeriod)
        {
            return new CheckReport(this, procurement.Id, procurement.Title, procurement.DecisionDate, period, Array.Empty<RuleOutcome>());
        }

        var scope = RuleScope.Rent(procurement);
        var outcomes = new RuleOutcome[_rules.Length];
        try
        {
            for (var i = 0; i < _rules.Length; i++)
            {
                outcomes[i] = RuleEvaluator.Evaluate(_rules[i], scope, procurement.Scenario);
            }
        }
        finally
        {
            RuleScope.Return(scope);
        }

        Array.Sort(outcomes, ReportOrder.Compare);
        return new CheckReport(this, procurement.Id, procurement.Title, procurement.DecisionDate, period, outcomes);
    }

    /// <summary>
    /// Checks a sequence of procurements one at a time, streaming: each report is produced as the sequence is read,
    /// and nothing is held after it is returned.
    /// </summary>
    /// <param name="procurements">The procurements to check.</param>
    /// <param name="options">Options; <see cref="CheckOptions.Default"/> when null.</param>
    /// <returns>One report per procurement, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="procurements"/> is null.</exception>
    public IEnumerable<CheckReport> CheckAll(IEnumerable<ProposedProcurement> procurements, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(procurements);
        return Iterate(procurements, options);

        IEnumerable<CheckReport> Iterate(IEnumerable<ProposedProcurement> items, CheckOptions? opts)
        {
            foreach (var item in items)
            {
                yield return Check(item, opts);
            }
        }
    }

    /// <summary>
    /// Checks a sequence of procurements on several threads at once, streaming: reports come back in input order while
    /// the sequence is still being read, and memory stays flat however long the sequence is.
    /// </summary>
    /// <param name="procurements">
    /// The procurements to check. Read only on the thread that enumerates the result, one item at a time, at most
    /// <see cref="BatchOptions.MaxInFlight"/> items ahead of the last report returned; it need not be thread-safe.
    /// </param>
    /// <param name="batch">Threads and window; <see cref="BatchOptions.Default"/> (every core) when null.</param>
    /// <param name="options">Options for each check; <see cref="CheckOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the run: the next step of the enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One report per procurement, in input order, the same as <see cref="CheckAll"/> returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="procurements"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// Exceptions surface where they would in <see cref="CheckAll"/>: every report before the failing procurement is
    /// returned first, then the enumeration throws the same exception (for example <see cref="ProcurementLoadException"/>
    /// for an invalid procurement, or whatever the source threw while being read). Nothing is returned after it.
    /// </para>
    /// <para>
    /// Work starts on the first <c>MoveNext</c>: the calling thread reads the source, checks procurements itself
    /// while the next report is not ready, and is helped by degree - 1 dedicated background threads. Disposing the
    /// enumerator (a <c>foreach</c> does, also when it ends early) stops them after the few procurements they are
    /// checking and disposes the source's enumerator; an enumerator that is abandoned without being disposed leaves
    /// its threads waiting. With a degree of parallelism of 1 everything runs on the calling thread.
    /// </para>
    /// <para>Thread safety: the pack is shared by the threads, which is safe since a pack is immutable and
    /// <see cref="Check"/> is pure. Each enumeration of the result is a separate run.</para>
    /// </remarks>
    public IEnumerable<CheckReport> CheckAllParallel(
        IEnumerable<ProposedProcurement> procurements,
        BatchOptions? batch = null,
        CheckOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procurements);
        batch ??= BatchOptions.Default;
        var degree = batch.EffectiveDegree;
        return degree == 1 ? Sequential(procurements, options, cancellationToken) : Parallel(procurements, degree, batch.EffectiveWindow, options, cancellationToken);

        IEnumerable<CheckReport> Sequential(IEnumerable<ProposedProcurement> items, CheckOptions? opts, CancellationToken token)
        {
            foreach (var item in items)
            {
                token.ThrowIfCancellationRequested();
                yield return Check(item, opts);
            }
        }

        IEnumerable<CheckReport> Parallel(IEnumerable<ProposedProcurement> items, int threads, int window, CheckOptions? opts, CancellationToken token)
        {
            using var run = new ParallelBatch(this, items, threads, window, opts, token);
            while (run.TryNext(out var report))
            {
                yield return report!;
            }
        }
    }

    /// <summary>Whether a decision date falls within the pack's period.</summary>
    /// <param name="date">The decision date.</param>
    public bool IsInForce(DateOnly date) => date >= InForceFrom && (InForceUntil is null || date <= InForceUntil.Value);

    /// <summary>
    /// Writes the pack as a Markdown catalogue for readers: which rules cover each scenario's process and oversight
    /// columns, then every principle with its rules, what each checks, its expressions and the words it quotes.
    /// </summary>
    /// <returns>The catalogue; the same pack always gives the same text (this repository's <c>docs/rule-catalogue.md</c> is one).</returns>
    /// <remarks>Safe to call from any thread.</remarks>
    public string ToMarkdown() => CatalogueWriter.Write(this);

    /// <summary>Returns the id, version and title.</summary>
    public override string ToString() => $"{Id} {Version}: {Title}";

    private PeriodStatus PeriodOf(DateOnly? decisionDate, CheckOptions options)
    {
        if (decisionDate is null)
        {
            return PeriodStatus.DecisionDateNotRecorded;
        }

        if (IsInForce(decisionDate.Value))
        {
            return PeriodStatus.InForce;
        }

        return options.CheckOutsidePeriod ? PeriodStatus.OutsidePeriodCheckedAnyway : PeriodStatus.OutsidePeriod;
    }

    /// <summary>
    /// Breaches first, then failed, undetermined, compliant, not applicable; then most severe; then id. A cached
    /// <see cref="Comparison{T}"/>: sorting with an <see cref="IComparer{T}"/> would allocate a delegate per sort.
    /// </summary>
    private static class ReportOrder
    {
        public static readonly Comparison<RuleOutcome> Compare = static (x, y) =>
        {
            var byKind = ((int)x.Kind).CompareTo((int)y.Kind);
            if (byKind != 0)
            {
                return byKind;
            }

            var bySeverity = ((int)y.Rule.Severity).CompareTo((int)x.Rule.Severity);
            return bySeverity != 0 ? bySeverity : string.CompareOrdinal(x.Rule.Id, y.Rule.Id);
        };
    }
}
