#!/usr/bin/env bash
# The sandboxed executor's tests need bubblewrap (L2) and util-linux's unshare and setpriv (L2b, the user
# switch as root); the unprivileged test pass (.ci/check.d/executor-unprivileged.sh) needs an interpreter
# outside root's home, which pyenv's are not: the system python3.
set -euo pipefail
missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v unshare >/dev/null && command -v setpriv >/dev/null || missing+=(util-linux)
[ -x /usr/bin/python3 ] || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
bwrap --version
