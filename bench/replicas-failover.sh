#!/usr/bin/env bash
# Runs ReplicasFailoverIT: the packaged jar started as two (then three) replicas on one PostgreSQL and a 3-broker
# KRaft cluster (RF 3, min.insync.replicas 2); kill -9 of a replica, a broker stopped, a third replica joining, each
# mid-stream, then readings/violations/alerts/outbox events counted against what was produced. Excluded from
# `./mvnw verify` for the suite's time budget (docs/replicas.md). Usage: bench/replicas-failover.sh [-o]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B "$@" verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReplicasFailoverIT
