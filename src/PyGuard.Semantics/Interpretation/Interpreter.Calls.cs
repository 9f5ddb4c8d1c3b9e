using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

internal sealed partial class Interpreter
{
    /// <summary>The evaluated arguments of one call (a struct: one is made for every call evaluated).</summary>
    private readonly record struct CallArguments(
        ExprCall Call, ValueSet[] Positional, IReadOnlyDictionary<string, ValueSet> Named)
    {
        public ValueSet At(int index, string? keyword = null) =>
            index < Positional.Length ? Positional[index] :
            keyword is not null && Named.TryGetValue(keyword, out var value) ? value : ValueSet.Empty;

        public bool Has(int index, string? keyword = null) =>
            index < Positional.Length || (keyword is not null && Named.ContainsKey(keyword));

        public Expr? Expression(int index, string? keyword = null) =>
            index < Call.Args.Length && !Call.Args.Take(index + 1).Any(a => a is ExprStarred) ? Call.Args[index] :
            keyword is not null ? Call.Keywords.FirstOrDefault(k => k.Arg == keyword)?.Value : null;
    }

    private ValueSet EvalCall(ExprCall call, Frame frame)
    {
        var callee = Eval(call.Func, frame);
        if (callee.Items.IsEmpty)
        {
            // Nothing known to apply (most method calls on parameters and other unknown objects): the
            // arguments are evaluated only for their recorded values, without collecting them.
            EvalArguments(call, frame);
            return callee.MayBeOther ? ValueSet.Unknown : ValueSet.Empty;
        }

        // One array for the positional values: with an unpacked argument the call is given up below.
        var positional = call.Args.Length == 0 ? [] : new ValueSet[call.Args.Length];
        var hasUnpacking = false;
        for (var i = 0; i < positional.Length; i++)
        {
            var arg = call.Args[i];
            positional[i] = Eval(arg, frame);
            hasUnpacking |= arg is ExprStarred;
        }

        // Most calls pass no keywords: they share one empty table instead of allocating their own.
        Dictionary<string, ValueSet>? named = null;
        foreach (var keyword in call.Keywords)
        {
            var value = Eval(keyword.Value, frame);
            if (keyword.Arg is null)
            {
                hasUnpacking = true;
            }
            else
            {
                (named ??= new Dictionary<string, ValueSet>(StringComparer.Ordinal))[keyword.Arg] = value;
            }
        }

        if (hasUnpacking)
        {
            return callee.IsEmpty ? ValueSet.Empty : ValueSet.Unknown;
        }

        var args = new CallArguments(call, positional, (IReadOnlyDictionary<string, ValueSet>?)named ?? NoKeywords);
        var result = callee.MayBeOther ? ValueSet.Unknown : ValueSet.Empty;
        foreach (var candidate in callee.Items)
        {
            result = result.Union(Apply(candidate, args, frame));
        }

        return result;
    }

    private void EvalArguments(ExprCall call, Frame frame)
    {
        foreach (var arg in call.Args)
        {
            Eval(arg, frame);
        }

        foreach (var keyword in call.Keywords)
        {
            Eval(keyword.Value, frame);
        }
    }

    private static readonly IReadOnlyDictionary<string, ValueSet> NoKeywords = new Dictionary<string, ValueSet>();

    private static readonly IReadOnlyDictionary<string, PyValue> NoConstantKeywords = new Dictionary<string, PyValue>();

