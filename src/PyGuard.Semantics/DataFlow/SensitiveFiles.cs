using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.DataFlow;

/// <summary>A file that holds credentials, keys or private records, as the analysis recognises it.</summary>
public sealed record SensitiveFile(string Path, string What, bool IsPublicRecord)
{
    /// <summary>A short description for messages: "~/.ssh/id_rsa (SSH private keys and configuration)".</summary>
    public override string ToString() => $"{Path} ({What})";
}

/// <summary>
/// Credential and key files by location: below the home directory (<c>~/.ssh</c>, <c>~/.aws/credentials</c>,
/// <c>~/.kube/config</c>, browser profiles, keyrings), at fixed system paths (<c>/etc/shadow</c>,
/// service-account tokens) and by name wherever they are (<c>.env</c>, <c>id_rsa</c>). A path matches
/// however it was built, because the interpreter folds it to a <see cref="PathValue"/> or a constant.
/// </summary>
public static partial class SensitiveFiles
{
    private sealed record Entry(string Pattern, bool IsDirectory, string What, bool IsPublicRecord = false);

    /// <summary>Below the home directory.</summary>
    private static readonly ImmutableArray<Entry> HomeEntries =
    [
        new(".ssh", true, "SSH private keys and configuration"),
        new(".aws", true, "AWS credentials"),
        new(".config/gcloud", true, "Google Cloud credentials"),
        new(".azure", true, "Azure credentials"),
        new(".kube", true, "Kubernetes cluster credentials"),
        new(".netrc", false, "stored passwords"),
        new("_netrc", false, "stored passwords"),
        new(".docker/config.json", false, "container registry credentials"),
        new(".git-credentials", false, "stored git credentials"),
        new(".config/git/credentials", false, "stored git credentials"),
        new(".config/gh/hosts.yml", false, "GitHub CLI token"),
        new(".pypirc", false, "package index credentials"),
        new(".npmrc", false, "npm registry token"),
        new(".pgpass", false, "PostgreSQL passwords"),
        new(".my.cnf", false, "MySQL credentials"),
        new(".vault-token", false, "HashiCorp Vault token"),
        new(".terraform.d/credentials.tfrc.json", false, "Terraform Cloud token"),
        new(".gnupg", true, "GnuPG private keys"),
        new(".password-store", true, "password store"),
        new(".local/share/keyrings", true, "desktop keyring"),
        new(".config/google-chrome", true, "browser profile (cookies, saved passwords)"),
        new(".config/chromium", true, "browser profile (cookies, saved passwords)"),
        new(".config/BraveSoftware", true, "browser profile (cookies, saved passwords)"),
        new(".config/microsoft-edge", true, "browser profile (cookies, saved passwords)"),
        new(".mozilla/firefox", true, "browser profile (cookies, saved passwords)"),
        new("snap/firefox", true, "browser profile (cookies, saved passwords)"),
        new("Library/Application Support/Google/Chrome", true, "browser profile (cookies, saved passwords)"),
        new("Library/Application Support/Firefox", true, "browser profile (cookies, saved passwords)"),
        new("Library/Keychains", true, "macOS keychain"),
        new(".bash_history", false, "shell history"),
        new(".zsh_history", false, "shell history"),
        new(".electrum", true, "cryptocurrency wallet"),
        new(".bitcoin", true, "cryptocurrency wallet"),
        new(".ethereum/keystore", true, "cryptocurrency wallet"),
    ];

    /// <summary>At fixed absolute paths.</summary>
    private static readonly ImmutableArray<Entry> SystemEntries =
    [
        new("/etc/shadow", false, "password hashes"),
        new("/etc/gshadow", false, "group password hashes"),
        new("/etc/sudoers", false, "sudo rules"),
        new("/etc/ssh", true, "SSH host keys"),
        new("/etc/passwd", false, "user accounts", IsPublicRecord: true),
        new("/etc/group", false, "user groups", IsPublicRecord: true),
        new("/proc/self/environ", false, "the process environment"),
        new("/var/run/secrets", true, "service-account tokens"),
        new("/run/secrets", true, "container secrets"),
    ];

