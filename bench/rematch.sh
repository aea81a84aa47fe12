#!/usr/bin/env bash
# Re-matching benchmark through the real server on MariaDB: 10,000 stored image inventories (each of the first
# BENCH_PACKAGES packages of this machine's dpkg database, default 150, about a slim Debian image), then a feed naming
# every one of their source packages (half fixed after the installed version, so every image gains findings) is
# uploaded and followed until its images are matched again; then the same feed once more (nothing changes).
# Prints each import's reading-and-storing time and matching time. Usage: bash bench/rematch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=9282
DB=wharf_rematch
URL="http://127.0.0.1:${PORT}"
IMAGES=${BENCH_IMAGES:-10000}
PACKAGES=${BENCH_PACKAGES:-150}

mariadb -uroot -e "DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  GRANT ALL PRIVILEGES ON ${DB}.* TO 'wharf'@'localhost', 'wharf'@'%';"
mkdir -p target/rematch
export WHARF_DB=mariadb WHARF_DB_URL="jdbc:mariadb://127.0.0.1:3306/${DB}" WHARF_DB_USER=wharf WHARF_DB_PASSWORD=wharf
export WHARF_ADMIN_PASSWORD=bench-admin-pass WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${PWD}/target/rematch/data"
mvn -q -B -Dserve -DskipTests package liberty:run > target/rematch/server.log 2>&1 &
SERVER=$!
stop() { app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true; kill "${SERVER}" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 300); do curl -sf "${URL}/health/ready" >/dev/null && break; sleep 1; done
curl -sf "${URL}/health/ready" >/dev/null

TOKEN=$(curl -s -D - -o /dev/null -X POST "${URL}/v3/auth/tokens" -H 'Content-Type: application/json' -d '{"auth":
  {"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"bench-admin-pass",
  "domain":{"name":"wharf"}}}}}}' | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}')
curl -sf -o /dev/null -X POST "${URL}/v2/manage/namespaces" -H "X-Auth-Token: ${TOKEN}" -H 'Content-Type: application/json' \
  -d '{"namespace":"bench"}'
curl -sf -o /dev/null -X POST "${URL}/v2/manage/namespaces/bench/repos" -H "X-Auth-Token: ${TOKEN}" \
  -H 'Content-Type: application/json' -d '{"repository":"app","is_public":false}'
SQL="mariadb -uroot ${DB}"
PROJECT=$(${SQL} -N -e "SELECT project_id FROM account WHERE name = 'wharf'")

# The packages (name, version, source, source version) and a feed over their sources, written by Python.
python3 - "${PACKAGES}" target/rematch <<'PY'
import json, sys, zipfile
limit, out = int(sys.argv[1]), sys.argv[2]
packages, block = [], {}
for para in open('/var/lib/dpkg/status', encoding='utf-8').read().split('\n\n'):
    f = dict(l.split(': ', 1) for l in para.splitlines() if ': ' in l and not l.startswith(' '))
    if 'Package' in f and f.get('Status', '').endswith(' installed'):
        src = f.get('Source', f['Package']).split(' ')
        srcver = src[1].strip('()') if len(src) > 1 else f['Version']
        packages.append((f['Package'], f['Version'], src[0], srcver))
packages = packages[:limit]
with open(out + '/packages.tsv', 'w') as tsv:
    for p in packages:
        tsv.write('\t'.join(p) + '\n')
with zipfile.ZipFile(out + '/feed.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for i, source in enumerate(sorted({(p[2], p[3]) for p in packages})):
        fixed = source[1] + '+bench1' if i % 2 == 0 else '0:0.0'
        z.writestr('BENCH-%d.json' % i, json.dumps({'id': 'BENCH-%d' % i, 'summary': 'bench advisory',
            'affected': [{'package': {'ecosystem': 'Debian:12', 'name': source[0]},
                          'ranges': [{'type': 'ECOSYSTEM', 'events': [{'introduced': '0'}, {'fixed': fixed}]}]}]}))
PY
echo "seeding ${IMAGES} inventories of ${PACKAGES} packages..."
start=$(date +%s)
${SQL} <<SQL
CREATE TABLE bench_pkg (name VARCHAR(255), version VARCHAR(255), source VARCHAR(255), source_version VARCHAR(255));
LOAD DATA LOCAL INFILE '${PWD}/target/rematch/packages.tsv' INTO TABLE bench_pkg;
SET @repo = (SELECT id FROM image_repository WHERE name = 'app');
INSERT INTO image_scan (repository_id, digest, status, failed_desc, scannable, requested_at, scanned_at, os, vul_num,
  unsafe_setting_num, malicious_file_num)
  SELECT @repo, CONCAT('sha256:', LPAD(seq, 64, '0')), 'success', '', TRUE, NOW(6), NOW(6), 'Debian GNU/Linux 12', 0, 0, 0
  FROM seq_1_to_${IMAGES};
INSERT INTO scan_component (scan_id, ecosystem, name, version, source, source_version, purl, location)
  SELECT s.id, 'Debian:12', p.name, p.version, p.source, p.source_version, CONCAT('pkg:deb/debian/', p.name, '@', p.version),
    'var/lib/dpkg/status' FROM image_scan s CROSS JOIN bench_pkg p;
SQL
echo "seeded in $(( $(date +%s) - start )) s: $(${SQL} -N -e 'SELECT COUNT(*) FROM scan_component') components"

import_feed() {
  local name=$1 t0 accepted id state imported_at=""
  t0=$(date +%s.%N)
  accepted=$(curl -sf -X POST "${URL}/v5/${PROJECT}/image/vulnerability-feeds?source=${name}" -H "X-Auth-Token: ${TOKEN}" \
    -H 'Content-Type: application/zip' --data-binary @target/rematch/feed.zip)
  id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"${accepted}")
  while true; do
    state=$(curl -sf "${URL}/v5/${PROJECT}/image/vulnerability-feeds/${id}" -H "X-Auth-Token: ${TOKEN}")
    read -r status phase done_n total <<<"$(python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["status"], j["phase"], j["progress_done"], j["progress_total"])' <<<"${state}")"
    [ "${status}" = "refused" ] && { echo "refused: ${state}"; exit 1; }
    [ "${status}" = "imported" ] && [ -z "${imported_at}" ] && imported_at=$(date +%s.%N)
    [ "${phase}" = "done" ] && break
    sleep 0.2
  done
  local end
  end=$(date +%s.%N)
  printf '%s: read and stored in %.1f s, %s images matched in %.1f s, %s findings stored\n' "${name}" \
    "$(echo "${imported_at} - ${t0}" | bc)" "${done_n}" "$(echo "${end} - ${imported_at}" | bc)" \
    "$(${SQL} -N -e 'SELECT COUNT(*) FROM scan_vulnerability')"
}
import_feed first
import_feed again
