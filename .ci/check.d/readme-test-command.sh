#!/usr/bin/env bash
# README.md's test command and the one .ci/run executes must be the same line.
set -euo pipefail
cmd=$(grep -E '^dotnet test ' .ci/run | head -n 1)
grep -qxF "$cmd" README.md || { echo "README.md does not give the test command .ci/run runs: $cmd" >&2; exit 1; }
