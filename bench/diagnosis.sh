#!/bin/sh
# Diagnosis benchmark: the TEP fault classifier (d00-d21) evaluated by time-blocked cross-validation (5 blocks per
# run, one-window gap): learners and feature sets compared on the same folds, per-class counts and accuracy (faults
# 3, 9, 15 apart), confusion matrix, accuracy on windows a PCA SPE detector flags, then each fault left out of training
# in turn to measure the open-set rule. Plain Java, no database; about 3 minutes on a loaded 2-core box.
# Writes bench/results/diagnosis.md and prints it.
# Options: -Dpoka.bench.window=20 -Dpoka.bench.stride=5 -Dpoka.bench.test-stride=4 -Dpoka.bench.folds=5
#          -Dpoka.bench.epochs=100 -Dpoka.bench.l2=0.1 -Dpoka.bench.shrinkage=0.05 -Dpoka.bench.radius-factor=2.0
#          -Dpoka.bench.distance-features=5 -Dpoka.bench.open-set-variants=0,5 -Dpoka.bench.lofo-folds=0,1,2,3,4
#          -Dpoka.bench.models=softmax:basic,softmax:rich,softmax:basic-log,softmax:rich-log,lda:basic-log,lda:rich-log
cd "$(dirname "$0")/.." || exit 1
./mvnw -o -B -q test -Dtest='io.poka.diagnosis.bench.DiagnosisBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.bench=true "$@" || exit 1
cat bench/results/diagnosis.md
