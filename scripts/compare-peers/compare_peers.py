#!/usr/bin/env python3
"""Compares what Bandit, Ruff's S rules and PyGuard detect on the labelled corpus.

Runs each tool once over the whole corpus, timing it, and prints Markdown tables: per category, how many
hostile samples each tool detected, and how many benign samples it flagged (false positives); then the
time each tool took. A hostile sample counts as detected when Bandit reports an issue of medium or high
severity, when Ruff reports any S rule, and when PyGuard's verdict is block. Raw outputs go to
out/compare-peers/ (git-ignored). See corpus/README.md.

Exit codes: 0 every requested tool ran; 1 some tool was missing or failed (its column reads n/a and the
reason is on stderr); 2 bad arguments or an unreadable corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEADER_PREFIX = "# pyguard-corpus:"
CATEGORIES = ["import", "exec", "escape", "obfuscation", "resource", "redos", "exfil", "filesystem"]
TOOLS = ["bandit", "ruff", "pyguard"]
TOOL_TITLES = {"bandit": "Bandit", "ruff": "Ruff S", "pyguard": "PyGuard"}
RUFF_PACKAGE = "@astral-sh/ruff-wasm-nodejs"


class ToolUnavailable(Exception):
    """A tool that is not installed or failed; the message says how to fix it."""


@dataclass(frozen=True)
class Sample:
    path: Path  # absolute
    relative: str  # relative to the corpus, forward slashes
    hostile: bool
    category: str | None
    verdict: str


@dataclass
class ToolRun:
    """What one tool said about every sample: flagged or not, and which samples it could not parse."""

    version: str
    seconds: float
    cpu_seconds: float
    flagged: set[str] = field(default_factory=set)
    unparsed: set[str] = field(default_factory=set)


def load_samples(corpus: Path) -> list[Sample]:
    samples = []
    for path in sorted(corpus.glob("hostile/*/*.py")) + sorted(corpus.glob("benign/*.py")):
        relative = path.relative_to(corpus).as_posix()
        with path.open(encoding="utf-8", errors="replace") as handle:
            first = handle.readline()
        if not first.startswith(HEADER_PREFIX):
            raise ValueError(f"{relative}: no '{HEADER_PREFIX}' header on the first line")
        fields = dict(token.split("=", 1) for token in first[len(HEADER_PREFIX):].split() if "=" in token)
        hostile = relative.startswith("hostile/")
        samples.append(Sample(path, relative, hostile, fields.get("category") if hostile else None, fields.get("verdict", "")))
    if not samples:
        raise ValueError(f"no samples under {corpus}")
    return samples


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], accept: set[int], what: str) -> tuple[str, float, float]:
    """Runs a tool; returns its output, wall-clock seconds and CPU seconds (steadier on a busy machine)."""
    cpu = children_cpu_seconds()
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if completed.returncode not in accept:
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        raise ToolUnavailable(f"{what} failed with exit code {completed.returncode}: {detail[-1] if detail else 'no output'}")
    return completed.stdout, seconds, children_cpu_seconds() - cpu


def run_bandit(samples: list[Sample], corpus: Path, out: Path) -> ToolRun:
    bandit = shutil.which("bandit")
    if bandit is None:
        raise ToolUnavailable("bandit not found on PATH; install it with `apt-get install bandit` or `pipx install bandit`")
    version = subprocess.run([bandit, "--version"], capture_output=True, text=True).stdout.splitlines()[0].strip()
    report = out / "bandit.json"
    # Exit code 1 means "issues found".
    _, seconds, cpu = run([bandit, "-q", "-r", "-f", "json", "-o", str(report), str(corpus / "hostile"), str(corpus / "benign")], {0, 1}, "bandit")
    data = json.loads(report.read_text(encoding="utf-8"))
    by_path = {str(s.path.resolve()): s.relative for s in samples}
    result = ToolRun(version, seconds, cpu)
    for issue in data.get("results", []):
        if issue["issue_severity"] in ("MEDIUM", "HIGH"):
            result.flagged.add(by_path[str(Path(issue["filename"]).resolve())])
    for error in data.get("errors", []):
        result.unparsed.add(by_path[str(Path(error["filename"]).resolve())])
    return result


def node_modules_candidates(extra: list[str]) -> list[str]:
    candidates = list(extra)
    if os.environ.get("RUFF_WASM_NODE_MODULES"):
        candidates.append(os.environ["RUFF_WASM_NODE_MODULES"])
    candidates.append(str(REPO / ".tools" / "node_modules"))
    return candidates


def run_ruff(samples: list[Sample], out: Path, node_modules: list[str], preview: bool) -> ToolRun:
    node = shutil.which("node")
    if node is None:
        raise ToolUnavailable("node not found on PATH; Ruff's S rules run through its WebAssembly build under Node.js")
    command = [node, str(Path(__file__).with_name("ruff-s.js"))]
    for folder in node_modules_candidates(node_modules):
        command += ["--modules", folder]
    if preview:
        command.append("--preview")
    command += [str(s.path) for s in samples]
    # ruff-s.js itself says how to install the package when it cannot find it.
    stdout, seconds, cpu = run(command, {0}, "ruff-s.js")
    (out / "ruff.json").write_text(stdout, encoding="utf-8")
    data = json.loads(stdout)
    by_path = {str(s.path): s.relative for s in samples}
    result = ToolRun(f"ruff {data['version']}{' (preview rules)' if data['preview'] else ''}", seconds, cpu)
    for path, verdict in data["files"].items():
        if verdict["codes"]:
            result.flagged.add(by_path[path])
        if not verdict["parsed"]:
            result.unparsed.add(by_path[path])
    return result


def pyguard_command(explicit: str | None) -> list[str]:
    if explicit:
        return explicit.split()
    dotnet = shutil.which("dotnet")
    if dotnet is None:
        raise ToolUnavailable("dotnet not found on PATH; PyGuard needs the .NET 10 SDK")
    dll = REPO / "src" / "PyGuard.Cli" / "bin" / "Release" / "net10.0" / "pyguard.dll"
    if not dll.exists():
        # Built once here, outside the timing, so that the measured time is the scan alone.
        print("building PyGuard (dotnet build src/PyGuard.Cli -c Release) ...", file=sys.stderr)
        run([dotnet, "build", str(REPO / "src" / "PyGuard.Cli"), "-c", "Release", "--nologo", "-v", "q"], {0}, "dotnet build of PyGuard")
    return [dotnet, str(dll)]


def run_pyguard(samples: list[Sample], corpus: Path, out: Path, explicit: str | None) -> ToolRun:
    command = pyguard_command(explicit)
    version = subprocess.run(command + ["--version"], capture_output=True, text=True).stdout.strip() or "pyguard"
    # Exit code 1 means "some verdict is review or block".
    stdout, seconds, cpu = run(command + ["scan", "--format", "json", str(corpus / "hostile"), str(corpus / "benign")], {0, 1}, "pyguard scan")
    (out / "pyguard.json").write_text(stdout, encoding="utf-8")
    by_path = {str(s.path.resolve()): s.relative for s in samples}
    result = ToolRun(version, seconds, cpu)
    for file in json.loads(stdout)["files"]:
        relative = by_path[str(Path(file["path"]).resolve())]
        if file["verdict"] == "block":
            result.flagged.add(relative)
        if any(f["ruleId"] == "PG901" for f in file["findings"]):
            result.unparsed.add(relative)
    return result


def cell(flagged: int, total: int) -> str:
    return f"{flagged} ({100 * flagged / total:.0f}%)" if total else "0"


def detection_table(samples: list[Sample], runs: dict[str, ToolRun | None]) -> str:
    tools = list(runs)
    lines = [
        "| category | files | " + " | ".join(TOOL_TITLES[t] for t in tools) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in tools) + " |",
    ]

    def row(label: str, group: list[Sample]) -> str:
        cells = [("n/a" if runs[t] is None else cell(sum(s.relative in runs[t].flagged for s in group), len(group))) for t in tools]
        return f"| {label} | {len(group)} | " + " | ".join(cells) + " |"

    hostile = [s for s in samples if s.hostile]
    for category in CATEGORIES:
        lines.append(row(category, [s for s in hostile if s.category == category]))
    lines.append(row("**all hostile (detected)**", hostile))
    lines.append(row("**benign, allow (false positives)**", [s for s in samples if not s.hostile and s.verdict == "allow"]))
    lines.append(row("benign, review (flagged)", [s for s in samples if not s.hostile and s.verdict == "review"]))
    return "\n".join(lines)


def timing_table(samples: list[Sample], runs: dict[str, ToolRun | None]) -> str:
    lines = ["| tool | version | wall-clock s | CPU s | files it could not parse |", "| --- | --- | ---: | ---: | ---: |"]
    for tool, result in runs.items():
        if result is None:
            lines.append(f"| {TOOL_TITLES[tool]} | n/a | n/a | n/a | n/a |")
        else:
            lines.append(f"| {TOOL_TITLES[tool]} | {result.version} | {result.seconds:.2f} | {result.cpu_seconds:.2f} | {len(result.unparsed)} |")
    return "\n".join(lines) + (f"\n\nOne run of each tool over the whole corpus ({len(samples)} files), start-up included; "
                                "CPU s is user plus system time of the tool's processes.")


def details(samples: list[Sample], runs: dict[str, ToolRun | None]) -> str:
    tools = [t for t, r in runs.items() if r is not None]
    lines = ["| sample | expected | " + " | ".join(TOOL_TITLES[t] for t in tools) + " |", "| --- | --- | " + " | ".join("---" for _ in tools) + " |"]
    for s in samples:
        marks = []
        for t in tools:
            flagged = s.relative in runs[t].flagged
            mark = ("flagged" if flagged else "-") + (" (unparsed)" if s.relative in runs[t].unparsed else "")
            marks.append(mark)
        lines.append(f"| {s.relative} | {'detect' if s.hostile else s.verdict} | " + " | ".join(marks) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus", help="the corpus folder (default: corpus/ of this repository)")
    parser.add_argument("--out", type=Path, default=REPO / "out" / "compare-peers", help="where raw outputs and report.md go")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--node-modules", action="append", default=[], metavar="DIR",
                        help=f"a node_modules folder holding {RUFF_PACKAGE} (also: $RUFF_WASM_NODE_MODULES, .tools/node_modules)")
    parser.add_argument("--ruff-preview", action="store_true", help="also enable Ruff's preview S rules")
    parser.add_argument("--pyguard", metavar="COMMAND", help="command that runs pyguard (default: the Release build of src/PyGuard.Cli)")
    parser.add_argument("--details", action="store_true", help="also print what each tool said about every sample")
    args = parser.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if not tools or any(t not in TOOLS for t in tools):
        parser.error(f"--tools takes a comma-separated subset of {','.join(TOOLS)}")
    try:
        samples = load_samples(args.corpus.resolve())
    except (OSError, ValueError) as error:
        print(f"compare_peers: {error}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus.resolve()

    runners = {
        "bandit": lambda: run_bandit(samples, corpus, args.out),
        "ruff": lambda: run_ruff(samples, args.out, args.node_modules, args.ruff_preview),
        "pyguard": lambda: run_pyguard(samples, corpus, args.out, args.pyguard),
    }
    runs: dict[str, ToolRun | None] = {}
    failed = False
    for tool in tools:
        try:
            runs[tool] = runners[tool]()
        except ToolUnavailable as error:
            print(f"compare_peers: {TOOL_TITLES[tool]}: {error}", file=sys.stderr)
            runs[tool] = None
            failed = True

    report = "\n\n".join(
        ["## Detection on the labelled corpus", detection_table(samples, runs), "## Time", timing_table(samples, runs)]
        + (["## Per sample", details(samples, runs)] if args.details else [])
    ) + "\n"
    (args.out / "report.md").write_text(report, encoding="utf-8")
    print(report, end="")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
