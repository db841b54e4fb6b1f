#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster on a free loopback port, exports AGORA_TEST_POSTGRES_URL for the
# command given as arguments, runs it, then stops the cluster and removes its directory whatever happened.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "with-postgres: PostgreSQL server binaries not found (install postgresql-15)" >&2
    exit 1
fi

run_as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster=$(mktemp -d /tmp/agora-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres:postgres "$cluster"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop() {
    run_as_postgres "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$cluster"
}
trap stop EXIT

run_as_postgres "$pg_bin/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --no-sync >"$cluster/initdb.log" 2>&1 \
    || { cat "$cluster/initdb.log" >&2; exit 1; }
run_as_postgres "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
    -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=1600" start >/dev/null \
    || { cat "$cluster/server.log" >&2; exit 1; }

export AGORA_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
