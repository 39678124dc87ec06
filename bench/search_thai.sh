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
url=$("$root/scripts/pg-test-server.sh" start "$work/pg" "${CHANGWAT_BENCH_PG_PORT:-55499}")
CHANGWAT_TEST_POSTGRES_URL="$url" "$bench" --postgres
