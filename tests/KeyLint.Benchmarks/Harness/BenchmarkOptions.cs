using System;
using System.Collections.Generic;
using System.Globalization;

namespace KeyLint.Benchmarks.Harness;

/// <summary>The command line of the benchmark harness.</summary>
public sealed class BenchmarkOptions
{
    public const string Usage = """
        Usage: KeyLint.Benchmarks [options]

          --corpus DIR     measure the C# files under DIR (skipping bin/, obj/) instead of a generated code base
          --files N        C# files to generate (default 2200, which writes more than 300,000 lines)
          --seed N         generator seed (default 20261204); the same seed writes the same files
          --out DIR        write the generated code base to DIR and keep it (default: a temporary folder, deleted)
          --runs N         measured runs (default 5)
          --warmup N       unmeasured runs before them, for the JIT (default 3)
          --concurrent     let analyzers run on several threads (default: one thread, so that contention between
                           analyzers does not inflate the time of one of them)
          --no-sonar       leave SonarAnalyzer's credential rules out
          --replay         instead of the compilation runs, call each analyzer's syntax-node callbacks directly on
                           one thread and time each pass with the thread's CPU time (Linux; wall time elsewhere);
                           --warmup and --runs then count passes, for example --warmup 3 --runs 20, and
                           warm-up goes on past --warmup until the JIT compiles no method for 1 s
          --smoke          generate a small code base, run every analyzer once and check the harness works;
                           asserts no timing
          --help           print this text
        """;

    public string? Corpus { get; private set; }

    public int Files { get; private set; } = 2200;

    public int Seed { get; private set; } = 20261204;

    public string? Out { get; private set; }

    public int Runs { get; private set; } = 5;

    public int Warmup { get; private set; } = 3;

    public bool Concurrent { get; private set; }

    public bool Sonar { get; private set; } = true;

    public bool Smoke { get; private set; }

    public bool Replay { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An option is unknown, or its value is missing or invalid.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--corpus":
                    options.Corpus = Value(args, ref i);
                    break;
                case "--files":
                    options.Files = Number(args, ref i, minimum: 2);
                    break;
                case "--seed":
                    options.Seed = Number(args, ref i, minimum: 0);
                    break;
                case "--out":
                    options.Out = Value(args, ref i);
                    break;
                case "--runs":
                    options.Runs = Number(args, ref i, minimum: 1);
                    break;
                case "--warmup":
                    options.Warmup = Number(args, ref i, minimum: 0);
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--no-sonar":
                    options.Sonar = false;
                    break;
                case "--smoke":
                    options.Smoke = true;
                    break;
                case "--replay":
                    options.Replay = true;
                    break;
                case "--help" or "-h":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the options.");
            }
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"The option {args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int Number(IReadOnlyList<string> args, ref int i, int minimum)
    {
        var option = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"The option {option} needs a whole number of at least {minimum}, not '{text}'.");
        }

        return value;
    }
}
