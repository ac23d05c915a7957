using System;
using System.IO;
using System.Text;

namespace Procurement.Rules.Cli;

/// <summary>The entry point of the <c>procurement-check</c> command; everything happens in <see cref="Cli.Run(string[], TextWriter, TextWriter, CliHost?)"/>.</summary>
internal static class Program
{
    /// <summary>Runs the command against the console and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        // Console.Out autoflushes every write; a buffered writer keeps large batches fast. Cli.Run flushes it and turns a
        // failed write (closed stdout, a full disk) into an error message and exit code 5.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        return Cli.Run(args, stdout, Console.Error, CliHost.FromConsole());
    }
}
