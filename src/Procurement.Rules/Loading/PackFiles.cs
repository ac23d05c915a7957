using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Procurement.Rules.Files;

namespace Procurement.Rules.Loading;

/// <summary>A file of a pack as read: its text, or why it could not be read (with a position in it when known).</summary>
internal sealed record PackText(string? Text, string? Error = null, int? Line = null, int? Column = null);

/// <summary>Where a pack's files come from: a folder on disk or the resources embedded in this assembly.</summary>
internal abstract class PackFiles
{
    /// <summary>The rule files of the pack (<c>*.rules.yaml</c> in the pack folder), sorted by name; files that look like rule files but are not named as one are problems.</summary>
    public abstract IReadOnlyList<string> RuleFiles(ProblemList problems);

    /// <summary>Reads a file by its path relative to the pack folder.</summary>
    public abstract PackText Read(string relativePath);

    /// <summary>How a file is named in problems.</summary>
    public abstract string Display(string relativePath);

    /// <summary>The limits each file is read within.</summary>
    public virtual InputLimits Limits => InputLimits.Default;
}

/// <summary>
/// A pack in a folder, read as a closed folder: every file it reads must resolve, after following symbolic links, inside
/// the root (<see cref="RulePackLoadOptions.RootDirectory"/>, by default the pack folder itself). An absolute path, a
/// <c>..</c> that leaves the root and a link to a file outside it are problems; so is anything but a regular file.
/// </summary>
internal sealed class DirectoryPackFiles : PackFiles
{
    private readonly string _directory;
    private readonly string _real;
    private readonly string _root;
    private readonly InputLimits _limits;

    /// <exception cref="ArgumentException">The root does not contain the pack folder.</exception>
    public DirectoryPackFiles(string directory, RulePackLoadOptions options)
    {
        _directory = Path.GetFullPath(directory);
        // Paths are resolved from the pack folder's real path, so a pack reached through a link (or a temp folder
        // that is itself a link, as on macOS) is compared with its root like for like.
        _real = RealPath.Resolve(_directory);
        _root = options.RootDirectory is null ? _real : RealPath.Resolve(Path.GetFullPath(options.RootDirectory));
        if (!RealPath.IsInside(_real, _root))
        {
            throw new ArgumentException($"RulePackLoadOptions.RootDirectory ({options.RootDirectory}) must contain the pack folder ({directory}).", nameof(options));
        }

        _limits = options.Limits;
    }

    public override InputLimits Limits => _limits;

    public override IReadOnlyList<string> RuleFiles(ProblemList problems)
    {
        List<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(_directory).Select(p => Path.GetFileName(p)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(null, null, null, "cannot read the pack folder: " + e.Message);
            return Array.Empty<string>();
        }

        var rules = new List<string>();
        foreach (var name in names.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (name.EndsWith(".rules.yaml", StringComparison.Ordinal))
            {
                rules.Add(name);
            }
            else if ((name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                && name != "pack.yaml" && name != RulePackLoader.InferenceFile)
            {
                // Never skipped silently: a rule file named 'x.rules.yml' or 'X.RULES.YAML' would otherwise vanish.
                problems.Add(new LoadProblem(Display(name), null, null, null, null,
                    $"'{name}' is not read: a pack folder holds pack.yaml, rule files ending in '.rules.yaml' (lower case) and {RulePackLoader.InferenceFile}; rename it or move it out of the folder"));
            }
        }

        ReportNestedRuleFiles(problems);
        return rules;
    }

    public override PackText Read(string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains(':', StringComparison.Ordinal) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return new PackText(null, "is not a path relative to the pack folder; a pack names its files relative to pack.yaml");
        }

        var path = Path.GetFullPath(Path.Combine(_real, relativePath));
        if (!RealPath.IsInside(path, _root))
        {
            return new PackText(null, $"is outside the folder the pack may read ({_root}); see RulePackLoadOptions.RootDirectory");
        }

        var kind = InputFile.KindOf(path);
        if (kind == PathKind.Missing)
        {
            return new PackText(null, "not found");
        }

        var real = RealPath.Resolve(path);
        if (!RealPath.IsInside(real, _root))
        {
            return new PackText(null, $"is a link to {real}, outside the folder the pack may read ({_root}); see RulePackLoadOptions.RootDirectory");
        }

        var problems = new List<LoadProblem>();
        var bytes = InputFile.ReadBytes(real, relativePath, _limits, problems);
        var text = bytes is null ? null : InputFile.Decode(bytes, relativePath, problems);
        if (text is not null)
        {
            return new PackText(text);
        }

        var problem = problems[0];
        return new PackText(null, problem.Message, problem.Line, problem.Column);
    }

