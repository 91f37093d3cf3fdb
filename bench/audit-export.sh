#!/bin/sh
# Audit export benchmark: PDF rendering time for one entry with an 80k, 160k and 1M-character line, and the ratio of
# each to the 80k time of the same run (linear: ~2 and ~12.5). Plain Java, no database; about a minute.
# Writes bench/results/audit-export.md and prints it.
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.audit.bench.ExportBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true "$@" || exit 1
cat bench/results/audit-export.md
