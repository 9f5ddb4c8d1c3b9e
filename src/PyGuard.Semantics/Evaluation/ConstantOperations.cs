using System.Collections.Immutable;
using System.Numerics;
using System.Text;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Evaluation;

/// <summary>
/// Python's operators over known constants, with every result bounded: a result too large to hold
/// becomes its magnitude (<see cref="PyHugeInt"/>, <see cref="PyHugeSequence"/>) and is never computed.
/// Returns null where Python would raise or where the analysis does not model the operation.
/// </summary>
public static class ConstantOperations
{
    public static PyValue? Binary(Operator op, PyValue left, PyValue right)
    {
        left = Promote(left);
        right = Promote(right);
        return op switch
        {
            Operator.Add => Add(left, right),
            Operator.Mult => Multiply(left, right),
            Operator.Mod when left is PyStr or PyBytes => PercentFormat.Apply(left, right),
            Operator.Pow => Power(left, right),
            _ => Arithmetic(op, left, right),
        };
    }

    public static PyValue? Unary(UnaryOperator op, PyValue operand)
    {
        operand = Promote(operand);
        return (op, operand) switch
        {
            (UnaryOperator.Not, _) when operand.Truthiness is { } truth => PyBool.Of(!truth),
            (UnaryOperator.USub, PyInt i) => new PyInt(-i.Value),
            (UnaryOperator.USub, PyHugeInt h) => h with { Negative = !h.Negative },
            (UnaryOperator.USub, PyFloat f) => new PyFloat(-f.Value),
            (UnaryOperator.USub, PyComplex c) => new PyComplex(-c.Value),
            (UnaryOperator.UAdd, PyInt or PyFloat or PyComplex or PyHugeInt) => operand,
            (UnaryOperator.Invert, PyInt i) => new PyInt(-i.Value - 1),
            _ => null,
        };
    }

    public static PyValue? Compare(CompareOperator op, PyValue left, PyValue right)
    {
        left = Promote(left);
        right = Promote(right);
        switch (op)
        {
            case CompareOperator.Eq:
                return Equal(left, right) is { } eq ? PyBool.Of(eq) : null;
            case CompareOperator.NotEq:
                return Equal(left, right) is { } ne ? PyBool.Of(!ne) : null;
            case CompareOperator.In or CompareOperator.NotIn:
            {
                bool? contained = (left, right) switch
                {
                    (PyStr needle, PyStr hay) => hay.Value.Contains(needle.Value, StringComparison.Ordinal),
                    (_, PySequence seq) => seq.Items.Any(item => Equal(left, item) == true),
                    _ => null,
                };
                return contained is { } c ? PyBool.Of(op == CompareOperator.In ? c : !c) : null;
            }

            case CompareOperator.Is when left is PyNone || right is PyNone:
                return PyBool.Of(left is PyNone && right is PyNone);
            case CompareOperator.IsNot when left is PyNone || right is PyNone:
                return PyBool.Of(!(left is PyNone && right is PyNone));
        }

        var order = Order(left, right);
        return order is null ? null : op switch
        {
            CompareOperator.Lt => PyBool.Of(order < 0),
            CompareOperator.LtE => PyBool.Of(order <= 0),
            CompareOperator.Gt => PyBool.Of(order > 0),
            CompareOperator.GtE => PyBool.Of(order >= 0),
            _ => null,
        };
    }

    /// <summary>bool is an int subtype in arithmetic.</summary>
    private static PyValue Promote(PyValue value) => value is PyBool b ? new PyInt(b.Value ? 1 : 0) : value;

    private static bool? Equal(PyValue left, PyValue right) => (left, right) switch
    {
        (PyInt a, PyInt b) => a.Value == b.Value,
        (PyInt a, PyFloat b) => (double)a.Value == b.Value,
        (PyFloat a, PyInt b) => a.Value == (double)b.Value,
        (PyFloat a, PyFloat b) => a.Value == b.Value,
        (PyStr a, PyStr b) => a.Value == b.Value,
        (PyBytes a, PyBytes b) => a.Equals(b),
        (PyNone, PyNone) => true,
        (PyHugeInt or PyHugeSequence, _) or (_, PyHugeInt or PyHugeSequence) => null,
        _ when left.GetType() != right.GetType() && !(left is PyInt or PyFloat && right is PyInt or PyFloat) => false,
        _ => left.Equals(right),
    };

