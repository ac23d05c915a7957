using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// Samples the runtime's GC AllocationTick events (one about every 100 KB allocated) by type, in process: a rough
/// picture of which types a check allocates, without a profiler. Diagnostic only (<c>--batch alloc</c>).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public void Print(int top)
    {
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(FormattableString.Invariant($"  {100.0 * bytes / total,5:F1}%  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames!.IndexOf("TypeName");
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (index >= 0 && amount >= 0)
        {
            _bytes.AddOrUpdate((string)eventData.Payload[index]!, Convert.ToInt64(eventData.Payload[amount], System.Globalization.CultureInfo.InvariantCulture), (_, b) => b + Convert.ToInt64(eventData.Payload[amount], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
