using System.Collections.Frozen;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Knowledge;

/// <summary>
/// Module attributes whose value is fixed on the platform PyGuard gates (Linux, CPython): the <c>re</c>
/// flags (so <c>re.I | re.M</c> folds to the integer the regex analysis needs), the <c>string</c>
/// alphabets obfuscators index into (<c>string.ascii_lowercase[14]</c> is 'o'), permission bits of
/// <c>stat</c>, <c>os.open</c> flags, path separators, and the directories <c>site</c> and <c>sys</c>
/// expose. Folding them lets rules read <c>stat.S_IWOTH | stat.S_IRUSR</c> as a mode and
/// <c>os.path.join(site.USER_SITE, 'x.pth')</c> as a path below the user's site-packages.
/// </summary>
public static class ModuleConstants
{
    private static readonly FrozenDictionary<string, Value> Table = Build();

    /// <summary>The value of the module attribute <paramref name="qualifiedName"/>, or null when it is not a known constant.</summary>
    public static Value? Of(string qualifiedName) => Table.GetValueOrDefault(qualifiedName);

    private static FrozenDictionary<string, Value> Build()
    {
        var table = new Dictionary<string, Value>(StringComparer.Ordinal);

        void Int(string name, int value) => table[name] = new ConstValue(new PyInt(value));
        void Str(string name, string value) => table[name] = new ConstValue(new PyStr(value));
        void Float(string name, double value) => table[name] = new ConstValue(new PyFloat(value));
        void Dir(string name, PathRoot root, string rest = "") => table[name] = new PathValue(root, rest, false);

        // re and regex flags, under the module and under RegexFlag.
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
                    Int($"{module}.{name}", value);
                    Int($"{module}.RegexFlag.{name}", value);
                }
            }
        }

        // string alphabets.
        const string Lower = "abcdefghijklmnopqrstuvwxyz";
        const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        const string Whitespace = " \t\n\r\x0b\x0c";
        Str("string.ascii_lowercase", Lower);
        Str("string.ascii_uppercase", Upper);
        Str("string.ascii_letters", Lower + Upper);
        Str("string.digits", "0123456789");
        Str("string.hexdigits", "0123456789abcdefABCDEF");
        Str("string.octdigits", "01234567");
        Str("string.punctuation", Punctuation);
        Str("string.whitespace", Whitespace);
        Str("string.printable", "0123456789" + Lower + Upper + Punctuation + Whitespace);
        table["os.altsep"] = new ConstValue(PyNone.Instance);
        Str("os.linesep", "\n");
        Str("os.name", "posix");
        Str("sys.platform", "linux");

        // stat: permission and file-type bits.
        Int("stat.S_ISUID", 0x800);
        Int("stat.S_ISGID", 0x400);
        Int("stat.S_ISVTX", 0x200);
        Int("stat.S_IRWXU", 0x1C0);
        Int("stat.S_IRUSR", 0x100);
        Int("stat.S_IWUSR", 0x80);
        Int("stat.S_IXUSR", 0x40);
        Int("stat.S_IRWXG", 0x38);
        Int("stat.S_IRGRP", 0x20);
        Int("stat.S_IWGRP", 0x10);
        Int("stat.S_IXGRP", 0x8);
        Int("stat.S_IRWXO", 0x7);
        Int("stat.S_IROTH", 0x4);
        Int("stat.S_IWOTH", 0x2);
        Int("stat.S_IXOTH", 0x1);
        Int("stat.S_IREAD", 0x100);
        Int("stat.S_IWRITE", 0x80);
        Int("stat.S_IEXEC", 0x40);

        // os.open flags (Linux values).
        Int("os.O_RDONLY", 0);
        Int("os.O_WRONLY", 1);
        Int("os.O_RDWR", 2);
        Int("os.O_CREAT", 0x40);
        Int("os.O_EXCL", 0x80);
        Int("os.O_TRUNC", 0x200);
        Int("os.O_APPEND", 0x400);

        // math's float constants: math.inf is how an endless sleep or timeout is usually written.
        Float("math.inf", double.PositiveInfinity);
        Float("math.nan", double.NaN);
        Float("math.pi", Math.PI);
        Float("math.e", Math.E);
        Float("math.tau", Math.Tau);

        // Separators and well-known names: ".." built from os.pardir is still "..".
        Str("os.sep", "/");
        Str("os.path.sep", "/");
        Str("os.curdir", ".");
        Str("os.path.curdir", ".");
        Str("os.pardir", "..");
        Str("os.path.pardir", "..");
        Str("os.extsep", ".");
        Str("os.pathsep", ":");
        Str("os.devnull", "/dev/null");
        Str("os.path.devnull", "/dev/null");

        // Directories of the interpreter and the user.
        Dir("site.USER_SITE", PathRoot.UserSitePackages);
        Dir("site.USER_BASE", PathRoot.Home, ".local");
        Dir("sys.prefix", PathRoot.Prefix);
        Dir("sys.exec_prefix", PathRoot.Prefix);
        Dir("sys.base_prefix", PathRoot.Prefix);
        Dir("sys.base_exec_prefix", PathRoot.Prefix);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
