#!/usr/bin/env bash
# The one command to try changwat: installs what is missing (Debian packages, the pinned
# Node.js from the npm registry, web packages), builds what serving needs (the changwat
# server and the web UI, not the tests) and serves Trat's demo data from an embedded
# SQLite file (changwat.db). Extra arguments go to `changwat serve`, e.g.
# scripts/run.sh --port 9000. The build directory is CHANGWAT_BUILD_DIR (default build/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh changwat web
exec "${CHANGWAT_BUILD_DIR:-build}/changwat" serve --demo --db "${CHANGWAT_DB:-sqlite:changwat.db}" --web web/dist "$@"
