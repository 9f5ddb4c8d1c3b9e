using System.Globalization;
using System.Text.Json;
using Shouldly;

namespace PyGuard.Regex.Tests.Analysis;

/// <summary>
/// PyGuard's attack strings, run through CPython's own `re` at growing sizes in a subprocess with a timeout,
/// make the time grow as PyGuard claims: multiplying for exponential patterns, by clearly more than the
/// doubling of a linear match for polynomial ones. Only ratios of times are compared, never times, and
/// the times are the thread's CPU time: on a loaded machine wall-clock ratios jump whenever the process
/// is descheduled.
/// </summary>
public sealed class CPythonAttackTests
{
    // Grows n until one call takes over 0.2 s (by 2 for an exponential claim, doubling for a polynomial one);
    // prints each (n, seconds) as it goes.
    private const string Script = """
        import json, re, sys, time
        spec = json.loads(sys.argv[1])
        def text(s):
            return s.encode('latin-1') if spec['bytes'] else s
        run = getattr(re.compile(text(spec['pattern']), spec['flags']), spec['mode'])
        prefix, pump, suffix = text(spec['prefix']), text(spec['pump']), text(spec['suffix'])
        exponential = spec['exponential']
        n = 2 if exponential else 4
        while n <= (128 if exponential else 16384):
            s = prefix + pump * n + suffix
            best = None
            for _ in range(3):
                t0 = time.thread_time()
                run(s)
                t = time.thread_time() - t0
                best = t if best is None else min(best, t)
                if best > 0.01:
                    break
            print(n, best, flush=True)
            if best > 0.2:
                break
            n = n + 2 if exponential else n * 2
        """;

    public static TheoryData<string> Vulnerable() => RedosCorpus.Ids(p => p.Label != "safe");

    [Theory]
    [MemberData(nameof(Vulnerable))]
    public void Attack_string_makes_CPython_slow_down_as_claimed(string id)
    {
        CPython.Require();
        var pattern = RedosCorpus.Get(id);
        var report = pattern.Analyze();
        report.AttackString.ShouldNotBeNull(report.Explanation);
        var attack = report.AttackString;
        var spec = JsonSerializer.Serialize(new
        {
            pattern = pattern.Pattern, flags = pattern.Flags, bytes = pattern.IsBytes,
            mode = pattern.Mode switch { MatchMode.Match => "match", MatchMode.FullMatch => "fullmatch", _ => "search" },
            prefix = attack.Prefix, pump = attack.Pump, suffix = attack.Suffix,
            exponential = report.Complexity == Complexity.Exponential,
        });
        var (output, killed) = CPython.Run(Script, [spec], TimeSpan.FromSeconds(15));
        var series = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(f => (N: int.Parse(f[0], CultureInfo.InvariantCulture), Seconds: double.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToList();
        var what = $"{attack.ToPython()}: {string.Join(", ", series.Select(s => $"{s.N}:{s.Seconds:G3}"))}{(killed ? " (killed)" : "")}";
        if (report.Complexity == Complexity.Exponential)
        {
            // From half the largest n to the largest, the time grew beyond what any polynomial of degree 5
            // would do on a doubling (32 times), or the run had to be killed while n was still small.
            var (lastN, lastSeconds) = series[^1];
            var half = series.Where(s => s.N <= lastN / 2).Select(s => s.Seconds).DefaultIfEmpty(0).Last();
            (killed && lastN <= 64 || half > 0 && lastSeconds / half >= 50).ShouldBeTrue(what);
        }
        else
        {
            report.Complexity.ShouldBe(Complexity.Polynomial);
            var timed = series.Zip(series.Skip(1)).Where(p => p.First.Seconds >= 5e-4).Select(p => p.Second.Seconds / p.First.Seconds).ToList();
            (killed || timed.Count > 0 && timed.Max() >= 2.8).ShouldBeTrue(what);
        }
    }
}
