#!/usr/bin/env bash
# Fuzz smoke run: builds every libFuzzer target (fuzz/<name>_fuzz.cpp -> fuzz_<name>)
# with clang, ASan and UBSan in build-fuzz/, then runs each for a bounded time
# (default 20 s; the first argument overrides) starting from its checked-in seed
# corpus fuzz/corpus/<name>/. New inputs go to a scratch directory, so the seeds in
# git stay small. Exits non-zero if a target does not build or finds a crash, a
# leak, undefined behaviour or a timeout; the input that did it is kept in
# build-fuzz/artifacts/<name>/.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
jobs=${CHANGWAT_JOBS:-$(nproc)}

targets=()
for source in fuzz/*_fuzz.cpp; do
  [ -e "$source" ] || continue
  targets+=("$(basename "$source" _fuzz.cpp)")
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz-smoke: no fuzz targets"
  exit 0
fi

# Warnings are the g++ build's job (CHANGWAT_WERROR there); this build looks for crashes.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCHANGWAT_FUZZ=ON -DCHANGWAT_TESTS=OFF -DCHANGWAT_BENCH=OFF \
  >/dev/null || { echo "fuzz-smoke: cmake failed"; exit 1; }
ninja -C build-fuzz -j "$jobs" "${targets[@]/#/fuzz_}" || { echo "fuzz-smoke: build failed"; exit 1; }

# UBSan only reports by default; make undefined behaviour a crash libFuzzer catches.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1

failed=()
for name in "${targets[@]}"; do
  scratch=$(mktemp -d /tmp/changwat-fuzz-"$name".XXXXXX)
  artifacts=build-fuzz/artifacts/$name
  mkdir -p "$artifacts"
  seeds=()
  [ -d "fuzz/corpus/$name" ] && seeds=("fuzz/corpus/$name")
  log=build-fuzz/fuzz_$name.log
  echo "fuzz-smoke: fuzz_$name for ${seconds}s"
  binary=build-fuzz/fuzz/fuzz_$name
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$scratch" "${seeds[@]}" >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" | tr '\n' ' '
    echo
  else
    echo "fuzz-smoke: fuzz_$name FAILED; last lines of $log:"
    tail -40 "$log"
    failed+=("$name")
  fi
  rm -rf "$scratch"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-smoke: failures in: ${failed[*]}"
  exit 1
fi
echo "fuzz-smoke: all ${#targets[@]} targets ran ${seconds}s without a finding"
