#!/usr/bin/env bash
# Runs every test of the project on a fresh or prepared machine: installs and
# starts what is missing, then vet and the race-enabled test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '== %s (%ss)\n' "$*" "$((SECONDS - started))" >&2; }

# On a fresh machine the livekit-server build (minutes of compiling) and the
# Go module downloads overlap the apt and npm installs (network and disk)
# instead of following them.
bg_log=$(mktemp -d)
trap 'rm -rf "$bg_log"' EXIT
lk_pid=
if [ -x scripts/livekit.sh ]; then
  scripts/livekit.sh install >"$bg_log/livekit" 2>&1 &
  lk_pid=$!
fi
go mod download >"$bg_log/modules" 2>&1 &
mod_pid=$!

step "system packages (scripts/deps.sh)"
scripts/deps.sh
step "web dependencies (scripts/web-deps.sh)"
scripts/web-deps.sh
step "Go modules"
wait "$mod_pid" || { cat "$bg_log/modules" >&2; exit 1; }
if [ -n "$lk_pid" ]; then
  step "livekit-server"
  status=0
  wait "$lk_pid" || status=$?
  cat "$bg_log/livekit" >&2
  [ "$status" = 0 ] || exit "$status"
fi
step "go vet"
go vet ./...
step "go test -race"
go test -race -count=1 -timeout 20m ./...
step "done"
