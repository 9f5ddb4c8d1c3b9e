using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>
/// Programs that try to reach what is not theirs: the network, other users' secrets, other processes, the
/// host's file system. Every assertion is on an effect outside the program (a connection that never
/// arrived, a file that does not exist on the host, a process that does not survive), with the audit hook
/// off so that the operating-system layer alone is tested.
/// </summary>
public sealed class ConfinementTests
{
    private const string NetworkProbe = """
        import socket, sys
        tcp_port, udp_port = int(sys.argv[1]), int(sys.argv[2])
        def attempt(name, action):
            try:
                action()
                print(name, "ok")
            except Exception as error:
                print(name, "failed", type(error).__name__)
        def tcp():
            s = socket.create_connection(("127.0.0.1", tcp_port), timeout=2)
            s.sendall(b"leak")
        def udp():
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.sendto(b"leak", ("127.0.0.1", udp_port))
        def tcp6():
            socket.create_connection(("::1", tcp_port), timeout=2)
        def dns():
            socket.getaddrinfo("example.com", 443)
        attempt("tcp", tcp)
        attempt("udp", udp)
        attempt("tcp6", tcp6)
        attempt("dns", dns)
        """;

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void Tcp_udp_and_dns_fail_and_nothing_reaches_a_listener_on_the_host(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var tcpPort = ((IPEndPoint)tcp.LocalEndpoint).Port;
        var udpPort = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;

        var result = Sandbox.Run(NetworkProbe, Sandbox.Options(mode), tcpPort.ToString(), udpPort.ToString());

        result.Stdout.ShouldContain("tcp failed");
        result.Stdout.ShouldContain("udp failed");
        result.Stdout.ShouldContain("tcp6 failed");
        result.Stdout.ShouldContain("dns failed");
        tcp.Pending().ShouldBeFalse("a connection reached the host's listener");
        udp.Available.ShouldBe(0, "a datagram reached the host");
    }

