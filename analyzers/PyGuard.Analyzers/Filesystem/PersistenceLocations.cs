using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PyGuard.Semantics.Values;

namespace PyGuard.Analyzers.Filesystem;

// PyGuard.Regex (the ReDoS library) shadows the type name inside PyGuard.Analyzers.
using Regex = System.Text.RegularExpressions.Regex;

/// <summary>
/// Files and directories whose content runs later, on its own: shell start-up files, SSH authorized
/// keys, cron, systemd units, autostart entries, programs early on PATH, Python's start-up hooks
/// (site-packages, <c>sitecustomize.py</c>, <c>usercustomize.py</c>, <c>.pth</c> files), git hooks, and the
/// configuration of package tools and git, which decides what gets installed or run.
/// </summary>
internal static partial class PersistenceLocations
{
    private const string PythonInstallation = "the Python installation (its start-up hooks and modules)";

    private sealed record Entry(string Pattern, bool IsDirectory, string What);

    private static readonly ImmutableArray<Entry> BelowHome =
    [
        new(".bashrc", false, "a shell start-up file"),
        new(".bash_profile", false, "a shell start-up file"),
        new(".bash_login", false, "a shell start-up file"),
        new(".bash_logout", false, "a shell start-up file"),
        new(".profile", false, "a shell start-up file"),
        new(".zshrc", false, "a shell start-up file"),
        new(".zshenv", false, "a shell start-up file"),
        new(".zprofile", false, "a shell start-up file"),
        new(".zlogin", false, "a shell start-up file"),
        new(".cshrc", false, "a shell start-up file"),
        new(".tcshrc", false, "a shell start-up file"),
        new(".kshrc", false, "a shell start-up file"),
        new(".config/fish", true, "a shell start-up file"),
        new(".pam_environment", false, "the login environment"),
        new(".config/environment.d", true, "the login environment"),
        new(".xinitrc", false, "a graphical session start-up file"),
        new(".xprofile", false, "a graphical session start-up file"),
        new(".xsession", false, "a graphical session start-up file"),
        new(".ssh/authorized_keys", false, "the keys allowed to log in over SSH"),
        new(".ssh/authorized_keys2", false, "the keys allowed to log in over SSH"),
        new(".ssh/config", false, "the SSH client configuration (ProxyCommand runs commands)"),
        new(".ssh/rc", false, "a script SSH runs at every login"),
        new(".config/autostart", true, "a desktop autostart entry"),
        new(".config/systemd", true, "a systemd user unit"),
        new(".local/share/systemd", true, "a systemd user unit"),
        new("Library/LaunchAgents", true, "a macOS launch agent"),
        new(".local/bin", true, "a program early on PATH"),
        new("bin", true, "a program early on PATH"),
        new(".local/lib", true, "the user's site-packages"),
        new(".gitconfig", false, "the git configuration (hooks, credential helpers, pagers run commands)"),
        new(".config/git/config", false, "the git configuration (hooks, credential helpers, pagers run commands)"),
        new(".pip/pip.conf", false, "the pip configuration (which index packages come from)"),
        new(".config/pip/pip.conf", false, "the pip configuration (which index packages come from)"),
        new(".pypirc", false, "the package upload configuration"),
        new(".npmrc", false, "the npm configuration (which registry packages come from)"),
        new(".yarnrc", false, "the yarn configuration"),
        new(".condarc", false, "the conda configuration (which channels packages come from)"),
        new(".vimrc", false, "an editor start-up file"),
        new(".config/nvim", true, "an editor start-up file"),
        new(".emacs", false, "an editor start-up file"),
        new(".pythonrc", false, "the interactive Python start-up file"),
    ];

