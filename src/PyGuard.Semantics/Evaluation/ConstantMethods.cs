using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Evaluation;

/// <summary>
/// Methods of str and bytes constants that build or transform text: join, replace, case changes,
/// stripping, padding, encode/decode, format, slicing helpers. Padding to a huge width yields a
/// <see cref="PyHugeSequence"/> so the resource rules see the size without it being built.
/// </summary>
public static class ConstantMethods
{
    public static PyValue? Call(PyValue receiver, string name, IReadOnlyList<PyValue> args, IReadOnlyDictionary<string, PyValue> kwargs)
    {
        return receiver switch
        {
            PyStr s => StrMethod(s.Value, name, args, kwargs),
            PyBytes b => BytesMethod(b, name, args, kwargs),
            PySequence seq => SequenceMethod(seq, name, args),
            _ => null,
        };
    }

    private static PyValue? StrMethod(string s, string name, IReadOnlyList<PyValue> args, IReadOnlyDictionary<string, PyValue> kwargs)
    {
        string? Arg(int i) => i < args.Count && args[i] is PyStr a ? a.Value : null;
        int? IntArg(int i) => i < args.Count && args[i] is PyInt n && n.Value <= int.MaxValue && n.Value >= int.MinValue ? (int)n.Value : null;

        switch (name)
        {
            case "join" when args.Count == 1:
                return Join(s, args[0]);
            case "replace" when Arg(0) is { } old && Arg(1) is { } replacement:
            {
                if (old.Length == 0)
                {
                    return null;
                }

                var count = IntArg(2) ?? -1;
                var result = count < 0 ? s.Replace(old, replacement, StringComparison.Ordinal) : ReplaceCount(s, old, replacement, count);
                return result.Length > ValueLimits.MaxStringLength ? null : new PyStr(result);
            }

            case "upper" when args.Count == 0:
                return new PyStr(s.ToUpperInvariant());
            case "lower" or "casefold" when args.Count == 0:
                return new PyStr(s.ToLowerInvariant());
            case "swapcase" when args.Count == 0:
                return new PyStr(new string(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()));
            case "capitalize" when args.Count == 0:
                return new PyStr(s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant());
            case "title" when args.Count == 0:
                return new PyStr(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant()));
            case "strip" or "lstrip" or "rstrip":
            {
                var chars = args.Count == 0 || args[0] is PyNone ? null : Arg(0);
                if (args.Count > 0 && args[0] is not PyNone && chars is null)
                {
                    return null;
                }

                var set = chars?.ToCharArray();
                return new PyStr(name switch
                {
                    "strip" => set is null ? s.Trim() : s.Trim(set),
                    "lstrip" => set is null ? s.TrimStart() : s.TrimStart(set),
                    _ => set is null ? s.TrimEnd() : s.TrimEnd(set),
                });
            }

            case "removeprefix" when Arg(0) is { } prefix:
                return new PyStr(s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s);
            case "removesuffix" when Arg(0) is { } suffix:
                return new PyStr(suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s);
            case "split" or "rsplit" when args.Count <= 1:
            {
                string[] parts;
                if (args.Count == 0 || args[0] is PyNone)
                {
                    parts = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                }
                else if (Arg(0) is { Length: > 0 } separator)
                {
                    parts = s.Split(separator);
                }
                else
                {
                    return null;
                }

                return new PySequence("list", [.. parts.Select(p => (PyValue)new PyStr(p))]);
            }

            case "encode":
            {
                var encoding = Arg(0) ?? (kwargs.GetValueOrDefault("encoding") as PyStr)?.Value ?? "utf-8";
                return Codecs.EncodeText(new PyStr(s), encoding);
            }

            case "format":
                return FormatSpec.FormatTemplate(s, args, kwargs) is { } formatted ? new PyStr(formatted) : null;
            case "zfill" when IntArg(0) is { } width:
                return Pad(s, width, (text, w) => ZeroFill(text, w));
            case "ljust" or "rjust" or "center" when args.Count >= 1:
            {
                var fill = Arg(1) ?? " ";
                if (fill.Length != 1)
                {
                    return null;
                }

                return WidthOf(args[0]) switch
                {
                    null => null,
                    { } w when w > ValueLimits.MaxStringLength => new PyHugeSequence("str", w, s.Length > 32 ? s[..32] : s),
                    { } w => new PyStr(name switch
                    {
                        "ljust" => s.PadRight((int)w, fill[0]),
                        "rjust" => s.PadLeft((int)w, fill[0]),
                        _ => Center(s, (int)w, fill[0]),
                    }),
                };
            }

            case "startswith" when Arg(0) is { } prefix:
                return PyBool.Of(s.StartsWith(prefix, StringComparison.Ordinal));
            case "endswith" when Arg(0) is { } suffix:
                return PyBool.Of(s.EndsWith(suffix, StringComparison.Ordinal));
            case "find" when Arg(0) is { } needle:
                return new PyInt(s.IndexOf(needle, StringComparison.Ordinal));
            case "count" when Arg(0) is { } needle && needle.Length > 0:
                return new PyInt((s.Length - s.Replace(needle, string.Empty, StringComparison.Ordinal).Length) / needle.Length);
            case "isidentifier" when args.Count == 0:
                return PyBool.Of(s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_'));
            case "__getitem__" when args.Count == 1:
                return ConstantOperations.Subscript(new PyStr(s), args[0]);
            case "__add__" when args.Count == 1:
                return ConstantOperations.Binary(PyGuard.Syntax.Tree.Operator.Add, new PyStr(s), args[0]);
            case "__mul__" when args.Count == 1:
                return ConstantOperations.Binary(PyGuard.Syntax.Tree.Operator.Mult, new PyStr(s), args[0]);
            case "expandtabs" when args.Count == 0:
                return new PyStr(s.Replace("\t", "        ", StringComparison.Ordinal));
            default:
                return null;
        }
    }

