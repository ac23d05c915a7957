using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using Procurement.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// The <c>procurement-check</c> command line, on System.CommandLine: <c>check</c> (the default command), <c>rules</c>
/// (<c>list</c>, <c>catalogue</c>, <c>export</c>), <c>test</c> and <c>completion</c>. Writes to the writers it is given, so
/// tests run it in-process. Exit codes are in <see cref="ExitCodes"/>.
/// </summary>
internal static class Cli
{
    /// <summary>The short usage line shown after every usage error.</summary>
    public const string UsageLine = "Usage: procurement-check [command] [options] <inputs>...   (procurement-check --help for more)";

    /// <summary>Runs the command with a plain host (no terminal, no standard input).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where reports, lists, help and version go.</param>
    /// <param name="stderr">Where errors, warnings, notes and progress go.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, null);

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where reports, lists, help and version go.</param>
    /// <param name="stderr">Where errors, warnings, notes and progress go.</param>
    /// <param name="host">Standard input, terminals, colour and the date; <see cref="CliHost.Plain"/> when null.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost? host)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        host ??= CliHost.Plain;
        var output = new GuardedWriter(stdout, "standard output");
        try
        {
            var (root, pack) = Build(host, stderr, args.Contains("--"));
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = new ResponseFiles(host.CurrentDirectory).TryReplace });
            if (parse.Action is ParseErrorAction)
            {
                // The errors with our own "did you mean", not the whole help page, all on standard error so a mistyped
                // command never pollutes a report. System.CommandLine's own typo corrections are not used: for an option
                // given to the wrong command ('rules list --waivers x') they suggest '-f' for 'x'.
                ParseErrors.Write(parse, args, stderr);
                stderr.WriteLine(ParseErrors.UsageFor(parse.CommandResult.Command));
                return ExitCodes.Usage;
            }

            if (pack.Conflict(parse) is { } conflict)
            {
                stderr.WriteLine("error: " + conflict);
                stderr.WriteLine(ParseErrors.UsageFor(parse.CommandResult.Command));
                return ExitCodes.Usage;
            }

            var config = new InvocationConfiguration { Output = output, Error = stderr, EnableDefaultExceptionHandler = false };
            var code = parse.Invoke(config);
            output.Flush();
            return code;
        }
        catch (OutputFailedException e)
        {
            try
            {
                stderr.WriteLine($"error: {e.Message}");
            }
            catch (IOException)
            {
                // Standard error is gone too: the exit code is all that is left.
            }

            return ExitCodes.OutputFailed;
        }
    }

    /// <summary>The tool's version (the informational version of the assembly).</summary>
    public static string ToolVersion()
    {
        var assembly = typeof(Cli).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static (RootCommand Root, PackOptions Pack) Build(CliHost host, TextWriter stderr, bool doubleDash)
    {
        var root = new RootCommand(
            "Checks proposed NHS procurements (YAML or JSON files) against procurement policy and reports every breach with "
            + "the words of the policy it breaks. With no command, runs 'check'. Exit codes: 0 clean, 1 gate tripped, "
            + "2 bad input, 3 a rule could not be evaluated, 4 usage error, 5 output could not be written.");
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        var pack = new PackOptions(host);
        pack.AddTo(root);
        var rootCheck = new CheckCommand(host, stderr, pack, hideListRules: false, doubleDash);
        rootCheck.AddTo(root);
        var check = new Command("check", "Check procurement files, folders, globs or standard input (-) and write the reports (the default command).");
        new CheckCommand(host, stderr, pack, hideListRules: true, doubleDash).AddTo(check);
        root.Subcommands.Add(check);
        root.Subcommands.Add(RulesCommand.Build(pack, host, stderr));
        root.Subcommands.Add(TestCommand.Build(pack, host, stderr));
        root.Subcommands.Add(CompletionCommand.Build());
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction inner)
            {
                help.Action = new SubcommandHelpAction(inner, root.Arguments);
            }
        }

        return (root, pack);
    }

    /// <summary>
    /// Help for a subcommand without the root's <c>&lt;inputs&gt;</c>: System.CommandLine shows a parent's arguments in a
    /// subcommand's usage, which made <c>rules list --help</c> read <c>procurement-check [&lt;inputs&gt;...] rules list</c>, a
    /// command line that does not work. The tree is built per run, so hiding the argument here touches nothing else.
    /// </summary>
    private sealed class SubcommandHelpAction(HelpAction inner, IEnumerable<Argument> rootArguments) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            if (command is not RootCommand)
            {
                foreach (var argument in rootArguments)
                {
                    argument.Hidden = true;
                }
            }

            return inner.Invoke(parseResult);
        }
    }

    /// <summary>Prints the tool's version and every pack it carries with its version.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("procurement-check " + ToolVersion());
            foreach (var id in RulePack.EmbeddedPackIds)
            {
                var pack = RulePack.GetEmbedded(id);
                output.WriteLine($"rule pack {pack.Id} {pack.Version} (built in, {Period(pack)}"
                    + (pack.Versions.Count > 0 ? $"; versions {string.Join(", ", pack.Versions.Select(v => v.Name))}" : string.Empty) + ")");
            }

            output.WriteLine("default: --pack auto, each case checked against the pack in force for it (auto-selected by date)");
            output.WriteLine($"library Procurement.Rules {typeof(RulePack).Assembly.GetName().Version}");
            return ExitCodes.Clean;
        }
    }

    /// <summary>A pack's period and the date that decides it, for people: <c>in force 2013-04-01 to 2023-12-31, by commencement</c>.</summary>
    internal static string Period(RulePack pack) =>
        $"in force {pack.InForceFrom:yyyy-MM-dd}" + (pack.InForceUntil is { } until ? $" to {until:yyyy-MM-dd}" : " onwards")
        + (pack.DecidedBy == DecidingDate.Decision ? ", decided by the decision date" : ", decided by when the process commenced");
}

