using System;
using System.IO;

namespace Procurement.Rules.Cli;

/// <summary>
/// What the command reads from its surroundings besides its arguments: standard input, whether the output streams are
/// terminals, the environment's colour wish, today's date and the working folder. <see cref="Program"/> builds it from the
/// process; tests build their own so every behaviour that depends on it can be tested in-process.
/// </summary>
internal sealed record CliHost
{
    /// <summary>Standard input, for the <c>-</c> input.</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Whether standard output is a terminal (colour is used only then).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal (the progress line is shown only then).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>Whether the <c>NO_COLOR</c> environment variable is set to a non-empty value (https://no-color.org).</summary>
    public bool NoColor { get; init; }

    /// <summary>Today's date, for waiver expiry.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>How long a run must take before a progress line appears on a terminal (default 2 s).</summary>
    public TimeSpan ProgressAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The folder relative inputs and globs are resolved against.</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>A host with no terminal, no standard input and no colour: what tests and redirected runs see.</summary>
    public static CliHost Plain { get; } = new();

    /// <summary>The process's own surroundings.</summary>
    public static CliHost FromConsole() => new()
    {
        Stdin = Console.In,
        StdoutIsTerminal = !Console.IsOutputRedirected,
        StderrIsTerminal = !Console.IsErrorRedirected,
        NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
}
