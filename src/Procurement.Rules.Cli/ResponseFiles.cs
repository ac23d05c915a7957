using System;
using System.Collections.Generic;
using System.IO;
using Procurement.Rules.Files;

namespace Procurement.Rules.Cli;

/// <summary>
/// Expands <c>@file</c> arguments: one argument per line, blank lines and lines starting with <c>#</c> skipped, a line
/// starting with <c>@</c> expanded in turn. Written here rather than left to System.CommandLine, whose own expansion
/// follows a response file that names itself (or two that name each other) until the stack overflows and the process
/// dies (exit 134), and reads a FIFO or <c>/dev/zero</c> without end. This one reads only regular files of at most
/// <see cref="MaxBytes"/>, through the library's file reader, and stops at a file already being expanded or at
/// <see cref="MaxDepth"/> levels: each is a usage error (exit 4) naming the file.
/// </summary>
internal sealed class ResponseFiles
{
    /// <summary>How deep response files may name each other.</summary>
    public const int MaxDepth = 8;

    /// <summary>The largest response file read: 1 MiB.</summary>
    public const long MaxBytes = 1L << 20;

    private static readonly InputLimits Limits = new() { MaxFileBytes = MaxBytes };

    private readonly string _directory;

    /// <summary>Creates the expander.</summary>
    /// <param name="directory">The folder relative response file names are resolved against.</param>
    public ResponseFiles(string directory) => _directory = directory;

    /// <summary>System.CommandLine's <c>TryReplaceToken</c>: the arguments a response file holds, or an error.</summary>
    /// <param name="name">The argument without its leading <c>@</c>.</param>
    /// <param name="replacement">The arguments, when the file could be read.</param>
    /// <param name="error">Why it could not, otherwise.</param>
    /// <returns>Whether the file could be read.</returns>
    public bool TryReplace(string name, out IReadOnlyList<string>? replacement, out string? error)
    {
        var tokens = new List<string>();
        error = Expand(name, tokens, new HashSet<string>(StringComparer.Ordinal), 0);
        replacement = error is null ? tokens : null;
        return error is null;
    }

    private string? Expand(string name, List<string> tokens, HashSet<string> open, int depth)
    {
        if (depth >= MaxDepth)
        {
            return $"response file '@{name}': response files name each other more than {MaxDepth} deep";
        }

        var full = Path.GetFullPath(name, _directory);
        if (!open.Add(full))
        {
            return $"response file '@{name}' names itself (directly or through another response file)";
        }

        var problems = new List<LoadProblem>();
        var bytes = InputFile.ReadBytes(full, name, Limits, problems);
        var text = bytes is null ? null : InputFile.Decode(bytes, name, problems);
        if (text is null)
        {
            return $"response file @{problems[0]}";
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.Length > 1 && line[0] == '@')
            {
                if (Expand(line[1..], tokens, open, depth + 1) is { } nested)
                {
                    return nested;
                }

                continue;
            }

            tokens.Add(line);
        }

        open.Remove(full);
        return null;
    }
}
