#!/bin/sh
# TEP benchmark of the scoring module: VAE-GAN vs PCA T2/SPE detection table, timings, memory.
# Writes bench/results/tep-benchmark.md and prints it. Extra -Dpoka.bench.* options override hyperparameters
# (lags, latent, beta, lambda, w, epochs, alpha, betweenRun, augment = betweenRunAugmentation), e.g.
# bench/tep.sh -Dpoka.bench.lags=2
cd "$(dirname "$0")/.." || exit 1
./mvnw -B -q test -Dtest='io.poka.scoring.bench.TepBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true -DtrimStackTrace=false "$@" || exit 1
cat bench/results/tep-benchmark.md
