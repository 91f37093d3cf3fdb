#!/usr/bin/env bash
# Storage per raw reading, indexes included: the same N readings in the former layout and in the compact partitioned
# layout (through the application's ReadingStore), measured with pg_total_relation_size.
# Usage: bench/reading-storage.sh [readings]   (default 1000000)
# Results: printed, and written to bench/results/storage-<time>.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q test -Dtest=io.poka.telemetry.ReadingStorageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -Dpoka.bench.storage-readings="${1:-1000000}" -Dpoka.bench.results="$PWD/bench/results"
