#!/usr/bin/env bash
# Installs what UtopiaHire needs on a Debian machine and starts PostgreSQL and
# Redis when they are not running. Skips whatever is already there, so it is
# cheap to run before every test run.
#   scripts/deps.sh          system packages + running Postgres and Redis
#   scripts/deps.sh --run    only what `make run` needs: PostgreSQL binaries and
#                            the packages of scripts/apt-packages.txt (agent
#                            build, TTS, PDF export, OCR); not the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'deps: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  # One dpkg-query for the whole list (a dpkg -s per package took ~1 s of
  # every run on a loaded machine).
  local -A installed=()
  local name status p missing=()
  while IFS=$'\t' read -r name status; do
    [ "$status" = "install ok installed" ] && installed[$name]=1
  done < <(dpkg-query -W -f='${Package}\t${Status}\n' "$@" 2>/dev/null || true)
  for p in "$@"; do
    [ -n "${installed[$p]:-}" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

postgres_answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

start_postgres() {
  postgres_answers && return 0
  command -v pg_ctlcluster >/dev/null || apt_install postgresql postgresql-contrib
  local ver
  ver=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -z "$ver" ]; then
    apt_install postgresql postgresql-contrib
    ver=$(ls /etc/postgresql | sort -n | tail -1)
  fi
  log "starting postgres $ver"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do postgres_answers && break; sleep 1; done
  postgres_answers || { log "postgres did not start"; exit 1; }
}

# Tests connect as postgres over TCP without a password (trust auth, as on
# the CI machines). A stock Debian cluster asks for one: trust loopback there.
ensure_trust_auth() {
  PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -U postgres -w -c 'SELECT 1' postgres >/dev/null 2>&1 && return 0
  local hba
  hba=$(as_root runuser -u postgres -- psql -tAc 'SHOW hba_file' 2>/dev/null | tr -d ' ')
  [ -n "$hba" ] || { log "cannot reach postgres as the postgres user; set TEST_DATABASE_URL"; return 0; }
  log "allowing passwordless loopback connections for tests in $hba"
  as_root sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
  as_root runuser -u postgres -- psql -qc 'SELECT pg_reload_conf()' >/dev/null
}

start_redis() {
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  log "redis did not start"; exit 1
}

list() { grep -hv '^\s*#' "$@" | sed 's/\s//g' | grep -v '^$' | sort -u; }

if [ "${1:-}" = "--run" ]; then
  # The server starts a private cluster from the binaries when none answers.
  postgres_answers || command -v pg_ctlcluster >/dev/null || apt_install postgresql postgresql-contrib
  # What the features use at run time: without them a first `make run` would
  # serve without the voice interviewer, OCR or PDF export.
  mapfile -t pkgs < <(list scripts/apt-packages.txt)
  apt_install ca-certificates gcc "${pkgs[@]}"
  exit 0
fi

# Build and test tools, then the packages the features use (one list that
# every area appends to) and those only the tests use, then the services.
apt_install ca-certificates git make gcc pkg-config postgresql-client redis-tools
mapfile -t pkgs < <(list scripts/apt-packages.txt scripts/apt-packages-test.txt)
[ ${#pkgs[@]} -gt 0 ] && apt_install "${pkgs[@]}"
start_postgres
ensure_trust_auth
start_redis
