using System.Diagnostics;

namespace PyGuard.Cli.Output;

/// <summary>
/// A one-line progress bar on stderr for long scans. Shown only when stderr is an interactive terminal,
/// not in CI, and for more than a handful of files; a pipe or a log never receives it.
/// </summary>
public sealed class ProgressBar : IProgress<int>, IDisposable
{
    private const int MinimumFiles = 20;
    private readonly TextWriter _output;
    private readonly int _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _lastDrawn = -1000;
    private bool _drawn;

    private ProgressBar(TextWriter output, int total)
    {
        _output = output;
        _total = total;
    }

    /// <summary>A bar when one belongs on this terminal, else null (which callers pass on as "no progress").</summary>
    public static ProgressBar? Create(TextWriter stderr, int total, bool disabled)
    {
        var interactive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false";
        return disabled || !interactive || total < MinimumFiles ? null : new ProgressBar(stderr, total);
    }

    public void Report(int done)
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDrawn < 100 && done < _total)
            {
                return;
            }

            _lastDrawn = now;
            const int Width = 30;
            var filled = (int)((long)Width * done / Math.Max(1, _total));
            _output.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {done}/{_total} files");
            _output.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            _output.Write("\r" + new string(' ', 60) + "\r");
            _output.Flush();
        }
    }
}
