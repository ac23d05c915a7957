namespace Procurement.Rules;

/// <summary>Options for loading a rule pack from a folder (<see cref="RulePack.LoadFromDirectory(string, RulePackLoadOptions?)"/>).</summary>
/// <remarks>Immutable and safe to share across threads.</remarks>
public sealed record RulePackLoadOptions
{
    /// <summary>The default options: the pack reads only inside its own folder, with <see cref="InputLimits.Default"/>.</summary>
    public static RulePackLoadOptions Default { get; } = new();

    /// <summary>
    /// The folder every file the pack reads (its rule files and its <c>sources</c> files) must lie in, after following
    /// symbolic links; it must contain the pack folder. Default <see langword="null"/>: the pack folder itself. Set it
    /// for a pack that shares source texts with its neighbours, such as the repository's own pack, which reads
    /// <c>../sources/burnham-2009-letter.md</c> and so loads with <c>RootDirectory = "rules"</c>.
    /// </summary>
    public string? RootDirectory { get; init; }

    /// <summary>The limits applied to each file of the pack. Default <see cref="InputLimits.Default"/>.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}
