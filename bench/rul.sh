#!/bin/sh
# RUL benchmark: 5-fold cross-validation by engine unit on all 100 C-MAPSS FD001 training engines, every model
# (random forest, XGBoost, linear on window features; the DJL 1-D CNN on raw windows), each validation engine
# truncated at 5 seeded cut points whose true RUL spreads like FD001's official test (test-like rule; the same fold
# models also score the old uniform cuts) and scored on its last window (RMSE, NASA score, conformal interval
# coverage) with wall and process CPU seconds per model. Writes bench/results/rul-benchmark.md and prints it.
# Options (defaults in RulBenchmark), plus -Dpoka.bench.max-folds=1 to time the first fold only (same folds and cuts):
#   -Dpoka.bench.models=random-forest,xgboost,linear,cnn-1d -Dpoka.bench.cnn-epochs=100 -Dpoka.bench.cnn-patience=10
#   -Dpoka.bench.cut-rule=test-like|uniform -Dpoka.bench.out=rul-benchmark.md (another file under bench/results, not printed) -Dpoka.bench.cuts=5
#   -Dpoka.bench.seed=42 -Dpoka.bench.folds=5 -Dpoka.bench.window=30 -Dpoka.bench.trees=50 -Dpoka.bench.rounds=100
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.prognostics.bench.RulBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -DtrimStackTrace=false "$@" || exit 1
cat bench/results/rul-benchmark.md
