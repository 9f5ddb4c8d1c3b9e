using System.Text;
using PyGuard.Execution.Native;

namespace PyGuard.Execution.Runtime;

/// <summary>
/// The executor's end of the bootstrap's status socket. Before the go-ahead the bootstrap is the only writer,
/// so its "ready" report (what it put in force) is trusted. Afterwards the user's code shares the process and
/// could write here too: later messages ("memory") are advice that only ever labels the program's own
/// outcome, and the channel is dropped if it carries more than a bounded amount.
/// </summary>
internal sealed class StatusChannel(OwnedFd socket) : IDisposable
{
    private const int MaxBytes = 64 * 1024;

    private readonly List<byte> _pending = [];
    private int _received;

    public OwnedFd Socket => socket;

    public bool Open => socket.IsOpen;

    /// <summary>Reads what is available and returns the complete lines; closes the channel at end of stream or overflow.</summary>
    public List<string> ReadLines()
    {
        var lines = new List<string>();
        Span<byte> buffer = stackalloc byte[4096];
        var n = socket.Read(buffer);
        if (n <= 0)
        {
            if (n == 0)
            {
                socket.Dispose();
            }

            return lines;
        }

        _received += n;
        if (_received > MaxBytes)
        {
            socket.Dispose();
            return lines;
        }

        foreach (var b in buffer[..n])
        {
            if (b == (byte)'\n')
            {
                lines.Add(Encoding.UTF8.GetString([.. _pending]));
                _pending.Clear();
            }
            else
            {
                _pending.Add(b);
            }
        }

        return lines;
    }

    public bool SendGo() => socket.IsOpen && socket.WriteAll("go\n"u8);

    public void Dispose() => socket.Dispose();
}

/// <summary>The bootstrap's "ready" line: <c>ready rlimits=1 landlock=7 seccomp=1 audit=1</c>.</summary>
internal sealed record ReadyReport(bool Rlimits, int LandlockAbi, bool Seccomp, bool AuditHook)
{
    public static ReadyReport? Parse(string line)
    {
        if (!line.StartsWith("ready", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => int.TryParse(kv[1], out var v) ? v : 0, StringComparer.Ordinal);
        return new ReadyReport(
            fields.GetValueOrDefault("rlimits") == 1,
            fields.GetValueOrDefault("landlock"),
            fields.GetValueOrDefault("seccomp") == 1,
            fields.GetValueOrDefault("audit") == 1);
    }

    public IEnumerable<string> Layers()
    {
        if (Rlimits)
        {
            yield return IsolationLayers.Rlimits;
        }

        if (LandlockAbi > 0)
        {
            yield return IsolationLayers.Landlock;
        }

        if (Seccomp)
        {
            yield return IsolationLayers.Seccomp;
        }

        if (AuditHook)
        {
            yield return IsolationLayers.AuditHook;
        }
    }
}
