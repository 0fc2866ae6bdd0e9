#!/usr/bin/env bash
# HTTP throughput and latency of the server next to a bare Fiber hello-world,
# measured in one run with wrk on loopback. Prints a Markdown table.
#   scripts/bench-http.sh [duration=10s] [connections=64] [extra paths...]
# The server gets a database of its own (dropped afterwards) and rate limits
# off; a user is registered and verified through the API so that the
# authenticated /api/auth/me (JWT check + a users row read) can be measured.
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}; conns=${2:-64}; shift 2 || true
extra=("$@")
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/server" ./cmd/server
go build -o "$tmp/barefiber" ./internal/httpapi/testdata/barefiber
db=utopiahire_bench_$$
psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db" >/dev/null
trap 'kill $(jobs -p) 2>/dev/null; sleep 1; psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; rm -rf "$tmp"' EXIT
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db?sslmode=disable" DATA_DIR="$tmp/data" RATE_LIMITS=off BCRYPT_COST=10
PORT=18080 LOG_LEVEL=error "$tmp/server" 2>"$tmp/server.log" &
"$tmp/barefiber" -addr 127.0.0.1:18081 &
"$tmp/barefiber" -addr 127.0.0.1:18082 -nethttp &
for _ in $(seq 1 50); do curl -sf localhost:18080/health >/dev/null && curl -sf localhost:18081/health >/dev/null && curl -sf localhost:18082/health >/dev/null && break; sleep 0.2; done

email="bench-$$@example.com"
curl -sf -H 'Content-Type: application/json' -d "{\"name\":\"Bench\",\"email\":\"$email\",\"password\":\"Bench-pass-1\"}" http://127.0.0.1:18080/api/auth/register >/dev/null
vtoken=""
for _ in $(seq 1 50); do
  vtoken=$("$tmp/server" mail outbox 1 2>/dev/null | grep -o 'token=[A-Za-z0-9_-]*' | head -1 | cut -d= -f2) && [ -n "$vtoken" ] && break
  sleep 0.2
done
access=$(curl -sf -H 'Content-Type: application/json' -d "{\"token\":\"$vtoken\"}" http://127.0.0.1:18080/api/auth/verify-email | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

run() { # name url [wrk args...]
  local out rps p50 p99
  local name=$1 url=$2; shift 2
  out=$(wrk -t2 -c"$conns" -d"$dur" --latency "$@" "$url" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99"
}
echo "| target | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
run "bare Fiber hello-world /health" http://127.0.0.1:18081/health
run "bare net/http hello-world /health" http://127.0.0.1:18082/health
run "server /health" http://127.0.0.1:18080/health
run "server /ready (Postgres round trip)" http://127.0.0.1:18080/ready
run "server /api/auth/me (JWT + users row)" http://127.0.0.1:18080/api/auth/me -H "Authorization: Bearer $access"
for p in "${extra[@]}"; do run "server $p" "http://127.0.0.1:18080$p"; done
