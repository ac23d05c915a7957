using System;
using System.Collections.Generic;
using Procurement.Model;
using Procurement.Rules.Expressions;

namespace Procurement.Rules.Checking;

/// <summary>How a derived event's date follows from its source's date.</summary>
internal enum InferredDate
{
    /// <summary>On or before the source's date: the derived event had to happen by then (a decision before its notice).</summary>
    OnOrBefore,

    /// <summary>On the source's date: the source is itself the derived event's evidence of the day.</summary>
    On,
}

/// <summary>
/// One inference of a pack (<c>inferences.yaml</c>): an event of kind <see cref="From"/> (when <see cref="When"/>
/// holds) implies an event of kind <see cref="Derive"/>, unless the record states one. Immutable; shared by threads.
/// </summary>
internal sealed class CompiledInference
{
    public CompiledInference(
        string id,
        string title,
        EventKind from,
        EventKind derive,
        InferredDate date,
        string? whenText,
        Func<RuleScope, bool>? when,
        string reason,
        IReadOnlyList<Citation> citations,
        string file,
        int line)
    {
        Id = id;
        Title = title;
        From = from;
        Derive = derive;
        Date = date;
        WhenText = whenText;
        When = when;
        Reason = reason;
        Citations = citations;
        File = file;
        Line = line;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>The kind of the source event.</summary>
    public EventKind From { get; }

    /// <summary>The kind of the derived event.</summary>
    public EventKind Derive { get; }

    public InferredDate Date { get; }

    /// <summary>The condition on the procurement, as written; null when the inference has none.</summary>
    public string? WhenText { get; }

    /// <summary>
    /// The condition, compiled like a rule's <c>when</c>: the inference applies only when it holds and reads no fact
    /// that is not recorded (an inference never guesses).
    /// </summary>
    public Func<RuleScope, bool>? When { get; }

    /// <summary>Why the source implies the derived event, in plain words.</summary>
    public string Reason { get; }

    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>The file the inference is defined in, relative to the pack folder.</summary>
    public string File { get; }

    public int Line { get; }
}
