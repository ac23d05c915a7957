using System;
using System.Diagnostics;
using Procurement.Model;

namespace Procurement.Rules.Engine;

/// <summary>
/// The fact an inference's NRules rule inserts, linked to its activation: the derived <see cref="TimelineEvent"/> the
/// checking rules read through the timeline helpers, and its provenance. NRules retracts it when the activation goes
/// (the source was removed, or the record now states the fact), and with it anything derived from it in turn.
/// </summary>
/// <remarks>A plain class, identified by reference (pitfall 3); changed only by the action that owns it. Not thread-safe.</remarks>
[DebuggerDisplay("{Fact}")]
internal sealed class DerivedEvent
{
    public DerivedEvent(TimelineEvent timelineEvent, DerivedFact fact)
    {
        Event = timelineEvent;
        Fact = fact;
    }

    /// <summary>The derived event as the helpers see it.</summary>
    public TimelineEvent Event { get; private set; }

    /// <summary>Where it came from.</summary>
    public DerivedFact Fact { get; private set; }

    /// <summary>The derived event's kind (the chained inferences' condition).</summary>
    public EventKind Kind => Event.Kind;

    /// <summary>Whether another derivation says the same: same kind, date, inference and source.</summary>
    public bool Says(DerivedEvent other) =>
        other.Fact.Kind == Fact.Kind && other.Fact.Date == Fact.Date && other.Fact.InferenceId == Fact.InferenceId && other.Fact.From == Fact.From;

    /// <summary>The facts of the derived events whose kind is in <paramref name="kinds"/> (a mask of <see cref="Checking.EventKindsRead.Bit"/>), in order.</summary>
    /// <remarks>
    /// A loop, not LINQ: a lambda capturing the rule made the compiler allocate its closure on every rule's evaluation,
    /// whether or not the rule read a derived kind (about 0.5 KB per check of the realistic case).
    /// </remarks>
    public static DerivedFact[] FactsOfKinds(DerivedEvent[] derived, long kinds)
    {
        var count = 0;
        foreach (var d in derived)
        {
            count += (kinds & Checking.EventKindsRead.Bit(d.Kind)) != 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return Array.Empty<DerivedFact>();
        }

        var facts = new DerivedFact[count];
        var n = 0;
        foreach (var d in derived)
        {
            if ((kinds & Checking.EventKindsRead.Bit(d.Kind)) != 0)
            {
                facts[n++] = d.Fact;
            }
        }

        return facts;
    }

    /// <summary>Takes another derivation's content (before an <c>UpdateLinked</c>).</summary>
    public void Become(DerivedEvent other)
    {
        Event = other.Event;
        Fact = other.Fact;
    }
}
