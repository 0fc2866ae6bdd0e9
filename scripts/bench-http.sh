#!/usr/bin/env bash
# HTTP throughput and latency of the server next to a bare Fiber hello-world,
# measured in one run with wrk on loopback. Prints a Markdown table.
#   scripts/bench-http.sh [duration=10s] [connections=64] [extra paths...]
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}; conns=${2:-64}; shift 2 || true
extra=("$@")
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/server" ./cmd/server
go build -o "$tmp/barefiber" ./internal/httpapi/testdata/barefiber
PORT=18080 DATA_DIR="$tmp/data" LOG_LEVEL=error "$tmp/server" 2>"$tmp/server.log" &
"$tmp/barefiber" -addr 127.0.0.1:18081 &
"$tmp/barefiber" -addr 127.0.0.1:18082 -nethttp &
for _ in $(seq 1 50); do curl -sf localhost:18080/health >/dev/null && curl -sf localhost:18081/health >/dev/null && curl -sf localhost:18082/health >/dev/null && break; sleep 0.2; done

run() { # name url
  local out rps p50 p99
  out=$(wrk -t2 -c"$conns" -d"$dur" --latency "$2" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99"
}
echo "| target | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
run "bare Fiber hello-world /health" http://127.0.0.1:18081/health
run "bare net/http hello-world /health" http://127.0.0.1:18082/health
run "server /health" http://127.0.0.1:18080/health
run "server /ready (Postgres round trip)" http://127.0.0.1:18080/ready
for p in "${extra[@]}"; do run "server $p" "http://127.0.0.1:18080$p"; done
