using System.Collections.Frozen;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Knowledge;

/// <summary>
/// Module attributes whose values are fixed facts of the platform PyGuard gates (CPython on Linux): the
/// <c>re</c> flags, so that <c>re.I | re.M</c> folds to the integer the regex analysis needs, and the
/// <c>string</c> and <c>os</c> constants that obfuscators index into (<c>string.ascii_lowercase[14]</c> is 'o').
/// </summary>
public static class KnownConstants
{
    private static readonly FrozenDictionary<string, PyValue> Values = Build();

    public static PyValue? Find(string qualifiedName) => Values.GetValueOrDefault(qualifiedName);

    private static FrozenDictionary<string, PyValue> Build()
    {
        var values = new Dictionary<string, PyValue>(StringComparer.Ordinal);
        var flags = new (string[] Names, int Value)[]
        {
            (["T", "TEMPLATE"], 1), (["I", "IGNORECASE"], 2), (["L", "LOCALE"], 4), (["M", "MULTILINE"], 8),
            (["S", "DOTALL"], 16), (["U", "UNICODE"], 32), (["X", "VERBOSE"], 64), (["DEBUG"], 128), (["A", "ASCII"], 256),
            (["NOFLAG"], 0),
        };
        foreach (var module in new[] { "re", "regex" })
        {
            foreach (var (names, value) in flags)
            {
                foreach (var name in names)
                {
                    values[$"{module}.{name}"] = new PyInt(value);
                    values[$"{module}.RegexFlag.{name}"] = new PyInt(value);
                }
            }
        }

        const string Lower = "abcdefghijklmnopqrstuvwxyz";
        const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        const string Whitespace = " \t\n\r\x0b\x0c";
        values["string.ascii_lowercase"] = new PyStr(Lower);
        values["string.ascii_uppercase"] = new PyStr(Upper);
        values["string.ascii_letters"] = new PyStr(Lower + Upper);
        values["string.digits"] = new PyStr("0123456789");
        values["string.hexdigits"] = new PyStr("0123456789abcdefABCDEF");
        values["string.octdigits"] = new PyStr("01234567");
        values["string.punctuation"] = new PyStr(Punctuation);
        values["string.whitespace"] = new PyStr(Whitespace);
        values["string.printable"] = new PyStr("0123456789" + Lower + Upper + Punctuation + Whitespace);
        values["os.sep"] = new PyStr("/");
        values["os.altsep"] = PyNone.Instance;
        values["os.extsep"] = new PyStr(".");
        values["os.pathsep"] = new PyStr(":");
        values["os.linesep"] = new PyStr("\n");
        values["os.curdir"] = new PyStr(".");
        values["os.pardir"] = new PyStr("..");
        values["os.devnull"] = new PyStr("/dev/null");
        values["os.name"] = new PyStr("posix");
        values["os.path.sep"] = new PyStr("/");
        values["sys.platform"] = new PyStr("linux");
        return values.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