    private ValueSet Apply(Value callee, CallArguments args, Frame frame)
    {
        switch (callee)
        {
            case RefValue r when r.QualifiedName.StartsWith("builtins.", StringComparison.Ordinal) && !Codecs.Handles(r.QualifiedName):
                return CallBuiltin(BuiltinReferences.NameOf(r.QualifiedName), args, frame);
            case RefValue r:
                return CallQualified(r.QualifiedName, args);
            case BoundMethodValue m:
                return CallConstantMethod(m, args);
            case LookupMethodValue lookup when args.Positional.Length >= 1:
            {
                var found = Index(ValueSet.Of(lookup.Receiver), args.At(0));
                return lookup.Name is "get" or "pop" or "setdefault" && args.Positional.Length >= 2 ? found.Union(args.At(1)) : found;
            }
            case FunctionValue f:
                return CallLocalFunction(f.Definition, args);
            case ClassValue cls:
                return ValueSet.Of(new ObjectValue(cls.Definition));
            case PartialValue partial:
            {
                // Calling a partial calls what it wraps: recorded as what the callee expression also stands
                // for, so every rule sees functools.partial(os.system, 'id')() as a call of os.system. Its
                // result is known only when the partial holds no arguments of its own to put first.
                Record(args.Call.Func, partial.Function);
                if (partial.HoldsArguments)
                {
                    return ValueSet.Unknown;
                }

                var result = partial.Function.MayBeOther ? ValueSet.Unknown : ValueSet.Empty;
                foreach (var function in partial.Function.Items)
                {
                    result = result.Union(Apply(function, args, frame));
                }

                return result;
            }

            case AttributeGetterValue getter when args.Positional.Length == 1:
                return getter.Paths.Length == 1
                    ? AttributePath(args.At(0), getter.Paths[0])
                    : ValueSet.Of(new ContainerValue("tuple", [.. getter.Paths.Select(path => AttributePath(args.At(0), path))]));
            case MethodCallerValue caller when args.Positional.Length == 1:
                // The call runs the method of its argument: recorded as what the callee expression also
                // stands for, so every rule sees methodcaller('system', 'id')(os) as a call of os.system.
                Record(args.Call.Func, Attribute(args.At(0), caller.Name));
                return ValueSet.Unknown;
            case NamespaceValue or DictValue or ContainerValue or InstanceValue or ConstValue:
                return ValueSet.Unknown;
            default:
                return ValueSet.Unknown;
        }
    }

    private ValueSet CallQualified(string name, CallArguments args)
    {
        if (Codecs.Handles(name) && args.Positional.Length >= 1)
        {
            // A copy: capturing the parameter itself would allocate the closure on every call of a module function.
            var codec = name;
            return Map(args.At(0), v => Codecs.Apply(codec, v));
        }

        if (CallPathFunction(name, args) is { } path)
        {
            return path;
        }

        switch (name)
        {
            case "codecs.decode" or "codecs.encode":
            {
                var encoding = args.Has(1, "encoding") ? args.At(1, "encoding") : ValueSet.Of(new PyStr("utf-8"));
                var decode = name == "codecs.decode";
                return Combine(args.At(0, "obj"), encoding, (v, e) => e is PyStr enc ? Codecs.CodecsModule(decode, v, enc.Value) : null);
            }

            case "re.compile" or "regex.compile":
            {
                var flags = args.Has(1, "flags") ? args.At(1, "flags").Constant : new PyInt(0);
                var patterns = args.At(0, "pattern");
                if (flags is not PyInt flagValue || patterns.Items.IsEmpty)
                {
                    return ValueSet.Of(new InstanceValue("re.Pattern"));
                }

                // Locals, not the parameter: a lambda capturing a parameter allocates its closure on every
                // call of the method, whichever case runs.
                var call = args.Call;
                var flagBits = (long)flagValue.Value;
                var compiled = patterns.Items.Select(p => p is ConstValue { Constant: PyStr or PyBytes } c
                    ? (Value)new RegexValue(c.Constant, flagBits, call)
                    : new InstanceValue("re.Pattern"));
                return ValueSet.FromItems(compiled, patterns.MayBeOther);
            }

            case "importlib.import_module":
                return DynamicImport(args, args.At(0, "name"), args.At(1, "package"), fromList: true);
            case "sys.modules.get" or "sys.modules.__getitem__" or "sys.modules.pop" or "sys.modules.setdefault":
                return ModulesOf(args.At(0), args);
            case "operator.attrgetter":
                return AttributeGetter(args);
            case "operator.methodcaller":
            {
                var methods = args.At(0);
                var callers = methods.Strings.Select(method => (Value)new MethodCallerValue(method)).ToList();
                return ValueSet.FromItems(callers, methods.MayBeOther || callers.Count == 0);
            }
            case "functools.partial" when args.Positional.Length >= 1 && !args.At(0).Items.IsEmpty:
                return ValueSet.Of(new PartialValue(args.At(0), args.Positional.Length > 1 || args.Named.Count > 0));
            case "pydoc.locate" or "pkgutil.resolve_name":
                return LocateByName(name == "pkgutil.resolve_name", args);
            case "str.join":
                return ValueSet.Unknown;
            default:
                // A call's result is an instance named after what produced it, so that its methods get
                // stable qualified names (socket.socket(...).connect is socket.socket.connect).
                return InstanceOf(ReturnTypes.Of(name));
        }
    }

