using System.Collections.Immutable;
using System.Numerics;
using System.Text;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

internal sealed partial class Interpreter
{
    private ValueSet Eval(Expr expr, Frame frame, bool record = true)
    {
        if (!Step() || !EnsureStack())
        {
            return ValueSet.Unknown;
        }

        if (expr is ExprConstant constant)
        {
            return EvalConstant(constant, record);
        }

        var value = EvalCore(expr, frame);
        if (record)
        {
            Record(expr, value);
        }

        return value;
    }

    /// <summary>
    /// A literal always has the same value, and function bodies are interpreted several times (with
    /// unknown and with known arguments): the value recorded the first time is reused instead of being
    /// built again.
    /// </summary>
    private ValueSet EvalConstant(ExprConstant constant, bool record)
    {
        if (!record)
        {
            return _values.TryGetValue(constant, out var known) ? known : ValueSet.Of(FromLiteral(constant.Value));
        }

        ref var slot = ref _values.GetOrAddSlot(constant, out var exists);
        if (!exists)
        {
            slot = ValueSet.Of(FromLiteral(constant.Value));
        }

        return slot;
    }

    private ValueSet EvalCore(Expr expr, Frame frame)
    {
        // Constants never get here: Eval answers them from the values recorded before.
        switch (expr)
        {
            case ExprName n:
                return Lookup(n.Id, frame);
            case ExprAttribute a:
            {
                var owner = Eval(a.Value, frame);
                var value = Attribute(owner, a.Attr);
                return owner.IsUnknown && a.Value is ExprName receiver && InstanceAttribute(receiver.Id, a.Attr, frame) is { } own ? value.Union(own) : value;
            }

            case ExprSubscript s:
                return EvalSubscript(s, frame);
            case ExprCall call:
                return EvalCall(call, frame);
            case ExprBinOp b:
            {
                var left = Eval(b.Left, frame);
                var right = Eval(b.Right, frame);
                return Combine(left, right, new OperatorFold(b.Op), PathFallback(b.Op));
            }

            case ExprUnaryOp u:
                return EvalUnary(u, frame);
            case ExprBoolOp b:
                return EvalBoolOp(b, frame);
            case ExprCompare c:
                return EvalCompare(c, frame);
            case ExprIfExp e:
            {
                var truth = Eval(e.Test, frame).Truthiness();
                var body = Eval(e.Body, frame);
                var orelse = Eval(e.Orelse, frame);
                return truth == true ? body : truth == false ? orelse : body.Union(orelse);
            }

            case ExprJoinedStr j:
                return EvalJoinedStr(j.Values, frame);
            case ExprFormattedValue f:
                return EvalFormattedValue(f, frame);
            case ExprList l:
                return EvalSequence("list", l.Elts, frame);
            case ExprTuple t:
                return EvalSequence("tuple", t.Elts, frame);
            case ExprSet s:
                return EvalSequence("set", s.Elts, frame);
            case ExprDict d:
                return EvalDict(d, frame);
            case ExprNamedExpr n:
            {
                var value = Eval(n.Value, frame);
                if (n.Target is ExprName target)
                {
                    Record(target, value);
                    BindName(target.Id, value, frame, frame.Scope.WalrusTarget);
                }

                return value;
            }

            case ExprLambda lambda:
                EvalParameterDefaults(lambda.Args, frame);
                return ValueSet.Of(new FunctionValue(lambda));
            case ExprListComp c:
                return EvalComprehension(c, c.Generators, c.Elt, null, "list", frame);
            case ExprSetComp c:
                return EvalComprehension(c, c.Generators, c.Elt, null, "set", frame);
            case ExprGeneratorExp c:
                return EvalComprehension(c, c.Generators, c.Elt, null, "list", frame);
            case ExprDictComp c:
                return EvalComprehension(c, c.Generators, c.Key, c.Value, "dict", frame);
            case ExprStarred s:
                Eval(s.Value, frame);
                return ValueSet.Unknown;
            case ExprSlice s:
                if (s.Lower is not null)
                {
                    Eval(s.Lower, frame);
                }

                if (s.Upper is not null)
                {
                    Eval(s.Upper, frame);
                }

                if (s.Step is not null)
                {
                    Eval(s.Step, frame);
                }

                return ValueSet.Unknown;
            default:
                // await, yield, t-strings, ...: evaluate the parts for the record, the result is unknown.
                expr.VisitChildren(new ChildEvaluator(this, frame));
                return ValueSet.Unknown;
        }
    }

