"""An independent re-implementation of GitHub's primaryLocationLineHash, for PyGuard's tests.

Usage: python3 line_hash.py FILE...  prints {"FILE-NAME": ["hash:n", ...], ...} as JSON, one hash per
line, first line first. Written from the algorithm's description (github/codeql-action fingerprints):
the file is decoded as UTF-8 with replacement characters and read as UTF-16 code units; spaces and tabs
are skipped; CR LF, CR and LF each count as one LF; a line's hash is the base-37 polynomial, modulo 2**64,
of the 100 units from the line's first unit on; after the text come 0xFFFF and then zeros.
"""
import json
import os
import sys

MASK = (1 << 64) - 1
WINDOW = 100


def units_of(data: bytes):
    raw = data.decode("utf-8", errors="replace").encode("utf-16-le", errors="surrogatepass")
    return [raw[i] | (raw[i + 1] << 8) for i in range(0, len(raw), 2)]


def normalized(units):
    """The units that enter the hash, each with whether it starts a line."""
    previous_cr = False
    starts_line = True
    for unit in units + [0xFFFF]:
        if unit in (0x20, 0x09) or (previous_cr and unit == 0x0A):
            previous_cr = False
            continue
        previous_cr = unit == 0x0D
        if previous_cr:
            unit = 0x0A
        yield unit, starts_line
        starts_line = unit == 0x0A


def line_hashes(data: bytes):
    stream = list(normalized(units_of(data))) + [(0, False)] * WINDOW
    # Recompute each line's window from scratch: slow, but obviously the polynomial it is meant to be.
    seen = {}
    result = []
    for position, (_, starts_line) in enumerate(stream):
        if not starts_line:
            continue
        value = 0
        for unit, _ in stream[position:position + WINDOW]:
            value = (value * 37 + unit) & MASK
        text = format(value, "x")
        seen[text] = seen.get(text, 0) + 1
        result.append(f"{text}:{seen[text]}")
    return result


if __name__ == "__main__":
    output = {}
    for path in sys.argv[1:]:
        with open(path, "rb") as handle:
            output[os.path.basename(path)] = line_hashes(handle.read())
    json.dump(output, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
