#!/usr/bin/env bash
# What the audit trail costs a push: bench/load.sh (16 clients x 300 small images into one repository, then pulled
# back) with the trail off and on, alternating, ROUNDS times each. Every push and every pull writes one trace.
# Usage: bash bench/audit.sh   (BENCH_ROUNDS=2; needs MariaDB as .ci/run prepares it)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-2}
for round in $(seq 1 "${ROUNDS}"); do
  for audit in off on; do
    echo "round ${round}, WHARF_AUDIT=${audit}:"
    WHARF_AUDIT=${audit} bash bench/load.sh | grep -E '^(wharf|docker-registry):'
  done
done
