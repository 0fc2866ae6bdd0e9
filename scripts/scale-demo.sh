#!/usr/bin/env bash
# Scale-out on one machine, without Docker: a private Redis Cluster of 3
# masters and 3 replicas (the installed redis-server, ports 7101-7106), two
# API/hub server nodes (8001, 8002) sharing it and this checkout's database,
# and a round-robin load balancer on 8000 (`hubbench -proxy`, a test tool,
# not a production component) that sends each request and each WebSocket
# to the next node and names it in an X-Backend response header. Every
# process is this script's child; Ctrl-C (or SIGTERM) stops them all and
# removes the cluster's files.
#
#   scripts/scale-demo.sh            # start, print the check below, wait for Ctrl-C
#   SCALE_PIN=1 scripts/scale-demo.sh  # pin node 1 to CPU 0, node 2 to CPU 1 (taskset)
#
# Then open http://127.0.0.1:8000: a hub publish on one node reaches a
# subscriber connected to the other through the cluster's sharded pub/sub.
# Kill a node (its pid is printed) and the balancer skips it after the first
# refused connection; reconnecting clients land on the other node and resume
# from their last offset.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf 'scale-demo: %s\n' "$*" >&2; }
bin=.data/bin
dir=$PWD/.data/scale-demo
lb_port=${PORT:-8000}
node_ports=(${SCALE_NODE_PORTS:-8001 8002})
redis_base=${SCALE_REDIS_BASE:-7101}
mkdir -p "$bin"
rm -rf "$dir" && mkdir -p "$dir"

for tool in redis-server redis-cli; do
  command -v "$tool" >/dev/null || { log "$tool is not installed (apt-get install redis-server)"; exit 1; }
done

pids=()
stop() {
  trap - INT TERM EXIT
  log "stopping ${#pids[@]} processes"
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap 'stop; exit 130' INT TERM
trap stop EXIT

log "building the server and hubbench"
go build -o "$bin/server" ./cmd/server
go build -o "$bin/hubbench" ./cmd/hubbench

seeds=()
for i in 0 1 2 3 4 5; do
  port=$((redis_base + i))
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
    --cluster-enabled yes --cluster-config-file "nodes-$port.conf" --cluster-node-timeout 5000 \
    --cluster-require-full-coverage no --logfile "$dir/redis-$port.log" &
  pids+=($!)
  seeds+=("127.0.0.1:$port")
done
for s in "${seeds[@]}"; do
  for _ in $(seq 100); do redis-cli -p "${s#*:}" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "${s#*:}" ping >/dev/null 2>&1 || { log "redis-server on $s did not start (see $dir/redis-${s#*:}.log)"; exit 1; }
done
log "creating the Redis Cluster (3 masters, 1 replica each)"
redis-cli --cluster create "${seeds[@]}" --cluster-replicas 1 --cluster-yes >"$dir/cluster-create.log"
for s in "${seeds[@]}"; do
  for _ in $(seq 300); do
    redis-cli -p "${s#*:}" cluster info 2>/dev/null | grep -q '^cluster_state:ok' && break
    sleep 0.1
  done
done
redis_url="redis-cluster://$(IFS=,; echo "${seeds[*]:0:3}")"

backends=()
for n in "${!node_ports[@]}"; do
  port=${node_ports[$n]}
  pin=()
  if [ "${SCALE_PIN:-0}" = 1 ]; then pin=(taskset -c $((n % $(nproc)))); fi
  # Both nodes share this checkout's database and development secrets
  # (.data), the cluster and the public address of the balancer.
  PORT=$port REDIS_URL=$redis_url PUBLIC_URL=${PUBLIC_URL:-http://127.0.0.1:$lb_port} JOBS_SOURCES= \
    "${pin[@]}" "$bin/server" > >(sed -u "s/^/[node$((n + 1))] /") 2>&1 &
  pids+=($!)
  log "node $((n + 1)): pid $!, http://127.0.0.1:$port"
  # The first node migrates the database; the second starts once it answers.
  for _ in $(seq 120); do curl -sf --max-time 2 "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 1; done
  curl -sf --max-time 2 "http://127.0.0.1:$port/ready" >/dev/null || { log "node $((n + 1)) is not ready after 120 s"; exit 1; }
  backends+=("http://127.0.0.1:$port")
done

"$bin/hubbench" -proxy "127.0.0.1:$lb_port" -backends "$(IFS=,; echo "${backends[*]}")" &
pids+=($!)
for _ in $(seq 50); do curl -sf --max-time 2 "http://127.0.0.1:$lb_port/health" >/dev/null && break; sleep 0.1; done

log "load balancer: http://127.0.0.1:$lb_port (pid ${pids[-1]}); which node answered, four requests in a row:"
for _ in 1 2 3 4; do
  curl -s -o /dev/null -D - "http://127.0.0.1:$lb_port/ready" | tr -d '\r' | grep -i '^x-backend' >&2
done
log "Redis Cluster masters: $(redis-cli -p "$redis_base" cluster nodes | awk '/master/ {print $2}' | cut -d@ -f1 | tr '\n' ' ')"
log "Ctrl-C stops everything"
wait