    // Its own method: a lambda capturing a pattern variable of EvalCore's switch made the compiler allocate
    // the closure on entry to EvalCore, for every expression evaluated.
    private ValueSet EvalUnary(ExprUnaryOp node, Frame frame)
    {
        var op = node.Op;
        return Map(Eval(node.Operand, frame), v => ConstantOperations.Unary(op, v));
    }

    /// <summary>Evaluates the direct expression children of a node whose own value is not modelled.</summary>
    private sealed class ChildEvaluator(Interpreter interpreter, Frame frame) : NodeVisitor
    {
        public override void DefaultVisit(Node node)
        {
            if (node is Expr expr)
            {
                interpreter.Eval(expr, frame);
            }
            else
            {
                node.VisitChildren(this);
            }
        }
    }

    internal static PyValue FromLiteral(object? value) => value switch
    {
        null => PyNone.Instance,
        bool b => PyBool.Of(b),
        BigInteger i => ConstantOperations.Log2(BigInteger.Abs(i)) > ValueLimits.MaxIntBits
            ? new PyHugeInt(ConstantOperations.Log2(BigInteger.Abs(i)))
            : new PyInt(i),
        double d => new PyFloat(d),
        Complex c => new PyComplex(c),
        string s => new PyStr(s),
        ImmutableArray<byte> bytes => new PyBytes(bytes),
        PyEllipsis => PyEllipsisValue.Instance,
        _ => PyNone.Instance,
    };

    /// <summary>Applies a constant operation to every pair of known operands (at most <see cref="MaxCombinations"/>).</summary>
    private ValueSet Combine(ValueSet left, ValueSet right, Func<PyValue, PyValue, PyValue?> operation) =>
        Combine(left, right, new DelegateFold(operation));

    /// <summary>
    /// Applies a constant operation to every pair of known operands. Generic over a struct so that the hot
    /// operators (arithmetic, comparison, concatenation) run without allocating a delegate per evaluation.
    /// <paramref name="other"/>, when given, handles the pairs that are not both constants (a null right
    /// operand standing for one the analysis does not know): paths and text joined to them.
    /// </summary>
    private ValueSet Combine<TFold>(ValueSet left, ValueSet right, TFold fold, Func<Value, Value?, Value?>? other = null)
        where TFold : struct, IBinaryFold
    {
        if (left.IsUnknown || (right.IsUnknown && other is null))
        {
            return ValueSet.Unknown;
        }

        var leftItems = left.Items;
        var rightItems = right.Items;
        if (leftItems.Length * rightItems.Length > MaxCombinations)
        {
            return ValueSet.Unknown;
        }

        var unknown = left.MayBeOther || right.MayBeOther;
        List<Value>? results = null;
        foreach (var l in leftItems)
        {
            foreach (var r in rightItems)
            {
                PyValue? result = null;
                if (l is ConstValue lc && r is ConstValue rc)
                {
                    try
                    {
                        result = fold.Apply(lc.Constant, rc.Constant);
                    }
                    catch (Exception e) when (IsFoldingFailure(e))
                    {
                        result = null;
                    }
                }

                if (result is not null)
                {
                    CountCost(result);
                    (results ??= []).Add(new ConstValue(result));
                }
                else if (other?.Invoke(l, r) is { } mixed)
                {
                    (results ??= []).Add(mixed);
                }
                else
                {
                    unknown = true;
                }
            }

            if (right.MayBeOther && other?.Invoke(l, null) is { } partial)
            {
                (results ??= []).Add(partial);
            }
        }

        return results is null ? (unknown ? ValueSet.Unknown : ValueSet.Empty) : ValueSet.FromItems(results, unknown);
    }

    internal interface IBinaryFold
    {
        PyValue? Apply(PyValue left, PyValue right);
    }

