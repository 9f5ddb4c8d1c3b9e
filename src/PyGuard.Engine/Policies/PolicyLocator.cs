namespace PyGuard.Engine.Policies;

/// <summary>
/// Finds the policy file that governs a path, as Ruff finds its configuration: in the path's directory
/// and then each parent, the first <c>pyguard.toml</c>, or <c>pyproject.toml</c> with a
/// <c>[tool.pyguard]</c> table, wins. Only for scanning one's own repository: the execution gate never
/// reads a policy it was not given, because the code under scan could have written one beside itself.
/// </summary>
public static class PolicyLocator
{
    public static string? Find(string path)
    {
        var directory = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path));
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            var pyguard = Path.Combine(current, "pyguard.toml");
            if (File.Exists(pyguard))
            {
                return pyguard;
            }

            var pyproject = Path.Combine(current, "pyproject.toml");
            if (File.Exists(pyproject) && HasPyGuardTable(pyproject))
            {
                return pyproject;
            }
        }

        return null;
    }

    private static bool HasPyGuardTable(string path)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("[tool.pyguard", StringComparison.Ordinal) || trimmed.StartsWith("tool.pyguard.", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }
}
