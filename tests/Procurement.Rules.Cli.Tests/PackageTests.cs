using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace Procurement.Rules.Cli.Tests;

/// <summary>
/// Packs the tool, installs it into a private tool folder and runs it as a user would. Slow (a Release build), so in
/// its own category: <c>dotnet test --filter TestCategory!=Package</c> leaves it out.
/// </summary>
[Category("Package")]
[NonParallelizable]
public class PackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTempFolder() => _temp = Directory.CreateTempSubdirectory("procurement-cli-package-");

    [TearDown]
    public void DeleteTempFolder() => _temp.Delete(recursive: true);

    [Test]
    public void InstalledTool_GreatYarmouthSample_ReportsBreachAndExitsOne()
    {
        // A version never used before, so no NuGet cache can hand back an older build of the tool.
        var version = $"0.0.0-test.{Guid.NewGuid():N}";
        var feed = Path.Combine(_temp.FullName, "feed");
        var tools = Path.Combine(_temp.FullName, "tools");
        var env = new Dictionary<string, string?>
        {
            // Keep the test's packages out of the shared NuGet cache.
            ["NUGET_PACKAGES"] = Path.Combine(_temp.FullName, "nuget-packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",

            // Build servers would inherit the redirected output and keep it open after the build ends.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };

        var pack = Run(DotnetExe, ["pack", RepoPaths.CliProject, "-c", "Release", "-o", feed, "-p:Version=" + version, "-nodeReuse:false"], env, RepoPaths.Root);
        pack.ExitCode.Should().Be(0, "dotnet pack must succeed: {0}", pack);
        File.Exists(Path.Combine(feed, $"Procurement.Rules.Cli.{version}.nupkg")).Should().BeTrue("{0}", pack);

        var install = Run(DotnetExe, ["tool", "install", "--tool-path", tools, "--add-source", feed, "Procurement.Rules.Cli", "--version", version], env, _temp.FullName);
        install.ExitCode.Should().Be(0, "dotnet tool install must succeed: {0}", install);

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "procurement-check.exe" : "procurement-check");
        var check = Run(tool, [RepoPaths.GreatYarmouth], env, _temp.FullName);
        check.ExitCode.Should().Be(1, "the sample has breaches: {0}", check);
        check.Stdout.Should().Contain("fair-tender.nhs-only-needs-reason");
    }

    /// <summary>The dotnet host running these tests, so the child uses the same SDK installation.</summary>
    private static string DotnetExe =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    /// <summary>The folder of the runtime running these tests (its <c>shared/Microsoft.NETCore.App/x.y.z</c> is three levels down).</summary>
    private static string DotnetRoot =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static ProcessResult Run(string fileName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> env, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        // An installed tool's apphost finds the runtime through DOTNET_ROOT when it is not in the default place.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            start.Environment["DOTNET_ROOT"] = DotnetRoot;
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        var command = fileName + " " + string.Join(' ', args);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within {Timeout}.{Environment.NewLine}{new ProcessResult(command, -1, Read(stdout), Read(stderr))}");
        }

        // The process has exited; give the output readers a bounded moment to drain.
        Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(30));
        return new ProcessResult(command, process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() =>
            $"{Command}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Stdout}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Stderr}";
    }
}
