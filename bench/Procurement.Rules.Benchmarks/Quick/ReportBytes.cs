using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Procurement.Rules.Benchmarks.Quick;

/// <summary>
/// The bytes of a report that a check allocates: what "the report itself" costs, to set beside what a check allocates
/// in all. Two reports of the same procurement are walked side by side; every object of the report (the report, its
/// outcome and breach arrays, each outcome, its fact and missing-fact lists, each fact, its value and display text, the
/// message) that is not the very same object in both was made by the check, and its size is counted. Objects shared
/// between checks (rule definitions, cached not-applicable messages, interned names) are not.
/// </summary>
internal static class ReportBytes
{
    private static readonly Dictionary<Type, long> Sizes = new();

    /// <summary>Bytes of <paramref name="a"/> that were allocated for it (not shared with <paramref name="b"/>).</summary>
    public static long Of(CheckReport a, CheckReport b)
    {
        var bytes = Own(a, b);
        bytes += Own(a.Outcomes, b.Outcomes) + Own(a.Breaches, b.Breaches);
        for (var i = 0; i < a.Outcomes.Count; i++)
        {
            var (x, y) = (a.Outcomes[i], b.Outcomes[i]);
            bytes += Own(x, y) + Own(x.Message, y.Message) + Own(x.Error, y.Error);
            bytes += Own(x.MissingFacts, y.MissingFacts);
            for (var j = 0; j < x.MissingFacts.Count; j++)
            {
                bytes += Own(x.MissingFacts[j], y.MissingFacts[j]);
            }

            bytes += Own(x.Facts, y.Facts);
            for (var j = 0; j < x.Facts.Count; j++)
            {
                var (f, g) = (x.Facts[j], y.Facts[j]);
                bytes += Own(f, g) + Own(f.Display, g.Display) + Value(f.Value, g.Value);
            }
        }

        return bytes;
    }

    private static long Value(object? a, object? b)
    {
        if (a is null || ReferenceEquals(a, b))
        {
            return 0;
        }

        var bytes = Size(a);
        if (a is IEnumerable items and not string && b is IEnumerable others)
        {
            var e = others.GetEnumerator();
            foreach (var item in items)
            {
                bytes += Value(item, e.MoveNext() ? e.Current : null);
            }
        }

        return bytes;
    }

    private static long Own(object? a, object? b) => a is null || ReferenceEquals(a, b) ? 0 : Size(a);

    /// <summary>The heap size of an object, measured once per type (strings and arrays from their length).</summary>
    private static long Size(object o)
    {
        const int Header = 16; // object header and method table pointer (64-bit)
        static long Align(long n) => (n + 7) & ~7L;
        switch (o)
        {
            case string s:
                return Align(Header + 4 + (2L * (s.Length + 1)));
            case Array array:
                return Align(Header + 8 + ((long)array.Length * ElementSize(array.GetType().GetElementType()!)));
        }

        var type = o.GetType();
        if (!Sizes.TryGetValue(type, out var size))
        {
            // An instance's size is what allocating one costs (boxed, for a value type); the least of a few tries, since
            // the first also fills the runtime's caches for the type.
            size = long.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                GC.KeepAlive(RuntimeHelpers.GetUninitializedObject(type));
                size = Math.Min(size, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            Sizes[type] = size;
        }

        return size;
    }

    private static int ElementSize(Type element) =>
        !element.IsValueType ? IntPtr.Size : throw new NotSupportedException($"An array of {element} in a report: add its element size here.");
}
