#!/bin/sh
# Baselines benchmark: Tribuo logistic regression vs random forest on steel plates (stratified 5-fold), linear SGD vs
# random forest on C-MAPSS FD001 RUL (split by engine), one-class SVM on TEP (VAE-GAN and PCA: bench/tep.sh).
# Writes bench/results/baselines-benchmark.md and prints it. Options (defaults = the application's):
#   -Dpoka.bench.epochs=10 -Dpoka.bench.trees=20 -Dpoka.bench.depth=12 -Dpoka.bench.seed=42
#   -Dpoka.bench.nu=0.05 -Dpoka.bench.gamma=0.0192
cd "$(dirname "$0")/.." || exit 1
./mvnw -B -q test -Dtest='io.poka.baselines.bench.BaselinesBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -DtrimStackTrace=false "$@" || exit 1
cat bench/results/baselines-benchmark.md