    private static int? Order(PyValue left, PyValue right) => (left, right) switch
    {
        (PyInt a, PyInt b) => a.Value.CompareTo(b.Value),
        (PyFloat a, PyFloat b) => a.Value.CompareTo(b.Value),
        (PyInt a, PyFloat b) => ((double)a.Value).CompareTo(b.Value),
        (PyFloat a, PyInt b) => a.Value.CompareTo((double)b.Value),
        (PyStr a, PyStr b) => string.CompareOrdinal(a.Value, b.Value),
        (PyHugeInt a, PyInt) => a.Negative ? -1 : 1,
        (PyInt, PyHugeInt b) => b.Negative ? 1 : -1,
        _ => null,
    };

    private static PyValue? Add(PyValue left, PyValue right)
    {
        switch (left, right)
        {
            case (PyStr a, PyStr b):
                return ConcatStr(a, b);
            case (PyBytes a, PyBytes b):
                return ConcatBytes(a, b);
            case (PySequence a, PySequence b) when a.Type == b.Type && a.Type != "set":
                return ConcatSequence(a, b);
            case (PyHugeSequence a, _) when Sequences.Length(right) is { } rl:
                return a with { Length = a.Length + rl };
            case (_, PyHugeSequence b) when Sequences.Length(left) is { } ll:
                return b with { Length = b.Length + ll };
            default:
                return Arithmetic(Operator.Add, left, right);
        }
    }

    // The concatenations are methods of their own because a lambda capturing Add's pattern variables made
    // the compiler allocate its closure on every Add, numeric ones included.
    private static PyValue ConcatStr(PyStr a, PyStr b) =>
        Sequences.Concat("str", a.Value.Length + (double)b.Value.Length, () => new PyStr(a.Value + b.Value), a.Value);

    private static PyValue ConcatBytes(PyBytes a, PyBytes b) =>
        Sequences.Concat("bytes", a.Value.Length + (double)b.Value.Length, () => new PyBytes(a.Value.AddRange(b.Value)), a.AsLatin1());

    private static PyValue ConcatSequence(PySequence a, PySequence b) =>
        Sequences.Concat(a.Type, a.Items.Length + (double)b.Items.Length, () => new PySequence(a.Type, a.Items.AddRange(b.Items)), string.Empty);

    private static PyValue? Multiply(PyValue left, PyValue right)
    {
        if (Sequences.IsSequence(left) && IsInteger(right))
        {
            return Sequences.Repeat(left, right);
        }

        if (Sequences.IsSequence(right) && IsInteger(left))
        {
            return Sequences.Repeat(right, left);
        }

        return Arithmetic(Operator.Mult, left, right);
    }

    private static bool IsInteger(PyValue value) => value is PyInt or PyHugeInt;

    private static PyValue? Power(PyValue left, PyValue right)
    {
        if (left is PyInt b && right is PyInt e)
        {
            if (e.Value.Sign < 0)
            {
                return b.Value.IsZero ? null : new PyFloat(Math.Pow((double)b.Value, (double)e.Value));
            }

            if (b.Value.IsZero || b.Value.IsOne || e.Value.IsZero)
            {
                return new PyInt(e.Value.IsZero ? BigInteger.One : b.Value);
            }

            if (b.Value == BigInteger.MinusOne)
            {
                return new PyInt(e.Value.IsEven ? BigInteger.One : BigInteger.MinusOne);
            }

            var bits = Log2(BigInteger.Abs(b.Value)) * (double)e.Value;
            if (bits > ValueLimits.MaxIntBits)
            {
                return new PyHugeInt(bits, b.Value.Sign < 0 && !e.Value.IsEven);
            }

            return new PyInt(BigInteger.Pow(b.Value, (int)e.Value));
        }

        if (left is PyInt or PyHugeInt && right is PyInt or PyHugeInt)
        {
            // A tower such as 9**9**9: the exponent is itself huge, so is the result.
            var baseLog = left is PyInt bi ? Log2(BigInteger.Abs(bi.Value)) : ((PyHugeInt)left).Log2;
            var exponentLog = right is PyInt ei ? Log2(BigInteger.Abs(ei.Value)) : ((PyHugeInt)right).Log2;
            if (right is PyHugeInt { Negative: true } || (right is PyInt ri && ri.Value.Sign < 0))
            {
                return null;
            }

            if (baseLog <= 0)
            {
                return null;
            }

            // log2(result) = 2^exponentLog * baseLog; keep it finite.
            var resultLog = exponentLog > 1000 ? double.MaxValue : Math.Pow(2, exponentLog) * baseLog;
            return new PyHugeInt(resultLog);
        }

        if (left is PyFloat or PyInt && right is PyFloat or PyInt)
        {
            var result = Math.Pow(ToDouble(left), ToDouble(right));
            return double.IsFinite(result) ? new PyFloat(result) : null;
        }

        return null;
    }

