#!/usr/bin/env bash
# Rewrites docs/openapi/poka-api-v1.yaml from the document the server serves at /q/openapi (OpenApiSnapshotTest
# starts the app on the test PostgreSQL and Kafka and writes the file), then lints it. Review the diff and commit it.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test -Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -Dpoka.openapi.refresh=true "$@"
git --no-pager diff --stat -- docs/openapi/poka-api-v1.yaml || true
tools/api-lint/lint.sh
