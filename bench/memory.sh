#!/usr/bin/env bash
# Memory of the packaged server as the shipped unit runs it (JVM_ARGS=-Xmx1g for the server, -Xmx64m for the launcher,
# embedded H2): resident memory of both JVMs idle after start, and at their peak during pushes of BENCH_LARGE images of
# 5 x 10 MB (4 at a time, skopeo). Prints one line per phase. Usage: bash bench/memory.sh (after mvn package).
set -euo pipefail
cd "$(dirname "$0")/.."
LARGE=${BENCH_LARGE:-20}
HEAP=${BENCH_HEAP:--Xmx1g}
PORT=9291
WORK="${PWD}/target/bench-memory"
JAR="${PWD}/app-web/target/wharf-server.jar"
[ -f "${JAR}" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
rm -rf "${WORK}" && mkdir -p "${WORK}"
python3 bench/make_images.py "${WORK}/large" "${LARGE}" 5 $((10 * 1024 * 1024))

WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${WORK}/data" WLP_JAR_EXTRACT_DIR="${WORK}/server" LOG_DIR="${WORK}/logs" \
  WHARF_ADMIN_PASSWORD=bench-admin-pass JVM_ARGS="${HEAP}" java -Xmx64m -jar "${JAR}" > "${WORK}/console.log" 2>&1 &
LAUNCHER=$!
trap 'kill ${LAUNCHER} 2>/dev/null || true; wait ${LAUNCHER} 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:${PORT}/health/ready" >/dev/null && break; sleep 1; done
SERVER=$(pgrep -f "${WORK}/server/wlp/bin/tools/ws-server.jar" | head -1)
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }
hwm() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$1/status"; }

sleep 60
echo "idle 60 s after ready: server JVM ${HEAP}: $(rss "${SERVER}") MB resident; launcher: $(rss "${LAUNCHER}") MB"

TOKEN=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:${PORT}/v3/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"bench-admin-pass","domain":{"name":"wharf"}}}}}}' \
  | awk 'tolower($1)=="x-subject-token:" {print $2}' | tr -d '\r')
curl -sf -o /dev/null -X POST "http://127.0.0.1:${PORT}/v2/manage/namespaces" -H "X-Auth-Token: ${TOKEN}" \
  -H 'Content-Type: application/json' -d '{"namespace":"bench"}'
before=$(hwm "${SERVER}")
start=$(date +%s.%N)
ls "${WORK}/large" | xargs -P 4 -I{} skopeo copy -q --dest-tls-verify=false --dest-creds wharf/admin:bench-admin-pass \
  "oci:${WORK}/large/{}:v1" "docker://127.0.0.1:${PORT}/bench/{}:1" 
took=$(echo "$(date +%s.%N) - ${start}" | bc)
echo "pushing ${LARGE} images of 50 MB, 4 at a time (${took} s): server peak ${before} -> $(hwm "${SERVER}") MB resident, now $(rss "${SERVER}") MB"
