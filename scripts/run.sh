#!/usr/bin/env bash
# `make run`: the API/hub server and the voice-interviewer agent together,
# with embedded defaults. The agent reads AGENT_SECRET from the server's
# development secrets (.data/secrets.json) and waits for the server to
# answer. Ctrl-C stops both (the agent first finishes or hands back what it
# holds). The agent needs cgo with libopus/libsoxr (scripts/deps.sh installs
# them) and, without GEMINI_API_KEY, espeak-ng; when it cannot be built or
# started the server runs alone.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.data/bin
mkdir -p "$bin"
log() { printf 'run.sh: %s\n' "$*" >&2; }

go build -o "$bin/server" ./cmd/server || exit 1
agent_ok=1
CGO_ENABLED=1 go build -o "$bin/agent" ./cmd/agent || { agent_ok=0; log "agent not built (needs cgo with libopus-dev libopusfile-dev libsoxr-dev); serving without the voice interviewer"; }

"$bin/server" &
server_pid=$!
agent_pid=
if [ "$agent_ok" = 1 ]; then
  # The server's port, for the agent to find it.
  API_URL="${API_URL:-http://127.0.0.1:${PORT:-8000}}" "$bin/agent" &
  agent_pid=$!
fi
stop() {
  [ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
}
trap 'stop; exit 130' INT TERM
wait "$server_pid"
status=$?
[ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
exit "$status"
