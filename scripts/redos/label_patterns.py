#!/usr/bin/env python3
"""Labels corpus/redos/patterns.json by timing attacks in CPython 3.13 (the ground truth of PyGuard's ReDoS tests).

For each pattern, each attack (prefix + pump * n + suffix) is run through the pattern's `re` function at
n = 4, 8, 16, ... in a fresh subprocess, until one call takes over 0.25 s or n reaches 16384; the subprocess
is killed after a timeout. The growth of the time gives the label:

* killed while n was still at most 256, over 0.25 s for one call at n <= 64, or two doubling ratios in a row
  of 16 or more: exponential;
* otherwise log2 of the lower median of the last three ratios (times at least 0.5 ms) of 1.5 or more:
  polynomial of that degree (rounded);
* otherwise safe.

Patterns whose author expected them to be vulnerable are timed with their own attack. Patterns expected to
be safe are also timed with a battery of generic attacks (every printable character of the pattern and a few
common ones as the pump, two failing suffixes), so a safe label means none of them grew. A pattern's label is
its worst result. Ratios, never absolute times, decide.

    ~/.pyenv/versions/3.13.*/bin/python3 scripts/redos/label_patterns.py [--only ID...]
"""
import concurrent.futures
import json
import math
import pathlib
import subprocess
import sys

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "corpus/redos/patterns.json"
TIMEOUT = 12.0
CHILD = r"""
import json, re, sys, time
spec = json.loads(sys.argv[1])
def text(s):
    return s.encode('latin-1') if spec['bytes'] else s
run = getattr(re.compile(text(spec['pattern']), spec['flags']), spec['mode'])
prefix, pump, suffix = (text(spec['attack'][k]) for k in ('prefix', 'pump', 'suffix'))
n = 4
while n <= 16384:
    s = prefix + pump * n + suffix
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        run(s)
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
        if best > 0.01:
            break
    print(json.dumps([n, best]), flush=True)
    if best > 0.25:
        break
    n *= 2
"""
GENERIC_PUMPS = ["a", "1", " ", ".", "-", "@", "<", "/", "\t"]
GENERIC_SUFFIXES = ["!", "\n\x00"]


def time_attack(entry, attack):
    """The (n, seconds) series of one attack, the faster of two runs at each n (a busy machine only ever makes a
    call slower), and whether a subprocess had to be killed."""
    first, killed = time_once(entry, attack)
    if killed:
        return first, killed
    second, killed = time_once(entry, attack)
    faster = dict(first)
    for n, t in second:
        faster[n] = min(t, faster.get(n, t))
    return sorted(faster.items()), killed


def time_once(entry, attack):
    spec = dict(entry, attack=attack)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(spec)], stdout=subprocess.PIPE, text=True)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
        killed = False
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        killed = True
    return [json.loads(line) for line in out.splitlines() if line.strip()], killed


def classify(series, killed):
    """Exponential when killed early or when the time keeps multiplying; polynomial when the median of the last
    doubling ratios is clearly above 2 (one noisy measurement cannot decide either way)."""
    if killed and (not series or series[-1][0] <= 256):
        return "exponential", 0
    ratios = [t2 / t1 for (_, t1), (_, t2) in zip(series, series[1:]) if t1 >= 0.00002]
    # A quarter of a second at n <= 64 is beyond any polynomial of small degree in sre.
    if series and series[-1][1] > 0.25 and series[-1][0] <= 64 or len(ratios) >= 2 and min(ratios[-2:]) >= 16:
        return "exponential", 0
    timed = [t2 / t1 for (_, t1), (_, t2) in zip(series, series[1:]) if t1 >= 0.0005]
    if len(timed) < 2 or series[-1][1] < 0.005:
        return "safe", 1
    # The lower median of the last three ratios: one slow outlier must not make a linear match look polynomial.
    last = sorted(timed[-3:])
    typical = last[(len(last) - 1) // 2]
    degree = math.log2(typical)
    return ("polynomial", round(degree)) if degree >= 1.5 else ("safe", 1)


def attacks_for(entry):
    attacks = [entry["attack"]]
    if entry["expected"] == "safe":
        chars = [c for c in dict.fromkeys(entry["pattern"]) if c.isprintable() and c not in "\\^$()[]{}?*+|"]
        for pump in list(dict.fromkeys(chars[:8] + GENERIC_PUMPS)):
            for suffix in GENERIC_SUFFIXES:
                attacks.append({"prefix": entry["attack"]["prefix"], "pump": pump, "suffix": suffix})
    return attacks


RANK = {"safe": 0, "polynomial": 1, "exponential": 2}


def label(entry):
    worst = ("safe", 1, None, None)
    for attack in attacks_for(entry):
        series, killed = time_attack(entry, attack)
        cls, degree = classify(series, killed)
        if (RANK[cls], degree if cls == "polynomial" else 0) > (RANK[worst[0]], worst[1] if worst[0] == "polynomial" else 0):
            worst = (cls, degree, attack, series)
        if worst[0] == "exponential":
            break
        if worst[3] is None:
            worst = (worst[0], worst[1], attack, series)
    cls, degree, attack, series = worst
    result = {"label": cls, "degree": degree, "timings": {"attack": attack, "series": [[n, round(t, 6)] for n, t in series]}}
    return entry["id"], result


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("run this with CPython 3.13")
    only = set(sys.argv[sys.argv.index("--only") + 1:]) if "--only" in sys.argv else None
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    todo = [p for p in data["patterns"] if only is None or p["id"] in only]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(label, todo))
    for p in data["patterns"]:
        if p["id"] in results:
            p.update(results[p["id"]])
            print(f'{p["id"]:32} expected {p["expected"]:10} measured {p["label"]:11} degree {p["degree"]}')
    CORPUS.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
