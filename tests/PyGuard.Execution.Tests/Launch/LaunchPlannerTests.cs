using PyGuard.Execution.Host;
using PyGuard.Execution.Interpreters;
using PyGuard.Execution.Launch;
using PyGuard.Execution.Seccomp;
using PyGuard.Execution.Tests.Support;
using PyGuard.Execution.Workspace;
using Shouldly;

namespace PyGuard.Execution.Tests.Launch;

/// <summary>The command lines each layer builds, checked without running them (the battery runs them).</summary>
public sealed class LaunchPlannerTests : IDisposable
{
    private readonly RunDirectory _run;
    private readonly string _prefix;

    public LaunchPlannerTests()
    {
        TestEnvironment.RequireLinux();
        _run = RunDirectory.Create(null, null);
        _prefix = Directory.CreateTempSubdirectory("pyguard-test-prefix-").FullName;
        Directory.CreateDirectory(Path.Combine(_prefix, "lib/python3.12"));
        Directory.CreateDirectory(Path.Combine(_prefix, "bin"));
        File.WriteAllText(Path.Combine(_prefix, "bin/python3.12"), "");
    }

    private PythonInterpreter Python => new(
        Path.Combine(_prefix, "bin/python3.12"), _prefix, new Version(3, 12, 1), HasCtypes: true,
        [Path.Combine(_prefix, "bin/python3.12"), Path.Combine(_prefix, "lib/python3.12")]);

    private static HostCapabilities Host(bool root) => new()
    {
        IsRoot = root,
        Bubblewrap = "/usr/bin/bwrap",
        BubblewrapDisablesUserNamespaces = true,
        Unshare = "/usr/bin/unshare",
        Setpriv = "/usr/bin/setpriv",
        RootMountNamespaceTool = root ? "/usr/bin/bwrap" : null,
        LandlockAbi = 6,
        Seccomp = true,
    };

    /// <summary>A sandbox user that owns nothing here, whoever runs the tests.</summary>
    private const int SandboxUser = 54321;

    private LaunchPlan Plan(IsolationMode mode, bool root = false, bool network = false) =>
        LaunchPlanner.Plan(
            Sandbox.Options(mode) with { AllowNetwork = network, AuditHook = true, SandboxUserId = SandboxUser, SandboxGroupId = SandboxUser },
            ExecutionRequest.FromText("print(1)", "job.py") with { Arguments = ["--flag"] },
            Host(root), Python, _run);

