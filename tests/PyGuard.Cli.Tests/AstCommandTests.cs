using System.Diagnostics;
using System.Text;

namespace PyGuard.Cli.Tests;

/// <summary><c>pyguard ast</c>: output, exit codes and error lines, in process and as a real process.</summary>
public sealed class AstCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pyguard-ast-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Prints_the_tree_as_ast_dump_does()
    {
        var path = Write("x = f(1, *a, k=2)\n");
        var (exit, stdout, stderr) = Run(["ast", path]);
        exit.ShouldBe(0);
        stderr.ShouldBeEmpty();
        stdout.ShouldBe(
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Call(func=Name(id='f', ctx=Load()), "
            + "args=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=2))]))])\n");
    }

    [Fact]
    public void Positions_count_utf8_bytes()
    {
        var (exit, stdout, _) = Run(["ast", "--positions", Write("'é' + x")]);
        exit.ShouldBe(0);
        stdout.ShouldContain("right=Name(id='x', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8)");
    }

    [Fact]
    public void Reads_standard_input_for_a_dash()
    {
        var (exit, stdout, _) = Run(["ast", "-"], "pass\n");
        exit.ShouldBe(0);
        stdout.ShouldBe("Module(body=[Pass()])\n");
    }

    [Fact]
    public void A_syntax_error_is_one_line_with_path_line_and_column_and_exit_code_1()
    {
        var path = Write("if x:\n    y = (1,\n");
        var (exit, stdout, stderr) = Run(["ast", path]);
        exit.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe($"{path}:2:9: SyntaxError: '(' was never closed\n");
    }

    [Fact]
    public void Standard_input_errors_name_stdin()
    {
        var (exit, _, stderr) = Run(["ast", "-"], "\tif x:\n");
        exit.ShouldBe(1);
        stderr.ShouldBe("<stdin>:1:1: IndentationError: unexpected indent\n");
    }

    [Fact]
    public void Undecodable_source_is_a_syntax_error()
    {
        var path = Path.Combine(_directory, "bad.py");
        File.WriteAllBytes(path, [(byte)'#', (byte)' ', (byte)'c', (byte)'o', (byte)'d', (byte)'i', (byte)'n', (byte)'g', (byte)':', (byte)' ', (byte)'x', (byte)'y', (byte)'z', (byte)'\n']);
        var (exit, _, stderr) = Run(["ast", path]);
        exit.ShouldBe(1);
        stderr.ShouldBe($"{path}:1:1: SyntaxError: unknown encoding: xyz\n");
    }

    [Fact]
    public void A_tree_as_deep_as_CPython_allows_is_printed()
    {
        var (exit, stdout, stderr) = Run(["ast", Write(new StringBuilder().Insert(0, "1+", 9000).Append('1').ToString())]);
        stderr.ShouldBeEmpty();
        exit.ShouldBe(0);
        stdout.ShouldStartWith("Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(");
    }

    [Fact]
    public void Deeper_trees_get_CPythons_recursion_error()
    {
        var (exit, _, stderr) = Run(["ast", Write(new StringBuilder().Insert(0, "1+", 100_000).Append('1').ToString())]);
        exit.ShouldBe(1);
        stderr.ShouldEndWith(": RecursionError: maximum recursion depth exceeded during ast construction\n");
    }

    [Theory]
    [InlineData(new[] { "ast" }, "pyguard: error: ast takes exactly one FILE, or - for standard input")]
    [InlineData(new[] { "ast", "a.py", "b.py" }, "pyguard: error: ast takes exactly one FILE, or - for standard input")]
    [InlineData(new[] { "ast", "--format", "json", "a.py" }, "pyguard: error: unknown option '--format'")]
    [InlineData(new[] { "ast", "/nonexistent/x.py" }, "pyguard: error: no such file: '/nonexistent/x.py'")]
    public void Usage_and_input_errors_exit_with_2_and_one_line(string[] args, string message)
    {
        var (exit, stdout, stderr) = Run(args);
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe(message + "\n");
    }

    [Fact]
    public void Runs_as_a_real_process()
    {
        var path = Write("print('hello')\n");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pyguard.dll"));
        start.ArgumentList.Add("ast");
        start.ArgumentList.Add("--positions");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        (process.ExitCode, stderr).ShouldBe((0, ""));
        stdout.ShouldBe(
            "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5), "
            + "args=[Constant(value='hello', lineno=1, col_offset=6, end_lineno=1, end_col_offset=13)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=14), "
            + "lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)])\n");
    }

    private string Write(string source)
    {
        var path = Path.Combine(_directory, $"case{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source, new UTF8Encoding(false));
        return path;
    }

    private static (int Exit, string Stdout, string Stderr) Run(string[] args, string stdin = "")
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApplication.Run(args, new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
