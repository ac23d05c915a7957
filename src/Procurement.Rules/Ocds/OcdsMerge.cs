using System;
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
/// <remarks>
/// The merge builds one mutable tree and lays each release over it, so its cost is linear in the size of the releases
/// (a package can hold thousands of releases of one ocid, each adding to long arrays).
/// </remarks>
internal static class OcdsMerge
{
    public static DocMap Merge(IEnumerable<DocMap> releases)
    {
        Map? merged = null;
        foreach (var release in releases)
        {
            merged ??= new Map(release);
            merged.Apply(release);
        }

        return merged?.Build() ?? new DocMap(null, null, []);
    }

    private static object Start(DocNode node) => node switch
    {
        DocMap map => new Map(map).Apply(map),
        DocList list when IdentifiedObjects(list) => new IdList(list).Apply(list),
        _ => node,
    };

    private static object Lay(object earlier, DocNode later) => (earlier, later) switch
    {
        (Map map, DocMap next) => map.Apply(next),
        (IdList list, DocList next) when IdentifiedObjects(next) => list.Apply(next),
        _ => Start(later),
    };

    private static DocNode Build(object value) => value switch
    {
        Map map => map.Build(),
        IdList list => list.Build(),
        _ => (DocNode)value,
    };

    private static bool IdentifiedObjects(DocList list) => list.Items.Count > 0 && list.Items.All(i => i is DocMap map && Id(map) is not null);

    private static string? Id(DocMap map) => OcdsFields.Get(map, "id") is DocScalar { Kind: ScalarKind.JsonString or ScalarKind.JsonNumber } s ? s.Text : null;

    private sealed class Map
    {
        private readonly List<(DocEntry Entry, object? Value)> _entries = new();
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private DocMap _last;

        public Map(DocMap first) => _last = first;

        public Map Apply(DocMap next)
        {
            _last = next;
            foreach (var entry in next.Entries)
            {
                var removes = entry.Value is DocScalar { Kind: ScalarKind.Null };
                if (_index.TryGetValue(entry.Key, out var at))
                {
                    var earlier = _entries[at].Value;
                    _entries[at] = (entry, removes ? null : earlier is null ? Start(entry.Value) : Lay(earlier, entry.Value));
                }
                else
                {
                    _index[entry.Key] = _entries.Count;
                    _entries.Add((entry, removes ? null : Start(entry.Value)));
                }
            }

            return this;
        }

        public DocMap Build() =>
            new(_last.Line, _last.Column, _entries.Where(e => e.Value is not null).Select(e => e.Entry with { Value = OcdsMerge.Build(e.Value!) }).ToList());
    }

    private sealed class IdList
    {
        private readonly List<Map> _items = new();
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private DocList _last;

        public IdList(DocList first) => _last = first;

        public IdList Apply(DocList next)
        {
            _last = next;
            foreach (var item in next.Items.Cast<DocMap>())
            {
                var id = Id(item)!;
                if (_index.TryGetValue(id, out var at))
                {
                    _items[at].Apply(item);
                }
                else
                {
                    _index[id] = _items.Count;
                    _items.Add(new Map(item).Apply(item));
                }
            }

            return this;
        }

        public DocList Build() => new(_last.Line, _last.Column, _items.Select(i => (DocNode)i.Build()).ToList());
    }
}
