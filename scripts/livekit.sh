#!/usr/bin/env bash
# Obtain and run a local livekit-server for development and tests.
#
#   scripts/livekit.sh install                  build livekit-server v1.13.5 once (4-10 min cold)
#   scripts/livekit.sh path                     print the binary's path (installs if missing)
#   scripts/livekit.sh start [PORT] [URL...]    run it in --dev mode on 127.0.0.1:PORT (default 7880),
#                                               sending webhooks (signed with devkey/secret) to each URL
#   scripts/livekit.sh stop [PORT]              stop the server started on PORT
#
# Ports: PORT (HTTP/WebSocket), PORT+1 (RTC over TCP), PORT+2 (RTC over UDP).
# Dev keys: API key "devkey", secret "secret". Loopback only.
# Later livekit-server versions need module replacements the Go proxy refuses,
# so the version is pinned.
set -euo pipefail

LIVEKIT_VERSION="1.13.5"
GOBIN_DIR="$(go env GOPATH)/bin"
BIN="${LIVEKIT_SERVER_BIN:-$GOBIN_DIR/livekit-server}"
STATE_ROOT="${LIVEKIT_STATE_DIR:-${TMPDIR:-/tmp}/utopiahire-livekit}"

log() { printf 'livekit.sh: %s\n' "$*" >&2; }

# has_version: is $1 livekit-server $LIVEKIT_VERSION? The answer is kept in
# $1.checked with the binary's size and mtime, so later runs skip starting
# the 75 MB binary just to ask.
has_version() {
	[[ -x "$1" ]] || return 1
	local id
	id="${LIVEKIT_VERSION} $(stat -c '%s %Y' "$1")"
	[[ -f "$1.checked" && "$(cat "$1.checked")" == "$id" ]] && return 0
	"$1" --version 2>/dev/null | grep -q "version ${LIVEKIT_VERSION}\$" || return 1
	echo "$id" >"$1.checked" 2>/dev/null || true
}

# wait_for waits up to $2 seconds for process $1 to end; false while it runs.
wait_for() {
	local i
	for ((i = 0; i < $2; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 1
	done
	! kill -0 "$1" 2>/dev/null
}

install() {
	if has_version "$BIN"; then
		log "livekit-server ${LIVEKIT_VERSION} already at $BIN"
		return
	fi
	# `go install …/cmd/server` names the binary "server"; reuse one that is
	# already built at the right version before compiling again.
	local built="$GOBIN_DIR/server"
	if ! has_version "$built"; then
		log "building livekit-server v${LIVEKIT_VERSION} (several minutes on a cold cache)"
		local start=$SECONDS
		GOBIN="$GOBIN_DIR" go install "github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}" &
		local pid=$!
		# go install prints nothing for minutes: say it is still going.
		while ! wait_for "$pid" 30; do
			log "still building livekit-server ($((SECONDS - start))s so far)"
		done
		wait "$pid" || { log "livekit-server build failed after $((SECONDS - start))s"; return 1; }
		log "built in $((SECONDS - start))s"
	fi
	mkdir -p "$(dirname "$BIN")"
	cp "$built" "$BIN.tmp" && mv "$BIN.tmp" "$BIN"
	log "installed $BIN"
}

write_config() {
	local port=$1 dir=$2
	shift 2
	{
		echo "port: $port"
		echo "rtc:"
		echo "  tcp_port: $((port + 1))"
		echo "  udp_port: $((port + 2))"
		echo "  use_external_ip: false"
		# Keep media on loopback: offer only 127.0.0.1 candidates.
		echo "  enable_loopback_candidate: true"
		echo "  ips:"
		echo "    includes: [127.0.0.1/32]"
		echo "logging:"
		echo "  level: info"
		if (($# > 0)); then
			echo "webhook:"
			echo "  api_key: devkey"
			echo "  urls:"
			for url in "$@"; do
				echo "    - \"$url\""
			done
		fi
	} >"$dir/livekit.yaml"
}

start() {
	local port=${1:-7880}
	shift || true
	[[ "$port" =~ ^[0-9]+$ ]] || { log "port must be a number, got '$port'"; exit 2; }
	install
	local dir="$STATE_ROOT/$port"
	mkdir -p "$dir"
	if [[ -f "$dir/pid" ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
		log "already running on port $port (pid $(cat "$dir/pid"))"
		exit 1
	fi
	write_config "$port" "$dir" "$@"
	# Its own session: a Ctrl-C meant for `make run` must not close the
	# rooms before the agent has said goodbye (run.sh stops it last).
	setsid "$BIN" --dev --bind 127.0.0.1 --node-ip 127.0.0.1 --config "$dir/livekit.yaml" \
		>"$dir/server.log" 2>&1 &
	local pid=$!
	echo "$pid" >"$dir/pid"
	for _ in $(seq 1 150); do
		if [[ "$(curl -fsS "http://127.0.0.1:$port/" 2>/dev/null)" == "OK" ]]; then
			log "livekit-server pid $pid ready at ws://127.0.0.1:$port (log $dir/server.log)"
			echo "ws://127.0.0.1:$port"
			return
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			log "livekit-server exited; last log lines:"
			tail -n 20 "$dir/server.log" >&2
			exit 1
		fi
		sleep 0.2
	done
	log "livekit-server did not answer OK on port $port within 30s"
	kill "$pid" 2>/dev/null || true
	exit 1
}

stop() {
	local port=${1:-7880}
	local pidfile="$STATE_ROOT/$port/pid"
	if [[ ! -f "$pidfile" ]]; then
		log "nothing started on port $port"
		return
	fi
	local pid
	pid=$(cat "$pidfile")
	# Only signal the process if it is still the server we started.
	if grep -q livekit-server "/proc/$pid/cmdline" 2>/dev/null && kill "$pid" 2>/dev/null; then
		for _ in $(seq 1 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
	fi
	rm -f "$pidfile"
	log "stopped pid $pid"
}

case "${1:-}" in
install) install ;;
path) install && echo "$BIN" ;;
start) shift && start "$@" ;;
stop) shift && stop "$@" ;;
*)
	sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
