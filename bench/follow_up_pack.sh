#!/usr/bin/env bash
# Runs bench_follow_up_pack on a fresh SQLite file and on a private PostgreSQL server
# (scripts/pg-test-server.sh): a meeting pack (PDF + workbook, gathered from the other
# modules and stored) for 2,000 projects × 12 months of positions and progress, a
# procurement each, 300 open directives.
#
#   bench/follow_up_pack.sh [BUILD_DIR] [bench arguments…]     (default: build)
#   CHANGWAT_BENCH_PG_PORT=55444 picks the PostgreSQL port (default: the first free
#   one from 55444 up).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
shift || true
case "$build" in /*) ;; *) build="$root/$build" ;; esac
bench="$build/bench/bench_follow_up_pack"
[ -x "$bench" ] || { echo "build it first: ninja -C $build bench_follow_up_pack" >&2; exit 2; }

work=$(mktemp -d /tmp/changwat-bench-follow-up.XXXXXX)
chmod 755 "$work"
cleanup() { "$root/scripts/pg-test-server.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== SQLite"
"$bench" "$@" 2>&1 | grep -v ' info '

echo
echo "== PostgreSQL"
port=${CHANGWAT_BENCH_PG_PORT:-}
if [ -z "$port" ]; then
  for candidate in $(seq 55444 55469); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
[ -n "$port" ] || { echo "no free port in 55444-55469; set CHANGWAT_BENCH_PG_PORT" >&2; exit 1; }
url=$("$root/scripts/pg-test-server.sh" start "$work/pg" "$port")
CHANGWAT_TEST_POSTGRES_URL="$url" "$bench" --postgres "$@" 2>&1 | grep -v ' info '