    private static readonly ImmutableArray<Entry> System =
    [
        new("/etc/cron.d", true, "a cron job"),
        new("/etc/cron.hourly", true, "a cron job"),
        new("/etc/cron.daily", true, "a cron job"),
        new("/etc/cron.weekly", true, "a cron job"),
        new("/etc/cron.monthly", true, "a cron job"),
        new("/etc/crontab", false, "the system crontab"),
        new("/etc/anacrontab", false, "the system crontab"),
        new("/var/spool/cron", true, "a user's crontab"),
        new("/etc/systemd", true, "a systemd unit"),
        new("/lib/systemd", true, "a systemd unit"),
        new("/usr/lib/systemd", true, "a systemd unit"),
        new("/etc/profile", false, "the system-wide shell start-up file"),
        new("/etc/profile.d", true, "a system-wide shell start-up file"),
        new("/etc/bash.bashrc", false, "the system-wide shell start-up file"),
        new("/etc/ld.so.preload", false, "a library loaded into every program"),
        new("/etc/sudoers", false, "the sudo rules"),
        new("/etc/sudoers.d", true, "the sudo rules"),
        new("/etc/xdg/autostart", true, "a desktop autostart entry"),
        new("/etc", true, "the system configuration"),
        new("/usr/local/bin", true, "a program on PATH"),
        new("/usr/local/sbin", true, "a program on PATH"),
        new("/usr/bin", true, "a program on PATH"),
        new("/usr/sbin", true, "a program on PATH"),
        new("/bin", true, "a program on PATH"),
        new("/sbin", true, "a program on PATH"),
        new("/Library/LaunchAgents", true, "a macOS launch agent"),
        new("/Library/LaunchDaemons", true, "a macOS launch daemon"),
    ];

    /// <summary>What runs from <paramref name="location"/>, if it is a persistence location, else null.</summary>
    public static string? Match(PathLocation location)
    {
        if (ByName(location.Text) is { } byName)
        {
            return byName;
        }

        if (location.Root is PathRoot.SitePackages or PathRoot.UserSitePackages or PathRoot.Scripts or PathRoot.StandardLibrary or PathRoot.Prefix)
        {
            // Directories of the interpreter itself: anything written there is imported or run by Python.
            return PythonInstallation;
        }

        if (location.Place != Place.Outside || location.ClimbsOut)
        {
            return null;
        }

        if (location.BelowHome is { } below && Find(BelowHome, below) is { } inHome)
        {
            return inHome;
        }

        if (!location.Text.StartsWith('/'))
        {
            return null;
        }

        return Find(System, location.Text) ?? (PythonDirectory().IsMatch(location.Text) ? PythonInstallation : null);
    }

    /// <summary>Names that are persistence wherever they are written: Python's start-up hooks and git's hooks and configuration.</summary>
    private static string? ByName(string text)
    {
        var name = text[(text.LastIndexOf('/') + 1)..];
        if (name is "sitecustomize.py" or "usercustomize.py")
        {
            return "a Python start-up hook run by every interpreter";
        }

        if (name.EndsWith(".pth", StringComparison.Ordinal))
        {
            return "a .pth file, whose import lines run at every interpreter start";
        }

        var git = text.StartsWith(".git/", StringComparison.Ordinal) ? 0 : text.IndexOf("/.git/", StringComparison.Ordinal) is var at and >= 0 ? at + 1 : -1;
        if (git < 0)
        {
            return null;
        }

        var inside = text[(git + ".git/".Length)..];
        return inside.StartsWith("hooks/", StringComparison.Ordinal) ? "a git hook, run by every git command that triggers it" :
            inside == "config" ? "a repository's git configuration (its hooks path, fsmonitor and aliases run commands)" : null;
    }

    private static string? Find(ImmutableArray<Entry> entries, string path)
    {
        foreach (var entry in entries)
        {
            if (path == entry.Pattern || (entry.IsDirectory && path.StartsWith(entry.Pattern + "/", StringComparison.Ordinal)))
            {
                return entry.What;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^/usr/(local/)?lib/python[0-9.]*/|/(site|dist)-packages/")]
    private static partial Regex PythonDirectory();
}
