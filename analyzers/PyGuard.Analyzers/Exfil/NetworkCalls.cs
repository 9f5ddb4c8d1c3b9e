using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>What a network call does with its arguments.</summary>
internal enum NetworkRole
{
    /// <summary>Sends a request or data (an HTTP method, <c>sendall</c>, <c>sendmail</c>, <c>storbinary</c>).</summary>
    Send,

    /// <summary>Prepares a connection or request without sending yet (<c>urllib.request.Request</c>, <c>HTTPConnection</c>).</summary>
    Prepare,

    /// <summary>Uploads a local file given by its path (<c>SFTPClient.put</c>).</summary>
    UploadFile,

    /// <summary>Resolves a host name: the name itself travels to DNS servers (<c>gethostbyname</c>, dnspython).</summary>
    Resolve,
}

/// <summary>A call that talks to the network, with the argument naming where to and the file it uploads.</summary>
internal sealed record NetworkCall(string Function, NetworkRole Role, Expr? Endpoint, Expr? UploadedPath)
{
    /// <summary>Whether the call itself reaches the network (rather than preparing a request sent later).</summary>
    public bool UsesNetwork => Role != NetworkRole.Prepare;
}

/// <summary>
/// The network clients the exfiltration rules know: HTTP (requests, httpx, aiohttp, urllib.request,
/// http.client, urllib3), sockets, DNS (socket and dnspython), mail, FTP, telnet, SSH/SFTP (paramiko),
/// websockets, XML-RPC and the web browser. Methods of client objects are named by their type
/// (<c>requests.Session.post</c>, <c>socket.socket.sendall</c>), as the semantic model resolves them.
/// </summary>
internal static class NetworkCalls
{
    private readonly record struct Shape(NetworkRole Role, int Position, string? Keyword, int UploadPosition = -1);

    private static readonly FrozenDictionary<string, Shape> Table = Build();

    /// <summary>
    /// For the last part of every name in the table, the packages a receiver's object must come from for its
    /// method of that name to be in the table (null: any). A method called on an object the model cannot type
    /// is looked up only if it has one of these names and the file holds an object of its packages: otherwise
    /// it cannot be a table method, and the data flow is not asked (building its graph is the costly part of
    /// a scan that has no taint to track). Kept per name because the names are common (<c>get</c>,
    /// <c>open</c>, <c>write</c>) and each belongs to few packages.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>?> MemberOwners = Table.Keys
        .GroupBy(name => name[(name.LastIndexOf('.') + 1)..], StringComparer.Ordinal)
        .ToFrozenDictionary(names => names.Key, PyGuard.Semantics.Knowledge.QualifiedNames.OwnerPackagesReaching, StringComparer.Ordinal);

    /// <summary>What <paramref name="call"/> sends where, if it is a network call.</summary>
    /// <remarks>Five rules ask this of every call in turn; the model keeps the answer for the call.</remarks>
    public static NetworkCall? Find(SemanticModel model, ExprCall call) => model.LastCallAnswer(call, FindFunction);

    private static readonly Func<SemanticModel, ExprCall, NetworkCall?> FindFunction = Compute;

    private static NetworkCall? Compute(SemanticModel model, ExprCall call)
    {
        var found = Find(model.CalleeNames(call), call);
        if (found is null && model.CalleeNames(call).Length == 0 && call.Func is ExprAttribute { Value: ExprName or ExprAttribute } method &&
            MemberOwners.TryGetValue(method.Attr, out var owners) && (owners is null || model.MayHoldObjectFrom(owners)))
        {
            // A client passed in as a parameter or kept in a member by another method: the data flow knows its type.
            found = Find(model.DataFlow.CalleeNames(call), call);
        }

        return found;
    }

    private static NetworkCall? Find(ImmutableArray<string> names, ExprCall call)
    {
        foreach (var name in names)
        {
            if (Table.TryGetValue(name, out var shape))
            {
                var endpoint = shape.Position < 0 ? null : call.Argument(shape.Position, shape.Keyword);
                var uploaded = shape.UploadPosition < 0 ? null : call.Argument(shape.UploadPosition, "localpath");
                return new NetworkCall(name, shape.Role, endpoint, uploaded);
            }
        }

        return null;
    }

