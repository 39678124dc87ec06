#!/usr/bin/env bash
# HTTP throughput against the Beast "hello" ceiling (bench/hello_server.cpp) and,
# when given, the real changwat server (GET /healthz, GET /api/v1/areas/2301).
# Builds nothing: pass the binaries.
#
#   bench/http_load.sh [HELLO_BINARY] [CHANGWAT_BINARY]
#     HELLO_BINARY     default build/bench/bench_hello_server
#     CHANGWAT_BINARY  optional, e.g. build/changwat (started with `serve --port 0`)
#   Environment: DURATION (10s), CONNECTIONS (64), WRK_THREADS (2), WARMUP (2s),
#     HELLO_THREADS (1, I/O threads of the hello server, like changwat's default),
#     CHANGWAT_SERVE_ARGS (default: --demo --db sqlite:<temporary file>).
# Prints requests/s, p99 latency and the ratio to the hello ceiling per target.
set -euo pipefail

hello=${1:-build/bench/bench_hello_server}
changwat=${2:-}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}
warmup=${WARMUP:-2s}
hello_threads=${HELLO_THREADS:-1}

command -v wrk >/dev/null || { echo "http_load: wrk is not installed (scripts/deps.sh)" >&2; exit 1; }
[ -x "$hello" ] || { echo "http_load: no hello server at $hello" >&2; exit 1; }
if [ -n "$changwat" ] && [ ! -x "$changwat" ]; then
  echo "http_load: no changwat binary at $changwat" >&2
  exit 1
fi

workdir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$workdir"
}
trap cleanup EXIT

# start_server LOG COMMAND...: runs it in the background and sets server_port from
# the "listening on HOST:PORT" line it prints.
server_port=""
start_server() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 300); do
    server_port=$(sed -n 's/.*listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$server_port" ] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "http_load: $1 exited before listening:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "http_load: $1 did not start listening within 30 s" >&2
  return 1
}

# wrk's latency ("850.00us", "1.23ms", "1.02s") in milliseconds.
to_ms() {
  awk -v value="$1" 'BEGIN {
    number = value + 0
    if (value ~ /us$/) number /= 1000
    else if (value ~ /ms$/) number = number
    else if (value ~ /m$/) number *= 60000
    else if (value ~ /s$/) number *= 1000
    printf "%.2f", number
  }'
}

results=()
hello_rps=""
measure() {
  local name=$1 url=$2
  curl -fsS -o /dev/null "$url" || { echo "http_load: $url does not answer 200" >&2; return 1; }
  wrk -t"$wrk_threads" -c"$connections" -d"$warmup" "$url" >/dev/null
  local out="$workdir/wrk-$(echo "$name" | tr -c 'a-zA-Z0-9' '_').txt"
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$url" >"$out"
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5} /Socket errors:/ {print "socket errors: " $0}' "$out")
  [ -z "$hello_rps" ] && hello_rps=$rps
  local ratio
  ratio=$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
  results+=("$(printf '%-34s %12s %10s %8s %s' "$name" "$rps" "$p99" "$ratio" "$errors")")
}

start_server "$workdir/hello.log" "$hello" --port 0 --threads "$hello_threads"
measure "hello (Beast ceiling) GET /" "http://127.0.0.1:$server_port/"

if [ -n "$changwat" ]; then
  read -r -a serve_args <<<"${CHANGWAT_SERVE_ARGS:---demo --db sqlite:$workdir/load.sqlite}"
  start_server "$workdir/changwat.log" "$changwat" serve --host 127.0.0.1 --port 0 "${serve_args[@]}"
  measure "changwat GET /healthz" "http://127.0.0.1:$server_port/healthz"
  measure "changwat GET /api/v1/areas/2301" "http://127.0.0.1:$server_port/api/v1/areas/2301"
fi

echo "wrk -t$wrk_threads -c$connections -d$duration --latency (after a $warmup warm-up), $(nproc) cores"
printf '%-34s %12s %10s %8s\n' "target" "requests/s" "p99 ms" "vs hello"
printf '%s\n' "${results[@]}"
