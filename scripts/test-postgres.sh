#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a new cluster in a temporary folder, on a
# loopback port, with TANDEM_TEST_DATABASE_URL set for the command; the server is stopped and
# the folder removed however the command ends. Usage: scripts/test-postgres.sh npm test
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]   (runs the command with TANDEM_TEST_DATABASE_URL set)" >&2
  exit 2
fi

bin_dir="${PG_BIN:-}"
if [ -z "$bin_dir" ]; then
  initdb_path="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$initdb_path" ] || initdb_path="$(command -v initdb || true)"
  if [ -z "$initdb_path" ]; then
    echo "test-postgres: no PostgreSQL found (initdb). Install it (Debian: apt-get install postgresql) or set PG_BIN." >&2
    exit 1
  fi
  bin_dir="$(dirname "$initdb_path")"
fi

port="${TANDEM_TEST_PG_PORT:-54329}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/tandem-pg.XXXXXX")"
data="$dir/data"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "test-postgres: running as root needs a 'postgres' user" >&2; exit 1; }
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  if [ -f "$data/postmaster.pid" ]; then "${as_owner[@]}" "$bin_dir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin_dir/initdb" -D "$data" -U tandem --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a test cluster is thrown away, so its durability is not worth the time.
"${as_owner[@]}" "$bin_dir/pg_ctl" -D "$data" -l "$dir/server.log" -w -s \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" start \
  || { cat "$dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U tandem tandem_test

export TANDEM_TEST_DATABASE_URL="postgres://tandem@127.0.0.1:$port/tandem_test"
echo "test-postgres: PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') at $TANDEM_TEST_DATABASE_URL" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
