using System.Globalization;

namespace PyGuard.Execution.Bootstrap;

/// <summary>
/// The interpreter command line that runs the user's script through bootstrap.py: <c>python -I -B -u -c
/// LOADER key=value ... -- SCRIPT ARGS</c>, where the loader runs the compiled bootstrap. Isolated mode ignores PYTHON* variables and the user site
/// directory; -B keeps __pycache__ out of the working directory; -u makes output reach the executor as it is
/// written, so a program stopped at a limit still shows what it printed.
/// </summary>
internal sealed class BootstrapCommand
{
    /// <summary>Separates list items inside one value; paths containing it are refused.</summary>
    public const char ListSeparator = '\x1f';

    private static readonly Lazy<string> EmbeddedSource = new(LoadSource);

    private readonly List<string> _settings = [];

    public BootstrapCommand Set(string key, string value)
    {
        if (value.Contains(ListSeparator) || value.Contains('\0'))
        {
            throw new ExecutionSetupException($"bootstrap setting {key} contains a control character");
        }

        _settings.Add($"{key}={value}");
        return this;
    }

    public BootstrapCommand Set(string key, long value) => Set(key, value.ToString(CultureInfo.InvariantCulture));

    public BootstrapCommand SetList(string key, IEnumerable<string> values)
    {
        var items = values.ToList();
        if (items.Any(v => v.Contains(ListSeparator) || v.Contains('\0')))
        {
            throw new ExecutionSetupException($"a path for bootstrap setting {key} contains a control character");
        }

        _settings.Add($"{key}={string.Join(ListSeparator, items)}");
        return this;
    }

    public BootstrapCommand SetLimit(string name, long soft, long hard) =>
        Set($"rlimit.{name}", $"{soft.ToString(CultureInfo.InvariantCulture)}:{hard.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The source of bootstrap.py.</summary>
    public static string Source => EmbeddedSource.Value;

    /// <summary>
    /// The interpreter's arguments (after argv[0]) for running <paramref name="script"/>, the compiled bootstrap
    /// being readable at <paramref name="compiledBootstrap"/> inside the sandbox.
    /// </summary>
    public IReadOnlyList<string> Arguments(string compiledBootstrap, string script, IReadOnlyList<string> scriptArguments)
    {
        var arguments = new List<string> { "-I", "-B", "-u", "-c", CompiledBootstrap.Loader(compiledBootstrap) };
        arguments.AddRange(_settings);
        arguments.Add("--");
        arguments.Add(script);
        arguments.AddRange(scriptArguments);
        return arguments;
    }

    private static string LoadSource()
    {
        using var stream = typeof(BootstrapCommand).Assembly.GetManifestResourceStream("PyGuard.Execution.bootstrap.py")
            ?? throw new InvalidOperationException("the bootstrap script is not embedded in PyGuard.Execution");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
