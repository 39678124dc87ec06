#!/usr/bin/env bash
# Photo uploads through the real server (issue 10: a 5 MB photo answered < 300 ms,
# the thumbnail made in the background), on a fresh SQLite file and on a private
# PostgreSQL server (scripts/pg-test-server.sh); then the read model of 2,000 projects
# × 12 months in memory and the upload's own image work without HTTP.
#
#   bench/progress_photos.sh [BUILD_DIR] [UPLOADS]     (default: build 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
uploads=${2:-20}
bench="$root/$build/bench/bench_progress_photos"
server="$root/$build/changwat"
[ -x "$bench" ] && [ -x "$server" ] || { echo "build first: ninja -C $build changwat bench_progress_photos" >&2; exit 2; }

work=$(mktemp -d /tmp/changwat-bench-photos.XXXXXX)
chmod 755 "$work"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  "$root/scripts/pg-test-server.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bench" --jpeg "$work/photo.jpg" --megabytes 5

# Starts the server on $1 (a database URL), uploads the photo $uploads times as the
# strategy office with the phone's position, and prints the answer times (curl's
# time_total: request sent to answer read, on this machine) and how long each
# thumbnail took to answer 200.
run() {
  local url=$1
  "$server" serve --db "$url" --port 0 --demo --photos-dir "$work/photos" >"$work/server.log" 2>&1 &
  pid=$!
  local base=""
  for _ in $(seq 1 600); do
    base=$(sed -n 's/^changwat listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")
    [ -n "$base" ] && break
    sleep 0.1
  done
  [ -n "$base" ] || { cat "$work/server.log"; exit 1; }
  local jar="$work/jar"
  rm -f "$jar"
  local csrf
  csrf=$(curl -s -c "$jar" -H 'content-type: application/json' \
    -d '{"username":"strategy","password":"trat-demo-2568"}' "$base/api/v1/auth/login" |
    sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
  local plan element
  plan=$(curl -s -b "$jar" "$base/api/v1/action-plans" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  element=$(curl -s -b "$jar" "$base/api/v1/action-plans/$plan" | grep -o '"element_id":[0-9]*' | head -1 | cut -d: -f2)
  : >"$work/times"
  : >"$work/thumbs"
  for i in $(seq 1 "$uploads"); do
    local out
    out=$(curl -s -b "$jar" -H "x-csrf-token: $csrf" -H 'content-type: image/jpeg' \
      -H 'x-latitude: 12.2436' -H 'x-longitude: 102.5151' -H 'x-accuracy-m: 8' \
      --data-binary @"$work/photo.jpg" -w '\n%{http_code} %{time_total}' \
      "$base/api/v1/projects/$element/photos")
    local status time id
    status=$(tail -1 <<<"$out" | cut -d' ' -f1)
    time=$(tail -1 <<<"$out" | cut -d' ' -f2)
    [ "$status" = 201 ] || { echo "upload $i: $out" >&2; exit 1; }
    echo "$time" >>"$work/times"
    id=$(head -1 <<<"$out" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
    local started
    started=$(date +%s%N)
    while [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/api/v1/photos/$id/thumbnail")" != 200 ]; do
      sleep 0.01
    done
    echo $((($(date +%s%N) - started) / 1000)) >>"$work/thumbs"
  done
  sort -n "$work/times" | awk -v n="$uploads" '{ t[NR] = $1 * 1000 } END {
    printf "upload of a %s-byte JPEG, %d times: p50 %.0f ms, max %.0f ms (answered, thumbnail not yet made)\n",
      ENVIRON["size"], n, t[int((n + 1) / 2)], t[n] }'
  sort -n "$work/thumbs" | awk -v n="$uploads" '{ t[NR] = $1 / 1000 } END {
    printf "thumbnail ready after the answer: p50 %.0f ms, max %.0f ms (background worker)\n", t[int((n + 1) / 2)], t[n] }'
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}
export size=$(stat -c %s "$work/photo.jpg")

echo "== SQLite"
run "sqlite:$work/bench.db"

echo
echo "== PostgreSQL"
port=${CHANGWAT_BENCH_PG_PORT:-}
if [ -z "$port" ]; then
  for candidate in $(seq 55470 55499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
pg_url=$("$root/scripts/pg-test-server.sh" start "$work/pg" "$port")
rm -rf "$work/photos"
run "$pg_url"

echo
echo "== In memory (no HTTP)"
"$bench" --read-model
"$bench" --decode "$work/photo.jpg"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
