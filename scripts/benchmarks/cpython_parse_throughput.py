#!/usr/bin/env python3
"""CPython's ast.parse throughput on the files PyGuard's ParserBenchmarks parses: every .py file of the
standard library below ROOT outside site-packages, read into memory first, parsed from bytes on one
thread, after one warm-up pass. Prints lines per second for the best and the median pass.

    ~/.pyenv/versions/3.13.0/bin/python3 scripts/benchmarks/cpython_parse_throughput.py \\
        ~/.pyenv/versions/3.13.0/lib/python3.13 [PASSES]
"""
import ast
import os
import statistics
import sys
import time


def load(root):
    paths = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if d != "site-packages"]
        paths += [os.path.join(directory, n) for n in names if n.endswith(".py")]
    sources = []
    for path in sorted(paths):
        with open(path, "rb") as f:
            sources.append(f.read())
    return sources


def one_pass(sources):
    parsed = 0
    start = time.perf_counter()
    for source in sources:
        try:
            ast.parse(source)
            parsed += 1
        except (SyntaxError, ValueError):
            pass
    return time.perf_counter() - start, parsed


def main():
    root = sys.argv[1]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    sources = load(root)
    lines = sum(source.count(b"\n") for source in sources)
    one_pass(sources)
    times = []
    for _ in range(passes):
        elapsed, parsed = one_pass(sources)
        times.append(elapsed)
    print(f"CPython {sys.version.split()[0]} ast.parse: {len(sources)} files ({parsed} parsed), {lines} lines, {passes} passes")
    print(f"best   {min(times):.3f} s = {lines / min(times):,.0f} lines/s")
    print(f"median {statistics.median(times):.3f} s = {lines / statistics.median(times):,.0f} lines/s")


if __name__ == "__main__":
    main()
