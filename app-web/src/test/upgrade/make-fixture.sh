#!/usr/bin/env bash
# Makes the upgrade test's fixture from a released Wharf: checks out the release (a git revision), starts it on a fresh
# MariaDB database, fills it as a team would (accounts, organizations, repositories, images pushed with skopeo and
# scanned against a feed, a share, a permission, an access key), stops it, and writes the database dump, the data
# directory's blobs and what must be found again to app-web/src/test/resources/upgrade/<name>/.
# Usage: bash app-web/src/test/upgrade/make-fixture.sh <git revision> <fixture name>
# Needs MariaDB as .ci/run prepares it, skopeo and python3. Run once per release; UpgradeIT uses every fixture.
set -euo pipefail
REVISION=$1
NAME=$2
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
OUT="${ROOT}/app-web/src/test/resources/upgrade/${NAME}"
WORK=$(mktemp -d /tmp/wharf-fixture.XXXX)
PORT=9284
URL="http://127.0.0.1:${PORT}"
DB="wharf_fixture_$$"
PASSWORD="upgrade-Admin-Secret-1"
git -C "${ROOT}" worktree add -q "${WORK}/src" "${REVISION}"
trap 'git -C "${ROOT}" worktree remove --force "${WORK}/src"; mariadb -uroot -e "DROP DATABASE IF EXISTS ${DB}"' EXIT
mariadb -uroot -e "CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  GRANT ALL PRIVILEGES ON ${DB}.* TO 'wharf'@'localhost', 'wharf'@'%';"
export WHARF_DB=mariadb WHARF_DB_URL="jdbc:mariadb://127.0.0.1:3306/${DB}" WHARF_DB_USER=wharf WHARF_DB_PASSWORD=wharf
export WHARF_ADMIN_PASSWORD="${PASSWORD}" WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${WORK}/data"
export WHARF_SECRET_KEY=d2hhcmYtaW50ZWdyYXRpb24tdGVzdC1zZWNyZXRrZXk=
(cd "${WORK}/src" && mvn -q -B -Dserve -DskipTests package liberty:run > "${WORK}/server.log" 2>&1) &
stop() { "${WORK}/src/app-web/target/liberty/wlp/bin/server" stop wharf >/dev/null 2>&1 || true; }
for _ in $(seq 1 400); do curl -sf "${URL}/health/ready" >/dev/null && break; sleep 1; done
curl -sf "${URL}/health/ready" >/dev/null

token() {
  curl -s -D - -o /dev/null -X POST "${URL}/v3/auth/tokens" -H 'Content-Type: application/json' -d "{\"auth\":
    {\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$2\",\"password\":\"$3\",
    \"domain\":{\"name\":\"$1\"}}}}}}" | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}'
}
call() { curl -sf -X "$1" "${URL}$2" -H "X-Auth-Token: $3" -H 'Content-Type: application/json' ${4:+-d "$4"}; }
ADMIN=$(token wharf admin "${PASSWORD}")
call POST /v3/accounts "${ADMIN}" '{"account":{"name":"shipyard","admin":{"name":"boss","password":"shipyard-Boss-1"}}}' >/dev/null
call POST /v3/accounts "${ADMIN}" '{"account":{"name":"harbour","admin":{"name":"boss","password":"harbour-Boss-1"}}}' >/dev/null
OWNER=$(token shipyard boss shipyard-Boss-1)
call POST /v2/manage/namespaces "${OWNER}" '{"namespace":"legacy"}' >/dev/null
call POST /v2/manage/namespaces/legacy/repos "${OWNER}" '{"repository":"notes","is_public":false,"category":"other","description":"kept across upgrades"}' >/dev/null
ADMIN_PROJECT=$(curl -s -X POST "${URL}/v3/auth/tokens" -H 'Content-Type: application/json' -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"password\":\"${PASSWORD}\",\"domain\":{\"name\":\"wharf\"}}}}}}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"]["project"]["id"])')

# A feed naming the images' openssl, then two images with skopeo (one of them under two tags).
python3 - "${WORK}" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile, zipfile
work = sys.argv[1]
with zipfile.ZipFile(work + '/feed.zip', 'w') as z:
    z.writestr('DSA-5532-1.json', json.dumps({'id': 'DSA-5532-1', 'aliases': ['CVE-2023-5363'], 'summary': 'openssl',
        'affected': [{'package': {'ecosystem': 'Debian:12', 'name': 'openssl'},
                      'ranges': [{'type': 'ECOSYSTEM', 'events': [{'introduced': '0'}, {'fixed': '3.0.11-1~deb12u2'}]}]}]}))
