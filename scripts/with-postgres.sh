#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on 127.0.0.1, then removes it.
# Installs Debian's postgresql when it is missing (needs root, as on CI and dev machines).
# The command sees TEST_POSTGRES_URL (a superuser URL to the maintenance database).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: with-postgres.sh <command...>" >&2; exit 2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
if [ -z "$(pg_bin)" ]; then
  echo "[postgres] installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin="$(pg_bin)"
dir="$(mktemp -d /tmp/ssc-pg.XXXXXX)"
chown postgres:postgres "$dir"
chmod 700 "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "[postgres] $("$bin/postgres" --version) listening on 127.0.0.1:$port" >&2
export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
set +e
"$@"
code=$?
set -e
exit $code
