#!/bin/sh
# REST lot read benchmark: requests/s, p50/p99 and CPU per request for GET /api/v1/lots/{id} with HTTP Basic, against
# GET /api/v1/me (authentication and JSON only) in the same run; memory. About 1-2 minutes.
# Usage: bench/lot-reads.sh [seconds per endpoint, default 20] [requests in flight, default 32]
# CPU profile of the lot phase: BENCH_JFR=/path/lots.jfr records it with JFR; bench/jfr-hot.py /path/lots.jfr sums it.
# Writes bench/results/lot-reads.md and prints it.
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.lots.bench.LotReadBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -Dpoka.bench.seconds="${1:-20}" -Dpoka.bench.concurrency="${2:-32}" \
  -Dpoka.bench.jfr="${BENCH_JFR:-}" || exit 1
cat bench/results/lot-reads.md
