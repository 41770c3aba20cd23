#!/usr/bin/env bash
# `npm test`: everything, in the order a failure is cheapest to find. First the programs the tests
# drive that npm cannot install (Debian packages, installed here when missing, as
# scripts/s3-server.sh installs Ceph), then Biome (formatting and lint, warnings count), type
# checks, the build (the runtime and command-line
# tests load dist/), the API reference (TypeDoc into docs/api/: an undocumented export, a type not
# exported or a broken link fails), then vitest: unit tests, integration tests against a real S3
# server (started by test/integration/global-setup.ts unless S3_ENDPOINT is set), the built `s3kit`
# command line against that server, and the 'runtimes' project: the same scenario in Chromium,
# workerd, Deno, Bun and Node (ESM and CJS), the examples/, plus the packed package's checks (file
# list, publint, attw, consumer type-checks under bundler/node16/nodenext/node10). Last, the
# bundle-size budgets.
# It ends with one line `tests: N passed, M failed` counted from vitest's JSON report.
#
# Sourcing this file (`. scripts/test.sh`) defines the functions without running anything, which
# is how test/unit/test-script.test.ts checks the installer.
set -uo pipefail

# What the tests run that is not an npm package, as "command:Debian package:what needs it".
# CHROMIUM_PATH (read by the browser tests) replaces Debian's Chromium with a browser of your own.
# `script` (util-linux's bsdutils, part of every Debian) gives the command-line tests a terminal.
REQUIRED_PROGRAMS=(
  "script:bsdutils:the command-line progress test (a terminal)"
)
[[ -n ${CHROMIUM_PATH:-} ]] || REQUIRED_PROGRAMS+=("chromium:chromium:the browser tests (test/runtimes/chromium.test.ts, examples/browser-upload)")

log() { echo "test.sh: $*" >&2; }

# Installs the Debian packages of the programs in "$@" (entries as in REQUIRED_PROGRAMS) that are
# not on PATH. Needs root, or sudo without a password prompt; otherwise it says exactly what to
# install and fails, so no test later fails for a reason that has nothing to do with s3kit.
install_missing_programs() {
  local entry command package reason packages=() reasons=()
  for entry in "$@"; do
    IFS=: read -r command package reason <<<"$entry"
    command -v "$command" >/dev/null 2>&1 && continue
    packages+=("$package")
    reasons+=("$command ($package) for $reason")
  done
  ((${#packages[@]})) || return 0
  log "missing: ${reasons[*]}"
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      log "error: installing them needs root. Run as root: apt-get install --no-install-recommends ${packages[*]}"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "error: no apt-get here (not Debian/Ubuntu). Install these yourself: ${packages[*]}"
    return 1
  fi
  log "installing from Debian's packages: ${packages[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2 || {
    log "error: apt-get could not install ${packages[*]} (no network or no package archive?)"
    return 1
  }
  for entry in "$@"; do
    IFS=: read -r command package reason <<<"$entry"
    command -v "$command" >/dev/null 2>&1 || { log "error: $package is installed but $command is still not on PATH"; return 1; }
  done
}

step() {
  echo "── $*" >&2
  "$@" || status=1
}

main() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
  mkdir -p test-results
  rm -f test-results/vitest.json
  status=0
  install_missing_programs "${REQUIRED_PROGRAMS[@]}" || exit 1
  step npx biome check --error-on-warnings .
  step npx tsc -p tsconfig.json
  step npx tsc -p tsconfig.test.json
  step npx tsup --silent
  step npx typedoc
  step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
  step node scripts/size.mjs --check
  node scripts/test-summary.mjs test-results/vitest.json "$status"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
