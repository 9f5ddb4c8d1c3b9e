#!/usr/bin/env bash
# Tools the regex library's checks need: antlr-ng (to regenerate the parser and compare it with the committed
# one) into .tools/, and the Unicode name aliases that scripts/generate-regex-unicode.py reads.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f .tools/node_modules/antlr-ng/dist/cli/runner.js ]; then
  npm install --prefix .tools --no-save --no-package-lock --no-audit --no-fund antlr-ng@1.0.10 >/dev/null
fi
if [ ! -f /usr/share/unicode/NameAliases.txt ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unicode-data >/dev/null
fi
