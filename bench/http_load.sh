#!/usr/bin/env bash
# HTTP throughput against the Beast "hello" ceiling (bench/hello_server.cpp) and,
# when given, the real changwat server (GET /healthz, GET /api/v1/areas/2301).
# Builds nothing: pass the binaries.
#
#   bench/http_load.sh [HELLO_BINARY] [CHANGWAT_BINARY]
#     HELLO_BINARY     default build/bench/bench_hello_server
#     CHANGWAT_BINARY  optional, e.g. build/changwat (started with `serve --port 0`)
#   Environment: DURATION (10s), CONNECTIONS (64), WRK_THREADS (2), WARMUP (2s),
#     ROUNDS (3: each round measures the ceiling and changwat back to back),
#     IO_THREADS (1) and WORKERS (number of cores): changwat's --io-threads and
#     --workers, HELLO_THREADS (IO_THREADS + WORKERS: the ceiling gets as many
#     threads as changwat has for these requests; see docs/performance.md),
#     CHANGWAT_SERVE_ARGS (default: --demo --db sqlite:<temporary file>).
# Prints requests/s, p99 latency, the ratio to the ceiling of the same round and the
# server's CPU time per request, then the median ratio over the rounds.
set -euo pipefail

hello=${1:-build/bench/bench_hello_server}
changwat=${2:-}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}
warmup=${WARMUP:-2s}
rounds=${ROUNDS:-3}
io_threads=${IO_THREADS:-1}
workers=${WORKERS:-$(nproc)}
hello_threads=${HELLO_THREADS:-$((io_threads + workers))}

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
server_pid=""
start_server() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  server_pid=$pid
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

# CPU time (user + system, clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure NAME URL PID: sets rps, p99, errors and cpu_us (server CPU per request, a
# figure that other load on the machine disturbs much less than requests/s).
rps="" p99="" errors="" cpu_us=""
measure() {
  local name=$1 url=$2 pid=$3
  curl -fsS -o /dev/null "$url" || { echo "http_load: $url does not answer 200" >&2; return 1; }
  wrk -t"$wrk_threads" -c"$connections" -d"$warmup" "$url" >/dev/null
  local out="$workdir/wrk-$(echo "$name" | tr -c 'a-zA-Z0-9' '_').txt"
  local before after
  before=$(cpu_ticks "$pid")
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$url" >"$out"
  after=$(cpu_ticks "$pid")
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  cpu_us=$(awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    -v requests="$(awk '/requests in/ {print $1}' "$out")" \
    'BEGIN { printf "%.1f", (requests > 0 ? 1e6 * ticks / hz / requests : 0) }')
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print "non-2xx: " $5} /Socket errors:/ {print $0}' "$out" | tr '\n' ' ')
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_server "$workdir/hello.log" "$hello" --port 0 --threads "$hello_threads"
hello_port=$server_port
hello_pid=$server_pid
changwat_port=""
if [ -n "$changwat" ]; then
  read -r -a serve_args <<<"${CHANGWAT_SERVE_ARGS:---demo --db sqlite:$workdir/load.sqlite}"
  start_server "$workdir/changwat.log" "$changwat" serve --host 127.0.0.1 --port 0 \
    --io-threads "$io_threads" --workers "$workers" "${serve_args[@]}"
  changwat_port=$server_port
  changwat_pid=$server_pid
fi

rows=()
ratios_health=()
ratios_areas=()
for round in $(seq 1 "$rounds"); do
  measure "hello" "http://127.0.0.1:$hello_port/" "$hello_pid"
  hello_rps=$rps
  rows+=("$(printf '%-6s %-30s %12s %10s %8s %8s %s' "$round" "hello ($hello_threads threads) GET /" "$rps" "$p99" "100%" "$cpu_us" "$errors")")
  [ -z "$changwat" ] && continue
  for target in /healthz /api/v1/areas/2301; do
    measure "changwat $target" "http://127.0.0.1:$changwat_port$target" "$changwat_pid"
    ratio=$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN { printf "%.0f", 100 * a / b }')
    rows+=("$(printf '%-6s %-30s %12s %10s %8s %8s %s' "$round" "changwat $target" "$rps" "$p99" "$ratio%" "$cpu_us" "$errors")")
    if [ "$target" = /healthz ]; then ratios_health+=("$ratio"); else ratios_areas+=("$ratio"); fi
  done
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "wrk -t$wrk_threads -c$connections -d$duration --latency (after a $warmup warm-up), $(nproc) cores;" \
  "changwat --io-threads $io_threads --workers $workers; hello --threads $hello_threads"
printf '%-6s %-30s %12s %10s %8s %8s\n' "round" "target" "requests/s" "p99 ms" "vs hello" "CPU µs"
printf '%s\n' "${rows[@]}"
if [ -n "$changwat" ]; then
  echo "median vs hello over $rounds round(s): /healthz $(median "${ratios_health[@]}")%," \
    "/api/v1/areas/2301 $(median "${ratios_areas[@]}")%"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
