#!/usr/bin/env bash
# Runs bench_search_thai on a fresh SQLite file and on a private PostgreSQL server
# (scripts/pg-test-server.sh), 100,000 needs and 20,000 projects each.
#
#   bench/search_thai.sh [BUILD_DIR]        (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
bench="$root/$build/bench/bench_search_thai"
[ -x "$bench" ] || { echo "build it first: ninja -C $build bench_search_thai" >&2; exit 2; }

work=$(mktemp -d /tmp/changwat-bench-search.XXXXXX)
chmod 755 "$work"
cleanup() { "$root/scripts/pg-test-server.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== SQLite"
CHANGWAT_BENCH_SEARCH_DB="$work/search.sqlite" "$bench"

echo
echo "== PostgreSQL"
# The first free port from 55470 up, unless CHANGWAT_BENCH_PG_PORT names one.
port=${CHANGWAT_BENCH_PG_PORT:-}
if [ -z "$port" ]; then
  for candidate in $(seq 55470 55499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
[ -n "$port" ] || { echo "no free port in 55470-55499; set CHANGWAT_BENCH_PG_PORT" >&2; exit 1; }
url=$("$root/scripts/pg-test-server.sh" start "$work/pg" "$port")
CHANGWAT_TEST_POSTGRES_URL="$url" "$bench" --postgres
