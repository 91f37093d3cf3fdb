#!/bin/sh
# API fuzz run, one command: requests generated from the running application's OpenAPI document for every operation
# and every role, with malformed and hostile values (NUL, control characters, huge numbers, deep nesting, long
# strings, wrong types, unknown fields, bad enums/dates/UUIDs/content types, oversized bodies, URIs and headers), on a
# real PostgreSQL and Kafka (ApiFuzzTest). Every answer must be < 500 and every error problem+json; every refused
# request must leave every table (and so the audit trail) unchanged. Writes bench/results/fuzz.md and prints it.
# Options: -Dpoka.fuzz.requests=10000 (default here) -Dpoka.fuzz.seed=13
cd "$(dirname "$0")/.." || exit 1
mkdir -p bench/results
./mvnw -B -q test -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpoka.fuzz.requests=10000 -Dpoka.fuzz.report="$PWD/bench/results/fuzz.md" "$@"
status=$?
cat bench/results/fuzz.md
exit $status
