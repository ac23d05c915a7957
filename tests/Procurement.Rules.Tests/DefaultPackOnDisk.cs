namespace Procurement.Rules.Tests;

/// <summary>How to load the repository's own pack from disk: its source text lies in <c>rules/sources</c>, beside the pack folder.</summary>
internal static class DefaultPackOnDisk
{
    public static RulePackLoadOptions Options => new() { RootDirectory = RepoPaths.Rules };
}
