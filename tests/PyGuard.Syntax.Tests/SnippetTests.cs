using PyGuard.Syntax.Dump;
using PyGuard.Syntax.Tests.Support;

namespace PyGuard.Syntax.Tests;

/// <summary>
/// Every source of the data files is parsed by PyGuard and by CPython 3.13 at test time: a source CPython
/// parses must dump identically (positions included); a source it rejects must be rejected with the same
/// exception class, message, line and column.
/// </summary>
public sealed class SnippetTests
{
    public static TheoryData<string> Constructs => new(DataFile.Lines("constructs.jsonl"));

    public static TheoryData<string> Errors => new(DataFile.Lines("errors.jsonl"));

    public static TheoryData<string> DecodingCases => new(DataFile.Lines("decoding-bytes.jsonl"));

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Construct_dumps_as_CPython_dumps_it(string source) => AssertSameVerdict(DataFile.Bytes(source, latin1: false));

    [Theory]
    [MemberData(nameof(Errors))]
    public void Invalid_source_fails_as_CPython_fails(string source) => AssertSameVerdict(DataFile.Bytes(source, latin1: false));

    [Theory]
    [MemberData(nameof(DecodingCases))]
    public void Source_bytes_decode_as_CPython_decodes_them(string bytes) => AssertSameVerdict(DataFile.Bytes(bytes, latin1: true));

    private static void AssertSameVerdict(byte[] source)
    {
        var expected = SnippetVerdicts.For(source);
        var result = PythonParser.Parse(source);
        if (expected.Dump is { } dump)
        {
            result.Error.ShouldBeNull();
            AstDumper.Dump(result.Tree!, includePositions: true).ShouldBe(dump);
            return;
        }

        var error = expected.Error!;
        result.Success.ShouldBeFalse($"CPython raised {error.Type}: {error.Message}");
        var actual = result.Error!;
        (actual.KindName, actual.Message).ShouldBe((error.Type, error.Message));
        if (error.Line is > 0 && error.Offset is > 0)
        {
            (actual.Line, actual.Column).ShouldBe((error.Line.Value, error.Offset.Value), $"position of \"{error.Message}\"");
        }
    }
}
