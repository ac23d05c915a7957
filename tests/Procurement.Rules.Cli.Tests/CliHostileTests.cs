namespace Procurement.Rules.Cli.Tests;

/// <summary>
/// Hostile command lines found by a second red-team pass: outputs that fail only on flush, endless standard input,
/// waiver files that are devices, folders or broken YAML, self-including response files and folder or glob walks that
/// meet symbolic-link loops or unreadable folders. Each must end in a message and a documented exit code, never an
/// unhandled exception, a stack overflow or a hang.
/// </summary>
public class CliHostileTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTempFolder() => _temp = Directory.CreateTempSubdirectory("procurement-cli-hostile-");

    [TearDown]
    public void DeleteTempFolder() => _temp.Delete(recursive: true);

    [Test]
    public void Run_OutputFileOnAFullDevice_ReportsOnStderrAndExitsFive()
    {
        Assume.That(File.Exists("/dev/full"), "needs /dev/full (Linux)");

        var result = Run([RepoPaths.GreatYarmouth, "-o", "/dev/full"]);

        result.ExitCode.Should().Be(ExitCodes.OutputFailed, "{0}", result);
        result.Stderr.Should().Contain("error: could not write the output file /dev/full: No space left on device");
    }

    [Test]
    public void Run_OutputIsAFolder_SaysItIsAFolder()
    {
        _temp.CreateSubdirectory("out");

        var result = Run([RepoPaths.GreatYarmouth, "-o", "out"]);

        result.ExitCode.Should().Be(ExitCodes.OutputFailed, "{0}", result);
        result.Stderr.Should().Contain("error: could not write the output file out: it is a folder; name a file");
    }

    [Test]
    public void Run_EndlessStandardInput_IsABadInputAtTheFileLimit()
    {
        var result = Run(["-"], stdin: new EndlessReader());

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        result.Stderr.Should().Contain("<stdin>: standard input holds more than 16,777,216 characters, the limit for one file (InputLimits.MaxFileBytes)");
    }

    [Test]
    public void Run_WaiversIsADevice_IsAProblemNotAHang()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero (Unix)");

        var result = Run([RepoPaths.GreatYarmouth, "--waivers", "/dev/zero"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        result.Stderr.Should().Contain("/dev/zero: is a device, not a regular file; only regular files are read");
    }

    [Test]
    public void Run_WaiversIsAFolder_SaysSoInsteadOfNotFound()
    {
        _temp.CreateSubdirectory("waivers");

        var result = Run([RepoPaths.GreatYarmouth, "--waivers", "waivers"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        result.Stderr.Should().Contain("waivers: is a folder, not a file");
    }

    [TestCase("waivers:\n  - ? [a]\n    : b\n", "w.yaml:2:7: a key must be a single value, not a list", TestName = "Run_WaiverKeyIsAList_IsALocatedProblem")]
    [TestCase("waivers:\n  - rule: !!binary aGVsbG8=\n", "w.yaml:2:11: YAML tags are not supported: '!!binary'", TestName = "Run_WaiverWithATag_IsALocatedProblem")]
    [TestCase("waivers: &a [*a]\n", "w.yaml:1:14: alias '*a' refers to the node that contains it", TestName = "Run_WaiverSelfAlias_IsALocatedProblem")]
    public void Run_HostileWaiverFile_IsALocatedProblem(string content, string expected)
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "w.yaml"), content);

        var result = Run([RepoPaths.GreatYarmouth, "--waivers", "w.yaml"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        result.Stderr.Should().Contain(expected);
    }

    [Test]
    public void Run_WaiverNestedDeeply_IsALocatedProblemNotAStackOverflow()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "w.yaml"), "waivers: " + new string('[', 100_000) + new string(']', 100_000));

        var result = Run([RepoPaths.GreatYarmouth, "--waivers", "w.yaml"]);

        result.ExitCode.Should().Be(ExitCodes.BadInput, "{0}", result);
        result.Stderr.Should().Contain("w.yaml:1:73: mappings and lists are nested more than 64 deep (InputLimits.MaxDepth)");
    }

    [Test]
    public void Run_ResponseFileNamesItself_IsAUsageErrorNotAStackOverflow()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "a.rsp"), "--format\njson\n@b.rsp\n");
        File.WriteAllText(Path.Combine(_temp.FullName, "b.rsp"), "# loops back\n@a.rsp\n");

        var result = Run(["@a.rsp"]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain("response file '@a.rsp' names itself (directly or through another response file)");
    }

    [Test]
    public void Run_ResponseFileIsADevice_IsAUsageErrorNotAHang()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero (Unix)");

        var result = Run(["@/dev/zero"]);

        result.ExitCode.Should().Be(ExitCodes.Usage, "{0}", result);
        result.Stderr.Should().Contain("response file @/dev/zero: is a device, not a regular file; only regular files are read");
    }

    [Test]
    public void Run_ResponseFileNestsAnother_ExpandsBoth()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "outer.rsp"), "--format\n\n@inner.rsp\n");
        File.WriteAllText(Path.Combine(_temp.FullName, "inner.rsp"), "jsonl\n" + RepoPaths.GreatYarmouth + "\n");

        var result = Run(["@outer.rsp"]);

        result.ExitCode.Should().Be(ExitCodes.GateTripped, "{0}", result);
        result.Stdout.Should().StartWith("{\"file\":");
    }

    [Test]
    public void Run_FolderWithALinkLoop_ChecksItsFilesWithoutWalkingTheLoop()
    {
        var cases = _temp.CreateSubdirectory("cases");
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(cases.FullName, "gy.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(cases.CreateSubdirectory("a").FullName, "up"), "..");

        var result = Run(["--format", "jsonl", "cases"]);

        result.ExitCode.Should().Be(ExitCodes.GateTripped, "{0}", result);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle()
            .Which.Should().StartWith("{\"file\":" + System.Text.Json.JsonSerializer.Serialize(Path.Combine("cases", "gy.yaml")));
    }

    [Test]
    public void Run_GlobWithALinkLoop_MatchesEachFileOnceWithoutWalkingTheLoop()
    {
        var cases = _temp.CreateSubdirectory("cases");
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(cases.FullName, "gy.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(cases.CreateSubdirectory("a").FullName, "up"), "..");

        var result = Run(["--format", "jsonl", "cases/**/*.yaml"]);

        result.ExitCode.Should().Be(ExitCodes.GateTripped, "{0}", result);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Test]
    public void Run_GlobFromTheRoot_SearchesFromTheRootNotTheWorkingFolder()
    {
        var cases = _temp.CreateSubdirectory("cases");
        File.Copy(RepoPaths.GreatYarmouth, Path.Combine(cases.FullName, "gy.yaml"));
        Assume.That(Path.DirectorySeparatorChar, Is.EqualTo('/'), "a Unix root");
        var segments = cases.FullName.Split('/');
        segments[1] = segments[1][..^1] + "*"; // a wildcard in the first segment: '/tm*/...'
        var absolute = string.Join('/', segments) + "/*.yaml";

        var result = Run(["--format", "jsonl", absolute]);

        result.ExitCode.Should().Be(ExitCodes.GateTripped, "{0}", result);
        result.Stdout.Should().Contain("/gy.yaml\"");
    }

    private CliResult Run(string[] args, TextReader? stdin = null)
    {
        var host = new CliHost { CurrentDirectory = _temp.FullName, Today = Today, Stdin = stdin ?? new StringReader(string.Empty) };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr, host);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard input that never ends, as <c>- &lt; /dev/zero</c> gives.</summary>
    private sealed class EndlessReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, 'a', index, count);
            return count;
        }

        public override int Peek() => 'a';

        public override int Read() => 'a';
    }
}
