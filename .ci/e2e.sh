#!/usr/bin/env bash
# Real-editor tests (see test/e2e/run.mjs): VS Code's own workbench and extension host, from
# code-server 4.100.3, driven by headless Chromium. Called by .ci/run after npm ci and npm test.
#
#   bash .ci/e2e.sh
#
# Installs what it needs (Debian: chromium, libkrb5-dev, ripgrep; npm: test/e2e's lockfile),
# packages the .vsix, runs the grammar check, the UI test against the installed .vsix and the
# extension-host mocha suite, keeps screenshots in test/artifacts/, and ends with
# "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
START=$(date +%s)

step() { echo "[e2e.sh $(( $(date +%s) - START ))s] $*"; }
fail() {
  echo "e2e.sh: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

# 1. Debian packages (only what is missing).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || fail "apt-get update failed"
  apt-get install -y -qq "${need[@]}" >/dev/null || fail "apt-get install ${need[*]} failed"
fi
command -v chromium >/dev/null 2>&1 || fail "chromium is not installed"

# 2. @vscode/ripgrep's postinstall downloads from GitHub, which is out of reach: give it Debian's
#    rg in its download cache, where it finds it ("Using cached download").
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RG_TAR="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TAR" ]; then
  step "ripgrep cache at $RG_TAR"
  mkdir -p "$RG_CACHE"
  tmp=$(mktemp -d)
  cp "$(command -v rg)" "$tmp/rg"
  tar -czf "$RG_TAR" -C "$tmp" rg || fail "cannot write $RG_TAR"
  rm -rf "$tmp"
fi

# 3. The root packages (esbuild, vsce, mocha for the extension host), if .ci/run has not installed them.
if [ ! -x node_modules/.bin/vsce ] || [ ! -d node_modules/mocha ]; then
  step "npm ci (root)"
  npm ci --no-audit --no-fund || fail "npm ci failed"
fi

# 4. code-server and playwright-core, from test/e2e's own lockfile (skipped when already installed from it).
stamp=test/e2e/node_modules/.lawmark-lock
if [ ! -x test/e2e/node_modules/.bin/code-server ] || ! cmp -s test/e2e/package-lock.json "$stamp"; then
  step "npm ci in test/e2e (code-server 4.100.3, playwright-core)"
  (cd test/e2e && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund) || fail "npm ci in test/e2e failed"
  cp test/e2e/package-lock.json "$stamp"
fi

# 5. Build and package the extension.
step "build and package the .vsix"
node esbuild.mjs || fail "the build failed"
VERSION=$(node -p "require('./package.json').version")
rm -f "lawmark-$VERSION.vsix"
npm run --silent package >/tmp/lawmark-vsce.log 2>&1 || { cat /tmp/lawmark-vsce.log; fail "npm run package failed"; }
[ -s "lawmark-$VERSION.vsix" ] || fail "lawmark-$VERSION.vsix was not made"

# 6. The tests. run.mjs prints the closing "N passed, N failed" line and sets the exit code.
step "grammar, UI test (installed .vsix) and extension-host suite"
mkdir -p test/artifacts
LOG=$(mktemp)
node test/e2e/run.mjs --vsix "$ROOT/lawmark-$VERSION.vsix" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
step "done in $(( $(date +%s) - START )) s; screenshots: $(ls test/artifacts/*.png 2>/dev/null | tr '\n' ' ')"
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOG" | tail -1)
rm -f "$LOG"
[ -n "$summary" ] || { summary="0 passed, 1 failed"; status=1; }
[ $status -ne 0 ] && echo "e2e.sh: the real-editor tests failed (exit $status)" >&2
# The closing line, last.
echo "$summary"
exit $status
