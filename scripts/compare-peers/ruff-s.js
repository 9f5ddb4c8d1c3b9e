#!/usr/bin/env node
// Lints Python files with Ruff's flake8-bandit rules (S) through Ruff's WebAssembly build and prints, as
// JSON, Ruff's version and for every file the rule codes reported and whether Ruff could parse it.
//
//   node ruff-s.js [--preview] [--modules DIR]... FILE...
//
// --modules names a node_modules folder holding @astral-sh/ruff-wasm-nodejs (several may be given);
// otherwise node's own resolution (NODE_PATH, global folders) is used.
'use strict';

const fs = require('fs');

const PACKAGE = '@astral-sh/ruff-wasm-nodejs';

function parseArguments(argv) {
  const options = { preview: false, modules: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--preview') {
      options.preview = true;
    } else if (argv[i] === '--modules' && i + 1 < argv.length) {
      options.modules.push(argv[++i]);
    } else {
      options.files.push(argv[i]);
    }
  }
  return options;
}

function loadRuff(modules) {
  try {
    return require(require.resolve(PACKAGE, { paths: [...modules, ...(require.resolve.paths(PACKAGE) || [])] }));
  } catch {
    process.stderr.write(`ruff-s.js: ${PACKAGE} not found; install it with: npm install --prefix .tools ${PACKAGE}\n`);
    process.exit(3);
  }
}

const options = parseArguments(process.argv.slice(2));
const ruff = loadRuff(options.modules);
// Python 3.13 syntax, so that 3.12 f-strings and PEP 695 generics parse; S rules only.
const workspace = new ruff.Workspace(
  { 'target-version': 'py313', lint: { select: ['S'], preview: options.preview } },
  ruff.PositionEncoding.Utf16,
);

const files = {};
for (const file of options.files) {
  const diagnostics = workspace.check(fs.readFileSync(file, 'utf8'));
  // Syntax errors come back without a code or as invalid-syntax. Rules come back as codes (S307), or, with
  // preview enabled in this Ruff version, as rule names (suspicious-eval-usage); only S rules are selected.
  const isSyntaxError = (d) => !d.code || d.code === 'invalid-syntax';
  files[file] = {
    codes: diagnostics.filter((d) => !isSyntaxError(d)).map((d) => d.code),
    parsed: !diagnostics.some(isSyntaxError),
  };
}
process.stdout.write(JSON.stringify({ version: ruff.Workspace.version(), preview: options.preview, files }));
