#!/bin/sh
# Diagnosis benchmark: the TEP fault classifier trained on the first 70 % of d00-d21 and tested on the last 30 %
# (per-class accuracy, faults 3, 9, 15 apart), then each fault left out of training in turn to measure the open-set
# rule. Plain Java, no database; about a minute on 2 cores. Writes bench/results/diagnosis.md and prints it.
# Options: -Dpoka.bench.window=20 -Dpoka.bench.stride=5 -Dpoka.bench.epochs=100 -Dpoka.bench.l2=0.1
#          -Dpoka.bench.radius-factor=1.5
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.diagnosis.bench.DiagnosisBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true "$@" || exit 1
cat bench/results/diagnosis.md
