#!/usr/bin/env python3
"""Records what CPython 3.13's `re.compile` says about many patterns, for PyGuard's parser tests.

Each line of the output (tests/PyGuard.Regex.Tests/Data/parser-cases.jsonl) is one pattern: the pattern
(bytes patterns as their latin-1 text, with "bytes": true), the flags, and either CPython's error (message
and position) or, for a valid pattern, its group count and sre_parse's (min, max) width. The patterns are a
hand-written list of edge cases plus random strings over the dialect's special pieces (fixed seed), so the
file is reproducible:

    ~/.pyenv/versions/3.13.*/bin/python3 scripts/redos/cpython_parser_cases.py > tests/PyGuard.Regex.Tests/Data/parser-cases.jsonl
"""
import json
import random
import re
import sys
import warnings
from re import _parser

HAND_WRITTEN = [
    r"a", r"", r"abc", r"a|b|c", r"(a)(b)", r"(?:a)", r"(?P<n>a)(?P=n)", r"(?P<n>a)\1", r"\1(a)", r"(a)\2",
    r"(a\1)", r"(?P<n>a(?P=n))", r"(?P<1>a)", r"(?P<>a)", r"(?P<a", r"(?P=", r"(?P=a", r"(?Px)", r"(?P",
    r"(?", r"(?<", r"(?<x)", r"(?<=a)b", r"(?<!a)b", r"(?<=a+)b", r"(?<=a|bc)d", r"(?<=ab|cd)e", r"(?=a)",
    r"(?!a)", r"(?!)", r"(?=)", r"(?<!)", r"(?#comment)a", r"(?#unterminated", r"(?#a\)b)c", r"a(?#x)*",
    r"(?i)a", r"a(?i)", r"(?i)(?m)a", r"(?x) a (?i)", r"(?i-m:a)", r"(?-i:a)", r"(?i-i:a)", r"(?a-a:a)",
    r"(?au)", r"(?L)", r"(?u)", r"(?a)", r"(?q)", r"(?i", r"(?i-", r"(?i-)", r"(?-)", r"(?-i)", r"(?i-m",
    r"(?iq)", r"(?i!)", r"(?i-q:a)", r"(?i-!:a)", r"(?>a+)b", r"a*+", r"a++", r"a?+", r"a{1,2}+", r"a*?",
    r"a+?", r"a??", r"a{1,2}?", r"a**", r"a*?*", r"a{2}{3}", r"*a", r"+", r"?", r"{1}", r"a|*", r"(*)",
    r"^*", r"$*", r"\b*", r"\A*", r"\Z+", r"(?=a)*", r"(?!a)+", r"a{", r"a{1", r"a{1,", r"a{,2}", r"a{,}",
    r"a{}", r"a{2,1}", r"a{1,2", r"a{ 1}", r"a{99999999999}", r"a{4294967294}", r"a{4294967295}",
    r"a{1,4294967295}", r"[a-z]", r"[^a-z]", r"[]", r"[]]", r"[^]]", r"[^]", r"[a-]", r"[-a]", r"[a--]",
    r"[z-a]", r"[\d-z]", r"[a-\d]", r"[\w]", r"[\b]", r"[\B]", r"[\A]", r"[\Z]", r"[\1]", r"[\8]", r"[\08]",
    r"[\777]", r"[\x41-\x5a]", r"[\x4]", r"[\u0041]", r"[\N{LATIN SMALL LETTER A}]", r"[a", r"[a-",
    r"[\]]", r"[[]", r"[a-z&&b]", r"\x41", r"\x4", r"\x", r"\xg1", r"\u0041", r"\u004", r"\U00000041",
    r"\U0011FFFF", r"\U0001", r"\N{LATIN SMALL LETTER A}", r"\N{latin small letter a}", r"\N{NOT A NAME}",
    r"\N{}", r"\N", r"\Nx", r"\N{LATIN", r"\N{LINE FEED}", r"\N{CJK UNIFIED IDEOGRAPH-4E00}",
    r"\N{HANGUL SYLLABLE GA}", r"\N{EM DASH}", r"\0", r"\07", r"\077", r"\0777", r"\1", r"\12", r"\123",
    r"\400", r"\777", r"\8", r"\9", r"(a)\10", r"\q", r"\é", r"\-", r"\ ", "a\\", "\\", r"\d\D\s\S\w\W",
    r"\b\B\A\Z", r"\a\f\n\r\t\v", r"(a)(?(1)b|c)", r"(?(1)a|b)", r"(a)(?(2)b)", r"(?(2)a)(b)(c)",
    r"(a)(?(1)b|c|d)", r"(?P<n>a)(?(n)b)", r"(?(n)a)", r"(?(0)a)", r"(?()a)", r"(?(1a)b)", r"(a)(?(1",
    r"(a)(?(1)b", r"(", r")", r"a)", r"a)b\q", r"((a)", r"(a))", r"(?:", r"(?P<n>", r"(?<=a", r"a(?i)b",
    r"(?x)a b # comment", r"(?x)a\ b", r"(?x)[ a]", r"(?x)a # c \n b", r"(?x)a{1 }", r"(?x)a * ?",
    r"(?x)a*?", r"(?x)( ?:a)", r"(?x:a b)c d", r"(?-x:a b)", r"(?x)(?-x:a b)", r"(a)|\1", r"(?<=(a))\1",
    r"(a)(?<=\1)", r"(?<=(a)\1)", r"(?<=a(?(1)b))", r"(?<=(?P<x>a)(?P=x))", r"(?<=\b)a", r"(?<=a{3})b",
    r"(?<=a{1,3})b", r"(?<=(?:ab){2})c", r"(?<=a(?=b)c)d", r"(?<=a*)b", r"(?<=.)b", r"a|", r"|a", r"||",
    r"(|a)", r"(?i)[a-z]", r"(?s).", r"(?m)^$", r"(?P<a>x)(?P<a>y)", r"(?P<a_1>x)", r"(?P<é>x)",
    r"(?P<a-b>x)", r"(?P=1)", r"(a)(?P=a)", r"\g<1>", r"a{2,3}{4}", r"(?:a{2}){3}", r"x*y+z?",
    r"(?i:(?L:a))", r"(?u:a)", r"(?a:\w)", r"[\s\S]", r"[^\W\d_]", r"(?>)", r"(?>(a|b)*)c",
    r"(?x)(?#c)a", r"(?x)#only comment", "(?x)a#c\nb", "a\nb)", "a\n(", "[\n", "(?x)\\\n",
]


