#!/usr/bin/env bash
# Runs every test of the project on a fresh or prepared machine: installs and
# starts what is missing, then vet and the race-enabled test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/web-deps.sh
[ -x scripts/livekit.sh ] && scripts/livekit.sh install
echo "== go vet" >&2
go vet ./...
echo "== go test -race" >&2
go test -race -count=1 -timeout 20m ./...
