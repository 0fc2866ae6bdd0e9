#!/bin/sh
# A local Redis Cluster for trying the hub's scale-out on one machine
# (3 masters with one replica each, from the installed redis-server >= 7):
#
#   scripts/redis-cluster.sh start [DIR] [BASE_PORT]   # default .data/redis-cluster 7000
#   scripts/redis-cluster.sh stop  [DIR]
#
# Nodes listen on 127.0.0.1:BASE_PORT..BASE_PORT+5 (cluster bus +100), keep
# nothing on disk but nodes.conf, and keep serving the other shards while one
# fails over (cluster-require-full-coverage no). `start` prints the REDIS_URL
# for cmd/server:  REDIS_URL=redis-cluster://127.0.0.1:7000,127.0.0.1:7001,...
# The tests build the same cluster in Go (internal/redistest.StartCluster).
set -eu
cmd=${1:-}
dir=${2:-.data/redis-cluster}
base=${3:-7000}
nodes=6

case "$cmd" in
start)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	addrs=""
	i=0
	while [ $i -lt $nodes ]; do
		port=$((base + i))
		mkdir -p "$dir/$port"
		redis-server --port "$port" --bind 127.0.0.1 --daemonize yes \
			--pidfile "$dir/$port/redis.pid" --logfile "$dir/$port/redis.log" \
			--dir "$dir/$port" --save '' --appendonly no \
			--cluster-enabled yes --cluster-port $((port + 100)) \
			--cluster-config-file "$dir/$port/nodes.conf" \
			--cluster-node-timeout 2000 --cluster-require-full-coverage no
		addrs="$addrs 127.0.0.1:$port"
		i=$((i + 1))
	done
	for a in $addrs; do
		until redis-cli -h 127.0.0.1 -p "${a#*:}" ping >/dev/null 2>&1; do sleep 0.1; done
	done
	if ! redis-cli -p "$base" cluster info | grep -q 'cluster_slots_assigned:16384'; then
		# shellcheck disable=SC2086
		redis-cli --cluster create $addrs --cluster-replicas 1 --cluster-yes >/dev/null
	fi
	until redis-cli -p "$base" cluster info | grep -q 'cluster_state:ok'; do sleep 0.1; done
	echo "REDIS_URL=redis-cluster://$(echo $addrs | tr ' ' ',')"
	;;
stop)
	for pidfile in "$dir"/*/redis.pid; do
		[ -f "$pidfile" ] || continue
		kill "$(cat "$pidfile")" 2>/dev/null || true
		rm -f "$pidfile"
	done
	# Without nodes.conf the next start forms a new cluster.
	rm -f "$dir"/*/nodes.conf
	;;
*)
	echo "usage: $0 start|stop [DIR] [BASE_PORT]" >&2
	exit 2
	;;
esac
