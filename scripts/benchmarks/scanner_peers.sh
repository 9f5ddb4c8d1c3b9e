#!/usr/bin/env bash
# Whole-command timings of PyGuard, Bandit and Ruff (S rules, WebAssembly build) on the same inputs, in
# one session: a scan of CPython 3.13's standard library (every .py outside site-packages) and a scan of
# one snippet, each command run RUNS times. Prints one line per run: tool, input, wall s, CPU s, peak RSS.
#
#   scripts/benchmarks/scanner_peers.sh PYGUARD [RUNS]
#
# PYGUARD is the command that runs PyGuard: a published binary (bin/.../publish/pyguard) or
# "dotnet src/PyGuard.Cli/bin/Release/net10.0/pyguard.dll". Needs /usr/bin/time, bandit, node and
# @astral-sh/ruff-wasm-nodejs in .tools/node_modules or RUFF_MODULES (a node_modules folder).
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 PYGUARD [RUNS]" >&2
    exit 2
fi

pyguard=$1
runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
stdlib=${PYGUARD_BENCH_STDLIB:-$(ls -d "$HOME"/.pyenv/versions/3.13.*/lib/python3.13 | sort | tail -n 1)}
snippet=$root/corpus/examples/agent_snippet.py
modules=${RUFF_MODULES:-$root/.tools/node_modules}
list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$stdlib" -name '*.py' -not -path '*/site-packages/*' | sort > "$list"
echo "# $(wc -l < "$list") files, $(xargs cat < "$list" | wc -l) lines under $stdlib"

measure() {
    local tool=$1 input=$2
    shift 2
    # Exit codes report findings (PyGuard 1/2 for warn/block, Bandit 1): only the timing matters here.
    /usr/bin/time -f "$tool $input %e s wall %U+%S s CPU %M KB" "$@" > /dev/null 2> >(tail -n 1 >&2) || true
}

for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086 # PYGUARD may be "dotnet path/pyguard.dll"
    measure pyguard snippet $pyguard scan --no-progress "$snippet"
    measure bandit snippet bandit -q -f json "$snippet"
    measure ruff snippet node "$root/scripts/compare-peers/ruff-s.js" --modules "$modules" "$snippet"
done

mapfile -t files < "$list"
for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    measure pyguard stdlib $pyguard scan --no-progress --format json "${files[@]}"
    measure bandit stdlib bandit -q -f json "${files[@]}"
    measure ruff stdlib node "$root/scripts/compare-peers/ruff-s.js" --modules "$modules" "${files[@]}"
done
