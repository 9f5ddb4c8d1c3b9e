#!/usr/bin/env bash
# CI runs as root, where the executor switches to an unprivileged user itself. PyGuard run by an ordinary
# user takes other paths (no user switch, no cgroup, the sandbox under the same uid as PyGuard, so
# /proc/PID/environ and the user's own files are protected only by the namespaces and Landlock). Run the
# executor's tests a second time as such a user (nobody), from a copy of the built tests it can read, with
# the system interpreter (pyenv's live in root's private home).
set -euo pipefail
if [ "$(id -u)" != 0 ]; then
  echo "not running as root: the main test run was already unprivileged"
  exit 0
fi

built=tests/PyGuard.Execution.Tests/bin/Release/net10.0
[ -f "$built/PyGuard.Execution.Tests.dll" ] || { echo "build the tests first (dotnet test -c Release)" >&2; exit 1; }
[ -x /usr/bin/python3 ] || { echo "/usr/bin/python3 is missing (.ci/setup.d/executor.sh installs it)" >&2; exit 1; }

work=$(mktemp -d /tmp/pyguard-unprivileged-XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$built" "$work/tests"
mkdir -p "$work/home" "$work/tmp"
chown -R 65534:65534 "$work/home" "$work/tmp"
chmod -R a+rX "$work"

dotnet=$(readlink -f "$(command -v dotnet)")
# Start from the copy: the clone itself may sit in a directory only root can enter (mktemp -d is 0700),
# and the test host touches its working directory on the way out.
cd "$work"
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- \
  env -i PATH=/usr/bin:/bin HOME="$work/home" TMPDIR="$work/tmp" CI=true PYGUARD_TEST_PYTHON=/usr/bin/python3 \
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  "$dotnet" "$work/tests/PyGuard.Execution.Tests.dll"