    private static PyValue? Arithmetic(Operator op, PyValue left, PyValue right)
    {
        if (left is PyInt a && right is PyInt b)
        {
            switch (op)
            {
                case Operator.Add:
                    return Bound(a.Value + b.Value);
                case Operator.Sub:
                    return Bound(a.Value - b.Value);
                case Operator.Mult:
                    return Log2(BigInteger.Abs(a.Value)) + Log2(BigInteger.Abs(b.Value)) > ValueLimits.MaxIntBits
                        ? new PyHugeInt(Log2(BigInteger.Abs(a.Value)) + Log2(BigInteger.Abs(b.Value)), a.Value.Sign * b.Value.Sign < 0)
                        : new PyInt(a.Value * b.Value);
                case Operator.FloorDiv when !b.Value.IsZero:
                    return new PyInt(FloorDiv(a.Value, b.Value));
                case Operator.Mod when !b.Value.IsZero:
                    return new PyInt(a.Value - (b.Value * FloorDiv(a.Value, b.Value)));
                case Operator.Div when !b.Value.IsZero:
                    return new PyFloat((double)a.Value / (double)b.Value);
                case Operator.BitAnd:
                    return new PyInt(a.Value & b.Value);
                case Operator.BitOr:
                    return new PyInt(a.Value | b.Value);
                case Operator.BitXor:
                    return new PyInt(a.Value ^ b.Value);
                case Operator.RShift when b.Value.Sign >= 0:
                    return new PyInt(b.Value > 100_000 ? (a.Value.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero) : a.Value >> (int)b.Value);
                case Operator.LShift when b.Value.Sign >= 0:
                {
                    var bits = Log2(BigInteger.Abs(a.Value)) + (double)b.Value;
                    return a.Value.IsZero ? new PyInt(0) :
                        bits > ValueLimits.MaxIntBits ? new PyHugeInt(bits, a.Value.Sign < 0) : new PyInt(a.Value << (int)b.Value);
                }

                default:
                    return null;
            }
        }

        if ((left is PyHugeInt || right is PyHugeInt) && left is PyInt or PyHugeInt && right is PyInt or PyHugeInt)
        {
            var l = Magnitude(left);
            var r = Magnitude(right);
            return op switch
            {
                Operator.Add or Operator.Sub or Operator.BitOr or Operator.BitXor => new PyHugeInt(Math.Max(l, r) + 1),
                Operator.Mult => new PyHugeInt(l + r),
                Operator.LShift when right is PyInt shift => new PyHugeInt(l + (double)shift.Value),
                Operator.FloorDiv when l - r > ValueLimits.MaxIntBits => new PyHugeInt(l - r),
                _ => null,
            };
        }

        if (left is PyFloat or PyInt && right is PyFloat or PyInt)
        {
            var x = ToDouble(left);
            var y = ToDouble(right);
            double? result = op switch
            {
                Operator.Add => x + y,
                Operator.Sub => x - y,
                Operator.Mult => x * y,
                Operator.Div when y != 0 => x / y,
                Operator.FloorDiv when y != 0 => Math.Floor(x / y),
                Operator.Mod when y != 0 => x - (y * Math.Floor(x / y)),
                _ => null,
            };
            return result is { } value && double.IsFinite(value) ? new PyFloat(value) : null;
        }

        return null;
    }

