#!/usr/bin/env bash
# The regex library's Unicode tables are generated from CPython 3.13; fail if they drifted.
set -euo pipefail
py=$(ls -d "$HOME"/.pyenv/versions/3.13.*/bin/python3 | head -n 1)
"$py" scripts/generate-regex-unicode.py --check
