using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace Procurement.Rules.Cli;

/// <summary>
/// Writes a failed parse's errors for a person: each error once, an unknown option with the nearest option of the command
/// it was given to, an option that belongs to another command named as such, and a long option written with one dash
/// (<c>-format</c>, which System.CommandLine reads as <c>-f ormat</c>) pointed at its two-dash form.
/// </summary>
internal static class ParseErrors
{
    /// <summary>Writes the errors of <paramref name="parse"/> to <paramref name="stderr"/>, one a line.</summary>
    public static void Write(ParseResult parse, IReadOnlyList<string> args, TextWriter stderr)
    {
        var command = parse.CommandResult.Command;
        var inScope = OptionNames(command, includeRecursiveParents: true);
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in args.TakeWhile(a => a != "--"))
        {
            if (arg.Length > 2 && arg[0] == '-' && arg[1] != '-' && inScope.Contains("-" + arg.Split('=')[0]))
            {
                stderr.WriteLine($"error: unknown option '{arg}': did you mean '-{arg}'? (long options take two dashes)");
                explained.Add(arg);
            }
        }

        foreach (var token in parse.UnmatchedTokens.Where(t => !explained.Contains(t)))
        {
            stderr.WriteLine("error: " + Explain(token, command, inScope));
            explained.Add(token);
        }

        foreach (var error in parse.Errors)
        {
            if (error.Message == "Required command was not provided." && command.Subcommands.Count > 0)
            {
                stderr.WriteLine($"error: '{CommandPath(command)}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
            }
            else if (!explained.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                stderr.WriteLine(error.Message.StartsWith("error:", StringComparison.Ordinal) ? error.Message : "error: " + error.Message);
            }
        }
    }

    /// <summary>
    /// The usage line for the command the parse ended in: <see cref="Cli.UsageLine"/> for checking, and the command's own
    /// shape (<c>procurement-check rules list|catalogue|export</c>) for the others, so it never shows check's inputs.
    /// </summary>
    public static string UsageFor(Command command)
    {
        if (command is RootCommand || command.Name == "check")
        {
            return Cli.UsageLine;
        }

        var path = CommandPath(command);
        var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var shape = subcommands.Count > 0
            ? " " + string.Join('|', subcommands)
            : string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.HelpName ?? a.Name}>")) + " [options]";
        return $"Usage: {path}{shape}   ({path} --help for more)";
    }

    private static string Explain(string token, Command command, IReadOnlyCollection<string> inScope)
    {
        var where = CommandPath(command);
        if (token.StartsWith('-'))
        {
            var name = token.Split('=')[0];
            if (Nearest(name, inScope) is { } near)
            {
                return $"unknown option '{token}' for '{where}': did you mean '{near}'?";
            }

            var owner = Root(command).Subcommands.FirstOrDefault(c => OptionNames(c, includeRecursiveParents: false).Contains(name));
            return owner is null
                ? $"unknown option '{token}' for '{where}'"
                : $"'{token}' is an option of '{CommandPath(owner)}', not of '{where}'";
        }

        var subcommands = command.Subcommands.SelectMany(c => c.Aliases.Append(c.Name)).ToList();
        return Nearest(token, subcommands) is { } sub
            ? $"unknown command or argument '{token}' for '{where}': did you mean '{sub}'?"
            : $"unexpected argument '{token}' for '{where}'";
    }

    private static string? Nearest(string typed, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: CheckCommand.Distance(typed, n)))
            .Where(x => x.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .FirstOrDefault();

    private static HashSet<string> OptionNames(Command command, bool includeRecursiveParents)
    {
        IEnumerable<Option> options = command.Options;
        if (includeRecursiveParents)
        {
            for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            {
                options = options.Concat(parent.Options.Where(o => o.Recursive));
            }
        }

        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
    }

    private static Command Root(Command command)
    {
        while (command.Parents.OfType<Command>().FirstOrDefault() is { } parent)
        {
            command = parent;
        }

        return command;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? "procurement-check" : c.Name);
        }

        return string.Join(' ', names);
    }
}
