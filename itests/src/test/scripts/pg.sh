#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: pg.sh start|stop DIR PORT
# initdb and postgres refuse to run as root: as root (CI) they run as the postgres user. That user
# may not be able to enter the clone (a root home directory, a 0700 temporary directory), so the
# cluster lives in its own directory under /tmp, and DIR becomes a link to it (its
# server.log is where DIR says). Stop removes the cluster.
set -euo pipefail
cmd=$1 dir=$2 port=$3
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found (Debian package postgresql)" >&2; exit 1
fi
# one directory per port and DIR: a second build starting on a port in use fails at the port
# instead of removing the cluster of the first
cluster="${PG_CLUSTER_ROOT:-/tmp}/certportal-pg-$port-$(printf '%s' "$dir" | md5sum | cut -c1-8)"
# from / so that the server's user never needs the caller's working directory
as_owner() { (cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi); }
stop_cluster() {
  if [ -f "$cluster/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$cluster" -m "$1" -w stop >/dev/null 2>&1 || true; fi
}
case $cmd in
  start)
    stop_cluster immediate
    rm -rf "$cluster" "$dir"
    mkdir -p "$cluster" "$(dirname "$dir")"
    chmod 700 "$cluster"
    [ "$(id -u)" = 0 ] && chown postgres "$cluster"
    ln -s "$cluster" "$dir"
    as_owner "$bin/initdb" -D "$cluster" -U postgres --auth=trust -E UTF8 >/dev/null
    # tests trade durability for speed; benchmarks (PG_DURABLE=1) measure a production-like server
    durability="-c fsync=off -c full_page_writes=off"
    [ "${PG_DURABLE:-0}" = 1 ] && durability="-c fsync=on -c full_page_writes=on"
    as_owner "$bin/pg_ctl" -D "$cluster" -l "$cluster/server.log" -w \
      -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 $durability" start >/dev/null
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE certportal"
    echo "PostgreSQL up on port $port (cluster $cluster)" ;;
  stop)
    stop_cluster fast
    rm -rf "$cluster"; rm -f "$dir" ;;
  *) echo "usage: pg.sh start|stop DIR PORT" >&2; exit 2 ;;
esac
