#!/usr/bin/env bash
# The developer entry point. Every command installs missing dependencies first.
#   dev.sh run            build and start the app on the bundled sample model
#   dev.sh test           build and run the whole test suite (what CI runs)
#   dev.sh sanitize       core tests built with AddressSanitizer + UndefinedBehaviorSanitizer (clang)
#   dev.sh tsan           the worker pool and the job tests built with ThreadSanitizer
#   dev.sh fuzz [SECONDS] the fuzz targets, built in the sanitizer tree (GGUF reader 3/4 of SECONDS, each
#                         other target 1/4 of it: about 2 x SECONDS in all; default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

bash packaging/install-deps.sh

configure() { # dir, extra cmake args...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
}

# The core tests under ASan/UBSan and the fuzz targets share one clang build: the core is compiled once for both
# (coverage instrumentation only where the fuzz targets reach, see core/CMakeLists.txt). clang also compiles the
# sanitized core in about 55 % of GCC's CPU time. -g1: line tables for the sanitizers' stack traces, without full
# debug info (much faster to build and link).
configure_sanitized() {
  CC=clang CXX=clang++ configure build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DQF_FUZZ=ON -DQF_BUILD_GUI=OFF -DQF_BUILD_BENCHMARKS=OFF
}

case "${1:-}" in
  run)
    configure build -DCMAKE_BUILD_TYPE=Release
    cmake --build build -j"$jobs" --target quantforge quantforge-cli
    sample=build/share/quantforge/samples/qf-books-22m-f16.gguf
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
      echo "No display found: starting under xvfb-run (use the offscreen platform or a desktop to see it)."
      exec xvfb-run -a build/bin/quantforge "$sample"
    fi
    exec build/bin/quantforge "$sample"
    ;;
  test)
    configure build -DCMAKE_BUILD_TYPE=Release
    cmake --build build -j"$jobs"
    ctest --test-dir build --output-on-failure -j"$jobs" -LE x11
    ;;
  sanitize)
    configure_sanitized
    cmake --build build-asan -j"$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j"$jobs" -L core -LE slow
    ;;
  tsan)
    # Data races in the worker pool (parallelFor) and in the jobs that use it from several threads.
    # -O1: ThreadSanitizer's recommended level, and a lighter build of the whole core for five tests. GCC, not
    # clang: Debian 12's clang 14 ThreadSanitizer aborts in fork() (QProcess) while threads run.
    # The core in unity batches (QF_UNITY_CORE): this tree builds all of it for five tests.
    configure build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DQF_BUILD_GUI=OFF -DQF_BUILD_BENCHMARKS=OFF -DQF_UNITY_CORE=ON \
      -DCMAKE_CXX_FLAGS="-fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread"
    tsan_tests="test_parallel test_quantize_job test_hostile_outputs test_hostile_sources test_model_copy"
    cmake --build build-tsan -j"$jobs" --target quantforge-cli $tsan_tests
    # die_after_fork=0: the tests start quantforge-cli with QProcess (fork + exec) while threads run.
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$PWD/packaging/tsan.supp"
    ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R "^(test_parallel|test_hostile_outputs|test_hostile_sources|test_model_copy)$"
    # The quantize job's threaded cases only: its every-preset size checks are single-threaded and, under
    # ThreadSanitizer, take many minutes.
    build-tsan/bin/test_quantize_job sameBytesForAnyThreadCountAndKernelPath severalPresetsInOnePassEqualSeparateRuns \
      cancelLeavesNothing
    ;;
  fuzz)
    seconds=${2:-60}
    configure_sanitized
    cmake --build build-asan -j"$jobs" --target fuzz_gguf_reader fuzz_safetensors_header fuzz_tokenizer \
      fuzz_modelfile fuzz_hf_config fuzz_imatrix
    # The GGUF reader gets 3/4 of the time; every other target a quarter of it.
    quarter=$((seconds / 4))
    for run in "fuzz_gguf_reader gguf $((seconds * 3 / 4))" "fuzz_safetensors_header safetensors $quarter" \
               "fuzz_tokenizer tokenizer $quarter" "fuzz_modelfile modelfile $quarter" \
               "fuzz_hf_config hf_config $quarter" "fuzz_imatrix imatrix $quarter"; do
      set -- $run
      scratch=$(mktemp -d)
      build-asan/bin/"$1" -max_total_time="$3" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        "$scratch" tests/fuzz/corpus/"$2"
      rm -rf "$scratch"
    done
    ;;
  *)
    sed -n '2,7p' "$0"
    exit 2
    ;;
esac
