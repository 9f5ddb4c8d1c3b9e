#!/usr/bin/env bash
# Scan speed of two or more commits of PyGuard, measured in one process that loads every build and lets
# them take turns over the same files (bench/PyGuard.BuildCompare). On a shared machine whose speed drifts
# within minutes, this is the fair before/after comparison; BenchmarkDotNet gives each build's own figure.
#
#   scripts/benchmarks/compare_builds.sh [-r ROUNDS] [-l LIST] REV_A REV_B [REV...]
#
# LIST names one Python file per line (default: CPython 3.13's standard library outside site-packages);
# ROUNDS is how many passes each build makes after three warm-up passes (default 12).
set -euo pipefail

rounds=12
list=
while getopts "r:l:" option; do
    case $option in
        r) rounds=$OPTARG ;;
        l) list=$OPTARG ;;
        *) echo "usage: $0 [-r ROUNDS] [-l LIST] REV_A REV_B [REV...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [[ $# -lt 2 ]]; then
    echo "usage: $0 [-r ROUNDS] [-l LIST] REV_A REV_B [REV...]" >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
cleanup() {
    for tree in "$work"/tree-*; do
        [[ -d $tree ]] && git -C "$root" worktree remove --force "$tree"
    done
    rm -rf "$work"
}
trap cleanup EXIT

if [[ -z $list ]]; then
    stdlib=${PYGUARD_BENCH_STDLIB:-$(ls -d "$HOME"/.pyenv/versions/3.13.*/lib/python3.13 | sort | tail -n 1)}
    list=$work/files.txt
    find "$stdlib" -name '*.py' -not -path '*/site-packages/*' | sort > "$list"
fi

builds=()
index=0
for revision in "$@"; do
    index=$((index + 1))
    tree=$work/tree-$index
    git -C "$root" worktree add --quiet --detach "$tree" "$revision"
    # A library build copies its packages (Tomlyn, ...) only when asked; the tool loads them from the folder.
    dotnet build "$tree/src/PyGuard.Gate/PyGuard.Gate.csproj" -c Release -p:CopyLocalLockFileAssemblies=true -o "$work/$index-${revision//\//_}" -nologo -v quiet > /dev/null
    builds+=("$work/$index-${revision//\//_}")
done

dotnet build "$root/bench/PyGuard.BuildCompare/PyGuard.BuildCompare.csproj" -c Release -o "$work/tool" -nologo -v quiet > /dev/null
# The large-object threshold the pyguard command sets in its runtimeconfig.json (src/PyGuard.Cli/PyGuard.Cli.csproj).
DOTNET_GCLOHThreshold=0x200000 dotnet "$work/tool/pyguard-buildcompare.dll" "$list" "$rounds" "${builds[@]}"