    private readonly struct DelegateFold(Func<PyValue, PyValue, PyValue?> operation) : IBinaryFold
    {
        public PyValue? Apply(PyValue left, PyValue right) => operation(left, right);
    }

    private readonly struct OperatorFold(Operator op) : IBinaryFold
    {
        public PyValue? Apply(PyValue left, PyValue right) => ConstantOperations.Binary(op, left, right);
    }

    private readonly struct CompareFold(CompareOperator op) : IBinaryFold
    {
        public PyValue? Apply(PyValue left, PyValue right) => ConstantOperations.Compare(op, left, right);
    }

    private readonly struct ConcatFold : IBinaryFold
    {
        public PyValue? Apply(PyValue left, PyValue right) =>
            left is PyStr ls && right is PyStr rs ? new PyStr(ls.Value + rs.Value) : null;
    }

    private static bool IsFoldingFailure(Exception e) =>
        e is ArgumentException or ArithmeticException or FormatException or InvalidOperationException or IndexOutOfRangeException;

    private ValueSet Map(ValueSet input, Func<PyValue, PyValue?> operation)
    {
        if (input.IsUnknown)
        {
            return ValueSet.Unknown;
        }

        List<Value>? results = null;
        var unknown = input.MayBeOther;
        foreach (var item in input.Items)
        {
            PyValue? result = null;
            if (item is ConstValue c)
            {
                try
                {
                    result = operation(c.Constant);
                }
                catch (Exception e) when (IsFoldingFailure(e))
                {
                    result = null;
                }
            }

            if (result is not null)
            {
                CountCost(result);
                (results ??= []).Add(new ConstValue(result));
            }
            else
            {
                unknown = true;
            }
        }

        return results is null ? (unknown ? ValueSet.Unknown : ValueSet.Empty) : ValueSet.FromItems(results, unknown);
    }

    /// <summary>
    /// Runs one constant operation, turning the exceptions of .NET's own conversions (a lone surrogate,
    /// an int too large for a width, a malformed number) into "not folded": the value is then unknown,
    /// which is always a safe answer, and one odd constant never stops the analysis of a file.
    /// </summary>
    internal static T? Safely<T>(Func<T?> operation)
        where T : class
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Large strings cost in proportion to their size, so that building them repeatedly spends the budget.</summary>
    private void CountCost(PyValue value)
    {
        var length = value switch
        {
            PyStr s => s.Value.Length,
            PyBytes b => b.Value.Length,
            PySequence seq => seq.Items.Length,
            _ => 0,
        };
        if (length > 4096)
        {
            Step(length / 4096);
        }
    }

    private ValueSet EvalBoolOp(ExprBoolOp node, Frame frame)
    {
        var result = ValueSet.Empty;
        foreach (var operand in node.Values)
        {
            var value = Eval(operand, frame);
            var truth = value.Truthiness();
            var decides = node.Op == BoolOperator.Or ? truth == true : truth == false;
            var passes = node.Op == BoolOperator.Or ? truth == false : truth == true;
            if (decides)
            {
                return result.Union(value);
            }

            if (!passes)
            {
                result = result.Union(value);
            }
        }

        return result.IsEmpty ? ValueSet.Unknown : result;
    }

    private ValueSet EvalCompare(ExprCompare node, Frame frame)
    {
        var left = Eval(node.Left, frame);
        var result = ValueSet.Of(PyBool.True);
        for (var i = 0; i < node.Ops.Length; i++)
        {
            var right = Eval(node.Comparators[i], frame);
            var op = node.Ops[i];
            var step = Combine(left, right, new CompareFold(op));
            if (result.Constant is not PyBool { Value: false })
            {
                result = result.Constant is PyBool { Value: true } ? step : ValueSet.Unknown;
            }

            left = right;
        }

        return result;
    }

    private ValueSet EvalJoinedStr(ImmutableArray<Expr> parts, Frame frame)
    {
        var accumulated = EmptyString;
        foreach (var part in parts)
        {
            var value = part is ExprConstant c ? EvalConstant(c, record: true) : Eval(part, frame);
            accumulated = Combine(accumulated, value, default(ConcatFold), PathFallback(Operator.Add));
        }

        return accumulated;
    }

