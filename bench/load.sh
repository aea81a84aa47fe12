#!/usr/bin/env bash
# Registry load benchmark: CLIENTS concurrent clients each push IMAGES small images (a 2 KiB layer and a config, one
# tag each) into ONE repository, then pull every image back and check its content — raw distribution-API HTTP from
# app-web's RegistryLoad (JDK only), against Wharf (on MariaDB, Basic credentials) and against Debian's docker-registry
# with the same client. Prints pushes/s and pulls/s and the error count for each; any error fails the run.
# Usage: bash bench/load.sh   (BENCH_CLIENTS=16 BENCH_IMAGES=300; needs MariaDB as .ci/run prepares it)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${BENCH_CLIENTS:-16}
IMAGES=${BENCH_IMAGES:-300}
WORK="${PWD}/target/bench-load"
PORT=9286
DIST_PORT=9287
DB=wharf_bench_load
LOAD=app-web/src/test/java/io/wharf/web/it/RegistryLoad.java
command -v docker-registry >/dev/null || { apt-get update -qq && apt-get install -y -qq docker-registry >/dev/null; }

rm -rf "${WORK}" && mkdir -p "${WORK}"
cat > "${WORK}/distribution.yml" <<YAML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: ${WORK}/distribution-data}}
http: {addr: 127.0.0.1:${DIST_PORT}}
YAML
docker-registry serve "${WORK}/distribution.yml" > "${WORK}/distribution.log" 2>&1 &
DIST=$!

mariadb -uroot -e "DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  GRANT ALL PRIVILEGES ON ${DB}.* TO 'wharf'@'localhost', 'wharf'@'%';"
export WHARF_DB=mariadb WHARF_DB_URL="jdbc:mariadb://127.0.0.1:3306/${DB}" WHARF_DB_USER=wharf WHARF_DB_PASSWORD=wharf
export WHARF_ADMIN_PASSWORD=bench-admin-pass WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${WORK}/wharf-data"
mvn -q -B -Dserve -DskipTests package liberty:run > "${WORK}/wharf.log" 2>&1 &
WHARF=$!
stop() {
  app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true
  kill "${WHARF}" "${DIST}" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:${PORT}/health/ready" >/dev/null && break; sleep 1; done
TOKEN=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:${PORT}/v3/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"bench-admin-pass","domain":{"name":"wharf"}}}}}}' \
  | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}')
curl -sf -o /dev/null -X POST "http://127.0.0.1:${PORT}/v2/manage/namespaces" -H "X-Auth-Token: ${TOKEN}" \
  -H 'Content-Type: application/json' -d '{"namespace":"bench"}'

echo "${CLIENTS} clients x ${IMAGES} images into one repository, then pulled back:"
echo -n "wharf:           "
java "${LOAD}" "http://127.0.0.1:${PORT}" bench/load "${CLIENTS}" "${IMAGES}" wharf/admin:bench-admin-pass
echo -n "docker-registry: "
java "${LOAD}" "http://127.0.0.1:${DIST_PORT}" bench/load "${CLIENTS}" "${IMAGES}"
