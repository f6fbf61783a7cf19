#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests, or reuses a server named by
# PG_DATABASE_URL. Source it: it exports PG_DATABASE_URL and sets a trap that removes the cluster.
#   . scripts/postgres-throwaway.sh
if [ -n "${PG_DATABASE_URL:-}" ]; then
  echo "postgres: using PG_DATABASE_URL from the environment"
  return 0 2>/dev/null || exit 0
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
  echo "postgres: installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
PGPORT=${COSO_TEST_PGPORT:-55432}
PGTMP=$(mktemp -d /tmp/coso-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGTMP"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w start \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
export PG_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
coso_pg_stop() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap coso_pg_stop EXIT
echo "postgres: throwaway cluster on port $PGPORT"
