using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;

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

    private static ImmutableArray<EndpointInfo> Load() =>
    [
        .. CatalogTables.Read("endpoints.toml").Select(entry => new EndpointInfo(
            entry.Name,
            entry.String("kind"),
            [.. entry.Strings("hosts").Select(host => host.ToLowerInvariant())],
            [.. entry.Strings("paths").Select(path => path.ToLowerInvariant())],
            entry.String("reason"))),
    ];
}
