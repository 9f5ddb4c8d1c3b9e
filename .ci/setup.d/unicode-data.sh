#!/usr/bin/env bash
# The Unicode table freshness check reads the formal name aliases from Debian's unicode-data package
# (NameAliases.txt); everything else comes from CPython 3.13 itself.
set -euo pipefail
if [ ! -f /usr/share/unicode/NameAliases.txt ]; then
  apt-get install -y --no-install-recommends unicode-data >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y --no-install-recommends unicode-data >/dev/null; }
fi
