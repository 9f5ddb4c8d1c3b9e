#!/usr/bin/env bash
# The lexer's Unicode tables (identifiers, printable characters, NFKC, \N{} names) are generated from
# CPython 3.13's unicodedata; fail if they drifted.
set -euo pipefail
py=$(ls -d "$HOME"/.pyenv/versions/3.13.*/bin/python3 | head -n 1)
"$py" scripts/generate-unicode-tables.py --check
