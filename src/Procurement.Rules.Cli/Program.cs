using System;

namespace Procurement.Rules.Cli;

/// <summary>The entry point of the <c>procurement-check</c> command; everything happens in <see cref="Cli.Run"/>.</summary>
internal static class Program
{
    /// <summary>Runs the command against the console and returns its exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>0 no breach, 1 at least one breach, 2 bad input or an incomplete check.</returns>
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}
