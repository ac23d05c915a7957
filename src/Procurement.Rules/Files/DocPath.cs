using System;
using System.Globalization;

namespace Procurement.Rules.Files;

/// <summary>
/// Finds the node of a file's tree at a path such as <c>timeline[3].date</c>, to locate a problem found after binding.
/// Walking the tree for each problem costs nothing for a valid file, where a table of every value's position would cost
/// memory for every value of every file.
/// </summary>
internal static class DocPath
{
    public static DocNode? Find(DocNode root, string path)
    {
        var node = root;
        var rest = path.AsSpan();
        while (rest.Length > 0 && node is not null)
        {
            if (rest[0] == '.')
            {
                rest = rest[1..];
            }

            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']');
                if (close < 0 || node is not DocList list || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= list.Items.Count)
                {
                    return null;
                }

                node = list.Items[index];
                rest = rest[(close + 1)..];
                continue;
            }

            var end = rest.IndexOfAny('.', '[');
            var key = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[end..];
            if (node is not DocMap map)
            {
                return null;
            }

            DocNode? found = null;
            foreach (var entry in map.Entries)
            {
                if (key.SequenceEqual(entry.Key))
                {
                    found = entry.Value;
                    break;
                }
            }

            node = found;
        }

        return node;
    }
}
