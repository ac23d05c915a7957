namespace Procurement.Rules.Cli.Tests;

/// <summary>What one in-process run of the command wrote and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <see cref="Cli.Run"/> with the arguments, capturing both output streams.</summary>
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Everything the run produced, for assertion messages.</summary>
    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Stdout}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Stderr}";
}
