using System.Diagnostics;
using System.Text;

namespace KeyLint.PackageTests;

/// <summary>Output and exit code of one finished <c>dotnet</c> command.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>Describes the command for an assertion message, with its full output.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited with {ExitCode} after {Duration.TotalSeconds:F0} s. Output:\n{Output}";
}

/// <summary>Runs the <c>dotnet</c> command line as a child process, the way a user or a CI job runs it.</summary>
public static class DotnetCommand
{
    /// <summary>Maximum duration of one command. A command that runs longer is killed and its test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and returns its
    /// combined standard output and standard error.
    /// </summary>
    /// <exception cref="TimeoutException">The command did not finish within <see cref="Timeout"/>.</exception>
    public static CommandResult Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment);

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var commandLine = "dotnet " + string.Join(' ', arguments);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"`{commandLine}` did not finish within {Timeout.TotalMinutes} minutes. Output so far:\n{Read(output)}");
        }

        // The exit is known; this second wait drains the output that is still buffered in the pipes.
        process.WaitForExit();
        return new CommandResult(commandLine, process.ExitCode, Read(output), stopwatch.Elapsed);
    }

    // The test host runs under `dotnet test`, whose MSBuild variables (MSBuildExtensionsPath, MSBUILD_EXE_PATH, ...)
    // would steer the child build, and a user's shell has none of them. Build servers are turned off so that no
    // long-lived node or compiler server keeps the output pipes open after the command ends.
    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
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
}
