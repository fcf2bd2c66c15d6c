#!/usr/bin/env bash
# Hardening checks (issue 6), non-interactive, for CI or by hand:
#
#   scripts/ci-hardening.sh [FUZZ_SECONDS]      (default 120; 0 skips the fuzzing)
#
# (a) builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/ and
#     runs the whole test suite; any sanitizer report fails it;
# (b) builds the libFuzzer targets with clang in build-fuzz/ and runs each for FUZZ_SECONDS on a
#     copy of tests/fuzz/corpus/ (nothing is written into the repository), prints how many inputs
#     each executed, and fails on any crash, timeout, leak or out-of-memory.
# Exit status: 0 all clean; 1 a step failed (the failing output is printed). Crash inputs are kept
# in $LAMBDASIM_FUZZ_ARTIFACTS (default /tmp/lambdasim-fuzz-artifacts); minimise one with
#   build-fuzz/tests/fuzz/fuzz_scenario_loader -minimize_crash=1 -runs=10000 CRASH_FILE
# and add it to tests/fuzz/regressions/.
#
# Installs nothing. Needs (Debian 12), besides setup.sh's packages: clang (14) and
# libclang-rt-14-dev (the libFuzzer and sanitizer runtimes for clang).
# Time with the default 120 s of fuzzing (the two fuzzers run side by side): 15 min of CPU from
# scratch (ASan build ~60 %), i.e. about 8-9 min on 2 idle cores; about 5 min when build-asan/
# and build-fuzz/ are kept from a previous run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FUZZ_SECONDS=${1:-120}
# LAMBDASIM_FUZZ_RUNS=N: stop each fuzzer after N inputs, with a fixed seed, so a run is
# reproducible (CI uses it: the same inputs every time; FUZZ_SECONDS is then only a cap).
FUZZ_RUNS=${LAMBDASIM_FUZZ_RUNS:-}
JOBS=$(nproc 2>/dev/null || echo 2)
ARTIFACTS=${LAMBDASIM_FUZZ_ARTIFACTS:-/tmp/lambdasim-fuzz-artifacts}
START=$(date +%s)

case "$FUZZ_SECONDS" in
    '' | *[!0-9]*) echo "usage: scripts/ci-hardening.sh [FUZZ_SECONDS]" >&2; exit 1 ;;
esac
for tool in cmake ninja ctest; do
    command -v "$tool" >/dev/null || { echo "ci-hardening: $tool not found (run ./setup.sh test first)" >&2; exit 1; }
done
if [ "$FUZZ_SECONDS" -gt 0 ] && ! command -v clang++ >/dev/null; then
    echo "ci-hardening: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
fi

step() { printf '\n==> %s (%ds elapsed)\n' "$*" $(( $(date +%s) - START )); }

# Any sanitizer report is fatal; leaks are reported at exit.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:print_stacktrace=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

# ---- (a) the test suite under ASan + UBSan ---------------------------------------------------
step "configuring build-asan (RelWithDebInfo, LAMBDASIM_SANITIZE=ON)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAMBDASIM_SANITIZE=ON \
      -DLAMBDASIM_BUILD_GUI=OFF -DLAMBDASIM_BUILD_BENCHMARKS=OFF >/dev/null
step "building build-asan"
cmake --build build-asan --parallel "$JOBS"
step "running the test suite under ASan + UBSan"
failed=0
ctest --test-dir build-asan --output-on-failure -j2 || { failed=1; echo "ci-hardening: tests FAILED under ASan + UBSan" >&2; }

# ---- (b) fuzzing -----------------------------------------------------------------------------
if [ "$FUZZ_SECONDS" -eq 0 ]; then
    step "fuzzing skipped (FUZZ_SECONDS=0)"
    exit "$failed"
fi
step "configuring build-fuzz (clang, LAMBDASIM_FUZZ=ON)"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DLAMBDASIM_FUZZ=ON -DLAMBDASIM_BUILD_GUI=OFF -DLAMBDASIM_BUILD_TESTS=OFF \
      -DLAMBDASIM_BUILD_BENCHMARKS=OFF >/dev/null
step "building the fuzzers"
cmake --build build-fuzz --parallel "$JOBS" --target fuzz_scenario_loader fuzz_set_override

WORK=$(mktemp -d /tmp/lambdasim-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/cwd" "$WORK/artifacts"
# Each fuzzer gets its own copy of the corpus (libFuzzer adds to it) and runs from an empty
# folder, so data files a fuzzed scenario names resolve there.
declare -A CORPUS=([fuzz_scenario_loader]=loader [fuzz_set_override]=set)
declare -A PID
step "fuzzing each target for ${FUZZ_SECONDS}s (in parallel)"
for target in fuzz_scenario_loader fuzz_set_override; do
    mkdir -p "$WORK/corpus-$target"
    cp -R "$ROOT/tests/fuzz/corpus/${CORPUS[$target]}/." "$WORK/corpus-$target/"
    (
        cd "$WORK/cwd"
        exec "$ROOT/build-fuzz/tests/fuzz/$target" "$WORK/corpus-$target" \
            -dict="$ROOT/tests/fuzz/scenario.dict" -max_total_time="$FUZZ_SECONDS" -timeout=10 \
            ${FUZZ_RUNS:+-runs="$FUZZ_RUNS" -seed=1} \
            -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$target-" \
            >"$WORK/$target.log" 2>&1
    ) &
    PID[$target]=$!
done

for target in fuzz_scenario_loader fuzz_set_override; do
    status=0
    wait "${PID[$target]}" || status=$?
    log="$WORK/$target.log"
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$executions" ] || executions=$(sed -n 's/^#\([0-9]*\)[[:space:]]*DONE.*/\1/p' "$log" | tail -n 1)
    printf '%-22s %12s executions  exit %d\n' "$target" "${executions:-?}" "$status"
    if [ "$status" -ne 0 ] || grep -qE '^(==[0-9]+==ERROR|SUMMARY: )' "$log"; then
        failed=1
        echo "---- $target: last lines of the fuzzer log ----"
        tail -n 60 "$log"
    fi
done

if compgen -G "$WORK/artifacts/*" >/dev/null; then
    mkdir -p "$ARTIFACTS"
    cp "$WORK"/artifacts/* "$ARTIFACTS/"
    echo "crash/timeout inputs kept in $ARTIFACTS:"
    ls -l "$ARTIFACTS"
    failed=1
fi
step "done"
if [ "$failed" -ne 0 ]; then
    echo "ci-hardening: FAILED" >&2
    exit 1
fi
echo "ci-hardening: all clean"
