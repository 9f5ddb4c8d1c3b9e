using BenchmarkDotNet.Running;

namespace PyGuard.Benchmarks;

/// <summary>
/// Entry point for every benchmark: <c>dotnet run -c Release --project bench/PyGuard.Benchmarks -- --filter '*Parse*'</c>.
/// docs/benchmarks.md gives the command behind each recorded figure.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
