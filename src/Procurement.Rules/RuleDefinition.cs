using System;
using System.Collections.Generic;
using System.Diagnostics;
using Procurement.Model;

namespace Procurement.Rules;

/// <summary>
/// A rule as loaded from a pack: what it checks and what it cites. The compiled conditions stay inside the pack.
/// </summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
[DebuggerDisplay("{Id,nq} ({Severity}, {Principle.Key,nq})")]
public sealed class RuleDefinition
{
    internal RuleDefinition(
        string id,
        string title,
        string description,
        Principle principle,
        IReadOnlyList<Scenario> scenarios,
        Severity severity,
        string? when,
        string require,
        IReadOnlyList<string> factNames,
        IReadOnlyList<Citation> citations,
        string file,
        int line)
    {
        Id = id;
        Title = title;
        Description = description;
        Principle = principle;
        Scenarios = scenarios;
        Severity = severity;
        When = when;
        Require = require;
        FactNames = factNames;
        Citations = citations;
        File = file;
        Line = line;
    }

    /// <summary>The rule's stable id, for example <c>improvement-opportunities.two-formal-chances</c>.</summary>
    public string Id { get; }

    /// <summary>A one-line title.</summary>
    public string Title { get; }

    /// <summary>What the rule checks, in plain words (empty when the rule file gives none).</summary>
    public string Description { get; }

    /// <summary>The principle the rule belongs to.</summary>
    public Principle Principle { get; }

    /// <summary>The scenarios the rule applies to; empty when it applies to every scenario.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>How serious a breach is.</summary>
    public Severity Severity { get; }

    /// <summary>
    /// The first day of the pack version that added the rule (<c>from</c> in the rule file), or <see langword="null"/> when
    /// it applies in every version. The rule is not applicable to a process that commenced before that day, and
    /// undetermined when the record does not say when the process commenced.
    /// </summary>
    public DateOnly? AppliesFrom { get; internal init; }

    /// <summary>The applicability condition as written, or <see langword="null"/> when the rule always applies.</summary>
    public string? When { get; }

    /// <summary>The compliance condition as written.</summary>
    public string Require { get; }

    /// <summary>The names of the facts the rule reports with each outcome, in order.</summary>
    public IReadOnlyList<string> FactNames { get; }

    /// <summary>The verbatim citations the rule rests on (at least one).</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>The rule file, relative to the pack folder.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the rule's definition in <see cref="File"/>.</summary>
    public int Line { get; }

    /// <summary>Returns the id and title.</summary>
    public override string ToString() => $"{Id}: {Title}";
}
