#!/usr/bin/env bash
# The coding-cookie codec tables are generated from CPython 3.13's encodings package; fail if they drifted.
set -euo pipefail
py=$(ls -d "$HOME"/.pyenv/versions/3.13.*/bin/python3 | head -n 1)
"$py" scripts/generate-codec-tables.py --check
