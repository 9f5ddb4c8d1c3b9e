using PyGuard.Engine.Model;

namespace PyGuard;

/// <summary>
/// Scans one Python file or snippet under a fixed policy and returns findings, score and verdict.
/// Implementations are thread-safe and reusable.
/// </summary>
public interface ICodeScanner
{
    /// <summary>Scans raw bytes, decoded as CPython decodes a source file (BOM, PEP 263 cookie, UTF-8).</summary>
    FileScanResult Scan(ReadOnlyMemory<byte> source, string path);

    /// <summary>Scans already decoded text.</summary>
    FileScanResult Scan(string source, string path);
}
