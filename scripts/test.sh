#!/usr/bin/env bash
# Runs every test: unit (GoogleTest, SQLite and PostgreSQL), API (real server on SQLite
# and on PostgreSQL), browser (Playwright + Debian's chromium), OpenAPI conformance and
# the fuzz smoke run. Installs what is missing first. Ends with a summary; exits
# non-zero if any step failed. Node steps run on the pinned Node (scripts/node-env.sh).
# The build directory is CHANGWAT_BUILD_DIR (default build/).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/node-env.sh
build_dir=${CHANGWAT_BUILD_DIR:-build}

scripts/deps.sh || exit 1
changwat_check_node || exit 1
echo "node $(node --version) from ${changwat_node_dir#"$root"/}/bin"
scripts/build.sh || { echo "BUILD FAILED"; exit 1; }

work=$(mktemp -d /tmp/changwat-test.XXXXXX)
chmod 755 "$work"
pg_port=${CHANGWAT_TEST_PG_PORT:-55432}
pg_url=$(scripts/pg-test-server.sh start "$work/pg" "$pg_port") || { echo "cannot start PostgreSQL"; exit 1; }
cleanup() { scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
export CHANGWAT_TEST_POSTGRES_URL="$pg_url"
export CHANGWAT_BIN="$(cd "$build_dir" && pwd)/changwat"

declare -a names=() results=() times=()
step() {
  local name=$1; shift
  echo
  echo "=== $name ==="
  local start=$SECONDS
  if "$@"; then results+=("PASS"); else results+=("FAIL"); fi
  names+=("$name"); times+=("$((SECONDS - start))s")
}

step "layer rules (includes)" scripts/check-layers.sh
step "unit tests (ctest)" ctest --test-dir "$build_dir" --output-on-failure -j 2
step "web unit tests (vitest)" bash -c 'cd web && npx vitest run'
step "OpenAPI lint and web types" scripts/lint-api.sh
# Test files are listed, not their folder: Node 21 and later read a folder argument
# as a module to run, not a place to look for tests.
step "API tests on SQLite" env CHANGWAT_TEST_ENGINE=sqlite node --test --test-concurrency=2 tests/api/*.test.mjs
step "API tests on PostgreSQL" env CHANGWAT_TEST_ENGINE=postgres node --test --test-concurrency=2 tests/api/*.test.mjs
step "browser tests (Chromium)" node --test --test-concurrency=1 tests/e2e/*.test.mjs
if [ -x scripts/fuzz-smoke.sh ]; then
  step "fuzz smoke" scripts/fuzz-smoke.sh "${CHANGWAT_FUZZ_SECONDS:-15}"
fi

echo
echo "=== summary ==="
failed=0
for i in "${!names[@]}"; do
  printf '%-28s %s  (%s)\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
  [ "${results[$i]}" = "PASS" ] || failed=1
done
if [ $failed -eq 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
exit $failed
