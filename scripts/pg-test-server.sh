#!/usr/bin/env bash
# A private, throw-away PostgreSQL 15 server for tests (never for production):
# trust authentication on 127.0.0.1, fsync off, the socket inside DIR.
#
#   scripts/pg-test-server.sh start DIR PORT        -> prints postgresql://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-test-server.sh stop DIR
#   scripts/pg-test-server.sh createdb DIR PORT NAME -> drops NAME if present, creates it, prints its URL
#
# Every command is idempotent. PostgreSQL refuses to run as root, so when this
# script runs as root the server runs as the `postgres` system user (DIR is
# chowned to it); otherwise it runs as the calling user.
set -euo pipefail

pg_bin=/usr/lib/postgresql/15/bin

usage() {
  sed -n '2,10p' "$0" >&2
  exit 2
}

fail() {
  echo "pg-test-server: $*" >&2
  exit 1
}

[ -x "$pg_bin/pg_ctl" ] || fail "PostgreSQL 15 not found in $pg_bin (run scripts/deps.sh)"

# Runs a command as the user that owns the server.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

absolute_dir() {
  mkdir -p "$1"
  (cd "$1" && pwd)
}

check_port() {
  [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1024 ] && [ "$1" -le 65535 ] ||
    fail "PORT must be a number from 1024 to 65535, got '$1'"
}

url_for() {
  echo "postgresql://postgres@127.0.0.1:$1/$2"
}

is_running() {
  [ -f "$1/data/PG_VERSION" ] && as_owner "$pg_bin/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

start() {
  local dir port
  dir=$(absolute_dir "$1")
  port=$2
  check_port "$port"
  # Unix socket paths are limited to 107 bytes.
  [ ${#dir} -le 80 ] || fail "DIR path is too long for a socket directory: $dir"

  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || fail "the 'postgres' system user is missing (install the postgresql package)"
    chown -R postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      fail "user postgres cannot reach $dir (a parent directory is not searchable); use a DIR under /tmp"
  fi
  as_owner mkdir -p "$dir/socket"

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      fail "initdb failed"
    }
  fi

  if is_running "$dir"; then
    local running_port
    running_port=$(sed -n '4p' "$dir/data/postmaster.pid" 2>/dev/null || true)
    [ "$running_port" = "$port" ] ||
      fail "a server from $dir is already running on port $running_port, not $port"
  else
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -h 127.0.0.1 -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || {
      tail -n 20 "$dir/server.log" >&2 || true
      fail "the server did not start"
    }
  fi
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30 || fail "the server does not accept connections on port $port"
  url_for "$port" postgres
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  if is_running "$dir"; then
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
}

create_database() {
  local port=$2 name=$3
  check_port "$port"
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || fail "NAME must be lower-case letters, digits and _, got '$name'"
  is_running "$(absolute_dir "$1")" || fail "no server is running from $1; run: $0 start $1 $port"
  local psql=("$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
  PGOPTIONS="-c client_min_messages=warning" "${psql[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null
  "${psql[@]}" -c "CREATE DATABASE \"$name\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
  url_for "$port" "$name"
}

case "${1:-}" in
  start)
    [ $# -eq 3 ] || usage
    start "$2" "$3"
    ;;
  stop)
    [ $# -eq 2 ] || usage
    stop "$2"
    ;;
  createdb)
    [ $# -eq 4 ] || usage
    create_database "$2" "$3" "$4"
    ;;
  *) usage ;;
esac
