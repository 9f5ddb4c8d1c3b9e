using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>The isolation list names exactly the layers in force, and an unsandboxed run says so.</summary>
public sealed class IsolationReportTests
{
    private static ExecutionResult RunPrint(IsolationMode mode, bool auditHook = true) =>
        Sandbox.Run("print(1)", Sandbox.Options(mode, auditHook));

    [Fact]
    public void Bubblewrap_reports_its_namespaces_filter_and_limits()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        var result = RunPrint(IsolationMode.Bubblewrap);
        result.Isolation.ShouldBeSubsetOf(Expected([
            IsolationLayers.Bubblewrap, IsolationLayers.UserNamespace, IsolationLayers.PidNamespace, IsolationLayers.NetworkNamespace,
            IsolationLayers.MountNamespace, IsolationLayers.IpcNamespace, IsolationLayers.UtsNamespace, IsolationLayers.Seccomp,
            IsolationLayers.Rlimits, IsolationLayers.AuditHook]));
        Expected([IsolationLayers.Bubblewrap, IsolationLayers.NetworkNamespace, IsolationLayers.Seccomp, IsolationLayers.Rlimits, IsolationLayers.AuditHook])
            .Except([IsolationLayers.Cgroup, IsolationLayers.UnprivilegedUser]).ShouldBeSubsetOf(result.Isolation);
        result.Isolation.ShouldNotContain(IsolationLayers.Landlock);
        result.Sandboxed.ShouldBeTrue();
        result.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Unshare_reports_its_namespaces_and_the_bootstraps_landlock_and_seccomp()
    {
        TestEnvironment.Require(IsolationMode.Unshare);
        var result = RunPrint(IsolationMode.Unshare);
        result.Isolation.ShouldContain(IsolationLayers.Unshare);
        result.Isolation.ShouldContain(IsolationLayers.PidNamespace);
        result.Isolation.ShouldContain(IsolationLayers.Landlock);
        result.Isolation.ShouldContain(IsolationLayers.Seccomp);
        result.Isolation.ShouldNotContain(IsolationLayers.Bubblewrap);
        result.Sandboxed.ShouldBeTrue();
    }

    [Fact]
    public void The_bootstrap_layer_reports_no_namespace()
    {
        TestEnvironment.Require(IsolationMode.Bootstrap);
        var result = RunPrint(IsolationMode.Bootstrap);
        result.Isolation.ShouldContain(IsolationLayers.Landlock);
        result.Isolation.ShouldContain(IsolationLayers.Seccomp);
        result.Isolation.ShouldNotContain(l => l.EndsWith("-namespace", StringComparison.Ordinal));
        result.Sandboxed.ShouldBeTrue();
    }

    [Fact]
    public void Without_an_operating_system_layer_the_run_says_it_was_unsandboxed()
    {
        TestEnvironment.Require(IsolationMode.None);
        var result = RunPrint(IsolationMode.None);
        result.Stdout.ShouldBe("1\n");
        result.Sandboxed.ShouldBeFalse();
        result.Isolation.ShouldNotContain(layer => IsolationLayers.IsOperatingSystemIsolation(layer));
        result.Isolation.ShouldContain(IsolationLayers.AuditHook);
        result.Notes.ShouldContain(n => n.StartsWith("the code ran unsandboxed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_sandbox_that_is_missing_refuses_the_run_before_any_code_runs()
    {
        TestEnvironment.Require(IsolationMode.None);
        var target = $"/tmp/pyguard-refused-{Guid.NewGuid():N}";
        var result = Sandbox.Run("import sys\nopen(sys.argv[1], 'w').write('ran')",
            Sandbox.Options(IsolationMode.None) with { RequireSandbox = true }, target);
        result.Executed.ShouldBeFalse();
        result.ExitCode.ShouldBeNull();
        result.Notes.ShouldContain(n => n.StartsWith("refused", StringComparison.Ordinal));
        File.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void A_required_sandbox_that_is_present_runs()
    {
        TestEnvironment.Require(IsolationMode.Bootstrap);
        var result = Sandbox.Run("print(1)", Sandbox.Options(IsolationMode.Bootstrap) with { RequireSandbox = true });
        result.Executed.ShouldBeTrue();
        result.Stdout.ShouldBe("1\n");
    }

    [Fact]
    public void The_audit_hook_is_reported_only_when_installed()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        RunPrint(IsolationMode.Bubblewrap, auditHook: false).Isolation.ShouldNotContain(IsolationLayers.AuditHook);
    }

    [Fact]
    public void Root_runs_report_the_user_switch_and_the_cgroup()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        if (!TestEnvironment.Host.IsRoot)
        {
            RunPrint(IsolationMode.Bubblewrap).Isolation.ShouldNotContain(IsolationLayers.UnprivilegedUser);
            return;
        }

        TestEnvironment.RequireCgroups();
        var result = Sandbox.Run("import os\nprint(os.getuid(), os.getgid())", Sandbox.Options(IsolationMode.Bubblewrap));
        result.Stdout.ShouldBe("65534 65534\n");
        result.Isolation.ShouldContain(IsolationLayers.UnprivilegedUser);
        result.Isolation.ShouldContain(IsolationLayers.Cgroup);
        Sandbox.Run("print(1)", Sandbox.Options(IsolationMode.Bubblewrap) with { UseCgroup = false }).Isolation.ShouldNotContain(IsolationLayers.Cgroup);
    }

    private static string[] Expected(string[] layers) =>
        [.. layers, .. TestEnvironment.Host.IsRoot ? new[] { IsolationLayers.UnprivilegedUser } : [],
            .. TestEnvironment.Host.CgroupsAvailable ? new[] { IsolationLayers.Cgroup } : []];
}