/// <summary>
/// The rule pack(s) a run uses: one pack (named with <c>--pack ID</c> or loaded with <c>--rules DIR</c>), or, with
/// <c>--pack auto</c> (the default), every built-in pack, each case checked against the one in force for it.
/// </summary>
/// <param name="Fixed">The one pack, or <see langword="null"/> when auto-selecting.</param>
/// <param name="Among">The packs to choose among when auto-selecting; null for the built-in ones (tests give others).</param>
internal sealed record PackChoice(RulePack? Fixed, IReadOnlyList<RulePack>? Among = null)
{
    /// <summary>Every built-in pack, loaded only when something needs them all (a listing, SARIF's rule table, waivers).</summary>
    private static readonly Lazy<IReadOnlyList<RulePack>> AllEmbedded = new(() => RulePack.EmbeddedPackIds.Select(RulePack.GetEmbedded).ToArray());

    /// <summary>Whether each case gets its own pack (<c>--pack auto</c>).</summary>
    public bool IsAuto => Fixed is null;

    /// <summary>
    /// The packs auto-selection chooses among (every built-in one), or just <see cref="Fixed"/>. Reading it under auto
    /// loads and compiles every built-in pack; checking does not need to (see <see cref="Select"/>).
    /// </summary>
    public IReadOnlyList<RulePack> Candidates => Fixed is { } pack ? [pack] : Among ?? AllEmbedded.Value;

    /// <summary>Every built-in pack, chosen per case.</summary>
    public static PackChoice Auto() => new(null, null);

    /// <summary>
    /// The pack for one case: the fixed one, or the built-in pack in force for it, choosing by each pack's header so that
    /// only the packs cases use are compiled (a cold run checking 2009 cases compiles only the 2009 pack).
    /// </summary>
    public PackSelection Select(ProposedProcurement procurement) =>
        Fixed is { } pack ? RulePack.Select(procurement, [pack])
        : Among is { } among ? RulePack.Select(procurement, among)
        : RulePack.Select(procurement);

    /// <summary>One pack for every case.</summary>
    public static PackChoice One(RulePack pack) => new(pack);

    /// <summary>What the choice is, for summaries: the pack and its version, or "the pack in force for each case".</summary>
    public string Describe() => Fixed is { } pack ? $"{pack.Id} {pack.Version}" : "the pack in force for each case";
}

/// <summary>The options that choose the rule pack, shared by every command (recursive on the root).</summary>
internal sealed class PackOptions
{
    /// <summary>The value of <c>--pack</c> that chooses the pack in force per case.</summary>
    public const string AutoValue = "auto";

    private readonly CliHost _host;

