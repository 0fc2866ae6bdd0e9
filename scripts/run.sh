#!/usr/bin/env bash
# `make run`: the API/hub server and the voice-interviewer agent together,
# with embedded defaults. The agent reads AGENT_SECRET from the server's
# development secrets (.data/secrets.json) and waits for the server to
# answer. Ctrl-C stops them in order: the agent first (it closes the
# interviews it holds and saves their reports, or hands them back), then the
# server, then LiveKit. Each runs in its own session (setsid) so that the
# terminal's Ctrl-C, sent to the whole foreground process group, reaches
# only this script and not all three at once. The agent needs cgo with libopus/libsoxr (scripts/deps.sh installs
# them) and, without GEMINI_API_KEY, espeak-ng; when it cannot be built or
# started the server runs alone.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.data/bin
mkdir -p "$bin"
log() { printf 'run.sh: %s\n' "$*" >&2; }
# tag prefixes each line of a process's output with its component. It
# ignores Ctrl-C, so that it outlives the process it reads from (which would
# otherwise die of SIGPIPE while shutting down).
tag() { trap '' INT TERM; exec sed -u "s/^/[$1] /"; }
started=$SECONDS
port=${PORT:-8000}

# Voice interviews need a LiveKit server. Unless one is configured (or
# LIVEKIT=off), start a local livekit-server --dev on loopback with its
# development keys, sending its webhooks to this server; the first run builds
# it (several minutes, once). Without it the server answers 503 on
# /api/start-session and says so. It is built and started in the background,
# while the system packages install and the server and the agent are built:
# none of them needs the others.
lk_wanted=0
[ -z "${LIVEKIT_URL:-}" ] && [ "${LIVEKIT:-on}" != off ] && lk_wanted=1
lk_port=${LIVEKIT_PORT:-7880}
lk_started=0
lk_start_pid=
lk_url_file=$(mktemp)
trap 'rm -f "$lk_url_file"' EXIT
# bail exits before the server runs, stopping the LiveKit started meanwhile.
bail() {
  [ -n "$lk_start_pid" ] && wait "$lk_start_pid" 2>/dev/null
  [ -s "$lk_url_file" ] && scripts/livekit.sh stop "$lk_port"
  exit "$1"
}
trap 'bail 130' INT TERM
if [ "$lk_wanted" = 1 ]; then
  scripts/livekit.sh start "$lk_port" "http://127.0.0.1:${port}/api/livekit/webhook" >"$lk_url_file" &
  lk_start_pid=$!
fi
log "[0/4] system packages (scripts/deps.sh --run; skipped when installed)"
scripts/deps.sh --run || bail 1

# build_id names what the binaries are built from: the commit, uncommitted
# changes, untracked files, the Go version and the build environment. Empty
# outside a git checkout (then go build always runs). `rm .data/bin/.built`
# forces a build (e.g. after a system library changed).
build_id() {
  git rev-parse --git-dir >/dev/null 2>&1 || return 0
  {
    git rev-parse HEAD
    git diff HEAD --binary
    git ls-files --others --exclude-standard -z | xargs -0 -r sha256sum
    go version
    printf '%s\n' "${GOFLAGS:-}" "${GOOS:-}" "${GOARCH:-}" "${CC:-}" "${CGO_CFLAGS:-}" "${CGO_LDFLAGS:-}" "${GOEXPERIMENT:-}"
  } 2>/dev/null | sha256sum | cut -d' ' -f1
}
step=$SECONDS
id=$(build_id)
agent_ok=1
if [ -n "$id" ] && [ -x "$bin/server" ] && [ -x "$bin/agent" ] && [ "$(cat "$bin/.built" 2>/dev/null)" = "$id" ]; then
  # go build would find everything cached too, but spends seconds loading
  # the package graph to say so.
  log "[1/4] server and agent up to date (built from this tree before)"
else
  log "[1/4] building the server and the agent (the first build takes minutes; later ones are cached)"
  rm -f "$bin/.built"
  # Both at once: each go build spends seconds loading the package graph and
  # checking its cache even when nothing changed.
  go build -o "$bin/server" ./cmd/server &
  server_build=$!
  CGO_ENABLED=1 go build -o "$bin/agent" ./cmd/agent || { agent_ok=0; log "agent not built (needs cgo with libopus-dev libopusfile-dev libsoxr-dev); serving without the voice interviewer"; }
  wait "$server_build" || bail 1
  [ "$agent_ok" = 1 ] && [ -n "$id" ] && printf '%s\n' "$id" >"$bin/.built"
  log "      built in $((SECONDS - step))s"
fi

if [ "$lk_wanted" = 1 ]; then
  log "[2/4] LiveKit: starting livekit-server on port $lk_port (the first run builds it: several minutes, progress below)"
  if wait "$lk_start_pid" && lk_url=$(cat "$lk_url_file") && [ -n "$lk_url" ]; then
    export LIVEKIT_URL="$lk_url" LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=secret
    lk_started=1
  else
    log "livekit-server did not start (see above): voice interviews are off; LIVEKIT=off skips this step"
  fi
else
  log "[2/4] LiveKit: ${LIVEKIT_URL:-off (LIVEKIT=off)}"
fi

# The catalog is refreshed from the keyless public job boards whose terms
# allow programmatic use (README, "Job boards"); JOBS_SOURCES= turns it off.
export JOBS_SOURCES="${JOBS_SOURCES-arbeitnow,remotive,remoteok}"

log "[3/4] starting the server: database (this checkout's own, unless DATABASE_URL is set), migrations, hub"
setsid "$bin/server" > >(tag server) 2>&1 &
server_pid=$!
agent_pid=
if [ "$agent_ok" = 1 ]; then
  # The server's port, for the agent to find it.
  API_URL="${API_URL:-http://127.0.0.1:${port}}" setsid "$bin/agent" > >(tag agent) 2>&1 &
  agent_pid=$!
fi
# Say once when the server answers, and where.
(
  trap '' INT
  while kill -0 "$server_pid" 2>/dev/null; do
    if ready=$(curl -s --max-time 2 "http://127.0.0.1:${port}/ready" 2>/dev/null) && [ -n "$ready" ] && ! printf '%s' "$ready" | grep -q '"code"'; then
      log "[4/4] ready at ${PUBLIC_URL:-http://127.0.0.1:${port}} ($((SECONDS - started))s after make run): $ready"
      exit 0
    fi
    sleep 0.2
  done
) &
stop_livekit() {
  [ "$lk_started" = 1 ] && log "stopping LiveKit" && scripts/livekit.sh stop "$lk_port" 2>/dev/null
  lk_started=0
}
stop() {
  # A second Ctrl-C while the agent finishes is passed on: the agent then
  # cuts its interviews off (the server writes their reports).
  trap '[ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null' INT
  if [ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null; then
    log "stopping the agent (it finishes or hands back its interviews)"
    # wait returns early when a trapped signal arrives; the agent is waited for.
    while kill -0 "$agent_pid" 2>/dev/null; do wait "$agent_pid" 2>/dev/null; done
  fi
  log "stopping the server"
  kill -TERM "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  stop_livekit
}
trap 'stop; exit 130' INT TERM
wait "$server_pid"
status=$?
[ -n "$agent_pid" ] && kill -TERM "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
stop_livekit
exit "$status"