    private static double? WidthOf(PyValue value) => value switch
    {
        PyInt i => (double)i.Value,
        PyHugeInt h => h.Negative ? 0 : Math.Pow(2, Math.Min(h.Log2, 1023)),
        _ => null,
    };

    private static PyValue Pad(string s, int width, Func<string, int, string> pad) =>
        width > ValueLimits.MaxStringLength ? new PyHugeSequence("str", width) : new PyStr(pad(s, width));

    private static string ZeroFill(string s, int width)
    {
        if (s.Length >= width)
        {
            return s;
        }

        var sign = s.Length > 0 && (s[0] == '-' || s[0] == '+') ? s[0].ToString() : string.Empty;
        return sign + new string('0', width - s.Length) + s[sign.Length..];
    }

    private static string Center(string s, int width, char fill)
    {
        if (s.Length >= width)
        {
            return s;
        }

        // CPython puts the extra fill character on the left when the padding and width are both odd.
        var marg = width - s.Length;
        var left = (marg / 2) + (marg & width & 1);
        return new string(fill, left) + s + new string(fill, marg - left);
    }

    private static string ReplaceCount(string s, string old, string replacement, int count)
    {
        var builder = new StringBuilder();
        var position = 0;
        for (var n = 0; n < count; n++)
        {
            var found = s.IndexOf(old, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(s, position, found - position).Append(replacement);
            position = found + old.Length;
        }

        return builder.Append(s, position, s.Length - position).ToString();
    }

    /// <summary><c>separator.join(items)</c> for an iterable of str constants.</summary>
    public static PyValue? Join(string separator, PyValue iterable)
    {
        IEnumerable<PyValue>? items = iterable switch
        {
            PySequence seq => seq.Items,
            PyStr text => CodePoints.Split(text.Value).Select(c => (PyValue)new PyStr(c)),
            _ => null,
        };
        if (items is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (item is not PyStr part)
            {
                return null;
            }

            if (!first)
            {
                builder.Append(separator);
            }

            builder.Append(part.Value);
            first = false;
            if (builder.Length > ValueLimits.MaxStringLength)
            {
                return null;
            }
        }

        return new PyStr(builder.ToString());
    }

    private static PyValue? BytesMethod(PyBytes b, string name, IReadOnlyList<PyValue> args, IReadOnlyDictionary<string, PyValue> kwargs)
    {
        switch (name)
        {
            case "decode":
            {
                var encoding = args.Count > 0 && args[0] is PyStr e ? e.Value :
                    kwargs.GetValueOrDefault("encoding") is PyStr ke ? ke.Value : "utf-8";
                return Codecs.DecodeText(b, encoding);
            }

            case "hex" when args.Count == 0:
                return new PyStr(Convert.ToHexString(b.Value.AsSpan()).ToLowerInvariant());
            case "join" when args.Count == 1 && args[0] is PySequence seq:
            {
                var builder = ImmutableArray.CreateBuilder<byte>();
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (seq.Items[i] is not PyBytes part)
                    {
                        return null;
                    }

                    if (i > 0)
                    {
                        builder.AddRange(b.Value);
                    }

                    builder.AddRange(part.Value);
                }

                return new PyBytes(builder.ToImmutable());
            }

            case "replace" when args.Count == 2 && args[0] is PyBytes old && args[1] is PyBytes replacement && old.Value.Length > 0:
            {
                var text = b.AsLatin1().Replace(old.AsLatin1(), replacement.AsLatin1(), StringComparison.Ordinal);
                return text.Length > ValueLimits.MaxStringLength ? null : new PyBytes([.. Encoding.Latin1.GetBytes(text)]);
            }

            case "upper" or "lower" or "strip" or "lstrip" or "rstrip" or "__getitem__" or "split":
            {
                var asText = StrMethod(b.AsLatin1(), name, args.Select(a => a is PyBytes ab ? new PyStr(ab.AsLatin1()) : a).ToList(), kwargs);
                return asText switch
                {
                    PyStr s => new PyBytes([.. Encoding.Latin1.GetBytes(s.Value)]),
                    PySequence list => new PySequence("list", [.. list.Items.Select(i => i is PyStr s ? new PyBytes([.. Encoding.Latin1.GetBytes(s.Value)]) : i)]),
                    PyInt when name == "__getitem__" => ConstantOperations.Subscript(b, args[0]),
                    _ => null,
                };
            }

            default:
                return null;
        }
    }

    private static PyValue? SequenceMethod(PySequence seq, string name, IReadOnlyList<PyValue> args) => name switch
    {
        "__getitem__" when args.Count == 1 => ConstantOperations.Subscript(seq, args[0]),
        "count" when args.Count == 1 => new PyInt(seq.Items.Count(i => i.Equals(args[0]))),
        "index" when args.Count == 1 && seq.Items.IndexOf(args[0]) is var index and >= 0 => new PyInt(index),
        "copy" when args.Count == 0 => seq,
        _ => null,
    };
}