    public override string Display(string relativePath) => Path.Combine(_directory, relativePath);

    /// <summary>
    /// A rule file in a subfolder (<c>extra/more.rules.yaml</c>) is never read, since rule files sit beside pack.yaml;
    /// it was skipped without a word. Each is reported. The walk does not follow links to folders and passes over
    /// folders it cannot read, and stops after <see cref="MaxNestedEntries"/> entries, so a pack folder with a huge
    /// tree (or a link to /) cannot stall the load.
    /// </summary>
    private void ReportNestedRuleFiles(ProblemList problems)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var seen = 0;
        var found = new List<string>();
        try
        {
            var walk = new System.IO.Enumeration.FileSystemEnumerable<string>(
                _directory,
                (ref System.IO.Enumeration.FileSystemEntry entry) => entry.ToFullPath(),
                options)
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                    !entry.IsDirectory && (entry.FileName.EndsWith(".rules.yaml", StringComparison.OrdinalIgnoreCase) || entry.FileName.EndsWith(".rules.yml", StringComparison.OrdinalIgnoreCase)),
                ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                    (entry.Attributes & FileAttributes.ReparsePoint) == 0 && ++seen <= MaxNestedEntries,
            };
            found.AddRange(walk);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var top = Path.TrimEndingDirectorySeparator(_directory);
        foreach (var file in found.Where(f => Path.GetDirectoryName(f) != top).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(_directory, file).Replace(Path.DirectorySeparatorChar, '/');
            problems.Add(new LoadProblem(file, null, null, null, null,
                $"'{relative}' is not read: rule files sit beside pack.yaml, not in a subfolder; move it up or out of the pack folder"));
        }
    }

    private const int MaxNestedEntries = 10_000;
}

/// <summary>
/// Resolves symbolic links in every part of a path (what POSIX <c>realpath</c> does), with managed APIs only:
/// <see cref="Path.GetFullPath(string)"/> folds <c>..</c> without looking at links, so a link inside a pack folder
/// could otherwise point anywhere.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Resolve(string fullPath)
    {
        var links = 0;
        var path = Path.GetFullPath(fullPath);
        var restart = true;
        while (restart)
        {
            restart = false;
            var root = Path.GetPathRoot(path) ?? string.Empty;
            var parts = path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                string? target;
                try
                {
                    target = info.LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    target = null;
                }

                if (target is null)
                {
                    current = next;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return next;
                }

                var rest = string.Join(Path.DirectorySeparatorChar, parts.Skip(i + 1));
                var resolved = Path.GetFullPath(Path.Combine(current, target));
                path = rest.Length == 0 ? resolved : Path.Combine(resolved, rest);
                restart = true;
                break;
            }

            if (!restart)
            {
                return current;
            }
        }

        return path;
    }

    public static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        // A root ('/', 'C:\') keeps its separator when trimmed: appending another gave '//', inside which nothing is.
        var prefix = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return string.Equals(Path.TrimEndingDirectorySeparator(path), trimmed, comparison)
            || path.StartsWith(prefix, comparison);
    }
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

    public override IReadOnlyList<string> RuleFiles(ProblemList problems)
    {
        var folder = Prefix + _packId + "/";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && n.EndsWith(".rules.yaml", StringComparison.Ordinal) && n.IndexOf('/', folder.Length) < 0)
            .Select(n => n[folder.Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    public override PackText Read(string relativePath)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourceName(relativePath));
        if (stream is null)
        {
            return new PackText(null, "not found");
        }

        using var reader = new StreamReader(stream);
        return new PackText(reader.ReadToEnd());
    }

    public override string Display(string relativePath) => ResourceName(relativePath);

    private string ResourceName(string relativePath)
    {
        // Resolve "../" against "packs/<id>/" without touching the file system; never above "packs/".
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
