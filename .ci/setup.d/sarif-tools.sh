#!/usr/bin/env bash
# The SARIF validation tests (tests/PyGuard.Cli.Tests/Sarif/SarifValidationTests.cs) check PyGuard's SARIF
# with the Microsoft SARIF multitool (GitHub's ingestion rules included) and with ajv against the
# SARIF 2.1.0 schema the multitool ships. Both are npm packages, installed into .tools/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."

multitool=.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -f "$multitool" ] || [ ! -f .tools/node_modules/ajv-cli/package.json ] || [ ! -f .tools/node_modules/ajv-formats/package.json ]; then
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error \
    @microsoft/sarif-multitool@5.7.0 ajv@8.20.0 ajv-cli@5.0.0 ajv-formats@3.0.1 >/dev/null
fi

# npm 11 does not run the platform package's postinstall script, which is what makes the binary executable.
chmod u+x "$multitool"
