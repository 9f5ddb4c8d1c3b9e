using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class ImportRuleTests
{
    [Theory]
    [InlineData("import subprocess")]
    [InlineData("from subprocess import Popen")]
    [InlineData("import ctypes")]
    [InlineData("import pty")]
    [InlineData("__import__('subprocess')")]
    [InlineData("import importlib\nimportlib.import_module('ctypes')")]
    [InlineData("from ctypes import util")]
    public void DangerousModulesAreReported(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG101");
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("import os\nprint(os.path.join('a', 'b'))")]
    [InlineData("import os\nlevel = os.environ.get('LOG_LEVEL', 'INFO')")]
    [InlineData("import os\nos.makedirs('output', exist_ok=True)")]
    [InlineData("import json, csv, re, math, statistics, collections, itertools, functools, pathlib, datetime")]
    [InlineData("import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt")]
    [InlineData("from docx import Document\nfrom openpyxl import Workbook\nfrom odf.opendocument import OpenDocumentText")]
    public void EverydayImportsAreAllowed(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldBeEmpty();
        result.Verdict.ShouldBe(Verdict.Allow);
    }

    [Fact]
    public void UnknownThirdPartyModuleIsReviewedUnderAgentAndIgnoredUnderAudit()
    {
        TestScanner.RuleIds("import totally_real_helper_lib").ShouldBe(["PG103"]);
        TestScanner.Scan("import totally_real_helper_lib").Verdict.ShouldBe(Verdict.Review);
        TestScanner.RuleIds("import totally_real_helper_lib", Policy.Audit).ShouldBeEmpty();
    }

    [Fact]
    public void PolicyDenyListBlocksEvenAllowedModules()
    {
        var policy = PolicyLoader.Load("[modules]\ndeny = [\"pandas\"]\n", "pyguard.toml");
        TestScanner.RuleIds("import pandas.io", policy).ShouldContain("PG102");
    }

    [Fact]
    public void PolicyAllowListTrustsAModuleAndItsSubmodules()
    {
        var policy = PolicyLoader.Load("[modules]\nallow = [\"mycompany\"]\n", "pyguard.toml");
        TestScanner.RuleIds("import mycompany.tools", policy).ShouldBeEmpty();
        TestScanner.RuleIds("import mycompany.tools").ShouldContain("PG103");
    }

    [Theory]
    [InlineData("m = __import__('so'[::-1])")]
    [InlineData("import importlib\nm = importlib.import_module(''.join(['o', 's']))")]
    [InlineData("m = __import__(chr(111) + chr(115))")]
    [InlineData("import base64\nm = __import__(base64.b64decode('b3M=').decode())")]
    public void ObfuscatedImportsAreReportedAndResolved(string code)
    {
        var findings = TestScanner.Findings(code);
        findings.ShouldContain(f => f.RuleId == "PG105" && f.Message.Contains("'os'"));
    }

    [Fact]
    public void ImportOfALiteralNameIsOnlyANote()
    {
        var findings = TestScanner.Findings("m = __import__('json')");
        findings.ShouldHaveSingleItem().RuleId.ShouldBe("PG104");
        findings[0].Severity.ShouldBe(Severity.Note);
    }

    [Fact]
    public void ImportOfAnUnknownNameIsAWarning()
    {
        var finding = TestScanner.Findings("m = __import__(input())").ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("PG104");
        finding.Severity.ShouldBe(Severity.Warning);
    }

    [Theory]
    [InlineData("import os\nos.fork()")]
    [InlineData("import os, signal\nos.kill(1, signal.SIGKILL)")]
    [InlineData("import os\nos.setuid(0)")]
    [InlineData("from os import chroot\nchroot('/tmp')")]
    [InlineData("import os\ngetattr(os, 'fo' + 'rk')()")]
    public void ProcessControlIsReported(string code) => TestScanner.RuleIds(code).ShouldContain("PG106");

    [Theory]
    [InlineData("import sys\nsys.modules['json'] = None")]
    [InlineData("import sys\nsys.meta_path.insert(0, object())")]
    [InlineData("import builtins\nbuiltins.open = print")]
    [InlineData("import builtins\nsetattr(builtins, 'print', exec)")]
    [InlineData("import builtins\ndelattr(builtins, 'open')")]
    [InlineData("import sys\nsys.modules.update({'os': None})")]
    [InlineData("import sys\nhooks = sys.path_hooks\nhooks.append(object())")]
    [InlineData("import sys\nsys.modules.__setitem__('json', None)")]
    public void ImportSystemTamperingIsReported(string code)
    {
        var findings = TestScanner.Findings(code);
        findings.ShouldContain(f => f.RuleId == "PG107" && f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("items = []\nitems.append(1)\nitems.update")]
    [InlineData("import sys\nappend = sys.modules.update")]
    [InlineData("import sys\nnames = list(sys.modules)\nnames.append('x')")]
    [InlineData("class C:\n    pass\nsetattr(C(), 'x', 1)")]
    public void OrdinaryMutationIsNotImportTampering(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG107");

    [Fact]
    public void ExtendingSysPathIsOnlyANote()
    {
        var finding = TestScanner.Findings("import sys\nsys.path.append('lib')").ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("PG107");
        finding.Severity.ShouldBe(Severity.Note);
    }
}
