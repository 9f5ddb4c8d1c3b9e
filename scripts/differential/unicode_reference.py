#!/usr/bin/env python3
"""CPython 3.13's Unicode behaviour, for PyGuard's Unicode table tests. Run with CPython 3.13.

Prints one JSON object:
  identifier_start / identifier_continue: inclusive [first, last] ranges (str.isidentifier);
  nfkc: {code point: NFKC of the one-character string} for every identifier character it changes;
  nfkc_sequences: [[text, NFKC(text)], ...] for sequences that exercise reordering and composition;
  repr_blocks: [[first code point, repr(str of the 256 code points from there, surrogates left out)], ...];
  names: [[name, code point], ...] for every named code point (what \\N{name} must find).
"""
import json
import sys
import unicodedata

MAX = 0x110000


def ranges(predicate):
    out, start = [], None
    for c in range(MAX):
        if predicate(c):
            if start is None:
                start = c
        elif start is not None:
            out.append([start, c - 1])
            start = None
    if start is not None:
        out.append([start, MAX - 1])
    return out


def main():
    nfkc = {}
    for c in range(MAX):
        if ("a" + chr(c)).isidentifier():
            normal = unicodedata.normalize("NFKC", chr(c))
            if normal != chr(c):
                nfkc[c] = normal
    sequences = ["a\u0301\u0327", "a\u0327\u0301", "e\u0302\u0323", "\u1100\u1161\u11a8", "\u1100\u1161", "\uac00\u11a8",
                 "\u0041\u030a\u0301", "\u00c5\u0301", "\u0f73\u0f71", "\u1e9b\u0323", "\ufb01x", "\u2163\u00b2",
                 "\u0915\u093c", "\u0061\u0305\u0301\u0327", "\uff21\u0308", "\u03d3\u0301", "\u0308\u0301a", "\u3099\u304b"]
    repr_blocks = []
    for first in range(0, MAX, 256):
        text = "".join(chr(c) for c in range(first, first + 256) if not 0xD800 <= c <= 0xDFFF)
        repr_blocks.append([first, repr(text)])
    names = [[unicodedata.name(chr(c)), c] for c in range(MAX) if unicodedata.name(chr(c), None)]
    json.dump({
        "identifier_start": ranges(lambda c: chr(c).isidentifier()),
        "identifier_continue": ranges(lambda c: ("a" + chr(c)).isidentifier()),
        "nfkc": nfkc,
        "nfkc_sequences": [[s, unicodedata.normalize("NFKC", s)] for s in sequences],
        "repr_blocks": repr_blocks,
        "names": names,
    }, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