    [Fact]
    public void Control_unsandboxed_code_does_reach_the_host_listener()
    {
        // Proves the probe above detects a leak: without any layer (and without the audit hook) it connects.
        TestEnvironment.Require(IsolationMode.None);
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var result = Sandbox.Run(NetworkProbe, Sandbox.Options(IsolationMode.None),
            ((IPEndPoint)tcp.LocalEndpoint).Port.ToString(), ((IPEndPoint)udp.Client.LocalEndPoint!).Port.ToString());
        result.Stdout.ShouldContain("tcp ok");
        tcp.Pending().ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void Shadow_passwords_and_private_keys_cannot_be_read(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        using var secretDirectory = new TemporaryDirectory("pyguard-test-ssh-", TemporaryDirectory.Private);
        var key = Path.Combine(secretDirectory.Path, "id_ed25519");
        File.WriteAllText(key, "PRIVATE-KEY-MATERIAL");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh");
        const string program = """
            import os, sys
            for path in sys.argv[1:]:
                try:
                    if os.path.isdir(path):
                        names = os.listdir(path)
                        data = "".join(open(os.path.join(path, n), errors="replace").read() for n in names)
                    else:
                        data = open(path, errors="replace").read()
                    print(path, "READ", data[:40])
                except Exception as error:
                    print(path, "failed", type(error).__name__)
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode), "/etc/shadow", key, secretDirectory.Path, home);
        result.Stdout.ShouldNotContain("READ");
        result.Stdout.ShouldNotContain("PRIVATE-KEY-MATERIAL");
        result.Stdout.ShouldContain($"{key} failed");
    }

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void Other_processes_environments_stay_invisible(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var token = "pyguard-environ-secret-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("/bin/sleep", "30") { UseShellExecute = false };
        start.Environment["PYGUARD_NEIGHBOUR_SECRET"] = token;
        using var neighbour = Process.Start(start)!;
        try
        {
            const string program = """
                import glob, sys
                token = sys.argv[1].encode()
                readable = 0
                for path in glob.glob("/proc/*/environ"):
                    try:
                        data = open(path, "rb").read()
                        readable += 1
                        if token in data:
                            print("LEAK", path)
                    except OSError:
                        pass
                print("readable", readable)
                """;
            var result = Sandbox.Run(program, Sandbox.Options(mode), token);
            result.Stdout.ShouldContain("readable");
            result.Stdout.ShouldNotContain("LEAK");
        }
        finally
        {
            neighbour.Kill();
        }
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_secret_in_pyguards_environment_is_invisible_and_only_the_allowlist_passes(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        Environment.SetEnvironmentVariable("PYGUARD_TEST_API_KEY", "sk-live-0123456789");
        Environment.SetEnvironmentVariable("PYGUARD_TEST_LOCALE_HINT", "allowed-value");
        const string program = """
            import os
            print(sorted(os.environ))
            print("key" if "sk-live-0123456789" in repr(os.environ) else "no key")
            print(os.environ.get("PYGUARD_TEST_LOCALE_HINT"))
            """;
        var options = Sandbox.Options(mode) with { EnvironmentAllowlist = ["PYGUARD_TEST_LOCALE_HINT"] };
        var result = Sandbox.Run(program, options);
        result.Stdout.ShouldContain("no key");
        result.Stdout.ShouldContain("allowed-value");
        result.Stdout.ShouldNotContain("PYGUARD_TEST_API_KEY");
    }

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void Writes_outside_the_working_directory_never_reach_the_host(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var token = Guid.NewGuid().ToString("N");
        // A world-writable directory: only the sandbox, not file permissions, can keep the program out.
        using var open = new TemporaryDirectory("pyguard-test-open-", TemporaryDirectory.Open);
        string[] targets = [$"/tmp/pyguard-escape-{token}", $"/var/tmp/pyguard-escape-{token}", $"/dev/shm/pyguard-escape-{token}",
            Path.Combine(open.Path, $"escape-{token}")];
        try
        {
            const string program = """
                import sys
                for path in sys.argv[1:]:
                    try:
                        with open(path, "w") as f:
                            f.write("escaped")
                        print(path, "written (inside the sandbox's view)")
                    except OSError as error:
                        print(path, "failed", type(error).__name__)
                with open("inside.txt", "w") as f:
                    f.write("fine")
                """;
            var result = Sandbox.Run(
                ExecutionRequest.FromText(program) with { Arguments = targets, Collect = ["inside.txt"] }, Sandbox.Options(mode));
            foreach (var target in targets)
            {
                File.Exists(target).ShouldBeFalse($"{target} appeared on the host");
            }

            result.Files.Single().Content.ShouldBe("fine"u8.ToArray());
        }
        finally
        {
            foreach (var target in targets.Where(File.Exists))
            {
                File.Delete(target);
            }
        }
    }

    [Fact]
    public void Under_bubblewrap_only_the_working_directory_is_writable()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        const string program = """
            import os
            for path in ["/planted", "/dev/shm/planted", "/usr/lib/planted", "/proc/planted", "/work/planted", "/tmp/planted"]:
                try:
                    open(path, "w").close()
                    print(path, "writable")
                except OSError:
                    print(path, "read-only")
            print(sorted(os.listdir("/")))
            """;
        var result = Sandbox.Run(program, Sandbox.Options(IsolationMode.Bubblewrap));
        result.Stdout.ShouldContain("/planted read-only");
        result.Stdout.ShouldContain("/dev/shm/planted read-only");
        result.Stdout.ShouldContain("/usr/lib/planted read-only");
        result.Stdout.ShouldContain("/work/planted writable");
        result.Stdout.ShouldContain("/tmp/planted writable");
        result.Stdout.ShouldNotContain("'home'");
    }

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void A_detached_grandchild_does_not_survive_the_run(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var marker = Sandbox.Marker();
        const string program = """
            import subprocess, sys
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", sys.argv[1]],
                                     start_new_session=True)
            print("spawned", child.pid)
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode) with { UseCgroup = false }, marker);
        if (mode == IsolationMode.Bootstrap)
        {
            // Without a user namespace no process limit exists, so creating a process at all kills the program.
            result.StoppedBy.ShouldBe(StopReason.Processes);
        }
        else
        {
            result.Stdout.ShouldStartWith("spawned");
            result.StoppedBy.ShouldBeNull();
        }

        ProcessScan.SurvivorsAfterTeardown(marker).ShouldBeEmpty();
    }
}
