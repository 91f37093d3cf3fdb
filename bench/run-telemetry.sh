#!/usr/bin/env bash
# Telemetry benchmark: readings/s through the real broker, validation, SPC, alerts and PostgreSQL, beside a naive
# one-transaction-per-reading path, plus p50/p99 latency from reading timestamp to stored violation.
# Usage: bench/run-telemetry.sh [batched-readings] [naive-readings] [TEP run as load]   (defaults 2000000, 5000, d00)
# A warm-up of 300000 readings (not counted) runs first: -Dpoka.bench.warmup-readings via BENCH_WARMUP.
# Paced latency run: BENCH_PACED_STEPS (TEP steps of 52 readings per second, default 100 = 5,200 readings/s) for
# BENCH_PACED_SECONDS (default 20); half of 100,000 readings/s is BENCH_PACED_STEPS=962.
# Charts: BENCH_CHARTS=plant (default: AR1 residual charts, rule 1, L = 4, what the demo plant sets up for TEP, so
# normal running is quiet) or stress (IMR with every Western Electric rule on raw readings: ~1 rule firing per reading).
# Streaming scoring: BENCH_SCORING_EPOCHS=N (> 0) trains a VAE-GAN on d00 for N epochs, promotes it on a third line
# and repeats the burst there, reporting CPU per reading without and with the model.
# Chart kind override: BENCH_CHART_TYPE (e.g. EWMA or CUSUM, whose state is saved with every batch; "" = as
# BENCH_CHARTS sets up).
# CPU profile of the burst: BENCH_JFR=/path/burst.jfr records it with JFR; bench/jfr-hot.py /path/burst.jfr sums it.
# BENCH_JFR_SCORED=/path/scored.jfr records the burst on the line with a promoted model (streaming scoring) alone.
# Results: printed, and written to bench/results/telemetry-<time>.md
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q test -Dtest=io.poka.telemetry.TelemetryThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -Dpoka.bench.readings="${1:-2000000}" -Dpoka.bench.naive-readings="${2:-5000}" \
  -Dpoka.bench.warmup-readings="${BENCH_WARMUP:-300000}" \
  -Dpoka.bench.run="${3:-d00}" -Dpoka.bench.chart-type="${BENCH_CHART_TYPE:-}" -Dpoka.bench.results="$PWD/bench/results" \
  -Dpoka.bench.paced-steps-per-second="${BENCH_PACED_STEPS:-100}" \
  -Dpoka.bench.paced-seconds="${BENCH_PACED_SECONDS:-20}" -Dpoka.bench.jfr="${BENCH_JFR:-}" \
  -Dpoka.bench.jfr-scored="${BENCH_JFR_SCORED:-}" \
  -Dpoka.bench.charts="${BENCH_CHARTS:-plant}" -Dpoka.bench.scoring-epochs="${BENCH_SCORING_EPOCHS:-0}"
