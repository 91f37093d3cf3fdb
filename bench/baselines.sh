#!/bin/sh
# Baselines benchmark, one command for all three comparison tables:
#  - TEP: VAE-GAN (trained through the scoring API), PCA T2, PCA SPE, one-class SVM and isolation forest side by side,
#    through POST /api/v1/baselines/anomaly-comparisons on a real PostgreSQL and Kafka (TepComparisonBenchmark);
#  - steel plates: logistic regression vs random forest (stratified 5-fold), with ROC AUC;
#  - C-MAPSS FD001 RUL: linear SGD vs random forest (split by engine).
# Writes bench/results/tep-comparison.md and bench/results/baselines-benchmark.md and prints them. Options:
#   -Dpoka.bench.epochs=10 -Dpoka.bench.trees=20 -Dpoka.bench.depth=12 -Dpoka.bench.seed=42
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.baselines.bench.**' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -DtrimStackTrace=false "$@" || exit 1
cat bench/results/tep-comparison.md bench/results/baselines-benchmark.md
