#!/usr/bin/env bash
# Builds changwat. With no arguments: everything, the C++ part (changwat, unit tests,
# benchmarks) and the web UI (web/dist). With arguments: only those ninja targets, and
# the web UI if one of them is `web`; scripts/run.sh builds `changwat web`, what serving
# needs. The build directory is CHANGWAT_BUILD_DIR (default build/).
# CHANGWAT_WERROR=1 turns warnings into errors (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node-env.sh
jobs=${CHANGWAT_JOBS:-$(nproc)}
build_dir=${CHANGWAT_BUILD_DIR:-build}
werror=OFF
[ "${CHANGWAT_WERROR:-0}" = "1" ] && werror=ON

web=0
targets=()
if [ $# -eq 0 ]; then
  web=1
else
  for target in "$@"; do
    if [ "$target" = web ]; then web=1; else targets+=("$target"); fi
  done
fi

if [ $# -eq 0 ] || [ ${#targets[@]} -gt 0 ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHANGWAT_WERROR=$werror >/dev/null
  ninja -C "$build_dir" -j "$jobs" "${targets[@]}"
fi

# The full build always builds the web UI; `web` alone (scripts/run.sh) skips it while
# nothing it is built from is newer than web/dist, so a second run.sh starts at once.
if [ $web -eq 1 ] && [ -f web/package.json ]; then
  changwat_check_node
  if [ $# -eq 0 ] || [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/public web/index.html web/package.json \
    web/package-lock.json web/vite.config.ts web/tsconfig*.json api/openapi.yaml \
    -newer web/dist/index.html -print -quit 2>/dev/null)" ]; then
    (cd web && npm run --silent build)
  fi
fi
