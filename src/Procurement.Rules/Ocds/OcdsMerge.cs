using System.Collections.Generic;
using System.Linq;
using Procurement.Rules.Files;

namespace Procurement.Rules.Ocds;

/// <summary>
/// The OCDS 1.1 merge routine ("Merging" in the standard's reference), written here because no .NET library implements
/// it: releases, oldest first, are laid over each other; an object merges key by key, a JSON <c>null</c> removes the key,
/// an array of objects that all have an <c>id</c> merges item by item on that id, and any other value replaces the
/// earlier one. Nodes keep their positions in the file, so the merged tree still points at the original text.
/// </summary>
internal static class OcdsMerge
{
    public static DocMap Merge(IEnumerable<DocMap> releases)
    {
        DocMap? merged = null;
        foreach (var release in releases)
        {
            merged = merged is null ? release : Objects(merged, release);
        }

        return merged ?? new DocMap(null, null, []);
    }

    private static DocMap Objects(DocMap earlier, DocMap later)
    {
        var entries = earlier.Entries.Where(e => e.Value is not DocScalar { Kind: ScalarKind.Null }).ToList();
        foreach (var entry in later.Entries)
        {
            var index = entries.FindIndex(e => e.Key == entry.Key);
            if (entry.Value is DocScalar { Kind: ScalarKind.Null })
            {
                if (index >= 0)
                {
                    entries.RemoveAt(index);
                }

                continue;
            }

            var value = index >= 0 ? Value(entries[index].Value, entry.Value) : entry.Value;
            var merged = entry with { Value = value };
            if (index >= 0)
            {
                entries[index] = merged;
            }
            else
            {
                entries.Add(merged);
            }
        }

        return new DocMap(later.Line, later.Column, entries);
    }

    private static DocNode Value(DocNode earlier, DocNode later) => (earlier, later) switch
    {
        (DocMap a, DocMap b) => Objects(a, b),
        (DocList a, DocList b) when IdentifiedObjects(a) && IdentifiedObjects(b) => ById(a, b),
        _ => later,
    };

    private static DocList ById(DocList earlier, DocList later)
    {
        var items = earlier.Items.Cast<DocMap>().ToList();
        foreach (var item in later.Items.Cast<DocMap>())
        {
            var id = Id(item);
            var index = items.FindIndex(i => Id(i) == id);
            if (index >= 0)
            {
                items[index] = Objects(items[index], item);
            }
            else
            {
                items.Add(item);
            }
        }

        return new DocList(later.Line, later.Column, items);
    }

    private static bool IdentifiedObjects(DocList list) => list.Items.Count > 0 && list.Items.All(i => i is DocMap map && Id(map) is not null);

    private static string? Id(DocMap map) => OcdsFields.Get(map, "id") is DocScalar { Kind: ScalarKind.JsonString or ScalarKind.JsonNumber } s ? s.Text : null;
}
