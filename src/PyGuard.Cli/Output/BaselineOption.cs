using PyGuard.Cli.CommandLine;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Cli.Output;

/// <summary><c>--baseline OLD.sarif</c>: read before scanning, so that a bad baseline costs no scan and writes nothing.</summary>
public static class BaselineOption
{
    public static SarifBaseline? Load(string? path, ReportFormat format)
    {
        if (path is null)
        {
            return null;
        }

        if (format != ReportFormat.Sarif)
        {
            throw new UsageException("--baseline needs --format sarif");
        }

        try
        {
            return SarifBaseline.Load(path);
        }
        catch (SarifBaselineException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