    /// <summary>Every argument of a call, positional and keyword, unpacked ones included.</summary>
    public static IEnumerable<Expr> Arguments(ExprCall call) =>
        call.Args.Select(a => a is ExprStarred s ? s.Value : a).Concat(call.Keywords.Select(k => k.Value));

    private static FrozenDictionary<string, Shape> Build()
    {
        var table = new Dictionary<string, Shape>(StringComparer.Ordinal);

        void Add(NetworkRole role, int position, string? keyword, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = new Shape(role, position, keyword);
            }
        }

        string[] Methods(string owner, params string[] methods) => [.. methods.Select(m => owner + "." + m)];

        string[] httpVerbs = ["get", "post", "put", "patch", "delete", "head", "options"];
        foreach (var client in (string[])["requests", "requests.api", "requests.Session", "requests.sessions.Session", "httpx", "httpx.Client", "aiohttp.ClientSession"])
        {
            Add(NetworkRole.Send, 0, "url", Methods(client, httpVerbs));
            Add(NetworkRole.Send, 1, "url", Methods(client, "request", "stream"));
        }

        Add(NetworkRole.Send, 0, "url", "aiohttp.ClientSession.ws_connect", "urllib.request.urlopen", "urllib.request.urlretrieve",
            "urllib.request.OpenerDirector.open", "websocket.create_connection", "websockets.connect", "websockets.client.connect",
            "webbrowser.open", "webbrowser.open_new", "webbrowser.open_new_tab", "webbrowser.get.open", "webbrowser.get.open_new_tab");
        Add(NetworkRole.Send, 1, "url", "aiohttp.request", "urllib3.request", "urllib3.PoolManager.request", "urllib3.PoolManager.urlopen",
            "urllib3.PoolManager.request_encode_body", "urllib3.PoolManager.request_encode_url", "http.client.HTTPConnection.request",
            "http.client.HTTPConnection.putrequest");
        Add(NetworkRole.Send, -1, null, "http.client.HTTPConnection.send", "http.client.HTTPConnection.putheader",
            "http.client.HTTPConnection.endheaders", "socket.socket.send", "socket.socket.sendall", "socket.socket.sendmsg",
            "socket.socket.sendfile", "smtplib.SMTP.sendmail", "smtplib.SMTP.send_message", "smtplib.SMTP.login",
            "ftplib.FTP.login", "ftplib.FTP.storbinary", "ftplib.FTP.storlines", "ftplib.FTP.sendcmd", "telnetlib.Telnet.write",
            "paramiko.SSHClient.exec_command", "paramiko.SFTPClient.putfo", "websocket.WebSocket.send",
            "asyncio.StreamWriter.write");
        Add(NetworkRole.Send, 0, "address", "socket.socket.connect", "socket.socket.connect_ex", "socket.create_connection");
        Add(NetworkRole.Send, 1, "address", "socket.socket.sendto");
        Add(NetworkRole.Send, 0, "host", "smtplib.SMTP.connect", "ftplib.FTP.connect", "telnetlib.Telnet.open", "asyncio.open_connection");
        Add(NetworkRole.Send, 0, "hostname", "paramiko.SSHClient.connect");
        Add(NetworkRole.Send, 0, "uri", "xmlrpc.client.ServerProxy");
        Add(NetworkRole.Prepare, 0, "url", "urllib.request.Request");
        Add(NetworkRole.Prepare, 0, "host", "http.client.HTTPConnection", "http.client.HTTPSConnection");
        Add(NetworkRole.Send, 0, "host", "smtplib.SMTP", "smtplib.SMTP_SSL", "ftplib.FTP", "ftplib.FTP_TLS", "telnetlib.Telnet");
        Add(NetworkRole.Resolve, 0, "hostname", "socket.gethostbyname", "socket.gethostbyname_ex");
        Add(NetworkRole.Resolve, 0, "host", "socket.getaddrinfo");
        Add(NetworkRole.Resolve, 0, "qname", "dns.resolver.resolve", "dns.resolver.query", "dns.resolver.Resolver.resolve",
            "dns.resolver.Resolver.query", "dns.message.make_query");
        foreach (var name in (string[])["paramiko.SFTPClient.put", "scp.SCPClient.put"])
        {
            table[name] = new Shape(NetworkRole.UploadFile, 1, "remotepath", UploadPosition: 0);
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
