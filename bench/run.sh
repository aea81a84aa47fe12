#!/usr/bin/env bash
# Benchmark of the management API on MariaDB: seeds 10,000 organizations x 10 repositories with shares between
# accounts, then measures GET /v2/manage/repos, GET /v2/manage/shared-repositories and a repository's brief with
# wrk at 8 and 64 concurrent connections (p50, p99, requests/s), and prints the query plans. 100,000 tags in one
# account's repositories measure HSS's image list (private for the owner, shared for the account it shares with);
# BENCH_ONLY=assets measures only those.
# Then: start to ready and idle memory of the same server restarted, and the 300-client rows again with two nodes behind
# HAProxy (BENCH_TWO_NODES=0 skips them). BENCH_CLIENTS="8 64 300" (default) sets the concurrency levels.
# Usage: bash bench/run.sh   (needs MariaDB as .ci/run prepares it; installs wrk and haproxy when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DURATION=${BENCH_SECONDS:-15}
PORT=9280
DB=wharf_bench
URL="http://127.0.0.1:${PORT}"

mariadb -uroot -e "DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  GRANT ALL PRIVILEGES ON ${DB}.* TO 'wharf'@'localhost', 'wharf'@'%';"
mkdir -p target
export WHARF_DB=mariadb WHARF_DB_URL="jdbc:mariadb://127.0.0.1:3306/${DB}" WHARF_DB_USER=wharf WHARF_DB_PASSWORD=wharf
export WHARF_ADMIN_PASSWORD=bench-admin-pass WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${PWD}/target/bench-data"
mvn -q -B -Dserve -DskipTests package liberty:run > target/bench-server.log 2>&1 &
SERVER=$!
stop() { app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true; kill "${SERVER}" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 300); do curl -sf "${URL}/health/ready" >/dev/null && break; sleep 1; done
curl -sf "${URL}/health/ready" >/dev/null

token_of() {
  curl -s -D - -o /dev/null -X POST "${URL}/v3/auth/tokens" -H 'Content-Type: application/json' -d "{\"auth\":
    {\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$2\",\"password\":\"$3\",
    \"domain\":{\"name\":\"$1\"}}}}}}" | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}'
}
ADMIN=$(token_of wharf admin bench-admin-pass)
curl -sf -o /dev/null -X POST "${URL}/v3/accounts" -H "X-Auth-Token: ${ADMIN}" -H 'Content-Type: application/json' \
  -d '{"account":{"name":"template","admin":{"name":"boss","password":"bench-user-pass"}}}'
SQL="mariadb -uroot ${DB}"
echo "seeding..."
start=$(date +%s)
{ echo "SET @hash = (SELECT u.password_hash FROM account_user u JOIN account a ON a.id = u.account_id WHERE a.name = 'template');"
  cat bench/seed.sql; } | ${SQL} >/dev/null
echo "seeded in $(( $(date +%s) - start )) s: $(${SQL} -N -e 'SELECT COUNT(*) FROM swr_namespace') organizations," \
  "$(${SQL} -N -e 'SELECT COUNT(*) FROM image_repository') repositories, $(${SQL} -N -e 'SELECT COUNT(*) FROM access_domain') shares"

TOKEN=$(token_of acct0000 boss bench-user-pass)
SHARED_TOKEN=$(token_of acct0001 boss bench-user-pass)
P0=$(${SQL} -N -e "SELECT project_id FROM account WHERE name = 'acct0000'")
P1=$(${SQL} -N -e "SELECT project_id FROM account WHERE name = 'acct0001'")
measure() {
  local name=$1 path=$2 connections=$3 token=${4:-${TOKEN}}
  wrk -t2 -c"${connections}" -d5s --timeout 10s -H "X-Auth-Token: ${token}" "${URL}${path}" >/dev/null  # warm-up
  local out
  out=$(wrk -t2 -c"${connections}" -d"${DURATION}s" --timeout 10s --latency -H "X-Auth-Token: ${token}" "${URL}${path}")
  local p50 p99 rps errors
  p50=$(awk '$1=="50%"{print $2}' <<<"${out}")
  p99=$(awk '$1=="99%"{print $2}' <<<"${out}")
  rps=$(awk '/^Requests\/sec/{print $2}' <<<"${out}")
  errors=$(awk '/Non-2xx/{n+=$5} /Socket errors/{gsub(",", ""); n+=$4+$6+$8+$10} END{print n+0}' <<<"${out}")
  printf '| %s | %s | %s | %s | %s | %s |\n' "${name}" "${connections}" "${p50}" "${p99}" "${rps}" "${errors:-0}"
}
ROWS=()
endpoints() {
  local c=$1
  if [ "${BENCH_ONLY:-}" != assets ]; then
    measure "GET /v2/manage/repos (100 of 1,000, each with its 100 tag names)" "/v2/manage/repos?offset=0&limit=100" "${c}"
    measure "GET /v2/manage/shared-repositories thirdparty (100 of 1,000)" \
      "/v2/manage/shared-repositories?center=thirdparty&offset=0&limit=100" "${c}"
  fi
  measure "HSS image list private_image (100 of 100,000)" \
    "/v5/${P0}/image/swr-repository?image_type=private_image&offset=0&limit=100" "${c}"
  measure "HSS image list shared_image (100 of 100,000)" \
    "/v5/${P1}/image/swr-repository?image_type=shared_image&offset=0&limit=100" "${c}" "${SHARED_TOKEN}"
  [ "${BENCH_ONLY:-}" = assets ] || measure "a repository's brief (ns00042/repo5)" "/v2/manage/namespaces/ns00042/repos/repo5" "${c}"
}
# Warm-up: the JIT compiles the hot paths over the first minutes of load; every endpoint, unrecorded.
# Four rounds: after two the JIT was still compiling the list paths (the 64-client rows came out 20 % under the
# 300-client ones measured a minute later).
for _ in $(seq 1 "${BENCH_WARMUP_ROUNDS:-4}"); do endpoints 64 > /dev/null; done
echo
echo "| endpoint | clients | p50 | p99 | requests/s | non-2xx |"
echo "|---|---|---|---|---|---|"
for c in ${BENCH_CLIENTS:-8 64 300}; do endpoints "${c}"; done

