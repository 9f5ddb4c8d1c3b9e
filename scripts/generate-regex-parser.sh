#!/usr/bin/env bash
# Regenerates the C# lexer and parser of PyGuard's Python regex grammar with antlr-ng.
#   scripts/generate-regex-parser.sh            rewrite src/PyGuard.Regex/Parsing/Generated
#   scripts/generate-regex-parser.sh --check    regenerate into a temporary folder and fail if it differs
# antlr-ng comes from .tools/node_modules (installed by .ci/setup.d/npm-tools.sh) or, outside CI,
# from any node_modules folder named by ANTLR_NG_HOME.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
grammars="$root/src/PyGuard.Regex/Parsing/Grammar"
target="$root/src/PyGuard.Regex/Parsing/Generated"

tool=""
for home in "${ANTLR_NG_HOME:-}" "$root/.tools/node_modules"; do
  if [ -n "$home" ] && [ -f "$home/antlr-ng/dist/cli/runner.js" ]; then tool="$home/antlr-ng/dist/cli/runner.js"; break; fi
done
if [ -z "$tool" ]; then
  echo "antlr-ng not found: run .ci/setup.d/npm-tools.sh (or set ANTLR_NG_HOME to a node_modules folder holding it)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$grammars"/PythonRegexLexer.g4 "$grammars"/PythonRegexParser.g4 "$work/"
# The lexer first: the parser grammar reads its token vocabulary.
(cd "$work" && node "$tool" -Dlanguage=CSharp --package PyGuard.Regex.Parsing.Generated \
  --generate-listener false --generate-visitor false -o out PythonRegexLexer.g4 >/dev/null \
  && node "$tool" -Dlanguage=CSharp --package PyGuard.Regex.Parsing.Generated --lib out \
  --generate-listener false --generate-visitor false -o out PythonRegexParser.g4 >/dev/null)

# Only the C# files matter. The classes are made internal (they are not part of the library's API) and
# the header says where they come from; nothing in them depends on the temporary folder, so regeneration
# is byte-for-byte stable.
mkdir -p "$work/final"
for f in "$work"/out/*.cs; do
  { echo "// Generated from src/PyGuard.Regex/Parsing/Grammar/$(basename "$f" .cs).g4 by scripts/generate-regex-parser.sh (antlr-ng). Do not edit."
    echo "#pragma warning disable CS3021 // the template marks classes CLS-compliant; this assembly makes no such claim"
    sed -e 's/^public partial class /internal partial class /' "$f"; } > "$work/final/$(basename "$f")"
done

if [ "${1:-}" = "--check" ]; then
  if ! diff -r -q "$work/final" "$target" >/dev/null; then
    diff -r "$work/final" "$target" | head -n 40 >&2
    echo "src/PyGuard.Regex/Parsing/Generated is stale: run scripts/generate-regex-parser.sh" >&2
    exit 1
  fi
  exit 0
fi
rm -f "$target"/*.cs
cp "$work"/final/*.cs "$target/"
