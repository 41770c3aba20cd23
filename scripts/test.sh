#!/usr/bin/env bash
# `npm test`: everything, in the order a failure is cheapest to find. Type checks, the build (the
# runtime tests load dist/), then vitest: unit tests, integration tests against a real S3 server
# (started by test/integration/global-setup.ts unless S3_ENDPOINT is set), and the 'runtimes'
# project: the same scenario in Chromium, workerd, Deno, Bun and Node (ESM and CJS) against that
# server, plus the packed package's checks (file list, publint, attw, consumer type-checks under
# bundler/node16/nodenext/node10). Last, the per-command bundle-size budgets.
# It ends with one line `tests: N passed, M failed` counted from vitest's JSON report.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json
status=0

step() {
  echo "── $*" >&2
  "$@" || status=1
}

step npx tsc -p tsconfig.json
step npx tsc -p tsconfig.test.json
step npx tsup --silent
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step node scripts/size.mjs --check

node scripts/test-summary.mjs test-results/vitest.json "$status"