def record(pattern, flags=0):
    """CPython's verdict on one pattern, as one JSON-ready dict."""
    is_bytes = isinstance(pattern, bytes)
    entry = {"p": pattern.decode("latin-1") if is_bytes else pattern, "f": flags}
    if is_bytes:
        entry["bytes"] = True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = re.compile(pattern, flags)
            lo, hi = _parser.parse(pattern, flags).getwidth()
        entry["ok"] = True
        entry["groups"] = compiled.groups
        entry["width"] = [min(lo, (1 << 63) - 1), min(hi, (1 << 63) - 1)]
    except re.error as e:
        entry["ok"] = False
        entry["msg"] = e.msg
        entry["pos"] = e.pos
    except (ValueError, OverflowError) as e:
        entry["ok"] = False
        entry["msg"] = str(e)
        entry["pos"] = None
    except RecursionError:
        return None
    return entry


PIECES = ["(", ")", "(?", "(?:", "(?P<a>", "(?P=a)", "(?<=", "(?!", "(?=", "(?>", "(?(1)", "(?i)", "(?x)",
          "(?-i:", "[", "]", "[^", "-", "\\", "\\1", "\\0", "\\x4", "\\d", "\\b", "\\N{", "}", "{", "{1,2}",
          "{2,1}", ",", "*", "+", "?", "|", "^", "$", ".", "a", "b", "1", " ", "#", "\n", "i", "x", ":", "=",
          "!", "<", ">", "P", "q", "u", "L", "é"]


def fuzz(count, seed):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))


def main():
    cases = []
    for p in HAND_WRITTEN:
        cases.append((p, 0))
        cases.append((p, re.VERBOSE))
    for p in ["(?L)a", "(?u)a", r"\w", r"\u0041", r"\N{EM DASH}", "(?P<\xe9>x)", "[\xe9-\xff]", "\\\xe9",
              "(?aL)", "(?La)"]:
        cases.append((p.encode("latin-1"), 0))
    cases += [("a", re.LOCALE), ("a", re.ASCII | re.UNICODE), (b"a", re.UNICODE), (b"a", re.ASCII | re.LOCALE),
              ("(?a)a", re.UNICODE), ("a)", re.LOCALE), ("(?x)a b", 0), ("a b", re.VERBOSE)]
    cases += [(p, 0) for p in fuzz(4000, 20241126)]
    seen = set()
    out = sys.stdout
    for pattern, flags in cases:
        key = (type(pattern), pattern, flags)
        if key in seen:
            continue
        seen.add(key)
        entry = record(pattern, flags)
        if entry is not None:
            out.write(json.dumps(entry, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    if sys.version_info[:2] != (3, 13):
        sys.exit("run this with CPython 3.13")
    main()
