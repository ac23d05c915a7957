using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace Procurement.Rules.Cli;

/// <summary>
/// The <c>test</c> command: runs a pack's fixtures, as <c>opa test</c> and <c>semgrep --test</c> do. A fixture is
/// <c>&lt;pack&gt;/fixtures/&lt;rule id&gt;/&lt;expected&gt;-&lt;name&gt;.yaml</c>, a procurement whose outcome for that rule is the
/// file name's prefix: <c>breach-</c>, <c>compliant-</c>, <c>undetermined-</c> or <c>not-applicable-</c> (the convention the
/// repository's own tests use).
/// </summary>
internal static class TestCommand
{
    private static readonly (string Prefix, OutcomeKind Kind)[] Prefixes =
    [
        ("breach-", OutcomeKind.Breach),
        ("compliant-", OutcomeKind.Compliant),
        ("undetermined-", OutcomeKind.Undetermined),
        ("not-applicable-", OutcomeKind.NotApplicable),
    ];

    /// <summary>Builds the command.</summary>
    public static Command Build(PackOptions pack, CliHost host, TextWriter stderr)
    {
        var directory = new Argument<string>("DIR") { Description = "The pack folder (pack.yaml, *.rules.yaml and fixtures/)." };
        var command = new Command("test", "Run a rule pack's fixtures (fixtures/<rule id>/<expected>-<name>.yaml) and print pass or fail for each. Exit 0 when all pass, 1 when any fails, 2 when the pack or a fixture cannot be read.") { directory };
        command.SetAction(parse => Run(Path.GetFullPath(parse.GetValue(directory)!, host.CurrentDirectory), parse.GetValue(pack.RulesRoot) is { } root ? Path.GetFullPath(root, host.CurrentDirectory) : null, parse.InvocationConfiguration.Output, stderr));
        return command;
    }

    /// <summary>Loads the pack in <paramref name="directory"/> and runs its fixtures.</summary>
    public static int Run(string directory, string? rulesRoot, TextWriter stdout, TextWriter stderr)
    {
        RulePack pack;
        try
        {
            pack = RulePack.LoadFromDirectory(directory, new RulePackLoadOptions { RootDirectory = rulesRoot });
        }
        catch (ArgumentException e)
        {
            // A --rules-root that does not contain the pack folder.
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (DirectoryNotFoundException)
        {
            stderr.WriteLine($"error: rule pack folder not found: {directory}");
            return ExitCodes.BadInput;
        }
        catch (RulePackLoadException e)
        {
            Problems.WritePack(stderr, directory, e);
            return ExitCodes.BadInput;
        }

        var fixtures = Path.Combine(directory, "fixtures");
        if (!Directory.Exists(fixtures))
        {
            stderr.WriteLine($"error: {directory} has no fixtures folder: add fixtures/<rule id>/<expected>-<name>.yaml");
            return ExitCodes.BadInput;
        }

        int passed = 0, failed = 0, broken = 0;
        foreach (var path in Directory.EnumerateFiles(fixtures, "*.*", SearchOption.AllDirectories)
            .Where(p => Path.GetExtension(p) is ".yaml" or ".yml" or ".json")
            // fixtures/inferences/ holds the inferences' fixtures (docs/writing-rules.md, "Derived facts"), not rule fixtures.
            .Where(p => !Path.GetRelativePath(fixtures, p).Replace('\\', '/').StartsWith("inferences/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var ruleId = new DirectoryInfo(Path.GetDirectoryName(path)!).Name;
            var name = Path.GetFileName(path);
            var expected = Prefixes.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.Ordinal));
            if (expected.Prefix is null)
            {
                stdout.WriteLine($"BROKEN {display}: the file name must start with {string.Join(", ", Prefixes.Select(p => p.Prefix))}");
                broken++;
                continue;
            }

            if (pack.Rules.All(r => r.Id != ruleId))
            {
                stdout.WriteLine($"BROKEN {display}: the pack has no rule '{ruleId}' (the folder name is the rule id)");
                broken++;
                continue;
            }

            try
            {
                var report = pack.Check(ProcurementFile.Load(path), new CheckOptions { CheckOutsidePeriod = true });
                var outcome = report.For(ruleId)!;
                if (outcome.Kind == expected.Kind)
                {
                    stdout.WriteLine($"PASS   {display}");
                    passed++;
                }
                else
                {
                    stdout.WriteLine($"FAIL   {display}: expected {Names(expected.Kind)}, got {Names(outcome.Kind)}: {outcome.Message}");
                    failed++;
                }
            }
            catch (InputException e)
            {
                stdout.WriteLine($"BROKEN {display}: " + string.Join("; ", e.Problems.Select(p => p.ToString())));
                broken++;
            }
        }

        stdout.WriteLine();
        stdout.WriteLine($"{passed + failed + broken} fixture(s) for pack {pack.Id} {pack.Version}: {passed} passed, {failed} failed, {broken} broken.");
        return broken > 0 ? ExitCodes.BadInput : failed > 0 ? ExitCodes.GateTripped : ExitCodes.Clean;
    }

    private static string Names(OutcomeKind kind) => kind == OutcomeKind.NotApplicable ? "not-applicable" : kind.ToString().ToLowerInvariant();
}