    private static int IndexOf(LaunchPlan plan, params string[] sequence)
    {
        for (var i = 0; i + sequence.Length <= plan.Command.Count; i++)
        {
            if (sequence.Select((s, j) => plan.Command[i + j] == s).All(x => x))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Setting(LaunchPlan plan, string key) =>
        plan.Command.SingleOrDefault(a => a.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..]
            ?? throw new ShouldAssertException($"no bootstrap setting {key}");

    [Fact]
    public void Bubblewrap_unshares_everything_sizes_its_tmpfs_and_loads_the_filter()
    {
        var plan = Plan(IsolationMode.Bubblewrap);
        plan.Command[0].ShouldBe("/usr/bin/bwrap");
        foreach (var flag in new[] { "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--clearenv" })
        {
            plan.Command.ShouldContain(flag);
        }

        IndexOf(plan, "--size", (32L << 20).ToString(), "--tmpfs", "/work").ShouldBeGreaterThan(0);
        IndexOf(plan, "--seccomp", "4").ShouldBeGreaterThan(0);
        IndexOf(plan, "--remount-ro", "/").ShouldBeGreaterThan(IndexOf(plan, "--tmpfs", "/work"));
        plan.Command.ShouldNotContain("--share-net");
        plan.BubblewrapSeccomp.ShouldNotBeNull();
        plan.WorkDirectoryInSandbox.ShouldBeTrue();
        plan.Layers.ShouldContain(IsolationLayers.NetworkNamespace);
        plan.Layers.ShouldNotContain(IsolationLayers.UnprivilegedUser);
    }

    [Fact]
    public void Bubblewrap_shows_only_the_interpreter_and_system_libraries()
    {
        var plan = Plan(IsolationMode.Bubblewrap);
        var bound = plan.Command.Select((a, i) => (a, i)).Where(x => x.a == "--ro-bind").Select(x => plan.Command[x.i + 2]).ToList();
        bound.ShouldContain(Path.Combine(_prefix, "lib/python3.12"));
        bound.ShouldNotContain("/");
        bound.ShouldNotContain("/etc");
        bound.ShouldNotContain("/home");
        bound.ShouldNotContain("/usr");
        bound.ShouldAllBe(p => p.StartsWith("/usr/lib") || p.StartsWith("/lib") || p.StartsWith(_prefix) || p.StartsWith("/etc/l") ||
            p.StartsWith("/usr/share/zoneinfo") || p == BubblewrapStage.InputDirectory || p == BubblewrapStage.BootstrapFile);
    }

    [Fact]
    public void The_bootstrap_sets_the_process_limit_inside_the_user_namespace_with_one_spare()
    {
        var plan = Plan(IsolationMode.Bubblewrap);
        Setting(plan, "rlimit.nproc").ShouldBe("10:10"); // 8 for the program, 1 for the namespace's reaper, 1 spare
        Setting(plan, "rlimit.cpu").ShouldBe("10:11");
        Setting(plan, "rlimit.core").ShouldBe("0:0");
        Setting(plan, "workdir").ShouldBe("/work");
        plan.Command.TakeLast(3).ShouldBe(["--", "job.py", "--flag"]);
    }

    [Fact]
    public void As_root_the_program_is_handed_to_an_unprivileged_user_without_capabilities_first()
    {
        var plan = Plan(IsolationMode.Bubblewrap, root: true);
        var setpriv = plan.Command.ToList().IndexOf("/usr/bin/setpriv");
        var bubblewrap = plan.Command.ToList().LastIndexOf("/usr/bin/bwrap");
        setpriv.ShouldBeGreaterThanOrEqualTo(0);
        setpriv.ShouldBeLessThan(bubblewrap);
        plan.Command.ShouldContain($"--reuid={SandboxUser}");
        plan.Command.ShouldContain("--bounding-set=-all");
        plan.Command.ShouldContain("--inh-caps=-all");
        plan.Command.ShouldContain("--no-new-privs");
        plan.Command.ShouldContain("--pdeathsig=KILL");
        plan.Layers.ShouldContain(IsolationLayers.UnprivilegedUser);
    }

    [Fact]
    public void As_root_an_interpreter_out_of_the_sandbox_users_reach_is_shown_at_its_own_path_in_a_private_mount()
    {
        // The prefix is a 0700 temporary directory: the sandbox user cannot enter it, so it is the directory hidden.
        foreach (var mode in new[] { IsolationMode.Bubblewrap, IsolationMode.Unshare, IsolationMode.Bootstrap })
        {
            var plan = Plan(mode, root: true);
            plan.Command.Take(13).ShouldBe(
                ["/usr/bin/bwrap", "--dev-bind", "/", "/", "--perms", "0755", "--tmpfs", _prefix, "--ro-bind", _prefix, _prefix, "--die-with-parent", "--"]);
            plan.Command.ShouldContain(Python.Executable);
        }
    }

    [Fact]
    public void The_directories_between_the_hidden_one_and_the_prefix_are_opened_for_the_sandbox_user()
    {
        var arguments = InterpreterExposure.Arguments("/usr/bin/bwrap", "/root", "/root/.pyenv/versions/3.12.1");
        arguments.ShouldBe([
            "/usr/bin/bwrap", "--dev-bind", "/", "/", "--perms", "0755", "--tmpfs", "/root",
            "--ro-bind", "/root/.pyenv/versions/3.12.1", "/root/.pyenv/versions/3.12.1",
            "--chmod", "0755", "/root/.pyenv", "--chmod", "0755", "/root/.pyenv/versions", "--die-with-parent", "--"]);
    }

    [Fact]
    public void A_reachable_interpreter_needs_no_private_mount()
    {
        File.SetUnixFileMode(_prefix, (UnixFileMode)0x1ED); // 0755
        Plan(IsolationMode.Bubblewrap, root: true).Command[0].ShouldBe("/usr/bin/setpriv");
    }

    [Fact]
    public void Allowing_the_network_shares_it_and_lifts_the_socket_filter()
    {
        var plan = Plan(IsolationMode.Bubblewrap, network: true);
        plan.Command.ShouldContain("--share-net");
        plan.Layers.ShouldNotContain(IsolationLayers.NetworkNamespace);
        Setting(plan, "network").ShouldBe("1");
    }

    [Fact]
    public void Unshare_adds_landlock_and_seccomp_through_the_bootstrap_and_reaps_as_process_one()
    {
        var plan = Plan(IsolationMode.Unshare);
        plan.Command.Take(4).ShouldBe(["/usr/bin/setpriv", "--no-new-privs", "--pdeathsig=KILL", "--"]); // dies with PyGuard
        plan.Command[4].ShouldBe("/usr/bin/unshare");
        foreach (var flag in new[] { "--user", "--pid", "--net", "--mount", "--ipc", "--uts", "--fork", "--mount-proc", "--kill-child" })
        {
            plan.Command.ShouldContain(flag);
        }

        Setting(plan, "init").ShouldBe("1");
        Setting(plan, "landlock.write").Split('\x1f').ShouldContain(_run.Work);
        Setting(plan, "landlock.read").Split('\x1f').ShouldContain(_run.Bootstrap);
        Setting(plan, "seccomp").ShouldNotBeEmpty();
        plan.ProcessCreationKills.ShouldBeFalse();
        plan.WorkDirectoryInSandbox.ShouldBeFalse();
    }

    [Fact]
    public void Bootstrap_mode_runs_python_directly_and_its_filter_kills_on_process_creation()
    {
        var plan = Plan(IsolationMode.Bootstrap);
        plan.Command[4].ShouldBe(Python.Executable);
        plan.ProcessCreationKills.ShouldBeTrue();
        var program = Convert.FromHexString(Setting(plan, "seccomp"));
        var instructions = Enumerable.Range(0, program.Length / 8)
            .Select(i => new BpfInstruction(BitConverter.ToUInt16(program, i * 8), program[(i * 8) + 2], program[(i * 8) + 3], BitConverter.ToUInt32(program, (i * 8) + 4)))
            .ToArray();
        BpfInterpreter.Run([.. instructions], SyscallTable.X8664.AuditArch, 57 /* fork */).ShouldBe(SeccompFilter.ReturnKillProcess);
        plan.Command.ShouldNotContain(a => a.StartsWith("rlimit.nproc", StringComparison.Ordinal));
    }

    [Fact]
    public void None_mode_has_no_confinement_of_its_own()
    {
        var plan = Plan(IsolationMode.None);
        plan.Command[4].ShouldBe(Python.Executable);
        plan.Command.ShouldNotContain(a => a.StartsWith("landlock", StringComparison.Ordinal) || a.StartsWith("seccomp", StringComparison.Ordinal));
        plan.Layers.ShouldBeEmpty();
    }

    [Fact]
    public void The_environment_is_built_from_nothing_but_the_allowlist()
    {
        Environment.SetEnvironmentVariable("PYGUARD_PLANNER_TEST_SECRET", "s3cret");
        Environment.SetEnvironmentVariable("PYGUARD_PLANNER_TEST_ALLOWED", "visible");
        var plan = LaunchPlanner.Plan(
            Sandbox.Options(IsolationMode.None) with { EnvironmentAllowlist = ["PYGUARD_PLANNER_TEST_ALLOWED"] },
            ExecutionRequest.FromText("pass"), Host(false), Python, _run);
        plan.Environment.ShouldContain("PYGUARD_PLANNER_TEST_ALLOWED=visible");
        plan.Environment.ShouldNotContain(e => e.Contains("s3cret"));
        plan.Environment.ShouldContain($"HOME={_run.Work}");
    }

    [Fact]
    public void A_forced_mode_the_machine_lacks_is_an_error_not_a_silent_downgrade()
    {
        var host = Host(false) with { Bubblewrap = null, Problems = ["bubblewrap is not installed"] };
        var error = Should.Throw<ExecutionSetupException>(() => LaunchPlanner.ChooseMode(Sandbox.Options(IsolationMode.Bubblewrap), host, Python));
        error.Message.ShouldContain("bubblewrap is not installed");
        LaunchPlanner.ChooseMode(Sandbox.Options(IsolationMode.Auto), host, Python).ShouldBe(IsolationMode.Unshare);
        LaunchPlanner.ChooseMode(Sandbox.Options(IsolationMode.Auto), host with { Unshare = null }, Python).ShouldBe(IsolationMode.Bootstrap);
        LaunchPlanner.ChooseMode(Sandbox.Options(IsolationMode.Auto), host with { Unshare = null, LandlockAbi = 0, Seccomp = false }, Python)
            .ShouldBe(IsolationMode.None);
    }

    public void Dispose()
    {
        _run.Dispose();
        Directory.Delete(_prefix, recursive: true);
    }
}
