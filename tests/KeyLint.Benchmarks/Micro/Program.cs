using BenchmarkDotNet.Running;
using KeyLint.Benchmarks.Micro;

// Runs the benchmarks chosen by BenchmarkDotNet's arguments, for example --filter '*' for all of them.
BenchmarkSwitcher.FromAssembly(typeof(TypicalLiteralBenchmarks).Assembly).Run(args, MicroConfig.Create());
