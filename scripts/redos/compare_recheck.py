#!/usr/bin/env python3
"""Runs recheck and PyGuard on corpus/redos/patterns.json and prints the comparison table for docs/benchmarks.md.

recheck checks JavaScript regexes, so each Python pattern is translated first: verbose mode is stripped,
leading global flags become JS flags, `(?P<n>` becomes `(?<n>`, `(?P=n)` becomes `\\k<n>`, `\\A` and `\\Z`
become `^` and `$`, and the `re` function becomes an anchor (`match`: `^(?:...)`, `fullmatch`: `^(?:...)$`,
`search` as is, since JS's `test` searches). Constructs JS lacks (atomic groups, possessive repeats,
conditionals, scoped flags) are reported as "unsupported". Both tools are run once per pattern as a fresh
command, and the wall time of each command is recorded.

    npm install --prefix .tools --no-save recheck-linux-x64@4.5.0
    dotnet publish bench/PyGuard.RedosCheck -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc -o out/redos
    python3 scripts/redos/compare_recheck.py --recheck .tools/node_modules/recheck-linux-x64/recheck --pyguard out/redos/pyguard-redos
"""
import argparse
import json
import pathlib
import re
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus/redos/patterns.json"
WHITESPACE = " \t\n\r\v\f"


def strip_verbose(pattern):
    """The pattern without the blanks and comments verbose mode ignores (outside classes, escapes kept)."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                out.append("[]")
                i += 2
                continue
        elif c in WHITESPACE:
            i += 1
            continue
        elif c == "#":
            while i < len(pattern) and pattern[i] != "\n":
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def to_js(entry):
    """(source, flags) of an equivalent JS regex, or (None, reason)."""
    pattern, flags = entry["pattern"], entry["flags"]
    leading = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    if leading:
        for letter in leading.group(1):
            flags |= {"i": 2, "L": 4, "m": 8, "s": 16, "u": 32, "x": 64, "a": 256}[letter]
        pattern = pattern[leading.end():]
    if flags & 64:
        pattern = strip_verbose(pattern)
    for construct, name in [(r"\(\?>", "atomic group"), (r"[*+?}]\+", "possessive repeat"),
                            (r"\(\?\(", "conditional"), (r"\(\?[aiLmsux-]*:", "scoped flags")]:
        if re.search(construct, pattern.replace("(?:", "")) if name == "scoped flags" else re.search(construct, pattern):
            return None, name
    pattern = re.sub(r"\(\?P<", "(?<", pattern)
    pattern = re.sub(r"\(\?P=(\w+)\)", r"\\k<\1>", pattern)
    pattern = pattern.replace("\\Z", "$").replace("\\A", "^").replace("/", "\\/")
    if entry["mode"] == "match":
        pattern = f"^(?:{pattern})"
    elif entry["mode"] == "fullmatch":
        pattern = f"^(?:{pattern})$"
    js_flags = "".join(letter for bit, letter in [(2, "i"), (8, "m"), (16, "s")] if flags & bit)
    return (pattern, js_flags), None


def run_recheck(recheck, source, flags):
    start = time.perf_counter()
    proc = subprocess.run([recheck, "--timeout", "10s", f"/{source}/{flags}"], capture_output=True, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    fields = dict(line.split(":", 1) for line in proc.stdout.splitlines() if ":" in line)
    status = fields.get("Status       ", "").strip()
    complexity = fields.get("Complexity   ", "").strip()
    if status == "vulnerable":
        verdict = "exponential" if complexity.startswith("exponential") else "polynomial"
    elif status == "safe":
        verdict = "safe"
    else:
        verdict = status or "error"
    return verdict, complexity, elapsed


def run_pyguard(pyguard, entry):
    command = (pyguard if isinstance(pyguard, list) else [pyguard]) + [
        "--mode", entry["mode"], "--flags", str(entry["flags"])] + (["--bytes"] if entry["bytes"] else []) + [entry["pattern"]]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    result = json.loads(proc.stdout.splitlines()[0])
    verdict = {"linear": "safe"}.get(result["complexity"], result["complexity"])
    degree = f" {result['degree']}" if result["complexity"] == "polynomial" else ""
    return verdict, verdict + degree, elapsed, result["ms"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--recheck", required=True)
    parser.add_argument("--pyguard", required=True, help="the pyguard-redos executable (or a .dll, run with dotnet)")
    args = parser.parse_args()
    pyguard = ["dotnet", args.pyguard] if args.pyguard.endswith(".dll") else args.pyguard
    patterns = json.loads(CORPUS.read_text(encoding="utf-8"))["patterns"]
    rows, stats = [], {"recheck_ms": [], "pyguard_ms": [], "pyguard_in_process_ms": []}
    tally = {"recheck_caught": 0, "pyguard_caught_recheck": 0, "vulnerable": 0, "safe": 0, "recheck_fp": 0,
             "pyguard_fp": 0, "pyguard_class_ok": 0, "recheck_class_ok": 0, "unsupported": 0}
    for entry in patterns:
        label = entry["label"]
        truth = label if label != "polynomial" else "polynomial"
        js, reason = to_js(entry)
        if js is None:
            r_verdict, r_text, r_ms = "unsupported", f"unsupported ({reason})", None
            tally["unsupported"] += 1
        else:
            r_verdict, r_text, r_ms = run_recheck(args.recheck, *js)
            stats["recheck_ms"].append(r_ms)
        p_verdict, p_text, p_ms, p_inner = run_pyguard(pyguard, entry)
        stats["pyguard_ms"].append(p_ms)
        stats["pyguard_in_process_ms"].append(p_inner)
        if label == "safe":
            tally["safe"] += 1
            tally["recheck_fp"] += r_verdict in ("exponential", "polynomial")
            tally["pyguard_fp"] += p_verdict != "safe"
        else:
            tally["vulnerable"] += 1
            if r_verdict in ("exponential", "polynomial"):
                tally["recheck_caught"] += 1
                tally["pyguard_caught_recheck"] += p_verdict != "safe"
        tally["pyguard_class_ok"] += p_verdict == truth
        tally["recheck_class_ok"] += r_verdict == truth
        rows.append((entry["id"], f"{label}{' ' + str(entry['degree']) if label == 'polynomial' else ''}", r_text,
                     "" if r_ms is None else f"{r_ms:.0f}", p_text, f"{p_ms:.0f}", f"{p_inner:.2f}"))
    print("| pattern | CPython (timed) | recheck | recheck ms/command | PyGuard | PyGuard ms/command | PyGuard ms in process |")
    print("| --- | --- | --- | ---: | --- | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()

    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2] if xs else float("nan")

    print(json.dumps({**tally, "recheck_median_ms_per_command": round(median(stats["recheck_ms"]), 1),
                      "pyguard_median_ms_per_command": round(median(stats["pyguard_ms"]), 1),
                      "pyguard_median_ms_in_process": round(median(stats["pyguard_in_process_ms"]), 3)}))


if __name__ == "__main__":
    main()
