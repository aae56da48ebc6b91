#!/usr/bin/env bash
# Quick start, step 2: build and run the whole test suite, twice: an optimised build, and a
# build with AddressSanitizer and UndefinedBehaviorSanitizer. Also used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

run_suite() {  # build dir, extra cmake arguments...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DSTACKLINT_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs")
}

echo "== formatting (.clang-format)"
if git rev-parse --git-dir >/dev/null 2>&1; then
  git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
else
  echo "not a git checkout: skipped"
fi

echo "== release build"
run_suite build -DCMAKE_BUILD_TYPE=Release
echo "== sanitizer build (address, undefined)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  run_suite build-sanitize -DCMAKE_BUILD_TYPE=Debug -DSTACKLINT_SANITIZE=ON
