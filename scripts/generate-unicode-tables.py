#!/usr/bin/env python3
"""Generates the Unicode tables PyGuard's lexer and repr need, from CPython 3.13's own unicodedata.

PyGuard must read identifiers, `\\N{...}` escapes and printable characters exactly as CPython 3.13 does,
which means Unicode 15.1 as CPython ships it, not whatever version .NET or ICU carries. So every table is
read from the interpreter, code point by code point:

- identifier start / continue sets (str.isidentifier), printable set (str.isprintable);
- NFKC data (full compatibility decompositions, canonical combining classes, primary composites), since
  PEP 3131 normalises every non-ASCII identifier with NFKC;
- character names for `\\N{NAME}`: every named code point except the algorithmic CJK ideographs and
  Hangul syllables (computed in code), plus the formal name aliases, which unicodedata can look up but
  not list. The aliases are read from NameAliases.txt of the Debian `unicode-data` package
  (`apt-get install unicode-data`) and each one is kept only if CPython's lookup resolves it to the same
  code point.

Run with CPython 3.13:

    ~/.pyenv/versions/3.13.0/bin/python3 scripts/generate-unicode-tables.py           # rewrite
    ~/.pyenv/versions/3.13.0/bin/python3 scripts/generate-unicode-tables.py --check   # fail if stale
"""
import pathlib
import sys
import unicodedata
import zlib

from generated_files import write_or_check

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT_CS = ROOT / "src/PyGuard.Syntax/Lexing/Unicode/UnicodeTables.g.cs"
OUT_NAMES = ROOT / "src/PyGuard.Syntax/Lexing/Unicode/UnicodeNames.bin"
ALIASES = pathlib.Path("/usr/share/unicode/NameAliases.txt")
MAX = 0x110000
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def ranges(predicate):
    """Sorted inclusive [first, last] pairs of the code points for which predicate holds."""
    out, start = [], None
    for c in range(MAX):
        if predicate(c):
            if start is None:
                start = c
        elif start is not None:
            out += [start, c - 1]
            start = None
    if start is not None:
        out += [start, MAX - 1]
    return out


def int_array(name, values, per_line=12):
    lines = [f"    internal static ReadOnlySpan<int> {name} =>", "    ["]
    for i in range(0, len(values), per_line):
        lines.append("        " + ", ".join(f"0x{v:X}" for v in values[i:i + per_line]) + ",")
    lines.append("    ];")
    return lines


def utf16_units(text):
    units = []
    for ch in text:
        c = ord(ch)
        if c >= 0x10000:
            c -= 0x10000
            units += [0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)]
        else:
            units.append(c)
    return units


def char_array(name, units, per_line=16):
    lines = [f"    internal static ReadOnlySpan<char> {name} =>", "    ["]
    for i in range(0, len(units), per_line):
        lines.append("        " + ", ".join(f"'\\u{u:04X}'" for u in units[i:i + per_line]) + ",")
    lines.append("    ];")
    return lines


def normalization_tables():
    keys, offsets, data = [], [], []
    for c in range(MAX):
        if HANGUL_FIRST <= c <= HANGUL_LAST:
            continue  # decomposed algorithmically
        nfkd = unicodedata.normalize("NFKD", chr(c))
        if nfkd != chr(c):
            keys.append(c)
            offsets.append(len(data))
            data += utf16_units(nfkd)
    offsets.append(len(data))

    ccc = []  # (first, last, class) runs of non-zero combining classes
    for c in range(MAX):
        value = unicodedata.combining(chr(c))
        if value:
            if ccc and ccc[-1][1] == c - 1 and ccc[-1][2] == value:
                ccc[-1][1] = c
            else:
                ccc.append([c, c, value])

    pairs = []  # primary composites: (first, second, composite), sorted by (first, second)
    for c in range(MAX):
        decomposition = unicodedata.decomposition(chr(c))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = [int(p, 16) for p in decomposition.split()]
        if len(parts) == 2 and unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(c):
            pairs.append((parts[0], parts[1], c))
    pairs.sort()
    return keys, offsets, data, ccc, pairs


def hangul_jamo():
    """The short jamo names that make up Hangul syllable names, read back from CPython's own names."""
    prefix = "HANGUL SYLLABLE "

    def name(l, v, t):
        return unicodedata.name(chr(HANGUL_FIRST + (l * 21 + v) * 28 + t))[len(prefix):]

    vowels_after_ieung = [name(11, v, 0) for v in range(21)]  # initial 11 (ieung) has an empty short name
    leads = [name(l, 0, 0)[: -len(vowels_after_ieung[0])] for l in range(19)]
    tails = [""] + [name(11, 0, t)[len(vowels_after_ieung[0]):] for t in range(1, 28)]
    return leads, vowels_after_ieung, tails


