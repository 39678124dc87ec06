#!/usr/bin/env bash
# The one command to try changwat: installs what is missing (apt + npm), builds,
# and serves Trat's demo data from an embedded SQLite file (changwat.db).
# Extra arguments go to `changwat serve`, e.g. scripts/run.sh --port 9000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
exec build/changwat serve --demo --db "${CHANGWAT_DB:-sqlite:changwat.db}" --web web/dist "$@"
