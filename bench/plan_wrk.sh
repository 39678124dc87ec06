#!/usr/bin/env bash
# GET /api/v1/plans/{id}/tree (and the diff) of the big benchmark plan against the
# real `changwat serve`, with wrk. The database comes from bench_plan_tree --keep.
#
#   build/bench/bench_plan_tree --keep /tmp/plan-bench.db     # 5,000 elements + 20,000 projects
#   bench/plan_wrk.sh [CHANGWAT_BINARY] [DATABASE_FILE]
#     CHANGWAT_BINARY  default build/changwat
#     DATABASE_FILE    default /tmp/plan-bench.db
#   Environment: DURATION (10s), CONNECTIONS (16), WRK_THREADS (2), WORKERS (server
#     worker threads, default the server's), PORT (18099).
# Prints wrk's requests/s and latency distribution for: the tree with gzip (what
# browsers send), its revalidation by ETag (304), the tree without compression,
# and the diff of versions 1 and 2.
set -euo pipefail

changwat=${1:-build/changwat}
database=${2:-/tmp/plan-bench.db}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
wrk_threads=${WRK_THREADS:-2}
port=${PORT:-18099}

command -v wrk >/dev/null || { echo "plan_wrk: wrk is not installed (scripts/deps.sh)" >&2; exit 1; }
[ -x "$changwat" ] || { echo "plan_wrk: no changwat binary at $changwat" >&2; exit 1; }
[ -f "$database" ] || { echo "plan_wrk: no database $database (run bench_plan_tree --keep $database)" >&2; exit 1; }

serve_args=(serve --db "sqlite:$database" --port "$port")
[ -n "${WORKERS:-}" ] && serve_args+=(--workers "$WORKERS")
"$changwat" "${serve_args[@]}" > /tmp/plan_wrk_server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
plan_id=$(curl -fs "$base/api/v1/plans" | sed -n 's/.*"plans":\[{"id":\([0-9]*\).*/\1/p')
[ -n "$plan_id" ] || { echo "plan_wrk: no plan in $database" >&2; exit 1; }

# First request builds the cached document; not measured.
curl -fs -H 'Accept-Encoding: gzip' -o /dev/null "$base/api/v1/plans/$plan_id/tree"
curl -fs -o /dev/null "$base/api/v1/plans/$plan_id/diff?from=1&to=2"
size=$(curl -fs -o /dev/null -w '%{size_download}' "$base/api/v1/plans/$plan_id/tree")
gz=$(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base/api/v1/plans/$plan_id/tree")
etag=$(curl -fsI "$base/api/v1/plans/$plan_id/tree" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
echo "plan $plan_id: tree $size bytes, $gz bytes gzip, ETag $etag"

run() {
  echo "== $1"
  shift
  wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency "$@" | \
    grep -E 'Requests/sec|Transfer/sec|Latency|50%|90%|99%|requests in|Non-2xx'
}
run "tree, gzip" -H 'Accept-Encoding: gzip' "$base/api/v1/plans/$plan_id/tree"
run "tree, revalidation (If-None-Match -> 304)" -H "If-None-Match: $etag" "$base/api/v1/plans/$plan_id/tree"
run "tree, identity" "$base/api/v1/plans/$plan_id/tree"
run "diff v1..v2" -H 'Accept-Encoding: gzip' "$base/api/v1/plans/$plan_id/diff?from=1&to=2"
