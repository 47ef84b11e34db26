using System;
using System.IO;
using System.Threading;
using KeyLint.Benchmarks.Harness;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (options.Smoke)
{
    var failures = await SmokeRun.RunAsync(Console.Out, options.Sonar, cancellation.Token);
    foreach (var failure in failures)
    {
        Console.Error.WriteLine("Smoke run failed: " + failure);
    }

    Console.WriteLine(failures.Count == 0 ? "Smoke run passed." : $"Smoke run failed with {failures.Count} problems.");
    return failures.Count == 0 ? 0 : 1;
}

try
{
    return await BenchmarkCommand.RunAsync(options, Console.Out, cancellation.Token);
}
catch (DirectoryNotFoundException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
