#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster (Debian's server, port 54329, fsync off).
# The cluster lives in a temporary directory and is stopped and removed afterwards, even on failure.
set -euo pipefail

PORT="${PGTEST_PORT:-54329}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

WORKDIR="$(mktemp -d /tmp/hulpzoeker-pg.XXXXXX)"
as_owner() {
  # initdb refuses to run as root; on a developer's own account we run as that account.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres "$WORKDIR"; fi

cleanup() {
  as_owner "$PGBIN/pg_ctl" -D "$WORKDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORKDIR"
}
trap cleanup EXIT INT TERM

as_owner "$PGBIN/initdb" -D "$WORKDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -k $WORKDIR" \
  start >/dev/null
psql -h 127.0.0.1 -p "$PORT" -U postgres -q -c "CREATE ROLE hulpzoeker LOGIN SUPERUSER PASSWORD 'hulpzoeker';"
psql -h 127.0.0.1 -p "$PORT" -U postgres -q -c "CREATE DATABASE hulpzoeker OWNER hulpzoeker;"

export DATABASE_URL="postgres://hulpzoeker:hulpzoeker@127.0.0.1:$PORT/hulpzoeker"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') ready on port $PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
