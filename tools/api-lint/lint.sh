#!/usr/bin/env bash
# Lints the committed OpenAPI document with Spectral (spectral:oas + OWASP API Security Top 10 2023), versions pinned
# in package-lock.json, rules and their exceptions in .spectral.yaml. Fails on any error. Needs only node and npm.
set -euo pipefail
cd "$(dirname "$0")"
if ! [ -x node_modules/.bin/spectral ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error ../../docs/openapi/poka-api-v1.yaml "$@"
