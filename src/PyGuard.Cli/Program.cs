using System.Text;

namespace PyGuard.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // A buffered UTF-8 writer: tree dumps and reports can be large, and Console.Out flushes every write.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return CliApplication.Run(args, Console.OpenStandardInput(), stdout, stderr);
    }
}