    /// <summary>Creates the options; folders are resolved against the host's working folder.</summary>
    public PackOptions(CliHost host)
    {
        _host = host;
        Pack.CompletionSources.Add([AutoValue, .. RulePack.EmbeddedPackIds]);
        Pack.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            var value = result.Tokens[^1].Value;
            if (value == AutoValue || RulePack.EmbeddedPackIds.Contains(value, StringComparer.Ordinal))
            {
                return;
            }

            var names = RulePack.EmbeddedPackIds.Prepend(AutoValue).ToList();
            // The nearest id by edit distance, or one the value begins (--pack burnham for burnham-2009).
            var near = names.Select(n => (Name: n, Distance: Names.Distance(value, n))).Where(x => x.Distance <= Math.Max(2, value.Length / 3))
                .OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault()
                ?? names.FirstOrDefault(n => value.Length >= 3 && n.StartsWith(value, StringComparison.OrdinalIgnoreCase));
            result.AddError($"unknown rule pack '{value}'" + (near is null ? string.Empty : $": did you mean '{near}'?")
                + $" (--pack takes {string.Join(", ", names)})");
        });
    }

    /// <summary><c>--pack ID|auto</c>.</summary>
    public Option<string?> Pack { get; } = new("--pack")
    {
        Description = "Which built-in rule pack to check against: auto (the default) checks each case against the pack in force "
            + "for it (by its decision or commencement date and its commissioner), or name one: "
            + string.Join(", ", RulePack.EmbeddedPackIds) + ". Not with --rules.",
        HelpName = "ID|auto",
        Recursive = true,
    };

    /// <summary><c>--rules DIR</c>.</summary>
    public Option<string?> Rules { get; } = new("--rules")
    {
        Description = "Use the rule pack in folder DIR (a pack.yaml and its *.rules.yaml) instead of the built-in ones. Not with --pack.",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary><c>--rules-root DIR</c>.</summary>
    public Option<string?> RulesRoot { get; } = new("--rules-root")
    {
        Description = "The folder every file the pack reads must be inside (default: the pack folder itself); it must contain the "
            + "--rules folder. The repository's own pack reads ../sources, so: --rules rules/burnham-2009 --rules-root rules.",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command, and the rule that <c>--pack</c> and <c>--rules</c> exclude each other.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Pack);
        command.Options.Add(Rules);
        command.Options.Add(RulesRoot);
    }

    /// <summary>
    /// The usage error when both <c>--pack</c> and <c>--rules</c> are given, or <see langword="null"/>. Checked by each
    /// command's action (a validator on the root does not see options given after a subcommand).
    /// </summary>
    public string? Conflict(ParseResult parse) =>
        parse.GetValue(Pack) is { } id && parse.GetValue(Rules) is { } dir
            ? $"--pack {id} and --rules {dir} both choose the rule pack: give one (--pack for a built-in pack, --rules for a pack folder)"
            : null;

    /// <summary>
    /// Resolves the choice: a folder pack, a named built-in pack, or auto. Writes located problems to
    /// <paramref name="stderr"/> and returns null when the folder pack cannot be loaded.
    /// </summary>
    public PackChoice? Choose(ParseResult parse, TextWriter stderr)
    {
        var id = parse.GetValue(Pack);
        if (parse.GetValue(Rules) is null)
        {
            return id is null or AutoValue ? PackChoice.Auto() : PackChoice.One(RulePack.GetEmbedded(id));
        }

        return Load(parse, stderr) is { } pack ? PackChoice.One(pack) : null;
    }

    /// <summary>
    /// Loads the one pack a command works on: the <c>--rules</c> folder, the <c>--pack</c> named, or the library's default
    /// (<see cref="RulePack.Default"/>) for <c>--pack auto</c>; or writes located problems to <paramref name="stderr"/> and
    /// returns null.
    /// </summary>
    public RulePack? Load(ParseResult parse, TextWriter stderr)
    {
        var directory = parse.GetValue(Rules);
        var root = parse.GetValue(RulesRoot);
        try
        {
            if (directory is null)
            {
                return parse.GetValue(Pack) is { } id && id != AutoValue ? RulePack.GetEmbedded(id) : RulePack.Default;
            }

            if (root is not null && !Directory.Exists(Path.GetFullPath(root, _host.CurrentDirectory)))
            {
                stderr.WriteLine($"error: --rules-root folder not found: {root}");
                return null;
            }

            // A pack reads only inside its own folder, or inside --rules-root when given (which must contain it).
            var options = new RulePackLoadOptions { RootDirectory = root is null ? null : Path.GetFullPath(root, _host.CurrentDirectory) };
            return RulePack.LoadFromDirectory(Path.GetFullPath(directory, _host.CurrentDirectory), options);
        }
        catch (ArgumentException e)
        {
            // The only argument the user controls here: a --rules-root that does not contain the pack folder.
            stderr.WriteLine($"error: {e.Message}");
        }
        catch (DirectoryNotFoundException)
        {
            stderr.WriteLine($"error: rule pack folder not found: {directory}");
        }
        catch (RulePackLoadException e)
        {
            Problems.WritePack(stderr, directory!, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: could not read the rule pack in {directory}: {e.Message}");
        }

        return null;
    }
}

