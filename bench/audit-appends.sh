#!/bin/sh
# Audit append benchmark: appends/s with 1 and 8 concurrent writers through the journal + sequencer, against the old
# chain-head lock re-created in the same run (ratio), with CPU per append (JVM, PostgreSQL) and memory. About 2-4
# minutes on 2 cores. Usage: bench/audit-appends.sh [appends per run, default 4000]
# CPU profile of the 8-writer journal run: BENCH_JFR=/path/audit.jfr records it; bench/jfr-hot.py /path/audit.jfr sums it.
# Writes bench/results/audit-appends.md and prints it.
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.audit.bench.AuditAppendBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -Dpoka.bench.appends="${1:-4000}" \
  -Dpoka.bench.jfr="${BENCH_JFR:-}" || exit 1
cat bench/results/audit-appends.md
