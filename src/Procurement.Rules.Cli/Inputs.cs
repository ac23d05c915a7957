using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Procurement.Model;
using Procurement.Rules.Ocds;

namespace Procurement.Rules.Cli;

/// <summary>One input named on the command line, after folders and globs are expanded: a file, standard input, or an error.</summary>
/// <param name="Display">The name reports and errors use: the path as the user wrote it (joined with what a folder or glob matched), or <c>&lt;stdin&gt;</c>.</param>
/// <param name="Path">The full path to read, or <see langword="null"/> for standard input or an error.</param>
/// <param name="Error">Why the input cannot be read, or <see langword="null"/>.</param>
internal sealed record InputItem(string Display, string? Path, string? Error)
{
    /// <summary>The name standard input is reported under.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>Whether this is standard input.</summary>
    public bool IsStdin => Path is null && Error is null;

    /// <summary>
    /// For a first input that is no file but looks like a mistyped command (<c>chek</c>, <c>list</c>): the command line
    /// meant (<c>check</c>, <c>rules list</c>), which makes the run a usage error; otherwise <see langword="null"/>.
    /// </summary>
    public string? MistypedCommand { get; init; }
}

/// <summary>
/// One procurement read from an input, or the problems that stopped it being read. One file may hold several procurements
/// (an OCDS release package does), so each carries its <see cref="Index"/> within the file.
/// </summary>
/// <param name="File">The input's display name.</param>
/// <param name="Index">The procurement's position in its file (0 for files that hold one).</param>
/// <param name="Procurement">The procurement, or <see langword="null"/> when <see cref="Errors"/> says why not.</param>
/// <param name="Errors">The located problems (<c>file:line:column: path: message</c>), or <see langword="null"/>.</param>
/// <param name="Path">The full path of the file, or <see langword="null"/> for standard input.</param>
internal sealed record CaseInput(string File, int Index, ProposedProcurement? Procurement, IReadOnlyList<string>? Errors, string? Path = null);

/// <summary>
/// Reads procurements from one kind of file. The CLI asks each reader in <see cref="Inputs.Readers"/> in turn; the first
/// that claims a file reads it. A reader may return several procurements from one file.
/// </summary>
internal interface ICaseReader
{
    /// <summary>Whether this reader reads the file (by name or by a look at its start).</summary>
    bool CanRead(string path);

    /// <summary>The procurements in the file; throws <see cref="ProcurementLoadException"/> (or an I/O exception) when it cannot.</summary>
    IEnumerable<ProposedProcurement> Read(string path);
}

/// <summary>The input stage: expands the command line's inputs and reads procurements from them, streaming.</summary>
internal sealed class Inputs
{
    private static readonly string[] Commands = ["check", "rules", "test", "completion"];
    private static readonly string[] RulesCommands = ["list", "catalogue", "catalog", "export"];
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly CliHost _host;
    private readonly string _inputFormat;

    /// <summary>Creates the stage.</summary>
    /// <param name="host">Standard input and the working folder.</param>
    /// <param name="inputFormat">How to read standard input: <c>yaml</c>, <c>json</c> or <c>auto</c> (JSON when it starts with <c>{</c>).</param>
    public Inputs(CliHost host, string inputFormat)
    {
        _host = host;
        _inputFormat = inputFormat;
    }

    /// <summary>
    /// The readers, asked in order: OCDS JSON first (a release, release package, record or record package yields every
    /// procurement in it; detected by its top-level <c>ocid</c>, <c>releases</c> or <c>records</c>, keys a case file
    /// can never have), then the case file reader.
    /// </summary>
    public static IReadOnlyList<ICaseReader> Readers { get; } = [new OcdsFileReader(), new CaseFileReader()];

