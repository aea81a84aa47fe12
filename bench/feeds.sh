#!/usr/bin/env bash
# Feed import at full size on the README's default settings: the embedded H2 database and the shipped heap (-Xmx512m),
# a generated OSV feed of BENCH_ADVISORIES advisories (default 200,000; each about 1.5 KB, as Debian's and GitHub's
# documents are: aliases, details, a CVSS vector, references, ranges) uploaded through the API and followed until done.
# While it runs, a client asks GET /v2/manage/namespaces every 100 ms. Prints the import's time, the server's peak heap
# (sampled each second) and peak RSS, and the API's p50/p99/max during the import.
# Usage: bash bench/feeds.sh            (200,000 advisories, default heap)
#        BENCH_ADVISORIES=1000000 BENCH_HEAP=1g bash bench/feeds.sh   (the stretch figure)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_ADVISORIES:-200000}
PORT=9283
URL="http://127.0.0.1:${PORT}"
WORK="${PWD}/target/feeds-bench"
rm -rf "${WORK}" && mkdir -p "${WORK}"

python3 - "${N}" "${WORK}/feed.zip" <<'PY'
import json, sys, zipfile, random
n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(26)
eco = ['Debian:12', 'npm', 'PyPI', 'Maven', 'Go', 'Ubuntu:22.04:LTS', 'Alpine:v3.19']
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for i in range(n):
        e = eco[i % len(eco)]
        doc = {'id': 'BENCH-%07d' % i, 'modified': '2024-05-01T00:00:00Z', 'published': '2024-04-01T00:00:00Z',
               'aliases': ['CVE-2024-%05d' % (i % 99999)],
               'summary': 'Benchmark advisory %d in package pkg-%d' % (i, i % 5000),
               'details': ' '.join(rnd.choice(['buffer', 'overflow', 'in', 'the', 'parser', 'allows', 'remote',
                                               'attackers', 'to', 'cause', 'denial', 'of', 'service']) for _ in range(90)),
               'severity': [{'type': 'CVSS_V3', 'score': 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'}],
               'references': [{'type': 'ADVISORY', 'url': 'https://example.org/advisories/%d' % i},
                              {'type': 'WEB', 'url': 'https://example.org/bugs/%d' % i}],
               'affected': [{'package': {'ecosystem': e, 'name': 'pkg-%d' % (i % 5000)},
                             'ranges': [{'type': 'ECOSYSTEM', 'events': [{'introduced': '0'}, {'fixed': '1.%d.0' % (i % 50)}]}]}]}
        z.writestr('%s/BENCH-%07d.json' % (e.split(':')[0], i), json.dumps(doc))
PY
echo "feed: ${N} advisories, $(du -h "${WORK}/feed.zip" | cut -f1) zipped"

mvn -q -B -Dserve -DskipTests package
export WHARF_ADMIN_PASSWORD=bench-admin-pass WHARF_HTTP_PORT=${PORT} WHARF_DATA_DIR="${WORK}/data"
if [ -n "${BENCH_HEAP:-}" ]; then export JVM_ARGS="-Xmx${BENCH_HEAP}"; fi
app-web/target/liberty/wlp/bin/server run wharf > "${WORK}/server.log" 2>&1 &
SERVER=$!
stop() { app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true; kill "${SERVER}" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 300); do curl -sf "${URL}/health/ready" >/dev/null && break; sleep 1; done
curl -sf "${URL}/health/ready" >/dev/null
PID=$(pgrep -f "ws-server.jar.*wharf" | head -1)

TOKEN=$(curl -s -D - -o /dev/null -X POST "${URL}/v3/auth/tokens" -H 'Content-Type: application/json' -d '{"auth":
  {"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"bench-admin-pass",
  "domain":{"name":"wharf"}}}}}}' | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}')
PROJECT=$(curl -s "${URL}/v3/auth/tokens" -H "X-Auth-Token: ${TOKEN}" -H "X-Subject-Token: ${TOKEN}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"]["project"]["id"])')

# The API during the import, and the heap each second.
( while [ ! -f "${WORK}/done" ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "${URL}/v2/manage/namespaces" -H "X-Auth-Token: ${TOKEN}" >> "${WORK}/latency"
    sleep 0.1
  done ) &
( while [ ! -f "${WORK}/done" ]; do
    jcmd "${PID}" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}' \
      | tr -d 'K,' >> "${WORK}/heap"
    sleep 1
  done ) &

t0=$(date +%s.%N)
accepted=$(curl -s -X POST "${URL}/v5/${PROJECT}/image/vulnerability-feeds?source=bench" -H "X-Auth-Token: ${TOKEN}" \
  -H 'Content-Type: application/zip' --data-binary @"${WORK}/feed.zip")
id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"${accepted}")
state=""
while true; do
  state=$(curl -s "${URL}/v5/${PROJECT}/image/vulnerability-feeds/${id}" -H "X-Auth-Token: ${TOKEN}")
  status=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["phase"], d.get("advisory_count", 0))' <<<"${state}")
  case "${status}" in
    refused*|"imported done"*) break ;;
  esac
  sleep 1
done
t1=$(date +%s.%N)
touch "${WORK}/done"
sleep 1.5
echo "import: ${status} in $(python3 -c "print(round(${t1} - ${t0}, 1))") s"
echo "message: $(python3 -c 'import json,sys; print(json.load(sys.stdin)["message"])' <<<"${state}")"
echo "peak heap used: $(sort -n "${WORK}/heap" | tail -1 | awk '{printf "%.0f MB", $1/1024}') (of ${BENCH_HEAP:-512m})"
echo "peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/${PID}/status)"
python3 - "${WORK}/latency" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
print("API during the import: %d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms" % (len(t), q(0.5), q(0.99), t[-1]))
PY
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "${WORK}/server.log" || true)"
