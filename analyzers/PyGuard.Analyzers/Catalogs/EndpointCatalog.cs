using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Tomlyn;
using Tomlyn.Model;

namespace PyGuard.Analyzers.Catalogs;

/// <summary>One kind of shady endpoint: an entry of rules/catalog/endpoints.toml.</summary>
public sealed record EndpointInfo(string Name, string Kind, ImmutableArray<string> Hosts, ImmutableArray<string> Paths, string Reason);

/// <summary>
/// The endpoints PG604 reports: webhooks and bot APIs, paste and file-drop sites, request catchers,
/// tunnels, .onion services, dynamic DNS and cloud metadata (from rules/catalog/endpoints.toml), and
/// URLs whose host is a bare IP address.
/// </summary>
public static class EndpointCatalog
{
    private static readonly Lazy<ImmutableArray<EndpointInfo>> Entries = new(Load);

    public static IEnumerable<EndpointInfo> All => Entries.Value;

    /// <summary>The catalogue entry a host and path match, or null.</summary>
    public static EndpointInfo? Find(string host, string path)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        foreach (var entry in Entries.Value)
        {
            var hostMatches = entry.Hosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
            if (hostMatches && (entry.Paths.IsEmpty || entry.Paths.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="host"/> is a literal IP address other than the machine's own (loopback, unspecified).</summary>
    public static bool IsRemoteIpLiteral(string host)
    {
        var text = host.Trim('[', ']');
        if (!IPAddress.TryParse(text, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
        {
            return false;
        }

        return !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
    }

    private static ImmutableArray<EndpointInfo> Load()
    {
        var table = TomlSerializer.Deserialize<TomlTable>(CatalogResources.Read("endpoints.toml"))
            ?? throw new InvalidOperationException("endpoints.toml is empty");
        var result = ImmutableArray.CreateBuilder<EndpointInfo>();
        foreach (var (name, value) in table)
        {
            if (value is not TomlTable entry)
            {
                throw new InvalidOperationException($"endpoints.toml: [{name}] is not a table");
            }

            result.Add(new EndpointInfo(name, (string)entry["kind"]!, Strings(entry, "hosts", name), Strings(entry, "paths", name), (string)entry["reason"]!));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> Strings(TomlTable entry, string key, string name)
    {
        if (!entry.TryGetValue(key, out var value))
        {
            return [];
        }

        return value is TomlArray array
            ? [.. array.Select(item => (item as string ?? throw new InvalidOperationException($"endpoints.toml: [{name}] {key} holds a non-string")).ToLowerInvariant())]
            : throw new InvalidOperationException($"endpoints.toml: [{name}] {key} is not a list");
    }
}
