#!/usr/bin/env bash
# Benchmarks: lint throughput over ../shared/corpus, and start-up time of `stacklint lint` on a
# small template. Builds a Release tree in build-bench/. Figures go in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTACKLINT_TESTS=ON >/dev/null
cmake --build build-bench --target stacklint corpus_bench stress_bench >/dev/null
corpus=${1:-../shared/corpus}
echo "== corpus throughput (library, all cores)"
build-bench/bench/corpus_bench "$corpus" --repeat 5 --compare
echo
echo "== end to end: stacklint lint --format json $corpus"
if [ -d "$corpus" ] && [ -x /usr/bin/time ]; then
  /usr/bin/env time -f "wall %e s, peak RSS %M KB" build-bench/stacklint lint --format json \
    --fail-level none "$corpus" >/dev/null 2>/tmp/stacklint-bench-time || true
  tail -1 /tmp/stacklint-bench-time
fi
echo
echo "== conditions stress (symbolic evaluator)"
build-bench/bench/stress_bench
echo
echo "== start-up: stacklint lint fixtures/examples/django-stack-hardened.yaml"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 10 --runs 100 "build-bench/stacklint lint fixtures/examples/django-stack-hardened.yaml"
else
  start=$(date +%s%N)
  for _ in $(seq 200); do build-bench/stacklint lint fixtures/examples/django-stack-hardened.yaml >/dev/null; done
  echo "mean $(( ($(date +%s%N) - start) / 200000 )) us over 200 runs (install hyperfine for detail)"
fi
