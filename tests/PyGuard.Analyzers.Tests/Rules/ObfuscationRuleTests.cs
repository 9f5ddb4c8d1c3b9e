using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class ObfuscationRuleTests
{
    [Theory]
    [InlineData("import base64\nexec(base64.b64decode('cHJpbnQoMSk='))")]
    [InlineData("import base64\np = base64.b64decode('cHJpbnQoMSk=')\nexec(p)")]
    [InlineData("import zlib, base64\nexec(zlib.decompress(base64.b64decode(blob)))")]
    [InlineData("import codecs\neval(codecs.decode('cevag(1)', 'rot13'))")]
    [InlineData("import marshal\nexec(marshal.loads(data))")]
    public void ExecutionOfDecodedCodeIsBlocked(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG801");
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Fact]
    public void DecodedPayloadIsScannedForWhatItDoes()
    {
        // base64 of: import os; os.system("id")
        var findings = TestScanner.Findings("import base64\nexec(base64.b64decode('aW1wb3J0IG9zOyBvcy5zeXN0ZW0oImlkIik='))");
        findings.ShouldContain(f => f.RuleId == "PG204");
    }

    [Fact]
    public void EncodedPythonBlobIsAnError()
    {
        var source = string.Concat(Enumerable.Repeat("import socket, subprocess\ns = socket.socket()\ns.connect(('10.0.0.1', 4444))\n", 3));
        var blob = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(source));
        var findings = TestScanner.Findings($"PAYLOAD = '{blob}'");
        findings.ShouldContain(f => f.RuleId == "PG802" && f.Severity == Severity.Error);
    }

    [Fact]
    public void RandomBlobIsAWarningAndProseIsNothing()
    {
        var random = new Random(7);
        var bytes = new byte[300];
        random.NextBytes(bytes);
        TestScanner.Findings($"KEY = '{Convert.ToBase64String(bytes)}'").ShouldContain(f => f.RuleId == "PG802" && f.Severity == Severity.Warning);
        TestScanner.RuleIds("TEXT = '" + string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 10)) + "'").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("m = __import__(chr(111) + chr(115) + chr(0x2e)[:0])")]
    [InlineData("n = chr(115) + chr(121) + chr(115) + chr(116) + chr(101) + chr(109)")]
    [InlineData("n = ''.join(map(chr, [101, 118, 97, 108]))")]
    public void CharacterCodesSpellingDangerousNamesAreErrors(string code) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG803" && f.Severity == Severity.Error);

    [Fact]
    public void FullwidthExecIsSeenAsExec()
    {
        var findings = TestScanner.Findings("ｅｘｅｃ(input())");
        findings.ShouldContain(f => f.RuleId == "PG804" && f.Severity == Severity.Error && f.Message.Contains("'exec'"));
        findings.ShouldContain(f => f.RuleId == "PG201");
    }

    [Fact]
    public void MixedScriptIdentifierIsAWarning()
    {
        TestScanner.Findings("\u0440rint = 1").ShouldContain(f => f.RuleId == "PG804" && f.Severity == Severity.Warning);
    }

    [Fact]
    public void NonLatinIdentifierInOneScriptIsFine() => TestScanner.RuleIds("данные = [1, 2]\nprint(данные)").ShouldBeEmpty();

    [Fact]
    public void TrojanSourceIsBlocked()
    {
        var code = "access = 'user'\nif access != 'none\u202e \u2066# check admin\u2069 \u2066':\n    print('ok')\n";
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG805");
    }

    [Fact]
    public void InvisibleCharacterInAnIdentifierIsAnError() =>
        TestScanner.Findings("\u3164 = 1\nprint(\u3164)").ShouldContain(f => f.RuleId == "PG806" && f.Severity == Severity.Error);

    [Fact]
    public void InvisibleCharacterInAStringIsAWarning() =>
        TestScanner.Findings("greeting = 'hel\u200blo'").ShouldContain(f => f.RuleId == "PG806" && f.Severity == Severity.Warning);

    [Fact]
    public void ZeroWidthSpaceInsideANameIsASyntaxError() =>
        TestScanner.Scan("x\u200b = 1").Findings.ShouldContain(f => f.RuleId == "PG901");

    [Theory]
    [InlineData("import os\ngetattr(os, 'sys' + 'tem')('id')")]
    [InlineData("import builtins\nf = vars(builtins)['ev' + 'al']")]
    [InlineData("name = 'metsys'[::-1]\nimport os\nfn = getattr(os, name)")]
    public void NamesBuiltToHideAreReported(string code) => TestScanner.RuleIds(code).ShouldContain("PG807");

    [Fact]
    public void NameHeldInAVariableButWrittenElsewhereIsNotHidden()
    {
        TestScanner.RuleIds("fields = ['load', 'name']\nfor f in fields:\n    print(getattr(obj, f))").ShouldNotContain("PG807");
    }
}
