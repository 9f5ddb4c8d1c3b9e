using System.Collections.Immutable;
using System.Text;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Values;
using PyGuard.Syntax;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>
/// PG802: long string literals that are encoded data — base64, hex or base85 with the entropy of
/// compressed or encrypted content. When the blob decodes to Python source, that source is scanned too.
/// </summary>
public sealed class EncodedBlob : Analyzer
{
    private const int MinimumLength = 160;

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG802", "Encoded blob", "{0}",
        RuleCategory.Obfuscation, Severity.Warning, Confidence.Medium, 5.5, [506],
        whatItDoes: "Reports string and bytes literals of 160 characters or more that consist of a base64, hex or base85 alphabet with high entropy. A blob that decodes to Python source is an error, and the decoded source is scanned; a blob that decodes to a known image or archive format is a note.",
        why: "Agent code for a data task has no reason to carry kilobytes of encoded bytes. Encoded blobs hide second-stage payloads, binaries and the code that later gets executed.",
        example: "PAYLOAD = 'aW1wb3J0IHNvY2tldCxzdWJwcm9jZXNzLG9zO3M9c29ja2V0LnNvY2tldChzb2NrZXQuQUZfSU5FVCxzb2NrZXQuU09DS19TVFJFQU0p...'",
        instead: "Keep data in files the code reads, and code as source.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprConstant);

    private static void Analyze(NodeContext context)
    {
        var constant = (ExprConstant)context.Node;
        var text = constant.Value switch
        {
            string s => s,
            ImmutableArray<byte> b => Encoding.Latin1.GetString(b.AsSpan()),
            _ => null,
        };
        if (text is null || text.Length < MinimumLength || context.Parent is ExprJoinedStr or StmtExpr || LooksLikeProse(text))
        {
            // Docstrings and other text with spaces between words are not encoded data.
            return;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var kind = Classify(compact);
        if (kind is null)
        {
            return;
        }

        var decoded = kind switch
        {
            "base64" => Codecs.Apply("base64.b64decode", new PyStr(compact)),
            "hex" => Codecs.Apply("binascii.unhexlify", new PyStr(compact)),
            _ => null,
        } as PyBytes;
        var bytes = decoded?.Value ?? [];
        if (bytes.Length >= 2 && bytes[0] == 0x78 && bytes[1] is 0x01 or 0x5e or 0x9c or 0xda)
        {
            // zlib-compressed content: look one layer further.
            decoded = Codecs.Apply("zlib.decompress", decoded!) as PyBytes ?? decoded;
            bytes = decoded!.Value;
        }

        var source = bytes.IsEmpty ? null : TryUtf8(bytes);
        if (source is not null && LooksLikePython(source))
        {
            context.Report(Descriptor, constant.Span, Severity.Error, Confidence.High, $"{text.Length}-character {kind} blob that decodes to Python code");
            context.ScanEmbeddedSource(source, constant, $"{kind} blob");
            return;
        }

        if (KnownBinaryFormat(bytes.AsSpan()) is { } format)
        {
            var executable = format.EndsWith("executable", StringComparison.Ordinal);
            context.Report(Descriptor, constant.Span, executable ? Severity.Error : Severity.Note, executable ? Confidence.High : Confidence.Medium,
                $"{text.Length}-character {kind} blob holding {format} data");
            return;
        }

        context.Report(Descriptor, constant.Span, null, null, $"{text.Length}-character {kind} blob of high-entropy data");
    }

    /// <summary>The encoding whose alphabet the text uses, if its entropy says it is not prose or padding.</summary>
    internal static string? Classify(string text)
    {
        if (text.All(char.IsAsciiHexDigit) && text.Length % 2 == 0)
        {
            return Entropy(text) >= 3.0 ? "hex" : null;
        }

        var base64 = text.TrimEnd('=');
        if (base64.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_'))
        {
            var letters = base64.Count(char.IsAsciiLetter);
            var digits = base64.Count(char.IsAsciiDigit);
            return Entropy(base64) >= 4.5 && letters > 0 && digits > 0 ? "base64" : null;
        }

        if (text.All(c => c > ' ' && c < 0x7f && c != '"' && c != '\\') && Entropy(text) >= 5.5 && !text.Contains(' '))
        {
            return "base85";
        }

        return null;
    }

    /// <summary>Shannon entropy in bits per character; only ASCII reaches here (the alphabets are ASCII).</summary>
    private static double Entropy(string text)
    {
        Span<int> counts = stackalloc int[128];
        foreach (var c in text)
        {
            counts[c & 0x7F]++;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / text.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    /// <summary>More than one space in fifty characters: words, not an encoding (base64 wraps at 76 without spaces).</summary>
    private static bool LooksLikeProse(string text)
    {
        var spaces = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                spaces++;
            }
        }

        return spaces * 50 > text.Length;
    }

    private static string? TryUtf8(ImmutableArray<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.AsSpan());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Decoded text counts as Python when it parses and holds at least one statement beyond a bare string.</summary>
    private static bool LooksLikePython(string source)
    {
        var printable = source.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        if (printable < source.Length * 0.95)
        {
            return false;
        }

        var parse = PythonParser.Parse(source, new ParseOptions { Version = PythonVersion.Python314 });
        return parse.Tree is { } tree && tree.Root.Body.Any(s => s is not StmtExpr { Value: ExprConstant } && s is not StmtExpr { Value: ExprName });
    }

    private static string? KnownBinaryFormat(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "PDF",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "ZIP",
        [0x1F, 0x8B, ..] => "gzip",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', ..] => "RIFF (WAV/WebP)",
        [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] => "ELF executable",
        [(byte)'M', (byte)'Z', ..] => "Windows executable",
        _ => null,
    };
}