    private ValueSet EvalFormattedValue(ExprFormattedValue node, Frame frame)
    {
        var value = Eval(node.Value, frame);
        var spec = node.FormatSpec is null ? EmptyString : Eval(node.FormatSpec, frame);
        char? conversion = node.Conversion < 0 ? null : (char)node.Conversion;
        var paths = conversion switch
        {
            null => PlainFormattedPath,
            's' => StrFormattedPath,
            _ => NoFormattedPath,
        };
        return Combine(value, spec, new FormatFieldFold(conversion), paths);
    }

    private static readonly ValueSet EmptyString = ValueSet.Of(PyStr.Empty);

    // FormattedPath per conversion, made once: a path formats as text only without a conversion or with !s.
    private static readonly Func<Value, Value?, Value?> PlainFormattedPath = (v, s) => FormattedPath(v, s, null);
    private static readonly Func<Value, Value?, Value?> StrFormattedPath = (v, s) => FormattedPath(v, s, 's');
    private static readonly Func<Value, Value?, Value?> NoFormattedPath = (_, _) => null;

    private readonly struct FormatFieldFold(char? conversion) : IBinaryFold
    {
        public PyValue? Apply(PyValue value, PyValue spec) =>
            spec is PyStr specText && FormatSpec.FormatField(value, conversion, specText.Value) is { } text ? new PyStr(text) : null;
    }

    private ValueSet EvalSequence(string type, ImmutableArray<Expr> elements, Frame frame)
    {
        var items = new ValueSet[elements.Length];
        var known = true;
        for (var i = 0; i < items.Length; i++)
        {
            var element = elements[i];
            items[i] = Eval(element, frame);
            known &= element is not ExprStarred;
        }

        return !known ? ValueSet.Unknown : MakeSequence(type, items);
    }

    /// <summary>A constant sequence when every item is one constant, else a container of value sets.</summary>
    private static ValueSet MakeSequence(string type, IReadOnlyList<ValueSet> items)
    {
        if (ConstantsOf(items) is { } constants)
        {
            var sequence = new PySequence(type, constants);
            return sequence.Weight <= ValueLimits.MaxItems ? ValueSet.Of(sequence) : ValueSet.Of(new PyHugeSequence(type, items.Count));
        }

        var container = new ContainerValue(type, [.. items]);
        return container.Weight <= ValueLimits.MaxItems ? ValueSet.Of(container) : ValueSet.Unknown;
    }

