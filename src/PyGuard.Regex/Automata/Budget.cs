using System.Diagnostics;

namespace PyGuard.Regex.Automata;

/// <summary>
/// The work one analysis may do: a number of elementary steps and a deadline, checked together so that no
/// pattern, however adversarial, can keep the analysis running. Not thread-safe: one per analysis.
/// </summary>
internal sealed class Budget(long steps, TimeSpan time, CancellationToken cancellation)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _left = steps;

    public bool Exhausted { get; private set; }

    /// <summary>Takes <paramref name="count"/> steps; false once the steps or the time are used up.</summary>
    public bool Spend(long count = 1)
    {
        if (Exhausted)
        {
            return false;
        }

        _left -= count;
        // Reading the clock costs more than a step; look at it every few thousand.
        if (_left < 0 || ((_left & 0xFFF) < count && (_clock.Elapsed > time || cancellation.IsCancellationRequested)))
        {
            Exhausted = true;
        }

        return !Exhausted;
    }

    public TimeSpan Elapsed => _clock.Elapsed;
}
