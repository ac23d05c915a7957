using System.Text;

namespace Procurement.Rules.Tests.Support;

/// <summary>
/// Approval of generated text against a committed file (public API listings, generated constants). A mismatch fails
/// with a line diff and the command that accepts the new text; with <c>PROCUREMENT_RULES_ACCEPT=1</c> set, the file is
/// rewritten instead and the test passes (review the change with <c>git diff</c> before committing).
/// </summary>
internal static class Approval
{
    public const string AcceptVariable = "PROCUREMENT_RULES_ACCEPT";

    /// <summary>The one command that regenerates every approved file in the repository.</summary>
    public const string AcceptAllCommand = AcceptVariable + "=1 dotnet test Procurement.Rules.sln --filter \"Category=Approval\"";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Compares <paramref name="actual"/> with the file (line endings normalised); rewrites it when accepting.</summary>
    public static void Verify(string actual, string approvedFile, string what)
    {
        actual = Normalise(actual);
        var approved = File.Exists(approvedFile) ? Normalise(File.ReadAllText(approvedFile)) : null;
        if (approved == actual)
        {
            return;
        }

        var relative = Path.GetRelativePath(RepoPaths.Root, approvedFile).Replace('\\', '/');
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedFile)!);
            File.WriteAllText(approvedFile, actual);
            TestContext.Progress.WriteLine($"{AcceptVariable}=1: rewrote {relative}; review it with git diff.");
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(approved is null
            ? $"{what}: {relative} does not exist yet."
            : $"{what}: not as approved in {relative} (- approved, + now):");
        message.AppendLine(Diff(approved ?? string.Empty, actual));
        message.AppendLine("If the change is intended, accept it (rewrites the approved files, then review with git diff and commit):");
        message.AppendLine("  " + AcceptAllCommand);
        Assert.Fail(message.ToString());
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A line diff (longest common subsequence) showing only changed lines, each with its line number.</summary>
    internal static string Diff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var text = new StringBuilder();
        int x = 0, y = 0, shown = 0;
        while ((x < a.Length || y < b.Length) && shown < 200)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                text.Append(FormattableString.Invariant($"- {x + 1,5}: ")).AppendLine(a[x++]);
                shown++;
            }
            else
            {
                text.Append(FormattableString.Invariant($"+ {y + 1,5}: ")).AppendLine(b[y++]);
                shown++;
            }
        }

        if (shown == 200)
        {
            text.AppendLine("  ... (more changes not shown)");
        }

        return text.ToString().TrimEnd();
    }
}