    /// <summary>Expands inputs in the order given: a folder to its *.yaml, *.yml and *.json files (recursively, in ordinal order), a glob to its matches, <c>-</c> to standard input.</summary>
    public IEnumerable<InputItem> Expand(IReadOnlyList<string> args)
    {
        var first = true;
        foreach (var arg in args)
        {
            var isFirst = first;
            first = false;
            if (arg == "-")
            {
                yield return new InputItem(InputItem.StdinName, null, null);
                continue;
            }

            var full = Path.GetFullPath(arg, _host.CurrentDirectory);
            if (Directory.Exists(full))
            {
                var any = false;
                foreach (var file in CaseFilesBelow(full)
                    .Order(StringComparer.Ordinal))
                {
                    any = true;
                    yield return new InputItem(Path.Combine(arg, Path.GetRelativePath(full, file)), file, null);
                }

                if (!any)
                {
                    yield return new InputItem(arg, null, $"{arg}: the folder holds no .yaml, .yml or .json file");
                }

                continue;
            }

            if (File.Exists(full))
            {
                yield return HasCaseExtension(full)
                    ? new InputItem(arg, full, null)
                    : new InputItem(arg, null, $"{arg}: a procurement file must end in .yaml, .yml or .json");
                continue;
            }

            if (arg.IndexOfAny(['*', '?', '[', '{']) >= 0)
            {
                var matches = Glob(arg);
                if (matches.Count == 0)
                {
                    yield return new InputItem(arg, null, $"{arg}: no .yaml, .yml or .json file matches the pattern");
                }

                foreach (var match in matches)
                {
                    yield return match;
                }

                continue;
            }

            // Only the first input can be a command (a later "list" in "rulse list" is not one), and only a word with no
            // extension or folder in it.
            var command = isFirst ? MistypedCommand(arg) : null;
            yield return command is null
                ? new InputItem(arg, null, $"file not found: {arg}")
                : new InputItem(arg, null, $"unknown command '{arg}': did you mean '{command}'? (no file or folder of that name either)") { MistypedCommand = command };
        }
    }