def names_blob():
    """zlib-compressed text: named code points (front-coded, delta-coded), a blank line, then aliases."""
    lines, previous_code, previous_name = [], -1, ""
    cjk = []
    for c in range(MAX):
        n = unicodedata.name(chr(c), None)
        if n is None:
            continue
        if n.startswith("CJK UNIFIED IDEOGRAPH-"):
            cjk.append(c)
            continue
        if n.startswith("HANGUL SYLLABLE "):
            continue
        shared = 0
        while shared < min(len(n), len(previous_name), 255) and n[shared] == previous_name[shared]:
            shared += 1
        lines.append(f"{c - previous_code - 1:x}\t{shared:x}\t{n[shared:]}")
        previous_code, previous_name = c, n
    lines.append("")
    if not ALIASES.exists():
        sys.exit(f"{ALIASES} is missing: install it with `apt-get install unicode-data`")
    aliases = []
    for raw in ALIASES.read_text(encoding="utf-8").splitlines():
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        code, alias, _kind = raw.split(";")
        c = int(code, 16)
        try:
            resolved = unicodedata.lookup(alias)
        except KeyError:
            continue
        if len(resolved) == 1 and ord(resolved) == c and unicodedata.name(chr(c), None) != alias:
            aliases.append((alias, c))
    for alias, c in sorted(set(aliases)):
        lines.append(f"{c:x}\t{alias}")
    blob = zlib.compress("\n".join(lines).encode("ascii"), 9)
    cjk_ranges = []
    for c in cjk:
        if cjk_ranges and cjk_ranges[-1] == c - 1:
            cjk_ranges[-1] = c
        else:
            cjk_ranges += [c, c]
    return blob, cjk_ranges


def generate():
    xid_start = ranges(lambda c: chr(c).isidentifier())
    xid_continue = ranges(lambda c: ("a" + chr(c)).isidentifier())
    printable = ranges(lambda c: chr(c).isprintable())
    keys, offsets, data, ccc, pairs = normalization_tables()
    blob, cjk_ranges = names_blob()
    leads, vowels, tails = hangul_jamo()

    out = ["// <auto-generated>",
           f"// Generated by scripts/generate-unicode-tables.py from unicodedata {unicodedata.unidata_version}"
           f" of CPython {sys.version.split()[0]}.",
           "// Do not edit: change the script and run it again.",
           "// </auto-generated>",
           "namespace PyGuard.Syntax.Lexing.Unicode;",
           "",
           "/// <summary>Code point sets and normalisation data read from CPython's unicodedata.</summary>",
           "internal static partial class UnicodeTables",
           "{",
           f"    internal const string UnicodeVersion = \"{unicodedata.unidata_version}\";",
           ""]
    out += ["    /// <summary>Inclusive ranges of characters that may start an identifier (XID_Start and '_').</summary>"]
    out += int_array("IdentifierStartRanges", xid_start) + [""]
    out += ["    /// <summary>Inclusive ranges of characters that may continue an identifier (XID_Continue).</summary>"]
    out += int_array("IdentifierContinueRanges", xid_continue) + [""]
    out += ["    /// <summary>Inclusive ranges of the characters str.isprintable() accepts.</summary>"]
    out += int_array("PrintableRanges", printable) + [""]
    out += ["    /// <summary>Code points whose NFKD form differs from themselves (Hangul syllables excepted), sorted.</summary>"]
    out += int_array("DecompositionKeys", keys) + [""]
    out += ["    /// <summary>Start of each key's NFKD form in <see cref=\"DecompositionData\"/>; one extra end entry.</summary>"]
    out += int_array("DecompositionOffsets", offsets) + [""]
    out += ["    /// <summary>The NFKD forms, UTF-16.</summary>"]
    out += char_array("DecompositionData", data) + [""]
    out += ["    /// <summary>Runs (first, last, class) of code points with a non-zero canonical combining class.</summary>"]
    out += int_array("CombiningClassRuns", [v for run in ccc for v in run]) + [""]
    out += ["    /// <summary>Primary composites as (first, second, composite), sorted by first then second.</summary>"]
    out += int_array("CompositionTriples", [v for p in pairs for v in p]) + [""]
    out += ["    /// <summary>Inclusive ranges of the CJK unified ideographs, named algorithmically.</summary>"]
    out += int_array("CjkUnifiedIdeographRanges", cjk_ranges) + [""]
    for name, values in (("HangulLeads", leads), ("HangulVowels", vowels), ("HangulTails", tails)):
        out.append(f"    internal static readonly string[] {name} = [{', '.join(chr(34) + v + chr(34) for v in values)}];")
    out.append("}")
    return "\n".join(out) + "\n", blob


def main():
    text, blob = generate()
    return write_or_check({OUT_CS: text, OUT_NAMES: blob}, "generate-unicode-tables.py")


if __name__ == "__main__":
    sys.exit(main())