    /// <summary>File names that hold secrets wherever they are.</summary>
    private static readonly ImmutableArray<Entry> NameEntries =
    [
        new(".env", false, "environment secrets (.env)"),
        new("id_rsa", false, "SSH private key"),
        new("id_ed25519", false, "SSH private key"),
        new("id_ecdsa", false, "SSH private key"),
        new("id_dsa", false, "SSH private key"),
        new("key4.db", false, "browser saved passwords"),
        new("logins.json", false, "browser saved passwords"),
        new("Login Data", false, "browser saved passwords"),
        new("cookies.sqlite", false, "browser cookies"),
        new("wallet.dat", false, "cryptocurrency wallet"),
    ];

    /// <summary>The sensitive file a value names, if any (a constant, a folded path, or the pattern of a listing).</summary>
    public static SensitiveFile? Match(Value value) => value switch
    {
        ConstValue { Constant: PyStr s } when s.Value.Length is > 1 and < 4096 => MatchText(s.Value),
        PathValue p => Match(p),
        PathListingValue listing => listing.Patterns.Select(Match).FirstOrDefault(f => f is not null),
        _ => null,
    };

    public static SensitiveFile? Match(PathValue path) => path.Root switch
    {
        PathRoot.Home => MatchBelowHome(path.Rest.Replace(PathValue.UnknownPart, '*'), path.Display) ?? MatchName(path.Display),
        PathRoot.None => MatchText(path.Display),
        PathRoot.Unknown => MatchBelowHome(path.Rest.Replace(PathValue.UnknownPart, '*'), path.Display) ?? MatchName(path.Display),
        _ => MatchName(path.Display),
    };

    /// <summary>A path written as text: absolute, relative, <c>~/...</c> or <c>$HOME/...</c> (as a shell would expand it).</summary>
    public static SensitiveFile? MatchText(string text)
    {
        if (text.Contains('\n'))
        {
            return null;
        }

        if (!text.Contains('/'))
        {
            // Most strings in code are not paths: only a bare file name can still match, by name.
            return IsSensitiveName(text) || text.StartsWith(".env.", StringComparison.Ordinal) ? MatchName(text) : null;
        }

        foreach (var prefix in (string[])["~/", "$HOME/", "${HOME}/"])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return MatchBelowHome(text[prefix.Length..], text) ?? MatchName(text);
            }
        }

        if (text.StartsWith('/'))
        {
            var home = HomeDirectory().Match(text);
            if (home.Success && MatchBelowHome(text[home.Length..], text) is { } inHome)
            {
                return inHome;
            }

            foreach (var entry in SystemEntries)
            {
                if (Matches(text, entry))
                {
                    return new SensitiveFile(text, entry.What, entry.IsPublicRecord);
                }
            }
        }

        return MatchName(text);
    }

    /// <summary>Sensitive paths written inside a command line (<c>curl -F f=@$HOME/.ssh/id_rsa ...</c>).</summary>
    public static SensitiveFile? FindInCommand(string command)
    {
        foreach (var token in CommandTokens().Split(command))
        {
            if (token.Length > 1 && (token.Contains('/') || token.StartsWith('.')) && MatchText(token) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static SensitiveFile? MatchBelowHome(string rest, string display)
    {
        rest = rest.TrimStart('/');
        foreach (var entry in HomeEntries)
        {
            if (Matches(rest, entry))
            {
                return new SensitiveFile(display, entry.What, entry.IsPublicRecord);
            }
        }

        return null;
    }

    private static SensitiveFile? MatchName(string display)
    {
        var name = PathText.BaseName(display.TrimEnd('/'));
        foreach (var entry in NameEntries)
        {
            if (name == entry.Pattern || (entry.Pattern == ".env" && name.StartsWith(".env.", StringComparison.Ordinal) && !name.EndsWith(".example", StringComparison.Ordinal)))
            {
                return new SensitiveFile(display, entry.What, entry.IsPublicRecord);
            }
        }

        return null;
    }

    // Asked of every string constant in a file: a loop, not a lambda capturing the text, and no
    // "pattern/" string built per entry.
    private static bool IsSensitiveName(string text)
    {
        foreach (var entry in NameEntries)
        {
            if (text == entry.Pattern)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string path, Entry entry) =>
        path == entry.Pattern || (entry.IsDirectory && path.Length > entry.Pattern.Length && path[entry.Pattern.Length] == '/' &&
            path.StartsWith(entry.Pattern, StringComparison.Ordinal));

    [GeneratedRegex(@"^/(?:home/[^/]+|root|Users/[^/]+)/")]
    private static partial Regex HomeDirectory();

    [GeneratedRegex(@"[\s'""=@<>|;&,()]+")]
    private static partial Regex CommandTokens();
}
