#!/usr/bin/env bash
# Platform figures for docs/performance.md:
#  1. start-up to first answered request on an existing database,
#  2. resident memory (RSS) idle with the demo data,
#  3. GET /api/v1/areas/{code} latency while 50 sign-ins (Argon2id) run at once
#     (a second wrk keeps 50 sign-in requests in flight).
#
#   bench/platform.sh [CHANGWAT_BINARY]     (default build/changwat)
#   Environment: DURATION (10s), CONNECTIONS (8) for the areas load during sign-ins.
set -euo pipefail
binary=${1:-build/changwat}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-8}
command -v wrk >/dev/null || { echo "platform: wrk is not installed (scripts/deps.sh)" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
db="sqlite:$work/changwat.db"

# start: runs the server and sets port, pid and startup (seconds to the first 200 from /healthz).
start() {
  local begin=$(date +%s.%N)
  "$binary" serve --db "$db" --port 0 "$@" >"$work/out" 2>"$work/err" &
  pid=$!
  port=""
  while [ -z "$port" ]; do
    port=$(sed -n 's/^changwat listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/out")
    kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
    sleep 0.005
  done
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.005; done
  startup=$(awk -v a="$begin" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

start --demo
echo "first start (creates and loads the demo database): ${startup}s"
stop
for i in 1 2 3; do
  start --demo
  echo "start-up to first request, existing database, run $i: ${startup}s"
  [ $i -lt 3 ] && stop
done

for code in 23 2301 230101 2307; do curl -s "http://127.0.0.1:$port/api/v1/areas/$code" >/dev/null; done
curl -s "http://127.0.0.1:$port/api/v1/plans" >/dev/null
sleep 1
echo "idle RSS with demo data: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$pid/status)"

echo "areas alone (wrk -t1 -c$connections -d$duration):"
wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/api/v1/areas/2301" \
  | grep -E "Requests/sec| 99%| 50%"

# 50 sign-ins at a time, kept running for the whole measurement: a second wrk with 50
# connections, each POSTing a sign-in as soon as the last one is answered. (An earlier
# version forked 50 curl processes per round; on 2 cores the forks themselves took
# the CPU the server needed, so it measured the load generator.)
cat >"$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"strategy","password":"trat-demo-2568"}'
LUA
wrk -t1 -c50 -d"$((${duration%s} + 2))s" -s "$work/login.lua" \
  "http://127.0.0.1:$port/api/v1/auth/login" >"$work/signins" &
signer=$!
sleep 1
echo "areas while 50 sign-ins run (wrk -t1 -c$connections -d$duration):"
wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/api/v1/areas/2301" \
  | grep -E "Requests/sec| 99%| 50%"
wait $signer
echo "sign-ins answered: $(awk '/requests in/ {print $1}' "$work/signins")," \
  "not 2xx: $(awk '/Non-2xx/ {print $5}' "$work/signins" | grep . || echo 0)"
