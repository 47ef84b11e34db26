using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using KeyLint.Benchmarks.Micro;

// "--linearity [SHORT LONG [CASE]]" times every pathological case (or those whose name starts with CASE) at two
// lengths with a stopwatch. Anything else goes to BenchmarkDotNet, for example --filter '*' for all benchmarks.
if (args.Length > 0 && args[0] == "--linearity")
{
    var shortLength = args.Length > 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
    var longLength = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
    LinearityCheck.Run(Console.Out, shortLength, longLength, args.Length > 3 ? args[3] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TypicalLiteralBenchmarks).Assembly).Run(args, MicroConfig.Create());
