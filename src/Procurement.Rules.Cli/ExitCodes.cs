namespace Procurement.Rules.Cli;

/// <summary>The exit codes of <c>procurement-check</c>, documented in docs/cli.md. When several apply, the highest wins.</summary>
internal static class ExitCodes
{
    /// <summary>Every input was checked and nothing tripped the gate.</summary>
    public const int Clean = 0;

    /// <summary>The gate tripped: a breach (or with <c>--fail-on undetermined</c> an undetermined rule) at or above <c>--min-severity</c>, not waived.</summary>
    public const int GateTripped = 1;

    /// <summary>Bad input: a missing, unreadable or invalid procurement file, rule pack or waiver file, or an expired waiver.</summary>
    public const int BadInput = 2;

    /// <summary>A rule could not be evaluated, so a check is incomplete.</summary>
    public const int RuleFailed = 3;

    /// <summary>The command line itself is wrong: an unknown option or command, a bad option value.</summary>
    public const int Usage = 4;

    /// <summary>The output could not be written (standard output closed, a full disk, <c>--output</c> not writable).</summary>
    public const int OutputFailed = 5;

    /// <summary>The more serious of two exit codes.</summary>
    public static int Worst(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    // Output failure > bad input > rule failed > gate > clean; usage errors stop before anything runs.
    private static int Rank(int code) => code switch
    {
        OutputFailed => 6,
        Usage => 5,
        BadInput => 4,
        RuleFailed => 3,
        GateTripped => 2,
        _ => 1,
    };
}
