using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;

namespace Procurement.Rules.Package.Tests;

/// <summary>What a child process did: exit code, output and time taken, formatted for an assertion message.</summary>
internal sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    public override string ToString() =>
        $"`{CommandLine}` in {WorkingDirectory} "
        + (TimedOut ? "TIMED OUT and was killed" : "exited " + ExitCode.ToString(CultureInfo.InvariantCulture))
        + $" after {Elapsed.TotalSeconds:F1} s"
        + Environment.NewLine + "--- stdout ---" + Environment.NewLine + StdOut
        + Environment.NewLine + "--- stderr ---" + Environment.NewLine + StdErr;
}

/// <summary>Runs the dotnet CLI as a child process with a time limit, capturing its output.</summary>
internal static class DotNetCli
{
    /// <summary>Deletes a scratch folder a test made, if it is there; a failure to delete is reported, never thrown.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException e)
        {
            TestContext.Progress.WriteLine($"Could not delete {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            TestContext.Progress.WriteLine($"Could not delete {path}: {e.Message}");
        }
    }

    /// <summary>The longest any one command may take before it is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for the output pipes to close once the process has exited.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private static string Host
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>Runs <c>dotnet</c> with the given arguments in a folder; never throws for a failing command.</summary>
    public static ProcessResult Run(string workingDirectory, params string[] arguments) => Run(Host, "dotnet", workingDirectory, arguments);

    /// <summary>Runs a program (such as a self-contained executable) in the same way as <see cref="Run(string, string[])"/>.</summary>
    public static ProcessResult RunProgram(string workingDirectory, string program, params string[] arguments) => Run(program, program, workingDirectory, arguments);

    private static ProcessResult Run(string executable, string name, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild/VSTest, which leave MSBuild variables behind; a nested build must not
        // inherit them. Build servers and reused nodes would outlive the command and hold its output pipes open.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var commandLine = name + " " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? '"' + a + '"' : a));
        TestContext.Progress.WriteLine($"[{DateTime.Now:HH:mm:ss}] {commandLine}");

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + commandLine);
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var pumps = new[] { Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr) };

        var exited = process.WaitForExit(Timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Task.WaitAll(pumps, DrainTimeout);
        stopwatch.Stop();
        TestContext.Progress.WriteLine($"[{DateTime.Now:HH:mm:ss}]   {(exited ? "exit " + process.ExitCode.ToString(CultureInfo.InvariantCulture) : "timed out")} after {stopwatch.Elapsed.TotalSeconds:F1} s");

        return new ProcessResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, !exited, stopwatch.Elapsed, Snapshot(stdout), Snapshot(stderr));
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
