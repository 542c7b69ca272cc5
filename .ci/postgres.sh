#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the store's tests and exports TEST_DATABASE_URL.
# Idempotent: installs Debian's postgresql when missing, reuses a running cluster.
# Use: `source .ci/postgres.sh` (exports the URL) or `bash .ci/postgres.sh` (prints it).
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` OS user.
# The work runs in a subshell so that sourcing does not change the caller's shell options.

_doorstroom_pg_start() (
set -euo pipefail

PG_PORT="${DOORSTROOM_PG_PORT:-54329}"
PG_DIR="${DOORSTROOM_PG_DIR:-/tmp/doorstroom-pg}"
PG_DB="${DOORSTROOM_PG_DB:-doorstroom_test}"
PG_USER="${DOORSTROOM_PG_USER:-doorstroom}"
PG_PASSWORD="${DOORSTROOM_PG_PASSWORD:-doorstroom}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")"

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$PG_DIR"
if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PG_DIR"; fi

if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
  pwfile="$(mktemp)"; echo "$PG_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >&2
  rm -f "$pwfile"
fi

if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
fi

psql_pg() { as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != "1" ]; then
  # CREATEDB: test/support/postgres.ts gives each test file a database of its own.
  psql_pg -c "CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
  psql_pg -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
fi

echo "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
)

if _doorstroom_pg_url="$(_doorstroom_pg_start)"; then
  export TEST_DATABASE_URL="$_doorstroom_pg_url"
  echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"
else
  echo "postgres.sh: could not start PostgreSQL; see ${DOORSTROOM_PG_DIR:-/tmp/doorstroom-pg}/server.log" >&2
  # shellcheck disable=SC2317
  return 1 2>/dev/null || exit 1
fi
