using System.Collections.Frozen;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.DataFlow;

/// <summary>How a call touches a credential file: what it does and which file.</summary>
public sealed record CredentialFileAccess(SensitiveFile File, string Verb, bool YieldsContent);

/// <summary>
/// Where sensitive data enters a program: the environment in every form (<c>os.environ</c> and its
/// methods, <c>os.getenv</c>, dotenv), credential and key files however their path is built, host
/// identity, the clipboard, keyrings and the output of started processes. Names are the semantic
/// model's qualified names, so aliases, re-exports and <c>getattr</c> are seen through.
/// </summary>
public static class SensitiveSources
{
    private static readonly FrozenSet<string> EnvironmentLookups = FrozenSet.ToFrozenSet(
    [
        "os.getenv", "os.getenvb", "os.environ.get", "os.environ.pop", "os.environ.setdefault", "os.environ.__getitem__",
        "os.environb.get", "os.environb.pop", "os.environb.__getitem__",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnvironmentMappings = FrozenSet.ToFrozenSet(["os.environ", "os.environb"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (SourceKind Kind, string What)> Calls = new Dictionary<string, (SourceKind, string)>(StringComparer.Ordinal)
    {
        ["dotenv.dotenv_values"] = (SourceKind.Environment, "the variables of a .env file"),
        ["dotenv.main.dotenv_values"] = (SourceKind.Environment, "the variables of a .env file"),
        ["dotenv.get_key"] = (SourceKind.Environment, "a variable of a .env file"),
        ["dotenv.main.get_key"] = (SourceKind.Environment, "a variable of a .env file"),
        ["getpass.getuser"] = (SourceKind.HostIdentity, "the user name"),
        ["os.getlogin"] = (SourceKind.HostIdentity, "the user name"),
        ["pwd.getpwuid"] = (SourceKind.HostIdentity, "the user's account record"),
        ["pwd.getpwnam"] = (SourceKind.HostIdentity, "an account record"),
        ["pwd.getpwall"] = (SourceKind.HostIdentity, "every account record"),
        ["socket.gethostname"] = (SourceKind.HostIdentity, "the host name"),
        ["socket.getfqdn"] = (SourceKind.HostIdentity, "the host name"),
        ["platform.node"] = (SourceKind.HostIdentity, "the host name"),
        ["platform.uname"] = (SourceKind.HostIdentity, "the host name and system"),
        ["os.uname"] = (SourceKind.HostIdentity, "the host name and system"),
        ["uuid.getnode"] = (SourceKind.HostIdentity, "the machine's MAC address"),
        ["pyperclip.paste"] = (SourceKind.Clipboard, "the clipboard"),
        ["pyperclip.waitForPaste"] = (SourceKind.Clipboard, "the clipboard"),
        ["pyperclip.waitForNewPaste"] = (SourceKind.Clipboard, "the clipboard"),
        ["clipboard.paste"] = (SourceKind.Clipboard, "the clipboard"),
        ["xerox.paste"] = (SourceKind.Clipboard, "the clipboard"),
        ["klembord.get"] = (SourceKind.Clipboard, "the clipboard"),
        ["klembord.get_text"] = (SourceKind.Clipboard, "the clipboard"),
        ["pandas.read_clipboard"] = (SourceKind.Clipboard, "the clipboard"),
        ["win32clipboard.GetClipboardData"] = (SourceKind.Clipboard, "the clipboard"),
        ["tkinter.Tk.clipboard_get"] = (SourceKind.Clipboard, "the clipboard"),
        ["tkinter.Misc.clipboard_get"] = (SourceKind.Clipboard, "the clipboard"),
        ["keyring.get_password"] = (SourceKind.SecretStore, "a password from the keyring"),
        ["keyring.get_credential"] = (SourceKind.SecretStore, "a credential from the keyring"),
        ["keyring.core.get_password"] = (SourceKind.SecretStore, "a password from the keyring"),
        ["subprocess.check_output"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.getoutput"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.getstatusoutput"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.run"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.Popen.communicate"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.Popen.stdout.read"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.Popen.stdout.readline"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["subprocess.Popen.stdout.readlines"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["asyncio.subprocess.Process.communicate"] = (SourceKind.ProcessOutput, "the output of a command"),
        ["os.popen"] = (SourceKind.ProcessOutput, "the output of a command"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Environment variables that hold settings, not secrets: reading them is not a source.</summary>
    private static readonly FrozenSet<string> SettingVariables = FrozenSet.ToFrozenSet(
    [
        "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TERM", "TZ", "SHELL", "PWD", "OLDPWD", "COLUMNS", "LINES",
        "LOG_LEVEL", "LOGLEVEL", "LOGGING_LEVEL", "DEBUG", "VERBOSE", "NO_COLOR", "FORCE_COLOR", "CI", "TMPDIR", "TEMP",
        "TMP", "EDITOR", "VISUAL", "PAGER", "PYTHONUNBUFFERED", "PYTHONHASHSEED", "PYTHONIOENCODING", "PYTHONPATH",
    ], StringComparer.Ordinal);

    /// <summary>Environment variables that say who runs the code and where.</summary>
    private static readonly FrozenSet<string> IdentityVariables = FrozenSet.ToFrozenSet(
        ["USER", "USERNAME", "LOGNAME", "HOME", "USERPROFILE", "HOSTNAME", "COMPUTERNAME"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> CopyFunctions = FrozenSet.ToFrozenSet(
    [
        "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.make_archive",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ArchiveMethods = FrozenSet.ToFrozenSet(
        ["zipfile.ZipFile.write", "tarfile.TarFile.add", "tarfile.open.add", "tarfile.TarFile.addfile"], StringComparer.Ordinal);

    /// <summary>Every qualified name that <see cref="At"/> looks for in a value (besides browser_cookie3's functions).</summary>
    private static readonly FrozenSet<string> SourceNames = EnvironmentLookups.Concat(EnvironmentMappings).Concat(Calls.Keys)
        .Append("netrc.netrc").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="value"/>, found in some expression, may make <see cref="At"/> find a source: it
    /// is the qualified name of a source or of the environment, or a credential file's path. A file none of
    /// whose values is one has no source, since <see cref="At"/> reads nothing but the model's values.
    /// </summary>
    internal static bool MayBeSource(Value value) => value is RefValue reference
        ? SourceNames.Contains(reference.QualifiedName) || reference.QualifiedName.StartsWith("browser_cookie3.", StringComparison.Ordinal)
        : SensitiveFiles.Match(value) is not null;

    /// <summary>
    /// The source at <paramref name="expr"/>, if sensitive data enters there. <paramref name="replaces"/>
    /// is true when the value is that source alone: the call's receiver and arguments do not also flow
    /// into it (the content of a file replaces its path; <c>os.environ.get('LOG_LEVEL')</c> is clean).
    /// </summary>
    public static TaintSource? At(SemanticModel model, Expr expr, out bool replaces)
    {
        replaces = false;
        switch (expr)
        {
            case ExprCall call:
                replaces = true;
                var names = CalleeNames(model, call);
                if (names.AnyIn(EnvironmentLookups))
                {
                    return EnvironmentVariable(model, call.Argument(0, "key"), call.Span);
                }

                foreach (var name in names)
                {
                    if (Calls.TryGetValue(name, out var known) && (name != "socket.getfqdn" || call.Args.Length == 0))
                    {
                        return new TaintSource(known.Kind, known.What, call.Span);
                    }

                    if (name.StartsWith("browser_cookie3.", StringComparison.Ordinal))
                    {
                        return new TaintSource(SourceKind.CredentialFile, "the browser's cookies", call.Span);
                    }
                }

                if (names.Count > 0 && CredentialFileAccessOf(model, call) is { YieldsContent: true } read)
                {
                    return new TaintSource(SourceKind.CredentialFile, $"{read.File.Path} ({read.File.What})", call.Span);
                }

                replaces = false;
                return model.ValueOf(expr).Any(IsEnvironmentMapping) ? WholeEnvironment(expr) : CredentialPath(model, expr);
            case ExprSubscript subscript when model.ValueOf(subscript.Value).Any(IsEnvironmentMapping):
                replaces = true;
                return EnvironmentVariable(model, subscript.Slice, subscript.Span);
            case ExprName or ExprAttribute when model.ValueOf(expr).Any(IsEnvironmentMapping):
                return WholeEnvironment(expr);
            case ExprConstant or ExprBinOp or ExprJoinedStr or ExprAttribute or ExprSubscript:
                return CredentialPath(model, expr);
            default:
                return null;
        }
    }

    /// <summary>Every callee of a call in which <see cref="CredentialFileAccessOf"/> may find an access: it looks at no other call.</summary>
    public static IReadOnlySet<string> CredentialFileFunctions { get; } = CopyFunctions.Concat(ArchiveMethods).Concat(
    [
        "builtins.open", "io.FileIO", "os.open", "pathlib.Path.read_text", "pathlib.Path.read_bytes", "pathlib.Path.open",
        "sqlite3.connect", "netrc.netrc", "configparser.ConfigParser.read", "configparser.RawConfigParser.read",
    ]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The credential file a call reads, copies or archives, if any (<c>open(~/.ssh/id_rsa)</c>, <c>Path.read_text</c>, <c>shutil.copy</c>).</summary>
    public static CredentialFileAccess? CredentialFileAccessOf(SemanticModel model, ExprCall call)
    {
        foreach (var name in model.CalleeNames(call))
        {
            var access = name switch
            {
                "builtins.open" or "io.FileIO" when IsReadMode(model, call.Argument(1, "mode")) => Access(model, call.Argument(0, "file"), "reads", true),
                "os.open" when IsReadFlags(model, call.Argument(1, "flags")) => Access(model, call.Argument(0, "path"), "opens", true),
                "pathlib.Path.read_text" or "pathlib.Path.read_bytes" => Access(model, Receiver(call), "reads", true),
                "pathlib.Path.open" when IsReadMode(model, call.Argument(0, "mode")) => Access(model, Receiver(call), "reads", true),
                "sqlite3.connect" => Access(model, call.Argument(0, "database"), "opens the database", true),
                "netrc.netrc" => call.Argument(0, "file") is null
                    ? new CredentialFileAccess(new SensitiveFile("~/.netrc", "stored passwords", false), "reads", true)
                    : Access(model, call.Argument(0, "file"), "reads", true),
                "configparser.ConfigParser.read" or "configparser.RawConfigParser.read" => Access(model, call.Argument(0, "filenames"), "reads", false),
                _ when CopyFunctions.Contains(name) => Access(model, call.Argument(0, "src") ?? call.Argument(0, "base_name"), "copies", false),
                _ when ArchiveMethods.Contains(name) => Access(model, call.Argument(0, "name") ?? call.Argument(0, "filename"), "archives", false),
                _ => null,
            };
            if (access is not null)
            {
                return access;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> of an environment variable names a secret (anything but known settings and identity).</summary>
    internal static SourceKind? ClassifyVariable(string name) =>
        SettingVariables.Contains(name) || name.StartsWith("LC_", StringComparison.Ordinal) ? null :
        IdentityVariables.Contains(name) ? SourceKind.HostIdentity : SourceKind.Environment;

    private static TaintSource? EnvironmentVariable(SemanticModel model, Expr? key, Syntax.Text.TextSpan span)
    {
        var names = key is null ? [] : model.ValueOf(key).Strings.ToList();
        if (key is null || names.Count == 0 || model.ValueOf(key).MayBeOther)
        {
            return new TaintSource(SourceKind.Environment, "an environment variable chosen at run time", span);
        }

        foreach (var name in names)
        {
            if (ClassifyVariable(name) is { } kind)
            {
                return new TaintSource(kind, $"the environment variable {name}", span) { Variable = name };
            }
        }

        return null;
    }

    private static TaintSource WholeEnvironment(Expr expr) => new(SourceKind.Environment, "the whole environment (os.environ)", expr.Span);

    private static TaintSource? CredentialPath(SemanticModel model, Expr expr)
    {
        foreach (var item in model.ValueOf(expr).Items)
        {
            if (SensitiveFiles.Match(item) is { } file)
            {
                return new TaintSource(SourceKind.CredentialPath, $"the path of {file}", expr.Span);
            }
        }

        return null;
    }

    private static CredentialFileAccess? Access(SemanticModel model, Expr? path, string verb, bool content)
    {
        if (path is null)
        {
            return null;
        }

        foreach (var item in model.ValueOf(path).Items)
        {
            if (SensitiveFiles.Match(item) is { } file)
            {
                return new CredentialFileAccess(file, verb, content);
            }
        }

        return null;
    }

    private static Expr? Receiver(ExprCall call) => call.Func is ExprAttribute attribute ? attribute.Value : null;

    /// <summary>The callee's qualified names, read once: most calls are asked about several tables.</summary>
    private static List<string> CalleeNames(SemanticModel model, ExprCall call)
    {
        var names = new List<string>();
        foreach (var item in model.ValueOf(call.Func).Items)
        {
            if (item is RefValue reference)
            {
                names.Add(reference.QualifiedName);
            }
        }

        return names;
    }

    private static bool IsEnvironmentMapping(Value value) => value is RefValue r && EnvironmentMappings.Contains(r.QualifiedName);

    /// <summary>A mode that reads: absent, unknown, or containing r or +.</summary>
    private static bool IsReadMode(SemanticModel model, Expr? mode)
    {
        if (mode is null)
        {
            return true;
        }

        var texts = model.ValueOf(mode);
        return texts.MayBeOther || texts.Strings.Any(m => m.Contains('r') || m.Contains('+')) || !texts.Strings.Any();
    }

    private static bool IsReadFlags(SemanticModel model, Expr? flags) =>
        flags is null || model.ConstantOf(flags) is not PyInt value || (value.Value & 3) != 1;
}
