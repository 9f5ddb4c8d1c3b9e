using System.Text;
using System.Text.Json;

using PyGuard.Syntax.Tests.Support;
using PyGuard.Syntax.Text.Decoding;

namespace PyGuard.Syntax.Tests;

/// <summary>
/// The UTF-7 decoder on its own: RFC 2152's examples, CPython's choices where the RFC leaves room, and a
/// differential run against CPython's utf-7 codec on fixed and random byte strings.
/// </summary>
public sealed class Utf7DecoderTests
{
    [Theory]
    [InlineData("Hi Mom -+Jjo--!", "Hi Mom -\u263A-!")]
    [InlineData("+ZeVnLIqe-", "\u65E5\u672C\u8A9E")]
    [InlineData("A+ImIDkQ.", "A\u2262\u0391.")]
    [InlineData("a+-b", "a+b")]
    [InlineData("x = \"+AOk\"", "x = \"\u00E9\"")]
    [InlineData("+AOkA6Q", "\u00E9\u00E9")]
    [InlineData("+2D3eAA-", "\U0001F600")]
    [InlineData("~\\{}", "~\\{}")]
    [InlineData("a+", "a")]
    [InlineData("", "")]
    public void Valid_input_decodes_as_CPython_decodes_it(string input, string expected)
    {
        Utf7Decoder.TryDecode(Encoding.Latin1.GetBytes(input), out var text, out _).ShouldBeTrue();
        text.ShouldBe(expected);
    }

    /// <summary>Lone surrogates cannot travel through test-case attributes, so these compare code units.</summary>
    [Fact]
    public void A_high_surrogate_without_its_pair_is_passed_on()
    {
        Utf7Decoder.TryDecode("+2D0AQQ-"u8, out var unpaired, out _).ShouldBeTrue();
        unpaired.ToCharArray().ShouldBe(['\uD83D', 'A']);
        Utf7Decoder.TryDecode("+2D3YPd4A-"u8, out var twoHighs, out _).ShouldBeTrue();
        twoHighs.ToCharArray().ShouldBe(['\uD83D', '\uD83D', '\uDE00']);
    }

    [Theory]
    [InlineData("x+!", "ill-formed sequence", 1, 3)]
    [InlineData("x = \u00E9", "unexpected special character", 4, 5)]
    [InlineData("+AO-", "partial character in shift sequence", 0, 4)]
    [InlineData("+AOl-", "non-zero padding bits in shift sequence", 0, 5)]
    [InlineData("a+AOkA", "unterminated shift sequence", 1, 6)]
    [InlineData("+2D0", "unterminated shift sequence", 0, 4)]
    [InlineData("+AOk-\u00FF", "unexpected special character", 5, 6)]
    public void Invalid_input_gives_CPython_reason_and_range(string input, string reason, int start, int end)
    {
        Utf7Decoder.TryDecode(Encoding.Latin1.GetBytes(input), out _, out var error).ShouldBeFalse();
        (error.Reason, error.Start, error.End).ShouldBe((reason, start, end));
    }

    [Fact]
    public async Task Random_inputs_decode_as_CPython_codec_decodes_them()
    {
        var python = CPython.Require("3.13");
        var random = new Random(2152);
        var alphabet = Encoding.Latin1.GetBytes("+-+-AZaz09/+2D3dYeQ!\n\"' .\u00E9\u0080");
        var inputs = Enumerable.Range(0, 4000)
            .Select(_ => Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())
            .ToList();
        using var process = CPython.Start(python, Repository.Script("differential/snippet_reference.py"), []);
        var writer = Task.Run(() =>
        {
            foreach (var input in inputs)
            {
                process.StandardInput.WriteLine(JsonSerializer.Serialize(new { codec = "utf-7", base64 = Convert.ToBase64String(input) }));
            }

            process.StandardInput.Close();
        }, TestContext.Current.CancellationToken);
        var mismatches = new List<string>();
        foreach (var input in inputs)
        {
            var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the CPython oracle stopped: " + process.StandardError.ReadToEnd());
            using var document = JsonDocument.Parse(line);
            var expected = document.RootElement.TryGetProperty("error", out var error)
                ? "error: " + error.GetString()
                : "text: " + string.Concat(document.RootElement.GetProperty("codepoints").EnumerateArray().Select(c => CodePointText(c.GetInt32())));
            var actual = Utf7Decoder.TryDecode(input, out var text, out var failure)
                ? "text: " + text
                : "error: " + failure.DecodeErrorMessage(Utf7Decoder.CodecName, Encoding.Latin1.GetString(input));
            if (actual != expected)
            {
                mismatches.Add($"{Encoding.Latin1.GetString(input)}: PyGuard {actual}, CPython {expected}");
            }
        }

        await writer;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void The_utf7_corpus_sample_parses_to_the_code_CPython_runs()
    {
        var path = Path.Combine(Repository.Root, "corpus", "hostile", "obfuscation", "26-utf7-source-encoding.py");
        var result = PythonParser.Parse(File.ReadAllBytes(path));
        result.Error.ShouldBeNull();
        Dump.AstDumper.Dump(result.Tree!, includePositions: false).ShouldBe(
            "Module(body=[Import(names=[alias(name='os')]), Expr(value=Call(func=Attribute(value=Name(id='os', ctx=Load()), attr='system', ctx=Load()), args=[Constant(value='id')]))])");
        result.Tree!.Encoding.ShouldBe("utf-7");
    }

    [Theory]
    [InlineData("# coding: utf-7\nx = \"+AO\"\n", "'utf7' codec can't decode bytes in position 21-24: partial character in shift sequence")]
    [InlineData("# coding: utf-7\nx = \u00E9\n", "'utf7' codec can't decode byte 0xe9 in position 20: unexpected special character")]
    [InlineData("# coding: utf-7\r\nx = 1 +", "'utf7' codec can't decode bytes in position 22-23: ill-formed sequence")]
    [InlineData("# coding: utf-7\nx = \"+2D0-\"\n", "'utf-8' codec can't encode character '\\ud83d' in position 21: surrogates not allowed")]
    public void Invalid_utf7_source_is_a_syntax_error(string source, string message)
    {
        var result = PythonParser.Parse(Encoding.Latin1.GetBytes(source));
        result.Success.ShouldBeFalse();
        result.Error!.Message.ShouldBe(message);
    }

    /// <summary>A code point as text, lone surrogates included (CPython's codec passes them on).</summary>
    private static string CodePointText(int codePoint) => codePoint < 0x10000 ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
}
