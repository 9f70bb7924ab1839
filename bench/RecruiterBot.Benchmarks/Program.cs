using BenchmarkDotNet.Running;

// bench/run.sh runs every benchmark and writes bench/results/latest.md; pass BenchmarkDotNet arguments to pick some.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
