using System.Text;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex;

/// <summary>
/// An input of the form prefix + pump * n + suffix: the prefix reaches the ambiguous sub-pattern, the pump
/// is read by it in many ways, and the suffix makes the match fail so the backtracker tries them all. For a
/// bytes pattern every character is one byte (0..255).
/// </summary>
public sealed record AttackString(string Prefix, string Pump, string Suffix, bool IsBytes)
{
    /// <summary>The attack with the pump repeated <paramref name="repetitions"/> times.</summary>
    public string Build(int repetitions)
    {
        var sb = new StringBuilder(Prefix.Length + Pump.Length * repetitions + Suffix.Length).Append(Prefix);
        for (var i = 0; i < repetitions; i++)
        {
            sb.Append(Pump);
        }

        return sb.Append(Suffix).ToString();
    }

    /// <summary>The attack as Python source for messages, e.g. <c>'x' + 'ab' * 30 + '!'</c> (or b'...' for bytes).</summary>
    public string ToPython(int repetitions = 30)
    {
        var parts = new List<string>();
        if (Prefix.Length > 0)
        {
            parts.Add(Literal(Prefix));
        }

        parts.Add($"{Literal(Pump)} * {repetitions}");
        if (Suffix.Length > 0)
        {
            parts.Add(Literal(Suffix));
        }

        return string.Join(" + ", parts);
    }

    public override string ToString() => ToPython();

    private string Literal(string text)
    {
        var codePoints = PythonText.CodePoints(text);
        return IsBytes ? PythonText.BytesRepr(codePoints) : PythonText.Repr(codePoints);
    }
}
