#!/usr/bin/env bash
# Installs what the web dashboards' build check and browser tests need:
# Node.js with npm (Debian's when the machine has none), Chromium (from
# scripts/apt-packages-test.txt, installed by scripts/deps.sh) and web/node_modules
# from web/package-lock.json. `npm ci` runs only when the lock file changed
# since the last install, so it is cheap to run before every test run.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'web-deps: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing nodejs and npm"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

command -v chromium >/dev/null || log "chromium is missing: scripts/deps.sh installs it (scripts/apt-packages-test.txt)"

# Installed from this lock file (with a Node checked below): nothing to do.
stamp=web/node_modules/.utopiahire-lock.sha256
want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

# node --test with --test-concurrency and glob-free file lists needs Node 20.
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  log "node $(node --version) is too old for the browser tests (need 20 or later)"
  exit 1
fi
log "npm ci in web/"
start=$SECONDS
# The packages are pinned by the lock file; no scripts of theirs need to run.
(cd web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
printf '%s\n' "$want" >"$stamp"
log "web/node_modules installed in $((SECONDS - start))s"
