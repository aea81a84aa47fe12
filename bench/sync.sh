#!/usr/bin/env bash
# Image-sync benchmark: Debian's docker-registry filled with REPOS x TAGS generated small images (5,000 tags by
# default), registered in Wharf (on MariaDB) as an "Other" registry; one sync task walks it. Prints the wall time from
# creating the task to the registry reading "finished", images per second, and the same for a second task over the
# unchanged registry (a re-sync: every image already known).
# Usage: bash bench/sync.sh   (BENCH_REPOS=50 BENCH_TAGS=100; needs MariaDB as .ci/run prepares it)
set -euo pipefail
cd "$(dirname "$0")/.."
REPOS=${BENCH_REPOS:-50}
TAGS=${BENCH_TAGS:-100}
WORK="${PWD}/target/bench-sync"
PORT=9284
REGISTRY_PORT=9285
DB=wharf_bench_sync
URL="http://127.0.0.1:${PORT}"
command -v docker-registry >/dev/null || { apt-get update -qq && apt-get install -y -qq docker-registry >/dev/null; }

rm -rf "${WORK}" && mkdir -p "${WORK}"
cat > "${WORK}/registry.yml" <<YAML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: ${WORK}/registry-data}}
http: {addr: 127.0.0.1:${REGISTRY_PORT}}
YAML
docker-registry serve "${WORK}/registry.yml" > "${WORK}/registry.log" 2>&1 &
REGISTRY=$!

mariadb -uroot -e "DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  GRANT ALL PRIVILEGES ON ${DB}.* TO 'wharf'@'localhost', 'wharf'@'%';"
export WHARF_DB=mariadb WHARF_DB_URL="jdbc:mariadb://127.0.0.1:3306/${DB}" WHARF_DB_USER=wharf WHARF_DB_PASSWORD=wharf
export WHARF_ADMIN_PASSWORD=bench-admin-pass WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${WORK}/wharf-data"
export WHARF_SYNC_ALLOWED_NETWORKS=127.0.0.0/8   # the benchmark's docker-registry is on loopback
mvn -q -B -Dserve -DskipTests package liberty:run > "${WORK}/wharf.log" 2>&1 &
SERVER=$!
stop() {
  app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true
  kill "${SERVER}" "${REGISTRY}" 2>/dev/null || true
}
trap stop EXIT

for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:${REGISTRY_PORT}/v2/" >/dev/null && break; sleep 1; done
echo "filling docker-registry with ${REPOS} x ${TAGS} images..."
start=$(date +%s.%N)
python3 bench/fill_registry.py "127.0.0.1:${REGISTRY_PORT}" "${REPOS}" "${TAGS}"
printf 'filled in %.1f s\n' "$(awk "BEGIN{print $(date +%s.%N) - ${start}}")"

for _ in $(seq 1 300); do curl -sf "${URL}/health/ready" >/dev/null && break; sleep 1; done
curl -sf "${URL}/health/ready" >/dev/null
auth() {
  curl -s -D "${WORK}/headers" -X POST "${URL}/v3/auth/tokens" -H 'Content-Type: application/json' -d "{\"auth\":
    {\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$2\",\"password\":\"$3\",
    \"domain\":{\"name\":\"$1\"}}}}}}"
}
auth wharf admin bench-admin-pass > /dev/null
ADMIN=$(tr -d '\r' < "${WORK}/headers" | awk 'tolower($1)=="x-subject-token:"{print $2}')
curl -sf -o /dev/null -X POST "${URL}/v3/accounts" -H "X-Auth-Token: ${ADMIN}" -H 'Content-Type: application/json' \
  -d '{"account":{"name":"syncbench","admin":{"name":"boss","password":"bench-user-pass"}}}'
PROJECT=$(auth syncbench boss bench-user-pass | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"]["project"]["id"])')
TOKEN=$(tr -d '\r' < "${WORK}/headers" | awk 'tolower($1)=="x-subject-token:"{print $2}')
api() { curl -sf -X "$1" "${URL}/v5/${PROJECT}/image$2" -H "X-Auth-Token: ${TOKEN}" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
api POST /registries "{\"registry_name\":\"bench\",\"registry_type\":\"Other\",\"registry_url\":\"http://127.0.0.1:${REGISTRY_PORT}\"}" >/dev/null

sync_once() {
  local start task state
  start=$(date +%s.%N)
  task=$(api POST /image-sync/tasks '{"sync_all_registries": true}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["task_id"])')
  while :; do
    state=$(api GET "/image-sync/tasks/${task}/registries" | python3 -c \
      'import json,sys; r=json.load(sys.stdin)["data_list"][0]; print(r["sync_status"], r["total_num"], r.get("failed_reason", ""))')
    [[ ${state} == running* ]] || break
    sleep 0.2
  done
  local seconds
  seconds=$(awk "BEGIN{print $(date +%s.%N) - ${start}}")
  printf '| %s | %s | %.1f s | %.0f |\n' "$1" "${state}" "${seconds}" "$(awk "BEGIN{print ${REPOS} * ${TAGS} / ${seconds}}")"
}
echo
echo "| sync | registry ends (status, total_num) | wall time | images/s |"
echo "|---|---|---|---|"
sync_once "first sync of ${REPOS} x ${TAGS} tags"
sync_once "re-sync, nothing changed"
listed=$(api GET '/swr-repository?image_type=other&limit=1' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_num"])')
echo
echo "image list (image_type=other) total_num: ${listed}"