    /// <summary>Reads the procurements of one input; a problem is returned as a <see cref="CaseInput"/> with errors, never thrown.</summary>
    public IEnumerable<CaseInput> Read(InputItem item)
    {
        if (item.Error is not null)
        {
            return [new CaseInput(item.Display, 0, null, [item.Error])];
        }

        try
        {
            if (item.IsStdin)
            {
                if (ReadBounded(_host.Stdin, InputLimits.DefaultMaxFileBytes) is not { } text)
                {
                    return [new CaseInput(item.Display, 0, null, [$"{item.Display}: standard input holds more than {InputLimits.DefaultMaxFileBytes:N0} characters, the limit for one file (InputLimits.MaxFileBytes)"])];
                }

                var json = _inputFormat == "json" || (_inputFormat == "auto" && text.TrimStart().StartsWith('{'));
                if (json && OcdsReader.IsOcds(new StringReader(text)))
                {
                    return OcdsReader.Parse(text, item.Display).Select((p, i) => new CaseInput(item.Display, i, p, null)).ToList();
                }

                var procurement = json ? ProcurementFile.ParseJson(text, item.Display) : ProcurementFile.ParseYaml(text, item.Display);
                return [new CaseInput(item.Display, 0, procurement, null)];
            }

            var reader = Readers.FirstOrDefault(r => r.CanRead(item.Path!));
            if (reader is null)
            {
                return [new CaseInput(item.Display, 0, null, [$"{item.Display}: not a procurement file this tool can read"])];
            }

            // Materialised per file: a file's procurements are few, and errors must surface here, not mid-batch.
            return reader.Read(item.Path!).Select((p, i) => new CaseInput(item.Display, i, p, null, item.Path)).ToList();
        }
        catch (InputException e)
        {
            return [new CaseInput(item.Display, 0, null, e.Problems.Select(p => Relocate(p, item)).ToList())];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new CaseInput(item.Display, 0, null, [$"{item.Display}: could not read: {e.Message}"])];
        }
    }

    private static string? MistypedCommand(string arg)
    {
        if (arg.IndexOfAny(['.', '/', '\\']) >= 0)
        {
            return null;
        }

        if (RulesCommands.FirstOrDefault(c => CheckCommand.Distance(arg, c) <= Math.Min(2, c.Length / 2)) is { } rules)
        {
            return "rules " + (rules == "catalog" ? "catalogue" : rules);
        }

        return Commands.FirstOrDefault(c => CheckCommand.Distance(arg, c) <= Math.Min(2, c.Length / 2));
    }

    /// <summary>
    /// Reads a reader to its end, or returns null once it holds more than <paramref name="limit"/> characters: standard
    /// input may be <c>/dev/zero</c> or a pipe that never ends, and must not fill memory before the loader's own limit
    /// applies.
    /// </summary>
    internal static string? ReadBounded(TextReader reader, long limit)
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[81920];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > limit)
            {
                return null;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The case files below a folder. Links to folders are not followed (a link back up, such as <c>a/up -> ..</c>, would
    /// otherwise be walked until the path is too long) and unreadable folders are passed over, as the glob walk does;
    /// links to files are read like files.
    /// </summary>
    private static FileSystemEnumerable<string> CaseFilesBelow(string folder) =>
        new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), WalkOptions)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && HasCaseExtension(entry.FileName.ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    private static readonly EnumerationOptions WalkOptions = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };

    private static readonly EnumerationOptions FolderOptions = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    private static bool HasCaseExtension(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    // Problems name the full path the loader was given; show the path as the user wrote it.
    private static string Relocate(LoadProblem problem, InputItem item) =>
        (item.Path is not null && problem.File == item.Path ? problem with { File = item.Display } : problem).ToString();

    private List<InputItem> Glob(string pattern)
    {
        // Split at the first segment with a wildcard: the part before it is the folder to search from, as written.
        var segments = pattern.Replace('\\', '/').Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && segments[fixedCount].IndexOfAny(['*', '?', '[', '{']) < 0)
        {
            fixedCount++;
        }

        var baseWritten = string.Join('/', segments.Take(fixedCount));
        // A pattern that starts with '/' ('/**/*.yaml') searches from the root, not from the working folder.
        var baseFull = Path.GetFullPath(fixedCount == 0 ? "." : baseWritten + "/", _host.CurrentDirectory);
        if (!Directory.Exists(baseFull))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments.Skip(fixedCount)));
        return matcher.Execute(new WalkedFolder(new DirectoryInfo(baseFull))).Files
            .Select(f => f.Path)
            .Where(HasCaseExtension)
            .Order(StringComparer.Ordinal)
            .Select(p => new InputItem(
                fixedCount == 0 ? p : baseWritten + "/" + p,
                Path.GetFullPath(p, baseFull),
                null))
            .ToList();
    }

    /// <summary>
    /// A folder as the glob matcher sees it. FileSystemGlobbing's own <c>DirectoryInfoWrapper</c> follows links to
    /// folders (so <c>'/**/*.yaml'</c> walked <c>/proc/self/cwd</c> and link loops without end) and throws out of the walk
    /// at the first unreadable folder (an unhandled exception, exit 134). This one does not descend into links to
    /// folders and passes over folders it cannot read, as the folder walk does.
    /// </summary>
    private sealed class WalkedFolder : DirectoryInfoBase
    {
        private readonly DirectoryInfo _folder;

        public WalkedFolder(DirectoryInfo folder) => _folder = folder;

        public override string Name => _folder.Name;

        public override string FullName => _folder.FullName;

        public override DirectoryInfoBase? ParentDirectory => _folder.Parent is { } parent ? new WalkedFolder(parent) : null;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = _folder.EnumerateFileSystemInfos("*", FolderOptions).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                return [];
            }

            return entries
                .Where(e => e is FileInfo || (e is DirectoryInfo && e.LinkTarget is null))
                .Select(e => e is DirectoryInfo d ? (FileSystemInfoBase)new WalkedFolder(d) : new FileInfoWrapper((FileInfo)e))
                .ToList();
        }

        public override DirectoryInfoBase GetDirectory(string path) =>
            new WalkedFolder(new DirectoryInfo(Path.Combine(_folder.FullName, path)));

        public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(_folder.FullName, path)));
    }

    /// <summary>OCDS 1.1 JSON (Find a Tender, Contracts Finder): every procurement (one per ocid) in the file.</summary>
    private sealed class OcdsFileReader : ICaseReader
    {
        public bool CanRead(string path) =>
            string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase) && OcdsReader.IsOcds(path);

        public IEnumerable<ProposedProcurement> Read(string path) => OcdsReader.Load(path);
    }

    /// <summary>The repository's own case files (YAML or JSON), one procurement each.</summary>
    private sealed class CaseFileReader : ICaseReader
    {
        public bool CanRead(string path) => HasCaseExtension(path);

        public IEnumerable<ProposedProcurement> Read(string path) => [ProcurementFile.Load(path)];
    }
}
