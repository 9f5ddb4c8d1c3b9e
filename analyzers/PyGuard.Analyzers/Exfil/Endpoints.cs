using System.Text.RegularExpressions;
using PyGuard.Analyzers.Common;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

// PyGuard.Regex (the ReDoS library) shadows the type name inside PyGuard.Analyzers.
using Regex = System.Text.RegularExpressions.Regex;

/// <summary>Where a network call goes, as far as its text is known: a URL's parts, or a bare host.</summary>
internal readonly record struct Endpoint(string Text, string Scheme, string Host, string Path)
{
    public bool IsUrl => Scheme.Length > 0;
}

/// <summary>Reads the destinations of a network call from its endpoint argument: URLs, host names and (host, port) pairs.</summary>
internal static partial class Endpoints
{
    /// <summary>Every destination the endpoint argument may name (URLs even when only their beginning is known).</summary>
    public static IEnumerable<Endpoint> Of(SemanticModel model, Expr? argument)
    {
        if (argument is null)
        {
            yield break;
        }

        var address = argument is ExprTuple { Elts.Length: >= 1 } tuple ? tuple.Elts[0] : argument;
        foreach (var text in KnownText.Prefixes(model, address).Concat(HostsOfAddress(model.ValueOf(argument))))
        {
            if (Parse(text) is { } endpoint)
            {
                yield return endpoint;
            }
        }
    }

    /// <summary>The URLs written in a command line (<c>curl -d @- https://...</c>).</summary>
    public static IEnumerable<Endpoint> InCommand(string command)
    {
        foreach (Match match in UrlInText().Matches(command))
        {
            if (Parse(match.Value) is { } endpoint)
            {
                yield return endpoint;
            }
        }
    }

    /// <summary>A URL or host name, or null when the text is neither.</summary>
    public static Endpoint? Parse(string text)
    {
        text = text.Trim();
        var url = Url().Match(text);
        if (url.Success)
        {
            var host = url.Groups["host"].Value.Trim('[', ']');
            return host.Length == 0 ? null : new Endpoint(text, url.Groups["scheme"].Value.ToLowerInvariant(), host.ToLowerInvariant(), url.Groups["path"].Value);
        }

        return HostName().IsMatch(text) ? new Endpoint(text, string.Empty, text.ToLowerInvariant(), string.Empty) : null;
    }

    /// <summary>The host strings of a folded <c>(host, port)</c> pair.</summary>
    private static IEnumerable<string> HostsOfAddress(ValueSet value)
    {
        foreach (var item in value.Items)
        {
            switch (item)
            {
                case ConstValue { Constant: PySequence { Items: [PyStr host, ..] } }:
                    yield return host.Value;
                    break;
                case ContainerValue { Items: [var first, ..] }:
                    foreach (var host in first.Strings)
                    {
                        yield return host;
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/?#]*@)?(?<host>\[[^\]]*\]|[^:/?#]*)(?::[0-9]*)?(?<path>[^?#]*)")]
    private static partial Regex Url();

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\.?$|^[0-9a-fA-F:]+:[0-9a-fA-F:.]*$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]*://[^\s'""<>|;`]+")]
    private static partial Regex UrlInText();
}
