using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Procurement.Rules.Loading;

/// <summary>Where a pack's files come from: a folder on disk or the resources embedded in this assembly.</summary>
internal abstract class PackFiles
{
    /// <summary>The rule files of the pack (<c>*.rules.yaml</c> in the pack folder), sorted by name.</summary>
    public abstract IReadOnlyList<string> RuleFiles();

    /// <summary>Reads a file by its path relative to the pack folder (<c>../</c> allowed); null when absent.</summary>
    public abstract string? Read(string relativePath);

    /// <summary>How a file is named in problems.</summary>
    public abstract string Display(string relativePath);
}

internal sealed class DirectoryPackFiles : PackFiles
{
    private readonly string _directory;

    public DirectoryPackFiles(string directory)
    {
        _directory = directory;
    }

    public override IReadOnlyList<string> RuleFiles() =>
        Directory.EnumerateFiles(_directory, "*.rules.yaml", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList()!;

    public override string? Read(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(_directory, relativePath));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public override string Display(string relativePath) => Path.Combine(_directory, relativePath);
}

internal sealed class EmbeddedPackFiles : PackFiles
{
    public const string Prefix = "packs/";
    private static readonly Assembly Assembly = typeof(EmbeddedPackFiles).Assembly;
    private readonly string _packId;

    public EmbeddedPackFiles(string packId)
    {
        _packId = packId;
    }

    public static IReadOnlyList<string> PackIds() => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith("/pack.yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^"/pack.yaml".Length])
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    public override IReadOnlyList<string> RuleFiles()
    {
        var folder = Prefix + _packId + "/";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(".rules.yaml", StringComparison.Ordinal) && n.IndexOf('/', folder.Length) < 0)
            .Select(n => n[folder.Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    public override string? Read(string relativePath)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourceName(relativePath));
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public override string Display(string relativePath) => ResourceName(relativePath);

    private string ResourceName(string relativePath)
    {
        // Resolve "../" against "packs/<id>/" without touching the file system.
        var parts = new List<string> { _packId };
        foreach (var part in relativePath.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return Prefix + string.Join('/', parts);
    }
}
