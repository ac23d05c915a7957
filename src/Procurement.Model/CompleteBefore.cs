using System.Collections.Generic;
using System.Diagnostics;

namespace Procurement.Model;

/// <summary>
/// "None before X": event kinds whose every event before the first event of another kind the timeline lists, while
/// what came after it stays unknown. "No meeting was held with the existing providers or their staff before the advert
/// appeared" is <c>{ before: noticePublished, kinds: [incumbentEngaged, staffEngaged] }</c> with no such events: they
/// were not engaged before the advert, and whether they were later is not recorded.
/// </summary>
/// <remarks>Every member is optional; a null member is not recorded. Immutable and safe to share across threads.</remarks>
[DebuggerDisplay("before {Before}: {Kinds?.Count ?? 0} kinds")]
public sealed record CompleteBefore
{
    /// <summary>The kind of event whose first occurrence the list is complete up to (strictly before it).</summary>
    public EventKind? Before { get; init; }

    /// <summary>The event kinds whose every event before it the timeline lists (none listed: none happened before it).</summary>
    public IReadOnlyList<EventKind>? Kinds { get; init; }
}
