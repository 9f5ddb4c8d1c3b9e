using System.Diagnostics;

namespace PyGuard.Regex.Automata;

/// <summary>
/// The work one analysis may do: a number of elementary steps and a deadline, checked together so that no
/// pattern, however adversarial, can keep the analysis running. Not thread-safe: one per analysis.
/// </summary>
internal sealed class Budget(long steps, TimeSpan time, CancellationToken cancellation)
{
    // Reading the clock costs more than a step; it is read on the first step and then every few thousand.
    private const long ClockInterval = 4096;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _spent;
    private long _nextClockCheck;

    public bool Exhausted { get; private set; }

    /// <summary>Takes <paramref name="count"/> steps; false once the steps or the time are used up.</summary>
    public bool Spend(long count = 1)
    {
        if (Exhausted)
        {
            return false;
        }

        _spent += count;
        if (_spent > steps)
        {
            Exhausted = true;
        }
        else if (_spent >= _nextClockCheck)
        {
            _nextClockCheck = _spent + ClockInterval;
            Exhausted = _clock.Elapsed > time || cancellation.IsCancellationRequested;
        }

        return !Exhausted;
    }
}
