#!/usr/bin/env bash
# Runs bench_reports_emenscr on a fresh SQLite file and on a private PostgreSQL
# server (scripts/pg-test-server.sh): the eMENSCR workbook and the quarterly report of
# 2,000 projects (positions, progress, M-steps), KPI scores warm and after each write.
#
#   bench/reports_emenscr.sh [BUILD_DIR] [bench arguments…]     (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
shift || true
bench="$root/$build/bench/bench_reports_emenscr"
[ -x "$bench" ] || { echo "build it first: ninja -C $build bench_reports_emenscr" >&2; exit 2; }

work=$(mktemp -d /tmp/changwat-bench-reports.XXXXXX)
chmod 755 "$work"
cleanup() { "$root/scripts/pg-test-server.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== SQLite"
"$bench" "$@" 2>&1 | grep -v ' info '

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
CHANGWAT_TEST_POSTGRES_URL="$url" "$bench" --postgres "$@" 2>&1 | grep -v ' info '
