using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NRules;
using NRules.RuleModel;
using Procurement.Model;
using Procurement.Rules.Checking;
using Procurement.Rules.Engine;
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
/// Loading also compiles the rules into NRules rules and one NRules session factory (<see cref="RuleRepository"/>,
/// <see cref="SessionFactory"/>); <see cref="Check"/> runs an NRules session. <see cref="WithRules"/> runs a caller's
/// own NRules rules beside the pack's, and <see cref="OpenSession"/> gives a session for what-if questions.
/// </para>
/// <para>
/// Thread safety: a pack is immutable once loaded. <see cref="Check"/> is a pure function of its arguments and may be
/// called from any number of threads at once (each thread uses its own NRules session; the factory is shared).
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

    // What choosing among the embedded packs needs, read from each pack.yaml once (reading a header compiles nothing);
    // the chosen pack is then loaded and compiled through GetEmbedded.
    private static readonly Lazy<PackScope[]> EmbeddedScopes = new(
        () => EmbeddedPackFiles.PackIds().Select(id =>
        {
            var header = RulePackLoader.ReadEmbeddedHeader(id);
            return header is null
                ? PackScope.Of(GetEmbedded(id)) // a broken header: the full load throws, naming every problem
                : new PackScope(header.Id, header.InForceFrom, header.InForceUntil, header.DecidedBy, header.AppliesTo, () => GetEmbedded(id));
        }).ToArray(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly CompiledRule[] _rules;
    private readonly PackEngine _engine;

    /// <summary>Creates the pack and compiles its rules into NRules rules and one session factory.</summary>
    /// <exception cref="RulePackLoadException">NRules cannot compile one of the rules (the problem names its file, line and id).</exception>
    internal RulePack(PackHeader header, IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledInference>? inferences = null)
    {
        Id = header.Id;
        Title = header.Title;
        Version = header.Version;
        Description = header.Description;
        InForceFrom = header.InForceFrom;
        InForceUntil = header.InForceUntil;
        DecidedBy = header.DecidedBy;
        AppliesTo = header.AppliesTo;
        Versions = header.Versions;
        Sources = header.Sources;
        Principles = header.Principles;
        _rules = rules.OrderBy(r => r.Definition.Id, StringComparer.Ordinal).ToArray();
        Rules = Array.AsReadOnly(_rules.Select(r => r.Definition).ToArray());
        Inferences = inferences ?? Array.Empty<CompiledInference>();
        _engine = new PackEngine(Id, _rules, Principles, extra: null, inferences: Inferences);
    }

    private RulePack(RulePack pack, IRuleRepository? extra, bool fastCompile = true, bool verdictRulePerPrinciple = false)
    {
        Id = pack.Id;
        Title = pack.Title;
        Version = pack.Version;
        Description = pack.Description;
        InForceFrom = pack.InForceFrom;
        InForceUntil = pack.InForceUntil;
        DecidedBy = pack.DecidedBy;
        AppliesTo = pack.AppliesTo;
        Versions = pack.Versions;
        Sources = pack.Sources;
        Principles = pack.Principles;
        _rules = pack._rules;
        Rules = pack.Rules;
        Inferences = pack.Inferences;
        _engine = new PackEngine(Id, _rules, Principles, extra, fastCompile, verdictRulePerPrinciple, Inferences);
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

    /// <summary>Which of a procurement's dates decides whether the period covers it. Default (when <c>pack.yaml</c> does not say): the decision date.</summary>
    public DecidingDate DecidedBy { get; }

    /// <summary>The kinds of commissioner the pack covers (<c>appliesTo</c> in <c>pack.yaml</c>); empty when it covers any.</summary>
    public IReadOnlyList<CommissionerKind> AppliesTo { get; }

    /// <summary>The versions of the pack's law, oldest first (<c>versions</c> in <c>pack.yaml</c>); empty when it has one text.</summary>
    public IReadOnlyList<PackVersion> Versions { get; }

    /// <summary>The source documents the pack's citations quote.</summary>
    public IReadOnlyList<SourceDocument> Sources { get; }

    /// <summary>The pack's principles, in the order <c>pack.yaml</c> lists them.</summary>
    public IReadOnlyList<Principle> Principles { get; }

    /// <summary>The pack's rules, sorted by id.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    internal IReadOnlyList<CompiledRule> CompiledRules => _rules;

    /// <summary>The pack's inferences (<c>inferences.yaml</c>), in file order; empty when it has none.</summary>
    internal IReadOnlyList<CompiledInference> Inferences { get; }

    /// <summary>
    /// The pack's rules as NRules rules: one per YAML rule (named by the rule's id, tagged <c>principle:&lt;key&gt;</c>
    /// and <c>severity:&lt;severity&gt;</c>, carrying its <see cref="RuleDefinition"/> as the property
    /// <c>definition</c>), plus the verdict rule (named <c>verdict:*</c>, tagged <c>verdict</c>) that derives every
    /// principle's verdict from its rules' outcomes after they have fired.
    /// </summary>
    /// <remarks>
    /// Each call of <see cref="IRuleRepository.GetRuleSets"/> returns a new rule set, so changing it does not change the
    /// pack. The rules match an internal fact that <see cref="OpenSession"/> and <see cref="Check"/> insert: to run them
    /// beside your own rules, use <see cref="WithRules"/> rather than compiling this repository yourself.
    /// Safe to read from any thread.
    /// </remarks>
    public IRuleRepository RuleRepository => _engine.Repository;

    /// <summary>
    /// The NRules session factory the pack's rules (and, for a pack from <see cref="WithRules"/>, the caller's rules)
    /// were compiled into, once, when the pack was loaded.
    /// </summary>
    /// <remarks>
    /// Thread safety: the factory is shared and may create sessions on any number of threads at once; a session is
    /// not thread-safe and belongs to one caller. <see cref="OpenSession"/> gives a session with a procurement in it.
    /// </remarks>
    public ISessionFactory SessionFactory => _engine.Factory;

    /// <summary>
    /// Compiles this pack's rules together with a caller's own NRules rules (fluent or built with
    /// <c>NRules.RuleModel</c>) into one session factory, returning a pack that runs both.
    /// </summary>
    /// <param name="rules">The caller's rules, for example an <c>NRules.Fluent.RuleRepository</c> loaded from an assembly.</param>
    /// <returns>
    /// A pack with the same rules, principles and sources whose <see cref="Check"/> and <see cref="OpenSession"/> also
    /// fire the caller's rules. Reports are unchanged by them (the caller's rules cannot change an outcome); what they
    /// derive is in the session (<see cref="CaseSession.Session"/>).
    /// </returns>
    /// <remarks>
    /// The caller's rules can match, as facts: <see cref="ProposedProcurement"/>; <see cref="Contract"/> and
    /// <see cref="TimelineEvent"/> (inserted only when some rule matches them); <see cref="RuleOutcome"/>, one per rule
    /// of the pack, inserted together after the pack's rules have fired. Facts are identified by reference. Compiling
    /// takes tens of milliseconds: do it once and share the result, which is immutable and thread-safe.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    /// <exception cref="NRules.RuleCompilationException">NRules cannot compile one of the caller's rules.</exception>
    public RulePack WithRules(IRuleRepository rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RulePack(this, rules);
    }

    /// <summary>The same pack compiled by NRules with <c>Expression.Compile</c> instead of FastExpressionCompiler (for the test that compares them).</summary>
    internal RulePack WithSystemExpressionCompiler() => new(this, extra: null, fastCompile: false);

    /// <summary>The same pack with one verdict rule per principle instead of one for all (to compare reports and costs).</summary>
    internal RulePack WithVerdictRulePerPrinciple() => new(this, extra: null, verdictRulePerPrinciple: true);

    /// <summary>Whether NRules compiled this pack's expressions with FastExpressionCompiler.</summary>
    internal bool FastCompile => _engine.FastCompile;

    /// <summary>The facts the pack's inferences derive from a procurement (for fixtures and tests).</summary>
    internal IReadOnlyList<DerivedFact> Derive(ProposedProcurement procurement)
    {
        var session = OpenSession(procurement);
        session.Fire();
        return session.DerivedFacts();
    }

    /// <summary>
    /// Opens an NRules session holding one procurement, for what-if questions: change it, fire again, and get the
    /// report a fresh <see cref="Check"/> would give.
    /// </summary>
    /// <param name="procurement">The procurement.</param>
    /// <param name="options">Options for every report of the session; <see cref="CheckOptions.Default"/> when null.</param>
    /// <returns>A session not yet fired; call <see cref="CaseSession.Fire"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="procurement"/> is null.</exception>
    /// <exception cref="ProcurementLoadException">The procurement is invalid; every problem is listed.</exception>
    /// <remarks>Each call gives a new session, which belongs to one caller (not thread-safe); the pack stays shareable.</remarks>
    public CaseSession OpenSession(ProposedProcurement procurement, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        Files.ProcurementValidator.ThrowIfInvalid(procurement, file: null);
        return new CaseSession(this, _engine, procurement, options);
    }

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
    /// <exception cref="ProcurementValidationException">
    /// The procurement is invalid (for example an event lacks a value its kind needs); every problem is listed. It
    /// derives from <see cref="ProcurementLoadException"/>, so a <c>catch</c> of that type still catches it.
    /// </exception>
    /// <remarks>Pure and thread-safe: the procurement is only read.</remarks>
    public CheckReport Check(ProposedProcurement procurement, CheckOptions? options = null) => CheckWith(procurement, options, selection: null);

    internal CheckReport CheckWith(ProposedProcurement procurement, CheckOptions? options, PackSelection? selection)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        options ??= CheckOptions.Default;
        Files.ProcurementValidator.ThrowIfInvalid(procurement, file: null);

        var period = PeriodOf(procurement, options);
        if (period == PeriodStatus.OutsidePeriod)
        {
            return new CheckReport(this, procurement.Id, procurement.Title, procurement.DecisionDate, period, Array.Empty<RuleOutcome>(), Array.Empty<PrincipleVerdict>())
            {
                DecidingDate = DecidingDateOf(procurement),
                DecidedByModification = Checking.DecidingDates.IsModification(procurement),
                Selection = selection,
            };
        }

        var report = CaseSession.CheckOnce(this, _engine, procurement, period);
        return selection is null ? report : report.WithSelection(selection);
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
    /// returned first, then the enumeration throws the same exception (for example <see cref="ProcurementValidationException"/>
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

    /// <summary>
    /// Chooses the embedded pack that applies to a procurement: the one in force on the date that decides it (the decision
    /// date for the 2009 letter; when the process commenced, or a modification was made, for the 2013 regulations and the
    /// Provider Selection Regime) and covering its kind of commissioner. The selection says which and why, and names no
    /// pack when none or several could apply.
    /// </summary>
    /// <param name="procurement">The procurement.</param>
    /// <returns>The selection; check against <see cref="PackSelection.Pack"/> when it is not null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="procurement"/> is null.</exception>
    /// <exception cref="RulePackLoadException">An embedded pack is broken (a packaging defect; never expected).</exception>
    /// <remarks>Loads every embedded pack on first use. Pure and thread-safe.</remarks>
    public static PackSelection Select(ProposedProcurement procurement)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return PackSelection.Choose(procurement, EmbeddedScopes.Value);
    }

    /// <summary>Chooses among <paramref name="packs"/> the one that applies to a procurement, as <see cref="Select(ProposedProcurement)"/> does among the embedded packs.</summary>
    /// <param name="procurement">The procurement.</param>
    /// <param name="packs">The packs to choose among, in the order <see cref="PackSelection.Considered"/> lists them.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException">An argument, or one of the packs, is null.</exception>
    /// <remarks>Pure and thread-safe.</remarks>
    public static PackSelection Select(ProposedProcurement procurement, IEnumerable<RulePack> packs)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        ArgumentNullException.ThrowIfNull(packs);
        var list = packs.ToArray();
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentNullException(nameof(packs), "One of the packs is null.");
        }

        return PackSelection.Choose(procurement, list.Select(PackScope.Of).ToArray());
    }

    /// <summary>
    /// The version of the pack in force on the date that decides the procurement, or <see langword="null"/> when the pack
    /// has no versions or the record does not tell which (a commencement date spanning an amendment).
    /// </summary>
    /// <param name="procurement">The procurement.</param>
    /// <returns>The version, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="procurement"/> is null.</exception>
    public PackVersion? VersionFor(ProposedProcurement procurement)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return VersionOn(DecidingDateOf(procurement));
    }

    internal PackVersion? VersionOn(EventDate? date)
    {
        if (Versions.Count == 0 || date is not { } span || span.Earliest is not { } earliest)
        {
            return null;
        }

        PackVersion? found = null;
        foreach (var version in Versions)
        {
            if (version.From <= earliest)
            {
                found = version;
            }
            else if (span.Latest is null || version.From <= span.Latest)
            {
                return null; // a later version starts within the span: the record does not tell which applies
            }
        }

        return found;
    }

    /// <summary>The possible days of the date that decides the period (<see cref="DecidedBy"/>); null when the record gives none.</summary>
    internal EventDate? DecidingDateOf(ProposedProcurement procurement) => DecidingDates.Of(procurement, DecidedBy);

    internal PeriodStatus PeriodOf(ProposedProcurement procurement, CheckOptions options)
    {
        if (DecidingDateOf(procurement) is not { IsUndated: false } date)
        {
            return PeriodStatus.DecisionDateNotRecorded;
        }

        return DecidingDates.Within(date, InForceFrom, InForceUntil) switch
        {
            true => PeriodStatus.InForce,
            null => PeriodStatus.DecisionDateNotRecorded,
            false => options.CheckOutsidePeriod ? PeriodStatus.OutsidePeriodCheckedAnyway : PeriodStatus.OutsidePeriod,
        };
    }
}