def layout(path, files):
    os.makedirs(path + '/blobs/sha256', exist_ok=True)
    def blob(data):
        d = hashlib.sha256(data).hexdigest()
        open(path + '/blobs/sha256/' + d, 'wb').write(data)
        return {'digest': 'sha256:' + d, 'size': len(data)}
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode='w') as t:
        for name, content in sorted(files.items()):
            info = tarfile.TarInfo(name); info.size = len(content); info.mtime = 0
            t.addfile(info, io.BytesIO(content))
    layer = blob(gzip.compress(raw.getvalue(), mtime=0))
    config = blob(json.dumps({'architecture': 'amd64', 'os': 'linux', 'config': {'User': 'app'},
                              'rootfs': {'type': 'layers', 'diff_ids': ['sha256:' + hashlib.sha256(raw.getvalue()).hexdigest()]}}).encode())
    manifest = blob(json.dumps({'schemaVersion': 2, 'mediaType': 'application/vnd.oci.image.manifest.v1+json',
        'config': dict(config, mediaType='application/vnd.oci.image.config.v1+json'),
        'layers': [dict(layer, mediaType='application/vnd.oci.image.layer.v1.tar+gzip')]}).encode())
    open(path + '/oci-layout', 'w').write('{"imageLayoutVersion":"1.0.0"}')
    json.dump({'schemaVersion': 2, 'manifests': [dict(manifest, mediaType='application/vnd.oci.image.manifest.v1+json',
               annotations={'org.opencontainers.image.ref.name': 'v1'})]}, open(path + '/index.json', 'w'))
status = b'Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u1\nSource: openssl\n'
osrel = b'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'
layout(work + '/web', {'etc/os-release': osrel, 'var/lib/dpkg/status': status, 'srv/index.html': b'<h1>web</h1>\n'})
layout(work + '/api', {'etc/os-release': osrel, 'srv/api.txt': b'api 1\n'})
PY
curl -sf -X POST "${URL}/v5/${ADMIN_PROJECT}/image/vulnerability-feeds?source=fixture" -H "X-Auth-Token: ${ADMIN}" \
  -H 'Content-Type: application/zip' --data-binary "@${WORK}/feed.zip" >/dev/null
sleep 3
CREDS="shipyard/boss:shipyard-Boss-1"
skopeo --insecure-policy copy -q --dest-tls-verify=false --dest-creds "${CREDS}" "oci:${WORK}/web:v1" "docker://127.0.0.1:${PORT}/legacy/web:1.0"
skopeo --insecure-policy copy -q --dest-tls-verify=false --dest-creds "${CREDS}" "oci:${WORK}/web:v1" "docker://127.0.0.1:${PORT}/legacy/web:latest"
skopeo --insecure-policy copy -q --dest-tls-verify=false --dest-creds "${CREDS}" "oci:${WORK}/api:v1" "docker://127.0.0.1:${PORT}/legacy/api:2.1"
call POST /v2/manage/namespaces/legacy/repositories/web/access-domains "${OWNER}" \
  '{"access_domain":"harbour","permit":"read","deadline":"forever","description":"partners"}' >/dev/null
call POST /v3.0/OS-CREDENTIAL/credentials "${OWNER}" '{"credential":{"description":"ci"}}' > "${WORK}/key.json"
sleep 10   # the scans on push finish

mkdir -p "${OUT}"
{
  for ref in legacy/web:1.0 legacy/web:latest legacy/api:2.1; do
    echo "image ${ref} $(skopeo --insecure-policy inspect --tls-verify=false --creds "${CREDS}" --format '{{.Digest}}' "docker://127.0.0.1:${PORT}/${ref}")"
  done
  echo "ak $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["credential"]["access"])' "${WORK}/key.json")"
  echo "sk $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["credential"]["secret"])' "${WORK}/key.json")"
  echo "schema $(mariadb -uroot -N "${DB}" -e 'SELECT MAX(version) FROM schema_version')"
  echo "revision $(git -C "${ROOT}" rev-parse "${REVISION}")"
} > "${OUT}/expected.txt"
stop
sleep 3
mariadb-dump -uroot --single-transaction --skip-comments --skip-dump-date "${DB}" > "${OUT}/wharf.sql"
tar -C "${WORK}/data" -czf "${OUT}/data.tar.gz" --exclude=./logs .
cat "${OUT}/expected.txt"
ls -la "${OUT}"
