namespace Procurement.Rules.Cli.Tests;

/// <summary>
/// What a stranger tripped on when using the installed tool from its docs alone: crashes, exit codes that disagree with
/// docs/cli.md, and messages that mislead. Each test is one such trip.
/// </summary>
public class CliStrangerTests
{
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTempFolder() => _temp = Directory.CreateTempSubdirectory("procurement-cli-stranger-");

    [TearDown]
    public void DeleteTempFolder() => _temp.Delete(recursive: true);

    [TestCase("abc")]
    [TestCase("99999999999")]
    [TestCase("0")]
    public void Run_JobsNotAPositiveWholeNumber_IsAUsageErrorNotACrash(string jobs)
    {
        var result = Run(["--jobs", jobs, RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain("--jobs must be at least 1, a whole number of threads").And.Contain($"'{jobs}'");
        result.Stdout.Should().BeEmpty();
    }

    [TestCase("json")]
    [TestCase("text")]
    [TestCase("sarif")]
    public void Run_OutputFileOnAFullDisk_ExitsFiveWithAMessageNotACrash(string format)
    {
        Assume.That(File.Exists("/dev/full"), "needs /dev/full (Linux)");

        var result = Run(["--format", format, "--output", "/dev/full", RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(ExitCodes.OutputFailed, "{0}", result);
        result.Stderr.Should().Contain("error: could not write the output file /dev/full: ");
    }

    [Test]
    public void Run_StandardOutputClosed_SaysSoInsteadOfAccessDenied()
    {
        using var stderr = new StringWriter();

        var exitCode = Cli.Run([RepoPaths.GreatYarmouth], new ClosedWriter(), stderr, CliHost.Plain);

        exitCode.Should().Be(ExitCodes.OutputFailed);
        stderr.ToString().Should().Contain("error: could not write the output: standard output is closed").And.NotContain("Access to the path");
    }

    [TestCase("chek", "check")]
    [TestCase("rulse", "rules")]
    [TestCase("tset", "test")]
    [TestCase("list", "rules list")]
    [TestCase("catalog", "rules catalogue")]
    public void Run_MistypedCommand_IsAUsageErrorWithASuggestion(string typed, string meant)
    {
        var result = Run([typed, "samples"]);
        var keepGoing = Run(["--keep-going", typed, "samples"]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "docs/cli.md says a mistyped command is exit 4: {0}", result);
        result.Stderr.Should().Contain($"unknown command '{typed}': did you mean '{meant}'?");
        keepGoing.ExitCode.Should().Be(ExitCodes.Usage, "{0}", keepGoing);
    }

    [Test]
    public void Run_SecondInputLooksLikeACommand_IsJustAMissingFile()
    {
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(_temp.FullName, "gy.yaml"));

        var result = Run(["gy.yaml", "list"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        result.Stderr.Should().Contain("file not found: list").And.NotContain("did you mean");
    }

    [TestCase("-format")]
    [TestCase("-waivers")]
    public void Run_LongOptionWithOneDash_PointsAtTheTwoDashForm(string typed)
    {
        var result = Run([typed, "json", RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain($"unknown option '{typed}': did you mean '-{typed}'?");
    }

    [Test]
    public void Run_CheckOptionGivenToRulesList_SaysWhichCommandOwnsIt()
    {
        var result = Run(["rules", "list", "--waivers", "w.yaml"]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain("'--waivers' is an option of 'procurement-check check', not of 'procurement-check rules list'")
            .And.NotContain("Did you mean one of the following");
    }

    [Test]
    public void Run_MistypedSubcommandOfRules_SuggestsIt()
    {
        var result = Run(["rules", "lst"]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain("unknown command or argument 'lst' for 'procurement-check rules': did you mean 'list'?");
    }

    [Test]
    public void Run_RulesWithoutASubcommand_ListsTheSubcommands()
    {
        var result = Run(["rules"]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain("'procurement-check rules' needs a command: list, catalogue, export")
            .And.Contain("Usage: procurement-check rules list|catalogue|export").And.NotContain("<inputs>");
    }

    [Test]
    public void Run_WaiverOfARuleThePackLacks_SaysSoAndSuggestsTheRuleInsteadOfCallingItStale()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "waivers.yaml"), """
            waivers:
              - rule: fair-tender.nhs-only-needs-reasons
                case: great-yarmouth-2009
                reason: Clinical reason in the board paper
                approver: Jane Doe
                date: 2026-11-01
              - principle: no-such-principle
                case: great-yarmouth-2009
                reason: r
                approver: a
                date: 2026-11-01
            """);

        var result = Run(["--pack", "burnham-2009", "--waivers", "waivers.yaml", RepoPaths.GreatYarmouth]);

        result.ExitCode.Should().Be(ExitCodes.GateTripped, "the breach it meant to waive still trips the gate: {0}", result);
        result.Stderr.Should().Contain("warning: waivers.yaml:2: the rule pack burnham-2009 has no rule 'fair-tender.nhs-only-needs-reasons' (did you mean 'fair-tender.nhs-only-needs-reason'?): this waiver can never apply")
            .And.Contain("warning: waivers.yaml:7: the rule pack burnham-2009 has no principle 'no-such-principle': this waiver can never apply")
            .And.NotContain("covered nothing");
    }

    [TestCase("check")]
    [TestCase("test")]
    public void Run_PackCopiedOutOfTheRepository_IsOneProblemAndPointsAtRulesRootAndRulesExport(string command)
    {
        // The repository's pack reads ../sources; a copy of its folder alone does not bring them.
        var copy = Path.Combine(_temp.FullName, "copied");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DefaultPack, "*.yaml"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var result = command == "check" ? Run(["--rules", "copied", RepoPaths.GreatYarmouth]) : Run(["test", "copied"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(l => l.StartsWith("  ", StringComparison.Ordinal), "one problem, not one per citing rule")
            .Which.Should().Contain("source 'burnham-2009': file '../sources/burnham-2009-letter.md' is outside the folder the pack may read");
        result.Stderr.Should().Contain("hint: a pack reads only inside its own folder unless --rules-root").And.Contain("procurement-check rules export DIR");
    }

    [Test]
    public void Run_OptionsThatDoNothingForTheFormatOrInputs_AreWarnedAbout()
    {
        var idle = Run(["--by", "principle", "--include-undetermined", "--input-format", "json", RepoPaths.GreatYarmouth]);
        var used = Run(["--format", "csv", "--by", "principle", RepoPaths.GreatYarmouth]);

        idle.ExitCode.Should().Be(ExitCodes.GateTripped, "{0}", idle);
        idle.Stderr.Should().Contain("warning: --by shapes CSV rows only; it does nothing with --format text")
            .And.Contain("warning: --include-undetermined adds undetermined rules to SARIF only")
            .And.Contain("warning: --input-format says how to read standard input (-), which is not among the inputs");
        used.Stderr.Should().NotContain("warning:");
    }

    [Test]
    public void Run_OnlyInputMissing_DoesNotOfferKeepGoingToCheckTheRest()
    {
        var alone = Run(["nosuch.yaml"]);
        var withOthers = Run(["nosuch.yaml", RepoPaths.GreatYarmouth]);

        alone.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", alone);
        alone.Stderr.Should().Contain("Nothing was checked: correct the input(s) above.").And.NotContain("--keep-going");
        withOthers.Stderr.Should().Contain("add --keep-going to check the rest");
    }

    [Test]
    public void Run_JUnit_WritesThePeriodAsTheJsonReportDoes()
    {
        var result = Run(["--format", "junit", RepoPaths.GreatYarmouth]);

        result.Stdout.Should().Contain("<property name=\"period\" value=\"inForce\" />");
    }

    [TestCase(new[] { "rules", "list", "--help" }, " rules list [options]")]
    [TestCase(new[] { "test", "--help" }, " test <DIR> [options]")]
    [TestCase(new[] { "check", "--help" }, " check [<inputs>...] [options]")]
    public void Run_SubcommandHelp_ShowsAUsageLineThatWorks(string[] args, string usage)
    {
        var result = Run(args);
        var root = Run(["--help"]);

        result.ExitCode.Should().Be(ExitCodes.Clean, "{0}", result);
        // The root's name is the host's (testhost here, procurement-check when installed).
        result.Stdout.Should().Contain(usage).And.NotContain("[<inputs>...] " + args[0]);
        root.Stdout.Should().Contain(" [<inputs>...] [command] [options]");
    }

    [Test]
    public void Run_FishCompletion_StillOffersFiles()
    {
        var result = Run(["completion", "fish"]);

        result.ExitCode.Should().Be(ExitCodes.Clean, "{0}", result);
        var complete = result.Stdout.Split('\n').Single(l => l.StartsWith("complete ", StringComparison.Ordinal));
        complete.Should().NotContain(" -f ", "fish's -f turns off file completion, and the inputs are files").And.NotContain("--no-files");
    }

    [Test]
    public void Run_SarifWithABadInput_PointsTheNotificationAtTheProblemsLine()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "bad.yaml"), "id: x\ndecisionDate: 2009-13-01\n");

        var result = Run(["--format", "sarif", "bad.yaml"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        var notification = Newtonsoft.Json.Linq.JObject.Parse(result.Stdout)["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]![0]!;
        ((string)notification["message"]!["text"]!).Should().StartWith("bad.yaml:2:");
        ((int)notification["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!).Should().Be(2);
    }

    private CliResult Run(string[] args, string? stdin = null)
    {
        var host = new CliHost { CurrentDirectory = _temp.FullName, Today = new DateOnly(2026, 12, 1), Stdin = new StringReader(stdin ?? string.Empty) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard output closed (<c>&gt;&amp;-</c>): .NET reports EBADF as access denied.</summary>
    private sealed class ClosedWriter : StringWriter
    {
        public override void Write(char value) => throw new UnauthorizedAccessException("Access to the path is denied.");

        public override void Write(string? value) => throw new UnauthorizedAccessException("Access to the path is denied.");

        public override void Write(char[] buffer, int index, int count) => throw new UnauthorizedAccessException("Access to the path is denied.");

        public override void WriteLine(string? value) => throw new UnauthorizedAccessException("Access to the path is denied.");

        public override void Flush() => throw new UnauthorizedAccessException("Access to the path is denied.");
    }
}
