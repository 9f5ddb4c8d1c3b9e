using System.Diagnostics;
using System.Globalization;
using PyGuard.BuildCompare;

// pyguard-buildcompare LIST ROUNDS DIR_A DIR_B [DIR...]: LIST names one Python file per line; each DIR holds a
// build of PyGuard.Gate with its dependencies. Prints, per build, the fastest, median and mean pass over LIST,
// and each build's per-round time relative to the first build's.
if (args.Length < 4 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
{
    Console.Error.WriteLine("usage: pyguard-buildcompare LIST ROUNDS DIR_A DIR_B [DIR...]");
    return 2;
}

var sources = File.ReadAllLines(args[0]).Where(line => line.Length > 0).Select(File.ReadAllBytes).ToArray();
var lines = sources.Sum(source => (long)source.AsSpan().Count((byte)'\n'));
var builds = args[2..].Select(dir => BuildUnderTest.Load(dir)).ToArray();

// The first pass fills the ReDoS rule's cache and compiles; the next ones let tiered compilation settle.
const int WarmUpPasses = 3;
for (var pass = 0; pass < WarmUpPasses; pass++)
{
    foreach (var build in builds)
    {
        build.ScanAll(sources);
    }
}

var seconds = builds.Select(_ => new double[rounds]).ToArray();
for (var round = 0; round < rounds; round++)
{
    // The order rotates so that no build always runs right after another one's garbage.
    for (var turn = 0; turn < builds.Length; turn++)
    {
        var index = (round + turn) % builds.Length;
        var started = Stopwatch.GetTimestamp();
        builds[index].ScanAll(sources);
        seconds[index][round] = Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}

Console.WriteLine(FormattableString.Invariant($"{sources.Length} files, {lines} lines, {rounds} rounds after {WarmUpPasses} warm-up passes"));
for (var i = 0; i < builds.Length; i++)
{
    var sorted = seconds[i].Order().ToArray();
    var median = sorted[sorted.Length / 2];
    Console.WriteLine(FormattableString.Invariant(
        $"{builds[i].Name}: fastest {sorted[0]:F2} s ({lines / sorted[0] / 1000:F0}k lines/s), median {median:F2} s ({lines / median / 1000:F0}k lines/s), mean {sorted.Average():F2} s ({lines / sorted.Average() / 1000:F0}k lines/s)"));
}

for (var i = 1; i < builds.Length; i++)
{
    var ratios = seconds[i].Zip(seconds[0], (mine, first) => mine / first).Order().ToArray();
    Console.WriteLine(FormattableString.Invariant(
        $"{builds[i].Name} / {builds[0].Name}: median time ratio {ratios[ratios.Length / 2]:F3} (each round: {string.Join(' ', ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))})"));
}

return 0;
