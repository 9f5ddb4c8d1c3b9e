using System.Collections.Frozen;

namespace PyGuard.Semantics.Knowledge;

/// <summary>
/// What calling a well-known factory returns, so that methods of the result have stable names:
/// <c>socket.socket().connect</c> is <c>socket.socket.connect</c>, <c>re.compile(p).match</c> is
/// <c>re.Pattern.match</c>. A call of anything else is named after the callee.
/// </summary>
public static class ReturnTypes
{
    private static readonly FrozenDictionary<string, string> Table = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["re.compile"] = "re.Pattern",
        ["regex.compile"] = "re.Pattern",
        ["re.match"] = "re.Match",
        ["re.search"] = "re.Match",
        ["re.fullmatch"] = "re.Match",
        ["socket.create_connection"] = "socket.socket",
        ["socket.socketpair"] = "socket.socket",
        ["socket.fromfd"] = "socket.socket",
        ["ssl.wrap_socket"] = "socket.socket",
        ["ssl.SSLContext.wrap_socket"] = "socket.socket",
        ["builtins.open"] = "io.IOBase",
        ["os.fdopen"] = "io.IOBase",
        ["gzip.open"] = "io.IOBase",
        ["bz2.open"] = "io.IOBase",
        ["lzma.open"] = "io.IOBase",
        ["tempfile.NamedTemporaryFile"] = "io.IOBase",
        ["tempfile.TemporaryFile"] = "io.IOBase",
        ["pathlib.Path.open"] = "io.IOBase",
        ["pathlib.Path.home"] = "pathlib.Path",
        ["pathlib.Path.cwd"] = "pathlib.Path",
        ["pathlib.PosixPath"] = "pathlib.Path",
        ["pathlib.PurePath"] = "pathlib.Path",
        ["pathlib.PurePosixPath"] = "pathlib.Path",
        ["pathlib.Path.resolve"] = "pathlib.Path",
        ["pathlib.Path.expanduser"] = "pathlib.Path",
        ["pathlib.Path.joinpath"] = "pathlib.Path",
        ["pathlib.Path.absolute"] = "pathlib.Path",
        ["pathlib.Path.with_name"] = "pathlib.Path",
        ["pathlib.Path.with_suffix"] = "pathlib.Path",
        ["pathlib.Path.parent"] = "pathlib.Path",
        ["requests.session"] = "requests.Session",
        ["httpx.AsyncClient"] = "httpx.Client",
        ["urllib.request.build_opener"] = "urllib.request.OpenerDirector",
        ["http.client.HTTPSConnection"] = "http.client.HTTPConnection",
        ["smtplib.SMTP_SSL"] = "smtplib.SMTP",
        ["ftplib.FTP_TLS"] = "ftplib.FTP",
        ["paramiko.client.SSHClient"] = "paramiko.SSHClient",
        ["paramiko.SSHClient.open_sftp"] = "paramiko.SFTPClient",
        ["paramiko.SFTPClient.from_transport"] = "paramiko.SFTPClient",
        ["aiohttp.client.ClientSession"] = "aiohttp.ClientSession",
        ["urllib3.poolmanager.PoolManager"] = "urllib3.PoolManager",
        ["subprocess.run"] = "subprocess.CompletedProcess",
        ["asyncio.create_subprocess_exec"] = "asyncio.subprocess.Process",
        ["asyncio.create_subprocess_shell"] = "asyncio.subprocess.Process",
        ["multiprocessing.Pool"] = "multiprocessing.pool.Pool",
        ["multiprocessing.pool.ThreadPool"] = "multiprocessing.pool.Pool",
        ["dns.resolver.Resolver"] = "dns.resolver.Resolver",
        ["builtins.compile"] = "types.CodeType",
        ["types.CodeType.replace"] = "types.CodeType",
        ["string.Formatter"] = "string.Formatter",
        ["decimal.getcontext"] = "decimal.Context",
        ["decimal.localcontext"] = "decimal.Context",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The type of the object a call of <paramref name="callee"/> returns.</summary>
    public static string Of(string callee) => Table.GetValueOrDefault(callee, callee);
}
