using System;
using System.Collections.Generic;
using System.Linq;

namespace Procurement.Rules.Cli;

/// <summary>The formats a report can be written in.</summary>
internal enum ReportFormat
{
    /// <summary>Plain text, for a console (the default).</summary>
    Text,

    /// <summary>Markdown, for a wiki page, a pull request or a notebook.</summary>
    Markdown,

    /// <summary>JSON, for other programs.</summary>
    Json,
}

/// <summary>
/// What the command line asks for, parsed by hand: options may come before, between or after the files,
/// a value may follow its option as the next argument or after <c>=</c>, and <c>--</c> ends the options.
/// </summary>
internal sealed record CliArguments
{
    /// <summary>The short usage line shown after every argument error.</summary>
    public const string UsageLine = "Usage: procurement-check [options] <file>...   (procurement-check --help for more)";

    /// <summary>The full help text.</summary>
    public const string HelpText = """
        Usage: procurement-check [options] <file>...

        Checks proposed NHS procurements, described in .yaml, .yml or .json files, against
        the Secretary of State's 2009 procurement principles, and reports every breach with
        the words of the policy it breaks.

        Options:
          --rules DIR               Use the rule pack in folder DIR instead of the built-in one.
          --rules-root DIR          The folder the pack may read files from (its rule files and
                                    sources); it must contain the pack folder. Default: the pack
                                    folder. The repository's own pack needs --rules-root rules.
          --format text|markdown|json
                                    How to write the reports (default: text).
          --check-outside-period    Apply the rules even to a procurement decided outside the
                                    period the rule pack covers.
          --list-rules              List the rule pack's rules (id, severity, principle, title)
                                    instead of checking files; with --format markdown, write the
                                    full rule catalogue (what each rule checks and quotes).
          -h, --help                Show this help.
          --version                 Show the version.

        Exit codes:
          0  no breach found
          1  at least one breach found
          2  the input is wrong (options, a missing or invalid file, an invalid rule pack),
             or a rule could not be evaluated so the check is incomplete
        """;

    /// <summary>The folder of the rule pack to load, or <see langword="null"/> for the built-in pack.</summary>
    public string? RulesDirectory { get; init; }

    /// <summary>The folder the pack may read files from, or <see langword="null"/> for the pack folder itself.</summary>
    public string? RulesRoot { get; init; }

    /// <summary>The report format.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>Whether to apply the rules to procurements decided outside the pack's period.</summary>
    public bool CheckOutsidePeriod { get; init; }

    /// <summary>Whether to list the pack's rules instead of checking files.</summary>
    public bool ListRules { get; init; }

    /// <summary>Whether to show the help.</summary>
    public bool Help { get; init; }

    /// <summary>Whether to show the version.</summary>
    public bool Version { get; init; }

    /// <summary>The procurement files to check, in the order given.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>
    /// Parses the arguments. <c>--help</c> and <c>--version</c> win over everything else, so they work even on a
    /// command line that is otherwise wrong.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="error">What is wrong with the arguments, or <see langword="null"/> when nothing is.</param>
    /// <returns>The parsed arguments, or <see langword="null"/> when <paramref name="error"/> is set.</returns>
    public static CliArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        var options = args.TakeWhile(a => a != "--").ToList();
        if (options.Any(a => a is "-h" or "--help"))
        {
            return new CliArguments { Help = true };
        }

        if (options.Contains("--version"))
        {
            return new CliArguments { Version = true };
        }

        var result = new CliArguments();
        var files = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                files.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                files.Add(arg);
                continue;
            }

            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals < 0 ? arg : arg[..equals];
            var inlineValue = equals < 0 ? null : arg[(equals + 1)..];
            if (name is "--rules" or "--rules-root" or "--format" && !given.Add(name))
            {
                error = $"option {name} is given more than once";
                break;
            }

            switch (name)
            {
                case "--rules":
                    var folder = inlineValue ?? TakeValue(args, ref i);
                    if (string.IsNullOrEmpty(folder))
                    {
                        error = "option --rules needs a folder: --rules DIR";
                    }
                    else
                    {
                        result = result with { RulesDirectory = folder };
                    }

                    break;
                case "--rules-root":
                    var root = inlineValue ?? TakeValue(args, ref i);
                    if (string.IsNullOrEmpty(root))
                    {
                        error = "option --rules-root needs a folder: --rules-root DIR";
                    }
                    else
                    {
                        result = result with { RulesRoot = root };
                    }

                    break;
                case "--format":
                    var format = inlineValue ?? TakeValue(args, ref i);
                    if (string.IsNullOrEmpty(format))
                    {
                        error = "option --format needs a value: --format text|markdown|json";
                    }
                    else if (ParseFormat(format) is { } parsed)
                    {
                        result = result with { Format = parsed };
                    }
                    else
                    {
                        error = $"unknown format '{format}' for --format: use text, markdown or json";
                    }

                    break;
                case "--check-outside-period" or "--list-rules" when inlineValue is not null:
                    error = $"option {name} takes no value";
                    break;
                case "--check-outside-period":
                    result = result with { CheckOutsidePeriod = true };
                    break;
                case "--list-rules":
                    result = result with { ListRules = true };
                    break;
                default:
                    error = $"unknown option '{arg}'";
                    break;
            }
        }

        if (error is null && result.ListRules && files.Count > 0)
        {
            error = "--list-rules lists the rules and checks no files: leave out the file names";
        }

        if (error is null && result.ListRules && result.Format == ReportFormat.Json)
        {
            error = "--list-rules writes text or markdown, not json";
        }

        if (error is null && result.RulesRoot is not null && result.RulesDirectory is null)
        {
            error = "--rules-root needs --rules: the built-in pack reads no files";
        }

        if (error is null && !result.ListRules && files.Count == 0)
        {
            error = "no procurement file given";
        }

        return error is null ? result with { Files = files } : null;
    }

    /// <summary>Takes the argument after an option as its value, unless it is missing or is itself an option.</summary>
    private static string? TakeValue(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || (args[i + 1].Length > 1 && args[i + 1][0] == '-'))
        {
            return null;
        }

        i++;
        return args[i];
    }

    private static ReportFormat? ParseFormat(string value) => value.Trim() switch
    {
        var v when v.Equals("text", StringComparison.OrdinalIgnoreCase) => ReportFormat.Text,
        var v when v.Equals("markdown", StringComparison.OrdinalIgnoreCase) => ReportFormat.Markdown,
        var v when v.Equals("json", StringComparison.OrdinalIgnoreCase) => ReportFormat.Json,
        _ => null,
    };
}
