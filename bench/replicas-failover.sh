#!/usr/bin/env bash
# Runs ReplicasFailoverIT full size: the packaged jar started as two (then three) replicas on one PostgreSQL and a
# 3-node KRaft cluster whose nodes are processes (RF 3, min.insync.replicas 2); SIGKILL of the replica holding the
# run-once leases, SIGKILL of a broker, a third replica joining, each mid-stream; then readings, firings (against one
# pass of the chart), alerts, incident signals and outbox events counted against what was produced.
# `./mvnw verify` runs the same test sized for the suite (300 readings per line at 600/s); this runs 2,000 per line at
# 3,000/s. Sizes: -Dpoka.replicas-it.lines (multiple of 6), -Dpoka.replicas-it.readings-per-line,
# -Dpoka.replicas-it.rate. Usage: bench/replicas-failover.sh [-o] [-Dpoka.replicas-it.readings-per-line=N ...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B "$@" verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplicasFailoverIT \
  -Dpoka.replicas-it.readings-per-line="${READINGS_PER_LINE:-2000}" -Dpoka.replicas-it.rate="${RATE:-3000}"
