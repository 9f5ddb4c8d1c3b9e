#!/usr/bin/env bash
# The syntax-tree classes are generated from CPython 3.13's ast module; fail if they drifted.
set -euo pipefail
py=$(ls -d "$HOME"/.pyenv/versions/3.13.*/bin/python3 | head -n 1)
"$py" scripts/generate-ast-nodes.py --check
