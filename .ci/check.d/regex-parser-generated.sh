#!/usr/bin/env bash
# The committed C# lexer and parser must be what antlr-ng makes of the grammar.
set -euo pipefail
bash scripts/generate-regex-parser.sh --check
