#!/usr/bin/env bash
# The NativeAOT build (the one docs/cli.md recommends for gates) must publish with warnings as errors
# and behave exactly like the JIT build: same exit codes and byte-identical json and sarif reports over
# the corpus under both presets, and a working `pyguard run` (the executor's bootstrap is an embedded
# resource, which trimming must keep).
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/PyGuard.Cli -c Release -v quiet -nologo >/dev/null
dotnet publish src/PyGuard.Cli -c Release -r linux-x64 -p:PublishAot=true -v quiet -nologo -o "$out/aot" >/dev/null
jit=src/PyGuard.Cli/bin/Release/net10.0/pyguard
aot="$out/aot/pyguard"
status=0
for policy in agent audit; do
  for format in json sarif; do
    jit_rc=0; "$jit" scan corpus --format "$format" --policy "$policy" >"$out/jit.out" 2>/dev/null || jit_rc=$?
    aot_rc=0; "$aot" scan corpus --format "$format" --policy "$policy" >"$out/aot.out" 2>/dev/null || aot_rc=$?
    if [ "$jit_rc" != "$aot_rc" ] || ! cmp -s "$out/jit.out" "$out/aot.out"; then
      echo "aot-publish: scan corpus --format $format --policy $policy differs (exit $jit_rc vs $aot_rc)" >&2
      status=1
    fi
  done
done
printed=$("$aot" run corpus/examples/hello.py 2>/dev/null) || { echo "aot-publish: pyguard run failed" >&2; exit 1; }
[ "$printed" = "hello, world!" ] || { echo "aot-publish: pyguard run printed '$printed'" >&2; status=1; }
exit "$status"
