#!/usr/bin/env bash
# Every npm tool the tests and checks use, installed into .tools/ (git-ignored) by ONE npm command: a
# later `npm install --prefix .tools` of other packages would prune these as extraneous.
#   antlr-ng                      regenerates the regex parser; .ci/check.d/regex-parser-generated.sh
#                                 fails when the committed C# differs from the grammar's output
#   @microsoft/sarif-multitool,   validate PyGuard's SARIF (GitHub's rules included) and check it against
#   ajv, ajv-cli, ajv-formats     the SARIF 2.1.0 schema the multitool ships
#                                 (tests/PyGuard.Cli.Tests/Sarif/SarifValidationTests.cs)
set -euo pipefail
cd "$(dirname "$0")/../.."

multitool=.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
wanted=(.tools/node_modules/antlr-ng/dist/cli/runner.js "$multitool" .tools/node_modules/ajv-cli/package.json
  .tools/node_modules/ajv-formats/package.json)
missing=0
for file in "${wanted[@]}"; do [ -f "$file" ] || missing=1; done
if [ "$missing" = 1 ]; then
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    antlr-ng@1.0.10 @microsoft/sarif-multitool@5.7.0 ajv@8.20.0 ajv-cli@5.0.0 ajv-formats@3.0.1 >/dev/null
fi

# npm 11 does not run the platform package's postinstall script, which is what makes the binary executable.
chmod u+x "$multitool"
