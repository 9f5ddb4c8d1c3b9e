using System.Globalization;
using System.Text;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// The <c>primaryLocationLineHash</c> partial fingerprint, computed as GitHub code scanning's upload action
/// computes it (github/codeql-action, src/fingerprints.ts), so that the value PyGuard writes is the one
/// GitHub would have filled in and alerts keep their identity from one upload to the next.
/// </summary>
/// <remarks>
/// The file is read as UTF-8 (undecodable bytes become U+FFFD, a byte order mark is kept) and walked in
/// UTF-16 code units. Spaces and tabs are skipped; <c>\r\n</c>, <c>\r</c> and <c>\n</c> all count as one
/// <c>\n</c>. Each line's hash is a polynomial rolling hash (base 37, 64-bit wrap-around) of the
/// 100 units that follow the start of the line, which is why a finding's hash does not change when lines
/// are inserted or removed above it. After the last unit comes 0xFFFF and then zeros to fill the window.
/// The hash is printed in lower-case hex, followed by <c>:n</c> for its n-th occurrence in the file.
/// </remarks>
public static class PrimaryLocationLineHash
{
    private const int WindowSize = 100;
    private const ulong Base = 37;
    private const char EndOfFile = '\uFFFF';

    /// <summary>37^100 modulo 2^64: the weight of the unit that leaves the window.</summary>
    private static readonly ulong LeavingWeight = Power(Base, WindowSize);

    /// <summary>The hashes of the given 1-based lines of a file; lines past the end are absent.</summary>
    public static Dictionary<int, string> ForLines(byte[] fileBytes, IReadOnlySet<int> lines) =>
        ForLines(Encoding.UTF8.GetString(fileBytes), lines);

    /// <inheritdoc cref="ForLines(byte[], IReadOnlySet{int})"/>
    public static Dictionary<int, string> ForLines(string text, IReadOnlySet<int> lines)
    {
        var result = new Dictionary<int, string>(lines.Count);
        Walk(text, (line, hash, occurrence) =>
        {
            if (lines.Contains(line))
            {
                result[line] = Format(hash, occurrence);
            }
        });
        return result;
    }

    /// <summary>The hash of every line, first line first.</summary>
    public static IReadOnlyList<string> ForAllLines(string text)
    {
        var result = new List<string>();
        Walk(text, (_, hash, occurrence) => result.Add(Format(hash, occurrence)));
        return result;
    }

    private static string Format(ulong hash, int occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"{hash:x}:{occurrence}");

    /// <summary>Calls <paramref name="emit"/> once per line, in line order, with its hash and occurrence number.</summary>
    private static void Walk(string text, Action<int, ulong, int> emit)
    {
        var window = new ulong[WindowSize];
        var lineStartingAt = new int[WindowSize];
        var occurrences = new Dictionary<ulong, int>();
        ulong hash = 0;
        var position = 0;
        var line = 0;
        var atLineStart = true;
        var afterCarriageReturn = false;

        void Emit()
        {
            var count = occurrences.GetValueOrDefault(hash) + 1;
            occurrences[hash] = count;
            emit(lineStartingAt[position], hash, count);
            lineStartingAt[position] = 0;
        }

        void Push(ulong unit)
        {
            unchecked
            {
                hash = (hash * Base) + unit - (LeavingWeight * window[position]);
            }

            window[position] = unit;
            if (++position == WindowSize)
            {
                position = 0;
            }
        }

        for (var i = 0; i <= text.Length; i++)
        {
            var unit = i < text.Length ? text[i] : EndOfFile;
            if (unit is ' ' or '\t' || (afterCarriageReturn && unit == '\n'))
            {
                afterCarriageReturn = false;
                continue;
            }

            afterCarriageReturn = unit == '\r';
            if (afterCarriageReturn)
            {
                unit = '\n';
            }

            // The unit about to be overwritten started a line 100 units ago: that line's hash is complete.
            if (lineStartingAt[position] != 0)
            {
                Emit();
            }

            if (atLineStart)
            {
                atLineStart = false;
                lineStartingAt[position] = ++line;
            }

            atLineStart = unit == '\n';
            Push(unit);
        }

        for (var i = 0; i < WindowSize; i++)
        {
            if (lineStartingAt[position] != 0)
            {
                Emit();
            }

            Push(0);
        }
    }

    private static ulong Power(ulong value, int exponent)
    {
        ulong result = 1;
        for (var i = 0; i < exponent; i++)
        {
            unchecked
            {
                result *= value;
            }
        }

        return result;
    }
}
