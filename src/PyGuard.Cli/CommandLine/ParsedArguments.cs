namespace PyGuard.Cli.CommandLine;

/// <summary>
/// The options and operands of one command line, read against the options the command declares. A
/// declared option takes a value (<c>--format json</c> or <c>--format=json</c>) or is a flag; anything
/// else that starts with <c>-</c> (except <c>-</c> itself, standard input) is an unknown option.
/// </summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Operands { get; }

    private ParsedArguments(List<string> operands) => Operands = operands;

    public static ParsedArguments Parse(
        IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var operands = new List<string>();
        var result = new ParsedArguments(operands);
        var onlyOperands = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyOperands || arg == "-" || !arg.StartsWith('-'))
            {
                operands.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyOperands = true;
                continue;
            }

            var name = arg;
            string? inlineValue = null;
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            if (valueOptions.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option {name} needs a value"));
                if (!result._values.TryAdd(name, value))
                {
                    throw new UsageException($"option {name} given twice");
                }
            }
            else if (flagOptions.Contains(name) && inlineValue is null)
            {
                result._flags.Add(name);
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'");
            }
        }

        return result;
    }

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public bool Flag(string option) => _flags.Contains(option);
}