    /// <summary>The constant of every item when each is exactly one constant, else null; without LINQ, as every display comes here.</summary>
    private static ImmutableArray<PyValue>? ConstantsOf(IReadOnlyList<ValueSet> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Constant is null)
            {
                return null;
            }
        }

        if (items.Count == 0)
        {
            return [];
        }

        var constants = new PyValue[items.Count];
        for (var i = 0; i < constants.Length; i++)
        {
            constants[i] = items[i].Constant!;
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(constants);
    }

    private ValueSet EvalDict(ExprDict node, Frame frame)
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<PyValue, ValueSet>>();
        var known = true;
        for (var i = 0; i < node.Keys.Length; i++)
        {
            var key = node.Keys[i] is { } k ? Eval(k, frame) : ValueSet.Unknown;
            var value = Eval(node.Values[i], frame);
            if (key.Constant is { } constant)
            {
                entries.Add(new(constant, value));
            }
            else
            {
                known = false;
            }
        }

        return known ? ValueSet.Of(new DictValue(entries.ToImmutable())) : ValueSet.Unknown;
    }

    /// <summary>The items of a small iterable whose content is known, or null.</summary>
    private static IReadOnlyList<ValueSet>? Iterate(ValueSet iterable, int limit)
    {
        if (iterable.Single is not { } single)
        {
            return null;
        }

        switch (single)
        {
            case ConstValue { Constant: PySequence seq } when seq.Items.Length <= limit:
                return EachOf(seq.Items.AsSpan(), static item => item);
            case ConstValue { Constant: PyStr s } when s.Value.Length <= limit:
                return EachOf<string>(CodePoints.Split(s.Value), static character => new PyStr(character));
            case ConstValue { Constant: PyBytes b } when b.Value.Length <= limit:
                return EachOf(b.Value.AsSpan(), static value => new PyInt(value));
            case ConstValue { Constant: PyRange r } when r.Length <= limit:
            {
                var list = new List<ValueSet>();
                for (var v = r.Start; r.Step.Sign > 0 ? v < r.Stop : v > r.Stop; v += r.Step)
                {
                    list.Add(ValueSet.Of(new PyInt(v)));
                }

                return list;
            }

            case ContainerValue c when c.Items.Length <= limit:
                return c.Items;
            case DictValue d when d.Entries.Length <= limit:
                return EachOf(d.Entries.AsSpan(), static entry => entry.Key);
            default:
                return null;
        }
    }

    /// <summary>
    /// One value set per item, in order. An array filled by index rather than a LINQ chain: every loop and
    /// comprehension over a known sequence comes through here, often once per analysis of the function around it.
    /// </summary>
    private static ValueSet[] EachOf<T>(ReadOnlySpan<T> items, Func<T, PyValue> value)
    {
        var sets = new ValueSet[items.Length];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = ValueSet.Of(value(items[i]));
        }

        return sets;
    }

    /// <summary>What one element of an iterable may be, when the iterable is too large to unroll.</summary>
    private static ValueSet ElementOf(ValueSet iterable)
    {
        var result = ValueSet.Empty;
        foreach (var item in iterable.Items)
        {
            if (item is PathListingValue listing)
            {
                result = result.Union(ListingElement(listing));
                continue;
            }

            var items = Iterate(ValueSet.Of(item), ValueSet.MaxItems);
            result = items is null ? result.WithOther() : items.Aggregate(result, (acc, v) => acc.Union(v));
        }

        return iterable.MayBeOther || result.IsEmpty ? result.WithOther() : result;
    }

    private ValueSet EvalComprehension(Node node, ImmutableArray<Comprehension> generators, Expr first, Expr? second, string type, Frame outer)
    {
        var firstIterable = Eval(generators[0].Iter, outer);
        var frame = NewFrame(ScopeOf(node));
        var produced = new List<ValueSet>();
        var exact = true;
        var budget = MaxUnrolledItems * 4;

        void Generate(int index, ValueSet iterable)
        {
            var generator = generators[index];
            var items = Iterate(iterable, MaxUnrolledItems);
            if (items is null || produced.Count + items.Count > budget)
            {
                exact = false;
                Bind(generator.Target, ElementOf(iterable), frame);
                Continue(index);
                return;
            }

            foreach (var item in items)
            {
                Bind(generator.Target, item, frame);
                Continue(index);
            }
        }

        void Continue(int index)
        {
            var generator = generators[index];
            foreach (var condition in generator.Ifs)
            {
                var truth = Eval(condition, frame).Truthiness();
                if (truth == false)
                {
                    return;
                }

                if (truth is null)
                {
                    exact = false;
                }
            }

            if (index + 1 < generators.Length)
            {
                Generate(index + 1, Eval(generators[index + 1].Iter, frame));
                return;
            }

            var value = Eval(first, frame);
            if (second is not null)
            {
                Eval(second, frame);
            }

            produced.Add(value);
        }

        Generate(0, firstIterable);
        if (!exact || type == "dict")
        {
            return ValueSet.Unknown;
        }

        return MakeSequence(type, produced);
    }

    /// <summary>Assigns a value to an assignment target (name, tuple/list unpacking, attribute, subscript).</summary>
    private void Bind(Expr target, ValueSet value, Frame frame)
    {
        switch (target)
        {
            case ExprName name:
                Record(name, value);
                BindName(name.Id, value, frame);
                break;
            case ExprTuple or ExprList:
            {
                var elements = target is ExprTuple t ? t.Elts : ((ExprList)target).Elts;
                var items = Iterate(value, elements.Length);
                var unpacked = items is not null && items.Count == elements.Length && !elements.Any(e => e is ExprStarred);
                for (var i = 0; i < elements.Length; i++)
                {
                    var element = elements[i] is ExprStarred s ? s.Value : elements[i];
                    Bind(element, unpacked ? items![i] : ValueSet.Unknown, frame);
                }

                break;
            }

            case ExprStarred s:
                Bind(s.Value, ValueSet.Unknown, frame);
                break;
            case ExprAttribute a:
            {
                var owner = Eval(a.Value, frame);
                foreach (var item in owner.Items)
                {
                    if (item is ClassValue cls && _classBodies.TryGetValue(cls.Definition, out var body))
                    {
                        body.Set(a.Attr, body.TryGet(a.Attr, out var old) ? old.Union(value) : value);
                    }
                }

                break;
            }

            case ExprSubscript s:
            {
                var owner = Eval(s.Value, frame);
                var key = Eval(s.Slice, frame);
                if (owner.Any(v => v is NamespaceValue { ModuleName: NamespaceValue.CurrentModule }) && key.Constant is PyStr injected)
                {
                    // globals()['name'] = value defines a module global that no assignment shows.
                    _dynamicGlobals[injected.Value] = _dynamicGlobals.TryGetValue(injected.Value, out var old) ? old.Union(value) : value;
                }

                break;
            }
        }
    }

    private ValueSet EvalSubscript(ExprSubscript node, Frame frame)
    {
        var container = Eval(node.Value, frame);
        if (node.Slice is ExprSlice slice)
        {
            var lower = slice.Lower is null ? ValueSet.Of(PyNone.Instance) : Eval(slice.Lower, frame);
            var upper = slice.Upper is null ? ValueSet.Of(PyNone.Instance) : Eval(slice.Upper, frame);
            var step = slice.Step is null ? ValueSet.Of(PyNone.Instance) : Eval(slice.Step, frame);
            Record(slice, ValueSet.Unknown);
            if (lower.Constant is { } lo && upper.Constant is { } up && step.Constant is { } st)
            {
                return Map(container, c => ConstantOperations.Slice(c, lo, up, st));
            }

            return ValueSet.Unknown;
        }

        var key = Eval(node.Slice, frame);
        if (container.Any(v => v is RefValue { QualifiedName: "sys.modules" }))
        {
            foreach (var name in key.Strings)
            {
                RecordImport(QualifiedNames.CanonicalModule(name), null, node, ImportKind.Dynamic, IsComputed(node.Slice, name));
            }
        }

        return Index(container, key);
    }

    /// <summary><c>container[key]</c>, including the namespace dicts that lead to builtins and modules.</summary>
    private ValueSet Index(ValueSet container, ValueSet key)
    {
        var results = new List<Value>();
        var unknown = container.MayBeOther;
        foreach (var item in container.Items)
        {
            if (key.IsUnknown && AnyMember(item) is { } anyMember)
            {
                // table[choice] with an unknown choice is one of the table's values.
                results.AddRange(anyMember.Items);
                unknown |= anyMember.MayBeOther;
                continue;
            }

            foreach (var k in key.Items)
            {
                var result = IndexOne(item, k);
                if (result.IsUnknown)
                {
                    unknown = true;
                }
                else
                {
                    results.AddRange(result.Items);
                    unknown |= result.MayBeOther;
                }
            }

            unknown |= key.MayBeOther;
        }

        return ValueSet.FromItems(results, unknown);
    }

    /// <summary>
    /// An attribute of a local class (or of its instances): from the class body, else inherited from its
    /// bases — so that a subclass of <c>code.InteractiveConsole</c> has <c>code.InteractiveConsole.interact</c>.
    /// </summary>
    private ValueSet ClassMember(StmtClassDef definition, string attr, int depth)
    {
        if (_classBodies.TryGetValue(definition, out var body) && body.TryGet(attr, out var member))
        {
            return member;
        }

        if (depth > 8)
        {
            return ValueSet.Unknown;
        }

        var result = ValueSet.Empty;
        foreach (var baseClass in definition.Bases)
        {
            foreach (var item in ValueOfRecorded(baseClass).Items)
            {
                result = result.Union(item switch
                {
                    RefValue r => ValueSet.Ref(r.QualifiedName + "." + attr),
                    ClassValue c => ClassMember(c.Definition, attr, depth + 1),
                    _ => ValueSet.Unknown,
                });
            }
        }

        return result.IsEmpty ? ValueSet.Unknown : result;
    }

    /// <summary>The union of a small container's values, for a lookup whose key is unknown.</summary>
    private static ValueSet? AnyMember(Value container) => container switch
    {
        DictValue d when d.Entries.Length <= ValueSet.MaxItems => d.Entries.Aggregate(ValueSet.Empty, (acc, e) => acc.Union(e.Value)),
        ContainerValue c when c.Items.Length <= ValueSet.MaxItems => c.Items.Aggregate(ValueSet.Empty, (acc, v) => acc.Union(v)),
        ConstValue { Constant: PySequence s } when s.Items.Length <= ValueSet.MaxItems => ValueSet.FromItems(s.Items.Select(i => (Value)new ConstValue(i))),
        _ => null,
    };

    private ValueSet IndexOne(Value container, Value key)
    {
        var text = key is ConstValue { Constant: PyStr s } ? s.Value : null;
        switch (container)
        {
            case ConstValue c when key is ConstValue k:
                return ConstantOperations.Subscript(c.Constant, k.Constant) is { } r ? ValueSet.Of(r) : ValueSet.Unknown;
            case ContainerValue c when key is ConstValue { Constant: PyInt i } && i.Value >= -c.Items.Length && i.Value < c.Items.Length:
                return c.Items[(int)(i.Value < 0 ? i.Value + c.Items.Length : i.Value)];
            case DictValue d when key is ConstValue k2:
                return d.TryGet(k2.Constant, out var value) ? value : ValueSet.Unknown;
            case NamespaceValue ns when text is not null:
                return NamespaceMember(ns.ModuleName, text);
            case RefValue { QualifiedName: "builtins" } when text is not null:
                return text == "__builtins__" ? ValueSet.Ref("builtins") : BuiltinReferences.Of(text);
            case RefValue { QualifiedName: "sys.modules" } when text is not null:
                return ValueSet.Ref(QualifiedNames.CanonicalModule(text));
            case RefValue { QualifiedName: "os.environ" } when text is "HOME" or "USERPROFILE":
                return ValueSet.Of(new PathValue(PathRoot.Home, string.Empty, false));
            case PathListingValue { Kind: ListingKind.Paths } listing when key is ConstValue { Constant: PyInt }:
                return ListingElement(listing);
            default:
                return ValueSet.Unknown;
        }
    }

    /// <summary>A member of a module's namespace dict: builtins, this file's globals, or another module.</summary>
    private ValueSet NamespaceMember(string module, string name)
    {
        if (module == "builtins")
        {
            return name == "__builtins__" ? ValueSet.Ref("builtins") : BuiltinReferences.Of(name);
        }

        if (module == NamespaceValue.CurrentModule)
        {
            return _moduleScope.IsLocal(name) ? Summary(_moduleScope, name) : BuiltinValue(name);
        }

        return name == "__builtins__" ? ValueSet.Ref("builtins") : ValueSet.Ref(QualifiedNames.Member(module, name));
    }

    /// <summary><c>value.attr</c> for every possible value.</summary>
    private ValueSet Attribute(ValueSet owner, string attr)
    {
        // The usual cases, without a list: an unknown owner (self.x, a parameter's attribute) and one owner.
        if (owner.IsUnknown)
        {
            return ValueSet.Unknown;
        }

        if (owner.Items.Length == 1)
        {
            var single = AttributeOf(owner.Items[0], attr);
            return owner.MayBeOther ? single.WithOther() : single;
        }

        var results = new List<Value>();
        var unknown = owner.MayBeOther;
        foreach (var item in owner.Items)
        {
            var value = AttributeOf(item, attr);
            results.AddRange(value.Items);
            unknown |= value.MayBeOther;
        }

        return ValueSet.FromItems(results, unknown);
    }

    /// <summary>A module member: its value when it is a known constant (<c>stat.S_IWOTH</c>, <c>site.USER_SITE</c>), else a reference.</summary>
    private static ValueSet MemberOf(string qualifiedName) =>
        ModuleConstants.Of(qualifiedName) is { } constant ? ValueSet.Of(constant) : ValueSet.Ref(qualifiedName);

    /// <summary>
    /// <see cref="MemberOf"/> by owner and attribute, remembered for the file: bodies are interpreted
    /// several times, and each time <c>os.path.join</c> would build its name and canonicalise it again.
    /// </summary>
    private ValueSet CachedMemberOf(string owner, string attr)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_members, (owner, attr), out var exists);
        if (!exists)
        {
            slot = MemberOf(QualifiedNames.Member(owner, attr));
        }

        return slot;
    }

    /// <summary>
    /// A member of an object of a known type (<c>socket.socket.connect</c>), remembered for the file like
    /// <see cref="CachedMemberOf"/>: the methods of the same objects are looked up over and over.
    /// </summary>
    private ValueSet CachedInstanceMember(string type, string attr)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_instanceMembers, (type, attr), out var exists);
        if (!exists)
        {
            slot = ValueSet.Ref(type + "." + attr);
        }

        return slot;
    }

    private static bool IsLookupMethod(string attr) => attr is "get" or "pop" or "setdefault" or "__getitem__";

    /// <summary>
    /// <c>f.__self__</c> of a function written in C is the module that defines it: every builtin function
    /// hands back the builtins module (<c>print.__self__.__import__</c> needs no name of it), <c>open</c>
    /// the io module, and <c>os.system.__self__</c> is posix, which is os. A function written in Python has
    /// no <c>__self__</c>; taking its owner anyway only over-approximates an attribute error.
    /// </summary>
    private static ValueSet SelfOf(string qualifiedName)
    {
        if (qualifiedName.StartsWith("builtins.", StringComparison.Ordinal))
        {
            var name = BuiltinReferences.NameOf(qualifiedName);
            return name == "open" ? ValueSet.Ref("io") : Builtins.IsFunction(name) ? ValueSet.Ref("builtins") : ValueSet.Unknown;
        }

        var dot = qualifiedName.LastIndexOf('.');
        return dot > 0 ? ValueSet.Ref(QualifiedNames.CanonicalModule(qualifiedName[..dot])) : ValueSet.Unknown;
    }

    private ValueSet AttributeOf(Value owner, string attr)
    {
        if (IsLookupMethod(attr) && owner is NamespaceValue or DictValue or ContainerValue or RefValue { QualifiedName: "builtins" })
        {
            return ValueSet.Of(new LookupMethodValue(owner, attr));
        }

        switch (owner)
        {
            case RefValue r:
                return attr switch
                {
                    "__dict__" => ValueSet.Of(new NamespaceValue(r.QualifiedName)),
                    "__builtins__" => ValueSet.Ref("builtins"),
                    "__globals__" => ValueSet.Of(new NamespaceValue(QualifiedNames.TopLevel(r.QualifiedName))),
                    "__self__" => SelfOf(r.QualifiedName),
                    _ when r.QualifiedName == "builtins" => BuiltinReferences.Of(attr),
                    _ => CachedMemberOf(r.QualifiedName, attr),
                };
            case PathValue path:
                return PathAttribute(path, attr);
            case InstanceValue i:
                return CachedInstanceMember(i.TypeName, attr);
            case RegexValue:
                return CachedInstanceMember("re.Pattern", attr);
            case ConstValue c:
                return attr == "__class__" ? BuiltinReferences.Of(c.Constant.TypeName) : ValueSet.Of(new BoundMethodValue(c.Constant, attr));
            case FunctionValue f:
                return attr switch
                {
                    "__globals__" => ValueSet.Of(new NamespaceValue(NamespaceValue.CurrentModule)),
                    "__builtins__" => ValueSet.Ref("builtins"),
                    "__code__" => ValueSet.Of(new InstanceValue("types.CodeType")),
                    "__name__" when f.Definition is StmtFunctionDef fd => ValueSet.Of(new PyStr(fd.Name)),
                    _ => ValueSet.Unknown,
                };
            case ClassValue cls:
                return ClassMember(cls.Definition, attr, 0);
            case ObjectValue instance:
                return ClassMember(instance.Definition, attr, 0);
            case NamespaceValue { ModuleName: "builtins" }:
                return ValueSet.Unknown;
            default:
                return ValueSet.Unknown;
        }
    }
}