    /// <summary>An object of type <paramref name="type"/>, one set per type and file: the same factories are called over and over.</summary>
    private ValueSet InstanceOf(string type)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_instances, type, out var exists);
        if (!exists)
        {
            slot = ValueSet.Of(new InstanceValue(type));
        }

        return slot;
    }

    private ValueSet ModulesOf(ValueSet names, CallArguments args)
    {
        var result = new List<Value>();
        foreach (var text in names.Strings)
        {
            var module = QualifiedNames.CanonicalModule(text);
            RecordImport(module, null, args.Call, ImportKind.Dynamic, computed: IsComputed(args.Expression(0), text));
            result.Add(new RefValue(module));
        }

        return ValueSet.FromItems(result, names.MayBeOther || result.Count == 0);
    }

    /// <summary><c>__import__(name, ..., fromlist)</c> and <c>importlib.import_module(name, package)</c>.</summary>
    private ValueSet DynamicImport(CallArguments args, ValueSet names, ValueSet package, bool fromList)
    {
        var results = new List<Value>();
        foreach (var item in names.Items)
        {
            if (item is not ConstValue { Constant: PyStr text } || text.Value.Length == 0)
            {
                continue;
            }

            var computed = IsComputed(args.Expression(0, "name"), text.Value);
            var module = text.Value;
            if (module.StartsWith('.'))
            {
                module = package.Constant is PyStr p ? p.Value + module : module;
            }

            module = QualifiedNames.CanonicalModule(module);
            RecordImport(module, null, args.Call, ImportKind.Dynamic, computed);
            results.Add(new RefValue(fromList ? module : QualifiedNames.CanonicalModule(QualifiedNames.TopLevel(module))));
        }

        if (names.MayBeOther || results.Count == 0)
        {
            RecordImport("?", null, args.Call, ImportKind.Unresolved, computed: true);
        }

        return ValueSet.FromItems(results, names.MayBeOther || results.Count == 0);
    }

    /// <summary><c>operator.attrgetter('a.b', ...)</c> with every path a known string.</summary>
    private static ValueSet AttributeGetter(CallArguments args)
    {
        if (args.Positional.Length == 1)
        {
            var paths = args.At(0);
            var getters = paths.Strings.Select(path => (Value)new AttributeGetterValue([path])).ToList();
            return ValueSet.FromItems(getters, paths.MayBeOther || getters.Count == 0);
        }

        var known = new string[args.Positional.Length];
        for (var i = 0; i < known.Length; i++)
        {
            if (args.At(i).Constant is not PyStr path)
            {
                return ValueSet.Unknown;
            }

            known[i] = path.Value;
        }

        return known.Length == 0 ? ValueSet.Unknown : ValueSet.Of(new AttributeGetterValue([.. known]));
    }

    /// <summary>Reads a dotted attribute path from <paramref name="owner"/>, as <c>attrgetter</c> does.</summary>
    private ValueSet AttributePath(ValueSet owner, string path)
    {
        foreach (var part in path.Split('.'))
        {
            owner = Attribute(owner, part);
        }

        return owner;
    }

    /// <summary>
    /// <c>pydoc.locate('os.system')</c> and <c>pkgutil.resolve_name('os:system')</c>: each imports the module
    /// a dotted name starts with and reads the rest as attributes, an import and a <c>getattr</c> in one call.
    /// Without a colon the split between module and attribute is unknown; the import is recorded for the
    /// name's parent, which for the usual <c>module.function</c> is the module.
    /// </summary>
    private ValueSet LocateByName(bool colonForm, CallArguments args)
    {
        var names = args.At(0);
        var results = new List<Value>();
        foreach (var text in names.Strings)
        {
            var colon = colonForm ? text.IndexOf(':') : -1;
            var qualified = colon < 0 ? text : colon == text.Length - 1 ? text[..colon] : text[..colon] + "." + text[(colon + 1)..];
            var dot = qualified.LastIndexOf('.');
            var module = colon >= 0 ? text[..colon] : dot > 0 ? qualified[..dot] : qualified;
            if (module.Length == 0)
            {
                continue;
            }

            RecordImport(QualifiedNames.CanonicalModule(module), null, args.Call, ImportKind.Dynamic, IsComputed(args.Expression(0), text));
            results.Add(new RefValue(QualifiedNames.CanonicalModule(qualified)));
        }

        if (names.MayBeOther || results.Count == 0)
        {
            RecordImport("?", null, args.Call, ImportKind.Unresolved, computed: true);
        }

        return ValueSet.FromItems(results, names.MayBeOther || results.Count == 0);
    }

    /// <summary>A name was computed when it is neither written at the call nor anywhere else as a literal.</summary>
    private bool IsComputed(Expr? argument, string name) => argument is not ExprConstant && !_literals.Contains(name);

    private ValueSet CallConstantMethod(BoundMethodValue method, CallArguments args)
    {
        if (method.Name == "join" && args.Positional.Length == 1 && method.Receiver is PyStr separator)
        {
            // ''.join accepts any iterable, including containers built from folded pieces.
            var items = Iterate(args.At(0), ValueLimits.MaxItems);
            if (items is not null && items.All(i => i.Constant is not null))
            {
                var joined = ConstantMethods.Join(separator.Value, new PySequence("list", [.. items.Select(i => i.Constant!)]));
                return joined is null ? ValueSet.Unknown : ValueSet.Of(joined);
            }
        }

        if (method.Name == "translate" && method.Receiver is PyStr source && args.At(0).Single is DictValue table)
        {
            return Safely(() => (object?)Translate(source.Value, table)) is ValueSet translated ? translated : ValueSet.Unknown;
        }

        if (method.Name == "format_map" && method.Receiver is PyStr template && args.At(0).Single is DictValue mapping)
        {
            var named = new Dictionary<string, PyValue>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key is PyStr key && entry.Value.Constant is { } v)
                {
                    named[key.Value] = v;
                }
            }

            return FormatSpec.FormatTemplate(template.Value, [], named) is { } formatted ? ValueSet.Of(new PyStr(formatted)) : ValueSet.Unknown;
        }

        // Most calls of a constant's method pass something unknown: they are given up before anything is allocated.
        if (args.Positional.Any(arg => arg.Constant is null) || (args.Named.Count > 0 && args.Named.Values.Any(value => value.Constant is null)))
        {
            return ValueSet.Unknown;
        }

        var positional = Array.ConvertAll(args.Positional, arg => arg.Constant!);
        var keywords = args.Named.Count == 0
            ? NoConstantKeywords
            : args.Named.ToDictionary(entry => entry.Key, entry => entry.Value.Constant!, StringComparer.Ordinal);
        var result = Safely(() => ConstantMethods.Call(method.Receiver, method.Name, positional, keywords));
        if (result is not null)
        {
            CountCost(result);
        }

        return result is null ? ValueSet.Unknown : ValueSet.Of(result);
    }

    private static ValueSet Translate(string source, DictValue table)
    {
        var builder = new System.Text.StringBuilder(source.Length);
        foreach (var c in source)
        {
            if (table.TryGet(new PyInt(c), out var mapped))
            {
                switch (mapped.Constant)
                {
                    case PyStr s:
                        builder.Append(s.Value);
                        break;
                    case PyInt i when i.Value >= 0 && i.Value <= 0x10FFFF:
                        builder.Append(char.ConvertFromUtf32((int)i.Value));
                        break;
                    case PyNone:
                        break;
                    default:
                        return ValueSet.Unknown;
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return ValueSet.Of(new PyStr(builder.ToString()));
    }

    /// <summary>
    /// The result of calling a function defined in this file. With known arguments the body is
    /// interpreted in that context (bounded depth, cached), which sees through helpers such as
    /// <c>def d(s): return s[::-1]</c>; otherwise the function's general summary is used.
    /// </summary>
    private ValueSet CallLocalFunction(Node definition, CallArguments args)
    {
        var recursive = _callStack.Contains(definition);

        // Re-running a body per call site is what sees through decoding helpers, helpers that delete or
        // write the path they are given, and helpers that call what they are handed (a lambda given
        // os.system); it is worth it for small functions given constants, paths or references, and bounded
        // per file so that a file of many calls stays linear.
        var anyKnown = AnyKnownArgument(args);
        var worthIt = anyKnown && _contextualEvaluations < MaxContextualEvaluations && StatementCount(definition) <= MaxContextualStatements;
        if (recursive || _callStack.Count >= MaxCallDepth || !worthIt)
        {
            return _generalReturns.TryGetValue(definition, out var known) ? known :
                recursive || _callStack.Count >= MaxCallDepth ? ValueSet.Unknown : AnalyzeFunction(definition, null);
        }

        var parameters = definition switch
        {
            StmtFunctionDef f => f.Args,
            StmtAsyncFunctionDef f => f.Args,
            ExprLambda l => l.Args,
            _ => null,
        };
        if (parameters is null)
        {
            return ValueSet.Unknown;
        }

        var bound = new Dictionary<string, ValueSet>(StringComparer.Ordinal);
        var positionalCount = parameters.Posonlyargs.Length + parameters.Args.Length;
        for (var i = 0; i < args.Positional.Length && i < positionalCount; i++)
        {
            var parameter = i < parameters.Posonlyargs.Length ? parameters.Posonlyargs[i] : parameters.Args[i - parameters.Posonlyargs.Length];
            bound[parameter.Name] = args.Positional[i];
        }

        foreach (var (key, value) in args.Named)
        {
            bound[key] = value;
        }

        var cacheKey = ContextKey(definition, bound);
        if (_contextualReturns.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        _contextualReturns[cacheKey] = ValueSet.Unknown;
        _contextualEvaluations++;
        var result = AnalyzeFunction(definition, bound);
        _contextualReturns[cacheKey] = result;
        return result;
    }

    /// <summary>Whether some argument may be a constant, a path or a named function, class or module: only then is a contextual analysis worth it.</summary>
    private static bool AnyKnownArgument(CallArguments args)
    {
        foreach (var argument in args.Positional)
        {
            if (HoldsKnownValue(argument))
            {
                return true;
            }
        }

        if (args.Named.Count == 0)
        {
            return false;
        }

        foreach (var argument in args.Named.Values)
        {
            if (HoldsKnownValue(argument))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsKnownValue(ValueSet value)
    {
        foreach (var item in value.Items)
        {
            if (item is ConstValue or PathValue or RefValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The key of a contextual analysis: the function's position and its bound parameters in name order,
    /// each with the text of its values. Written with one builder, as every call of a local function with
    /// a constant argument makes one.
    /// </summary>
    private static string ContextKey(Node definition, Dictionary<string, ValueSet> bound)
    {
        var names = new string[bound.Count];
        bound.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var key = new System.Text.StringBuilder();
        key.Append(definition.Span.Start).Append(':');
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                key.Append(';');
            }

            key.Append(names[i]).Append('=').Append(bound[names[i]].ToString());
        }

        return key.ToString();
    }

    /// <summary>The number of statements in a function (nested ones included); a lambda counts as one.</summary>
    private int StatementCount(Node definition)
    {
        if (!_statementCounts.TryGetValue(definition, out var count))
        {
            var counter = new StatementCounter();
            definition.VisitChildren(counter);
            count = Math.Max(1, counter.Count);
            _statementCounts[definition] = count;
        }

        return count;
    }

    private sealed class StatementCounter : NodeWalker
    {
        public int Count { get; private set; }

        public override void Visit(Node node)
        {
            if (node is Stmt)
            {
                Count++;
            }

            if (Count <= MaxContextualStatements)
            {
                base.Visit(node);
            }
        }
    }

    private ValueSet CallBuiltin(string name, CallArguments args, Frame frame)
    {
        var first = args.At(0);
        switch (name)
        {
            case "__import__":
                return DynamicImport(args, args.At(0, "name"), ValueSet.Empty,
                    fromList: args.At(3, "fromlist").Constant is PySequence { Items.Length: > 0 });
            case "getattr" when args.Positional.Length >= 2:
            {
                var result = ValueSet.Empty;
                var unknownName = args.At(1).MayBeOther;
                foreach (var attr in args.At(1).Strings)
                {
                    result = result.Union(Attribute(first, attr));
                }

                if (args.Positional.Length >= 3)
                {
                    result = result.Union(args.At(2));
                }

                return unknownName || result.IsEmpty ? result.WithOther() : result;
            }

            case "staticmethod" when args.Positional.Length == 1:
                // Read through its class, a static method is the function it wraps (class R: run = staticmethod(os.system)).
                return first;
            case "globals":
                return ValueSet.Of(new NamespaceValue(NamespaceValue.CurrentModule));
            case "locals" or "vars" when args.Positional.Length == 0:
                return frame.Scope.Kind == Scopes.ScopeKind.Module ? ValueSet.Of(new NamespaceValue(NamespaceValue.CurrentModule)) : ValueSet.Unknown;
            case "vars":
                return MapValues(first, v => v is RefValue r ? ValueSet.Of(new NamespaceValue(r.QualifiedName)) : ValueSet.Unknown);
            case "chr":
                return Map(first, v => v is PyInt i && i.Value >= 0 && i.Value <= 0x10FFFF
                    ? new PyStr(i.Value >= 0xD800 && i.Value <= 0xDFFF ? ((char)(int)i.Value).ToString() : char.ConvertFromUtf32((int)i.Value)) : null);
            case "ord":
                return Map(first, v => v switch
                {
                    PyStr s when CodePoints.Count(s.Value) == 1 => new PyInt(s.Value.Length == 2 ? char.ConvertToUtf32(s.Value, 0) : s.Value[0]),
                    PyBytes b when b.Value.Length == 1 => new PyInt(b.Value[0]),
                    _ => null,
                });
            case "str" when args.Positional.Length == 1:
                return MapValues(first, v => v switch
                {
                    ConstValue c when PyValueFormatting.ToPythonStr(c.Constant) is { } s => CountedConstant(new PyStr(s)),
                    PathValue p => ValueSet.Of(PathFolding.ToStr(new PathFolding.PathParts(p.Root, p.Rest, false))),
                    _ => ValueSet.Unknown,
                });
            case "str" when args.Positional.Length >= 2:
                return Combine(first, args.At(1), (v, e) => e is PyStr enc ? Codecs.DecodeText(v, enc.Value) : null);
            case "repr" or "ascii":
                return Map(first, v => PyValueFormatting.ToPythonRepr(v) is { } s ? new PyStr(s) : null);
            case "int":
                return args.Positional.Length >= 2 ? Combine(first, args.At(1), ParseInt) : Map(first, v => ParseInt(v, new PyInt(10)));
            case "float":
                return args.Positional.Length == 0 ? ValueSet.Of(new PyFloat(0)) : Map(first, ParseFloat);
            case "bool":
                return args.Positional.Length == 0 ? ValueSet.Of(PyBool.False) : first.Truthiness() is { } truth ? ValueSet.Of(PyBool.Of(truth)) : ValueSet.Unknown;
            case "len":
                return MapValues(first, v => v switch
                {
                    ConstValue { Constant: PyRange r } => ValueSet.Of(new PyInt(r.Length)),
                    ConstValue c when Sequences.Length(c.Constant) is { } length => ValueSet.Of(length > int.MaxValue ? new PyHugeInt(Math.Log2(length)) : new PyInt(new BigInteger(length))),
                    ContainerValue c => ValueSet.Of(new PyInt(c.Items.Length)),
                    _ => ValueSet.Unknown,
                });
            case "hex" or "oct" or "bin":
            {
                // Locals, not the parameter: a lambda capturing the parameter allocates its closure on entry
                // to this method, that is on every call of any builtin.
                var (prefix, radix) = name switch { "hex" => ("0x", 16), "oct" => ("0o", 8), _ => ("0b", 2) };
                return Map(first, v => v is PyInt i ? new PyStr((i.Value.Sign < 0 ? "-" : string.Empty) + prefix +
                    IntegerFormatting.ToBase(BigInteger.Abs(i.Value), radix)) : null);
            }
            case "format":
                return Combine(first, args.Has(1) ? args.At(1) : ValueSet.Of(PyStr.Empty), (v, s) => s is PyStr spec && FormatSpec.Apply(v, spec.Value) is { } text ? new PyStr(text) : null);
            case "pow" when args.Positional.Length == 2:
                return Combine(first, args.At(1), (b, e) => ConstantOperations.Binary(Operator.Pow, b, e));
            case "pow" when args.Positional.Length == 3:
                return ValueSet.Unknown;
            case "range":
                return MakeRange(args);
            case "bytes" or "bytearray":
                return MakeBytes(args, name);
            case "list" or "tuple" or "set" or "frozenset" or "sorted" or "reversed":
                return args.Positional.Length == 0 ? ValueSet.Of(new PySequence(name == "tuple" ? "tuple" : "list", [])) : ToSequence(name, first);
            case "map" when args.Positional.Length == 2:
                return MapFunction(args.At(0), args.At(1), frame);
            case "enumerate" when args.Positional.Length == 1:
            {
                var items = Iterate(first, MaxUnrolledItems);
                return items is null ? ValueSet.Unknown : MakeSequence("list",
                    items.Select((v, i) => MakeSequence("tuple", [ValueSet.Of(new PyInt(i)), v])).ToList());
            }

            case "zip" when args.Positional.Length >= 1:
            {
                var columns = args.Positional.Select(p => Iterate(p, MaxUnrolledItems)).ToList();
                if (columns.Any(c => c is null))
                {
                    return ValueSet.Unknown;
                }

                var length = columns.Min(c => c!.Count);
                return MakeSequence("list", Enumerable.Range(0, length).Select(i => MakeSequence("tuple", columns.Select(c => c![i]).ToList())).ToList());
            }

            case "compile":
                return ValueSet.Of(new InstanceValue("types.CodeType"));
            case "type" when args.Positional.Length == 1:
                return MapValues(first, v => v switch
                {
                    ConstValue c => BuiltinReferences.Of(c.Constant.TypeName),
                    FunctionValue => ValueSet.Ref("types.FunctionType"),
                    InstanceValue { TypeName: "types.CodeType" } => ValueSet.Ref("types.CodeType"),
                    InstanceValue i => ValueSet.Ref(i.TypeName),
                    PathValue { IsPathObject: true } => ValueSet.Ref("pathlib.Path"),
                    ClassValue => ValueSet.Ref("builtins.type"),
                    _ => ValueSet.Unknown,
                });
            case "print" or "exec":
                return ValueSet.Of(PyNone.Instance);
            case "eval" or "input" or "next" or "super" or "iter" or "object":
                return ValueSet.Unknown;
            default:
                return InstanceOf(ReturnTypes.Of(BuiltinReferences.QualifiedName(name)));
        }
    }

    private ValueSet CountedConstant(PyValue value)
    {
        CountCost(value);
        return ValueSet.Of(value);
    }

    private static ValueSet MapValues(ValueSet input, Func<Value, ValueSet> operation)
    {
        var result = input.MayBeOther ? ValueSet.Unknown : ValueSet.Empty;
        foreach (var item in input.Items)
        {
            result = result.Union(Safely(() => (object?)operation(item)) is ValueSet mapped ? mapped : ValueSet.Unknown);
        }

        return result;
    }

    /// <summary>
    /// <c>float(x)</c> of a constant: numbers convert, and strings are read as Python reads them (surrounding
    /// whitespace, a sign, <c>inf</c>/<c>infinity</c>/<c>nan</c> in any case, underscores between digits).
    /// Anything else, or an int too large for a float (an OverflowError in Python), stays unknown.
    /// </summary>
    private static PyValue? ParseFloat(PyValue value)
    {
        switch (value)
        {
            case PyFloat:
                return value;
            case PyBool b:
                return new PyFloat(b.Value ? 1 : 0);
            case PyInt i:
                var converted = (double)i.Value;
                return double.IsFinite(converted) ? new PyFloat(converted) : null;
            case PyStr s:
            {
                var text = s.Value.Trim();
                var sign = text.StartsWith('-') ? -1.0 : 1.0;
                var unsigned = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
                if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
                {
                    return new PyFloat(sign * double.PositiveInfinity);
                }

                if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
                {
                    return new PyFloat(double.NaN);
                }

                for (var k = 0; k < unsigned.Length; k++)
                {
                    var c = unsigned[k];
                    var digitsAround = k > 0 && k < unsigned.Length - 1 && char.IsAsciiDigit(unsigned[k - 1]) && char.IsAsciiDigit(unsigned[k + 1]);
                    var exponentSign = c is '+' or '-' && k > 0 && unsigned[k - 1] is 'e' or 'E';
                    if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' || exponentSign || (c == '_' && digitsAround)))
                    {
                        return null;
                    }
                }

                return double.TryParse(unsigned.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? new PyFloat(sign * parsed) : null;
            }

            default:
                return null;
        }
    }

    private static PyValue? ParseInt(PyValue value, PyValue radixValue)
    {
        if (radixValue is not PyInt radix || radix.Value < 0 || radix.Value > 36)
        {
            return null;
        }

        switch (value)
        {
            case PyInt or PyBool:
                return value is PyBool b ? new PyInt(b.Value ? 1 : 0) : value;
            case PyFloat f when double.IsFinite(f.Value):
                return new PyInt(new BigInteger(Math.Truncate(f.Value)));
            case PyStr s:
            {
                var text = s.Value.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
                var negative = text.StartsWith('-');
                if (negative || text.StartsWith('+'))
                {
                    text = text[1..];
                }

                var r = (int)radix.Value;
                if (r == 16 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[2..];
                }
                else if (r == 8 && text.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[2..];
                }
                else if (r == 2 && text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[2..];
                }

                if (text.Length == 0 || text.Length > 1000 || r is < 2 or > 36)
                {
                    return null;
                }

                BigInteger result = 0;
                foreach (var c in text.ToLowerInvariant())
                {
                    var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterLower(c) ? c - 'a' + 10 : 99;
                    if (digit >= r)
                    {
                        return null;
                    }

                    result = (result * r) + digit;
                }

                return new PyInt(negative ? -result : result);
            }

            default:
                return null;
        }
    }

    private ValueSet MakeRange(CallArguments args)
    {
        var bounds = args.Positional.Select(p => p.Constant).ToList();
        if (bounds.Count is 0 or > 3 || bounds.Any(b => b is not (PyInt or PyBool or PyHugeInt)))
        {
            return ValueSet.Of(new InstanceValue("builtins.range"));
        }

        if (bounds.Any(b => b is PyHugeInt))
        {
            // range(10**100): its length is known to be astronomical, which is all the resource rules need.
            var huge = bounds.OfType<PyHugeInt>().Max(h => h.Log2);
            return ValueSet.Of(new PyHugeSequence("range", Math.Pow(2, Math.Min(huge, 1023))));
        }

        BigInteger Int(PyValue? v) => v is PyInt i ? i.Value : v is PyBool b && b.Value ? BigInteger.One : BigInteger.Zero;
        var range = bounds.Count switch
        {
            1 => new PyRange(0, Int(bounds[0]), 1),
            2 => new PyRange(Int(bounds[0]), Int(bounds[1]), 1),
            _ => new PyRange(Int(bounds[0]), Int(bounds[1]), Int(bounds[2])),
        };
        return range.Step.IsZero ? ValueSet.Unknown : ValueSet.Of(range);
    }

    private ValueSet MakeBytes(CallArguments args, string type)
    {
        if (args.Positional.Length == 0)
        {
            return ValueSet.Of(new PyBytes([]));
        }

        if (args.Positional.Length >= 2)
        {
            return Combine(args.At(0), args.At(1), (v, e) => e is PyStr enc ? Codecs.EncodeText(v, enc.Value) : null);
        }

        var first = args.At(0);
        var items = Iterate(first, ValueLimits.MaxItems);
        if (items is not null && first.Constant is not PyStr && items.All(i => i.Constant is PyInt b && b.Value >= 0 && b.Value <= 255))
        {
            return ValueSet.Of(new PyBytes([.. items.Select(i => (byte)((PyInt)i.Constant!).Value)]));
        }

        return Map(first, v => v switch
        {
            PyInt size when size.Value >= 0 => size.Value > ValueLimits.MaxRepeatedLength
                ? new PyHugeSequence(type, (double)size.Value)
                : new PyBytes([.. new byte[(int)size.Value]]),
            PyHugeInt huge when !huge.Negative => new PyHugeSequence(type, Math.Pow(2, Math.Min(huge.Log2, 1023))),
            PyBytes b => b,
            _ => null,
        });
    }

    private ValueSet ToSequence(string name, ValueSet iterable)
    {
        var result = MapValues(iterable, item =>
        {
            if (item is ConstValue { Constant: PyRange r } && r.Length > ValueLimits.MaxItems)
            {
                return ValueSet.Of(new PyHugeSequence("list", (double)r.Length));
            }

            if (item is ConstValue { Constant: PyHugeSequence huge })
            {
                return ValueSet.Of(huge with { Type = "list" });
            }

            var items = Iterate(ValueSet.Of(item), ValueLimits.MaxItems);
            if (items is null)
            {
                return ValueSet.Unknown;
            }

            var list = items.ToList();
            if (name == "reversed")
            {
                list.Reverse();
            }
            else if (name == "sorted")
            {
                if (!list.All(i => i.Constant is PyStr or PyInt))
                {
                    return ValueSet.Unknown;
                }

                list.Sort((a, b) => a.Constant is PyStr sa && b.Constant is PyStr sb ? string.CompareOrdinal(sa.Value, sb.Value) :
                    a.Constant is PyInt ia && b.Constant is PyInt ib ? ia.Value.CompareTo(ib.Value) : 0);
            }

            return MakeSequence(name == "tuple" ? "tuple" : "list", list);
        });
        return result;
    }

    private ValueSet MapFunction(ValueSet function, ValueSet iterable, Frame frame)
    {
        var items = Iterate(iterable, MaxUnrolledItems);
        if (items is null || function.Single is not { } callee)
        {
            return ValueSet.Unknown;
        }

        var results = new List<ValueSet>();
        foreach (var item in items)
        {
            var call = new ExprCall(new ExprName("<map>", ExprContext.Load, default), [], [], default);
            results.Add(Apply(callee, new CallArguments(call, [item], NoKeywords), frame));
        }

        return MakeSequence("list", results);
    }
}