/// <summary>Writes load problems, one located problem a line.</summary>
internal static class Problems
{
    /// <summary>
    /// Writes a rule pack's load problems like <see cref="Write"/>, and when the pack reads a file outside the folder it
    /// may read (a pack copied out of the repository, whose sources sit in <c>../sources</c>) says how to load it. The
    /// loader reports such a source once, not once per citing rule, so there is nothing to fold.
    /// </summary>
    public static void WritePack(TextWriter stderr, string directory, RulePackLoadException e)
    {
        Write(stderr, $"could not load the rule pack in {directory}", e);
        if (e.Problems.Any(p => p.Message.Contains("outside the folder the pack may read", StringComparison.Ordinal)))
        {
            stderr.WriteLine("hint: a pack reads only inside its own folder unless --rules-root names a folder that holds both the pack and "
                + "what it reads (from a clone: --rules rules/burnham-2009 --rules-root rules); or start from a self-contained copy of "
                + "the built-in pack with 'procurement-check rules export DIR'.");
        }
    }

    /// <summary>Writes <c>error: what (n problems):</c> then each problem indented.</summary>
    public static void Write(TextWriter stderr, string what, InputException e)
    {
        var count = e.Problems.Count == 1 ? "1 problem" : $"{e.Problems.Count} problems";
        stderr.WriteLine($"error: {what} ({count}):");
        foreach (var problem in e.Problems)
        {
            stderr.WriteLine("  " + problem);
        }
    }
}

/// <summary>Thrown by <see cref="GuardedWriter"/> when the output cannot be written.</summary>
internal sealed class OutputFailedException : Exception
{
    /// <summary>Wraps the failure to write to <paramref name="target"/> (<c>standard output</c> or a file name).</summary>
    public OutputFailedException(string target, Exception inner)
        : base(Describe(target, inner), inner)
    {
    }

    // A closed standard output surfaces from .NET as "Access to the path is denied" (EBADF), which names no path and
    // sends the reader looking at file permissions: say what happened instead.
    private static string Describe(string target, Exception inner) => target switch
    {
        "standard output" when inner is UnauthorizedAccessException or ObjectDisposedException => "could not write the output: standard output is closed",
        "standard output" => $"could not write the output: {inner.Message}",
        _ => $"could not write the output file {target}: {inner.Message}",
    };
}

/// <summary>
/// Wraps standard output (or the <c>--output</c> file) so a failed write, however deep in a formatter, surfaces as one
/// <see cref="OutputFailedException"/> that <see cref="Cli.Run(string[], TextWriter, TextWriter, CliHost?)"/> turns into
/// exit code 5 with a message, never an unhandled exception.
/// </summary>
internal sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly string _target;

    /// <summary>Wraps <paramref name="inner"/>, which writes to <paramref name="target"/> (for the error message).</summary>
    public GuardedWriter(TextWriter inner, string target)
    {
        _inner = inner;
        _target = target;
    }

    /// <inheritdoc/>
    public override System.Text.Encoding Encoding => _inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => _inner.FormatProvider;

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set => _inner.NewLine = value;
    }

    /// <inheritdoc/>
    public override void Write(char value) => Guard(() => _inner.Write(value));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => _inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Guard(_inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw new OutputFailedException(_target, e);
        }
    }
}
