#!/bin/sh
# Baselines benchmark: Tribuo logistic regression vs random forest on steel plates (stratified 5-fold) and linear
# SGD vs random forest on C-MAPSS FD001 RUL (split by engine). Writes bench/results/baselines-benchmark.md and prints
# it. Options: -Dpoka.bench.epochs=10 -Dpoka.bench.trees=20 -Dpoka.bench.depth=12 -Dpoka.bench.seed=42
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.baselines.bench.BaselinesBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -DtrimStackTrace=false "$@" || exit 1
cat bench/results/baselines-benchmark.md