# Start to ready and idle memory: the same server stopped and started again (no build), then left idle for 30 s.
WLP=app-web/target/liberty/wlp
${WLP}/bin/server stop wharf >/dev/null 2>&1 || true
wait "${SERVER}" 2>/dev/null || true
started=$(date +%s%N)
${WLP}/bin/server start wharf >/dev/null
until curl -sf "${URL}/health/ready" >/dev/null; do sleep 0.2; done
ready=$(( ($(date +%s%N) - started) / 1000000 ))
sleep 30
pid=$(cat "${WLP}/usr/servers/.pid/wharf.pid")
echo
echo "Start to ready (server start until /health/ready answers 200): ${ready} ms"
echo "Resident memory idle 30 s after start: $(( $(ps -o rss= -p "${pid}") / 1024 )) MB"

# Two nodes on this machine behind HAProxy (same database, same data directory's key), 300 clients through it.
if [ "${BENCH_TWO_NODES:-1}" = 1 ] && [ "${BENCH_ONLY:-}" != assets ]; then
  command -v haproxy >/dev/null || { apt-get update -qq && apt-get install -y -qq haproxy >/dev/null; }
  rm -rf "${WLP}/usr/servers/wharf-b"
  mkdir -p "${WLP}/usr/servers/wharf-b"
  for part in server.xml wharf.xml db-h2.xml db-mariadb.xml jvm.options server.env bootstrap.properties apps jdbc; do
    [ -e "${WLP}/usr/servers/wharf/${part}" ] && cp -r "${WLP}/usr/servers/wharf/${part}" "${WLP}/usr/servers/wharf-b/"
  done
  WHARF_HTTP_PORT=$((PORT + 2)) WHARF_NODE_ID=bench-b ${WLP}/bin/server start wharf-b >/dev/null
  until curl -sf "http://127.0.0.1:$((PORT + 2))/health/ready" >/dev/null; do sleep 0.5; done
  cat > target/bench-haproxy.cfg <<CFG
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
frontend wharf
    bind 127.0.0.1:$((PORT + 4))
    default_backend nodes
backend nodes
    balance roundrobin
    server a 127.0.0.1:${PORT} check
    server b 127.0.0.1:$((PORT + 2)) check
CFG
  haproxy -db -f target/bench-haproxy.cfg > target/bench-haproxy.log 2>&1 &
  HAPROXY=$!
  stop() {
    kill "${HAPROXY}" 2>/dev/null || true
    ${WLP}/bin/server stop wharf-b >/dev/null 2>&1 || true
    ${WLP}/bin/server stop wharf >/dev/null 2>&1 || true
  }
  sleep 2
  URL="http://127.0.0.1:$((PORT + 4))"
  # The second node's JIT starts cold: the same unrecorded warm-up, through the balancer.
  for _ in $(seq 1 "${BENCH_WARMUP_ROUNDS:-2}"); do endpoints 64 > /dev/null; done
  echo
  echo "Two nodes on this machine behind HAProxy:"
  echo
  echo "| endpoint | clients | p50 | p99 | requests/s | non-2xx |"
  echo "|---|---|---|---|---|---|"
  endpoints 300
fi
echo
echo "Query plans:"
${SQL} -t < bench/explain.sql
