#!/usr/bin/env bash
# Builds the C++ part (build/changwat, unit tests, benchmarks) and the web UI (web/dist).
# CHANGWAT_WERROR=1 turns warnings into errors (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${CHANGWAT_JOBS:-$(nproc)}
werror=OFF
[ "${CHANGWAT_WERROR:-0}" = "1" ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHANGWAT_WERROR=$werror >/dev/null
ninja -C build -j "$jobs" "$@"
if [ -f web/package.json ] && [ $# -eq 0 ]; then
  (cd web && npm run --silent build)
fi