    private static PyValue Bound(BigInteger value) =>
        Log2(BigInteger.Abs(value)) > ValueLimits.MaxIntBits ? new PyHugeInt(Log2(BigInteger.Abs(value)), value.Sign < 0) : new PyInt(value);

    private static double Magnitude(PyValue value) => value switch
    {
        PyInt i => Log2(BigInteger.Abs(i.Value)),
        PyHugeInt h => h.Log2,
        _ => 0,
    };

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var quotient = BigInteger.DivRem(a, b, out var remainder);
        return !remainder.IsZero && (remainder.Sign < 0) != (b.Sign < 0) ? quotient - 1 : quotient;
    }

    public static double Log2(BigInteger value) => value.IsZero ? 0 : BigInteger.Log(value, 2);

    private static double ToDouble(PyValue value) => value switch
    {
        PyInt i => (double)i.Value,
        PyFloat f => f.Value,
        _ => double.NaN,
    };

    /// <summary>Indexing and slicing of str, bytes, tuples and lists with known indices.</summary>
    public static PyValue? Subscript(PyValue container, PyValue index)
    {
        if (index is PyBool b)
        {
            index = new PyInt(b.Value ? 1 : 0);
        }

        if (index is PyInt i)
        {
            var length = Sequences.Length(container);
            if (length is null || container is PyHugeSequence || i.Value > int.MaxValue || i.Value < int.MinValue)
            {
                return null;
            }

            var position = (int)i.Value;
            if (position < 0)
            {
                position += (int)length;
            }

            if (position < 0 || position >= length)
            {
                return null;
            }

            return container switch
            {
                PyStr s => new PyStr(CodePoints.At(s.Value, position)),
                PyBytes bytes => new PyInt(bytes.Value[position]),
                PySequence seq => seq.Items[position],
                _ => null,
            };
        }

        return null;
    }

    public static PyValue? Slice(PyValue container, PyValue? lower, PyValue? upper, PyValue? step)
    {
        if (container is PyHugeSequence)
        {
            return null;
        }

        var length = Sequences.Length(container);
        if (length is null || !TryIndex(lower, out var start) || !TryIndex(upper, out var stop) || !TryIndex(step, out var stride))
        {
            return null;
        }

        var indices = SliceIndices((int)length, start, stop, stride ?? 1);
        if (indices is null)
        {
            return null;
        }

        switch (container)
        {
            case PyStr s:
            {
                var codePoints = CodePoints.Split(s.Value);
                var builder = new StringBuilder();
                foreach (var index in indices)
                {
                    builder.Append(codePoints[index]);
                }

                return new PyStr(builder.ToString());
            }

            case PyBytes bytes:
                return new PyBytes([.. indices.Select(index => bytes.Value[index])]);
            case PySequence seq:
                return new PySequence(seq.Type, [.. indices.Select(index => seq.Items[index])]);
            default:
                return null;
        }
    }

    private static bool TryIndex(PyValue? value, out int? index)
    {
        index = null;
        switch (value)
        {
            case null or PyNone:
                return true;
            case PyInt i when i.Value >= int.MinValue && i.Value <= int.MaxValue:
                index = (int)i.Value;
                return true;
            case PyBool b:
                index = b.Value ? 1 : 0;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The positions a slice selects, following <c>slice.indices</c>.</summary>
    private static List<int>? SliceIndices(int length, int? start, int? stop, int step)
    {
        if (step == 0)
        {
            return null;
        }

        int Clamp(int? value, int fallback, int low, int high)
        {
            if (value is null)
            {
                return fallback;
            }

            var v = value.Value < 0 ? value.Value + length : value.Value;
            return Math.Clamp(v, low, high);
        }

        var result = new List<int>();
        if (step > 0)
        {
            var from = Clamp(start, 0, 0, length);
            var to = Clamp(stop, length, 0, length);
            for (var i = from; i < to; i += step)
            {
                result.Add(i);
            }
        }
        else
        {
            var from = Clamp(start, length - 1, -1, length - 1);
            var to = Clamp(stop, -1, -1, length - 1);
            for (var i = from; i > to; i += step)
            {
                result.Add(i);
            }
        }

        return result;
    }
}
