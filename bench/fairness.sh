#!/usr/bin/env bash
# Issue 27: one account's largest retention policies and hanging webhook receivers against another account's requests
# and deliveries, on the README's defaults (embedded H2, the shipped heap). Prints account B's API p50/p99/max and its
# webhook delay while account A does its worst (bench/fairness.py says what A does).
# Usage: bash bench/fairness.sh            (2 x 2,000 tags, 60 s)
#        BENCH_TAGS=5000 BENCH_SECONDS=120 bash bench/fairness.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=9284
WORK="${PWD}/target/fairness-bench"
rm -rf "${WORK}" && mkdir -p "${WORK}"
mvn -q -B -Dserve -DskipTests package
export WHARF_ADMIN_PASSWORD=bench-admin-pass WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${WORK}/data"
# The receivers run on this machine's loopback, which webhooks may reach only when allowed.
export WHARF_SYNC_ALLOWED_NETWORKS=127.0.0.0/8
app-web/target/liberty/wlp/bin/server run wharf > "${WORK}/server.log" 2>&1 &
SERVER=$!
stop() { app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true; kill "${SERVER}" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:${PORT}/health/ready" >/dev/null && break; sleep 1; done
python3 bench/fairness.py "http://127.0.0.1:${PORT}" bench-admin-pass "${BENCH_TAGS:-2000}" "${BENCH_SECONDS:-60}"
