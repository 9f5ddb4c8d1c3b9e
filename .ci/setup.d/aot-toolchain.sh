#!/usr/bin/env bash
# NativeAOT publishing (.ci/check.d/aot-publish.sh) links with clang and needs zlib's headers.
set -euo pipefail
missing=()
command -v clang >/dev/null || missing+=(clang)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
clang --version | head -n 1
