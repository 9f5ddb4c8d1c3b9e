#!/usr/bin/env bash
# The standard-library module list is generated from the pyenv interpreters; fail if it drifted.
set -euo pipefail
python3 scripts/generate-stdlib-list.py --check
