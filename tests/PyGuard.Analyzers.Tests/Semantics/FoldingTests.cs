using PyGuard.Semantics.Values;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>Constants the folder must see through: the tricks used to hide names and payloads.</summary>
public sealed class FoldingTests
{
    private static string? Fold(string code)
    {
        var model = TestScanner.Model(code);
        return model.StringOf(ExpressionFinder.Probe(model));
    }

    [Theory]
    [InlineData("probe('o' + 's')", "os")]
    [InlineData("probe('o' 's')", "os")]
    [InlineData("probe('%s%s' % ('o', 's'))", "os")]
    [InlineData("probe('{}{}'.format('o', 's'))", "os")]
    [InlineData("probe('{a}{b}'.format(a='o', b='s'))", "os")]
    [InlineData("a = 'o'\nprobe(f'{a}s')", "os")]
    [InlineData("probe(''.join(['o', 's']))", "os")]
    [InlineData("probe('so'[::-1])", "os")]
    [InlineData("probe('xosx'[1:3])", "os")]
    [InlineData("probe(chr(111) + chr(115))", "os")]
    [InlineData("probe(''.join(chr(c) for c in [111, 115]))", "os")]
    [InlineData("probe(''.join(map(chr, [111, 115])))", "os")]
    [InlineData("probe(bytes.fromhex('6f73').decode())", "os")]
    [InlineData("probe(bytes([111, 115]).decode())", "os")]
    [InlineData("import base64\nprobe(base64.b64decode('b3M=').decode())", "os")]
    [InlineData("import base64\nprobe(base64.b32decode('N5ZQ====').decode())", "os")]
    [InlineData("import base64\nprobe(base64.b16decode('6F73').decode())", "os")]
    [InlineData("import binascii\nprobe(binascii.unhexlify('6f73').decode())", "os")]
    [InlineData("import codecs\nprobe(codecs.decode('bf', 'rot13'))", "os")]
    [InlineData("import codecs\nprobe(codecs.decode(b'6f73', 'hex').decode())", "os")]
    [InlineData("import zlib\nprobe(zlib.decompress(zlib.compress(b'os')).decode())", "os")]
    [InlineData("probe('oX'.replace('X', 's'))", "os")]
    [InlineData("probe(''.join(reversed('so')))", "os")]
    [InlineData("probe('OS'.lower())", "os")]
    [InlineData("probe(str(b'os', 'ascii'))", "os")]
    [InlineData("name = 'o'\nname += 's'\nprobe(name)", "os")]
    [InlineData("s = ''\nfor c in [111, 115]:\n    s += chr(c)\nprobe(s)", "os")]
    [InlineData("def d(x):\n    return x[::-1]\nprobe(d('so'))", "os")]
    [InlineData("d = lambda x: x[::-1]\nprobe(d('so'))", "os")]
    [InlineData("class C:\n    name = 'os'\nprobe(C.name)", "os")]
    [InlineData("parts = {'a': 'o', 'b': 's'}\nprobe(parts['a'] + parts['b'])", "os")]
    [InlineData("t = str.maketrans('ab', 'os')\nprobe('ab'.translate({97: 'o', 98: 's'}))", "os")]
    [InlineData("probe('{:>3}'.format('os').strip())", "os")]
    [InlineData("probe('-'.join(['o', 's']).replace('-', ''))", "os")]
    public void FoldsHiddenStrings(string code, string expected) => Fold(code).ShouldBe(expected);

    [Theory]
    [InlineData("probe(float('1_000.5'))", 1000.5)]
    [InlineData("probe(float(' -2.5e3 '))", -2500.0)]
    [InlineData("probe(float('-inf'))", double.NegativeInfinity)]
    [InlineData("probe(float(7))", 7.0)]
    [InlineData("import math\nprobe(math.inf)", double.PositiveInfinity)]
    public void FoldsFloatConversions(string code, double expected)
    {
        var model = TestScanner.Model(code);
        model.ConstantOf(ExpressionFinder.Probe(model)).ShouldBe(new PyFloat(expected));
    }

    [Theory]
    [InlineData("probe(float('--1'))")]
    [InlineData("probe(float('1__0'))")]
    [InlineData("probe(float('0x10'))")]
    [InlineData("probe(float(10 ** 400))")]
    public void LeavesInvalidFloatConversionsUnknown(string code)
    {
        var model = TestScanner.Model(code);
        model.ConstantOf(ExpressionFinder.Probe(model)).ShouldBeNull();
    }

    [Fact]
    public void DoesNotFoldWhatDependsOnInput() => Fold("probe(input() + 's')").ShouldBeNull();

    [Fact]
    public void BranchWithConstantConditionIsTakenAlone()
    {
        Fold("m = 'json'\nif 0:\n    m = 'os'\nprobe(m)").ShouldBe("json");
    }

    [Fact]
    public void HugeRepetitionIsKeptAsItsSize()
    {
        var model = TestScanner.Model("probe('A' * 10**11)");
        var value = model.ConstantOf(ExpressionFinder.Probe(model));
        var huge = value.ShouldBeOfType<PyHugeSequence>();
        huge.Length.ShouldBe(1e11);
    }

    [Theory]
    [InlineData("probe('ab' * 8192)", "str", 16384)]
    [InlineData("probe(b'ab' * 8192)", "bytes", 16384)]
    [InlineData("probe(bytes(16384))", "bytes", 16384)]
    public void RepetitionUpToTheBoundIsMaterialised(string code, string type, int length)
    {
        var model = TestScanner.Model(code);
        var value = model.ConstantOf(ExpressionFinder.Probe(model));
        value.ShouldNotBeOfType<PyHugeSequence>();
        value.ShouldNotBeNull().TypeName.ShouldBe(type);
        PyGuard.Semantics.Evaluation.Sequences.Length(value).ShouldBe(length);
    }

    [Theory]
    [InlineData("probe('ab' * 8193)", "str", 16386, "ab")]
    [InlineData("probe(b'z' * 2**20)", "bytes", 1048576, "z")]
    [InlineData("probe(bytes(16385))", "bytes", 16385, "")]
    [InlineData("probe('ab' * 8193 + 'c')", "str", 16387, "ab")]
    public void RepetitionBeyondTheBoundKeepsOnlyItsSizeAndUnit(string code, string type, int length, string samplePrefix)
    {
        var model = TestScanner.Model(code);
        var huge = model.ConstantOf(ExpressionFinder.Probe(model)).ShouldBeOfType<PyHugeSequence>();
        huge.Type.ShouldBe(type);
        huge.Length.ShouldBe(length);
        huge.Sample.ShouldStartWith(samplePrefix);
    }

    [Fact]
    public void PowerTowerIsNeverComputed()
    {
        var model = TestScanner.Model("probe(9**9**9)");
        var value = model.ConstantOf(ExpressionFinder.Probe(model)).ShouldBeOfType<PyHugeInt>();
        value.Log10.ShouldBeGreaterThan(3e8);
    }

    [Fact]
    public void DecompressionBombDecodesToNothing()
    {
        // 64 MB of zeros compressed: folding must not inflate it.
        var model = TestScanner.Model("import zlib\nprobe(zlib.decompress(zlib.compress(b'\\x00' * (64 * 1024 * 1024))))");
        model.ConstantOf(ExpressionFinder.Probe(model)).ShouldNotBeOfType<PyBytes>();
    }

    [Fact]
    public void FunctionReturnOfHelperWithConstantArgument()
    {
        Fold("import base64\ndef decode(s):\n    return base64.b64decode(s).decode()\nprobe(decode('b3M='))").ShouldBe("os");
    }
}
