#!/usr/bin/env bash
# Registry benchmark: Wharf against the reference registry (Debian's docker-registry, CNCF distribution 2.8) on the
# same machine, with the same client (skopeo) and the same images: LARGE images of 5 layers x 10 MB, and SMALL images
# of one 1 KB layer. Prints push and pull wall times for each registry and the ratio Wharf / distribution.
# Usage: bash bench/registry.sh   (BENCH_LARGE=20 BENCH_SMALL=1000 by default; installs skopeo and docker-registry)
set -euo pipefail
cd "$(dirname "$0")/.."
LARGE=${BENCH_LARGE:-20}
SMALL=${BENCH_SMALL:-1000}
WORK="${PWD}/target/bench-registry"
WHARF_PORT=9281
DIST_PORT=9282
need=()
command -v skopeo >/dev/null || need+=(skopeo)
command -v docker-registry >/dev/null || need+=(docker-registry)
[ ${#need[@]} -eq 0 ] || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }

rm -rf "${WORK}" && mkdir -p "${WORK}"
echo "generating ${LARGE} images of 5 x 10 MB and ${SMALL} images of 1 KB..."
python3 bench/make_images.py "${WORK}/large" "${LARGE}" 5 $((10 * 1024 * 1024))
python3 bench/make_images.py "${WORK}/small" "${SMALL}" 1 1024

cat > "${WORK}/distribution.yml" <<YAML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: ${WORK}/distribution-data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:${DIST_PORT}}
YAML
docker-registry serve "${WORK}/distribution.yml" > "${WORK}/distribution.log" 2>&1 &
DIST=$!

export WHARF_HTTP_PORT=${WHARF_PORT} WHARF_DATA_DIR="${WORK}/wharf-data" WHARF_ADMIN_PASSWORD=bench-admin-pass
mvn -q -B -Dserve -DskipTests package liberty:run > "${WORK}/wharf.log" 2>&1 &
WHARF=$!
stop() {
  app-web/target/liberty/wlp/bin/server stop wharf >/dev/null 2>&1 || true
  kill "${WHARF}" "${DIST}" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:${WHARF_PORT}/health/ready" >/dev/null && break; sleep 1; done
TOKEN=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:${WHARF_PORT}/v3/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"bench-admin-pass","domain":{"name":"wharf"}}}}}}' \
  | tr -d '\r' | awk 'tolower($1)=="x-subject-token:"{print $2}')
curl -sf -o /dev/null -X POST "http://127.0.0.1:${WHARF_PORT}/v2/manage/namespaces" -H "X-Auth-Token: ${TOKEN}" \
  -H 'Content-Type: application/json' -d '{"namespace":"bench"}'

# Wall time of pushing (or pulling) every image of a set, one skopeo run after another.
timed() {
  local direction=$1 set=$2 registry=$3 creds=$4
  local start end
  mkdir -p "${WORK}/pulled"
  start=$(date +%s.%N)
  for dir in "${WORK}/${set}"/img*; do
    local name
    name=$(basename "${dir}")
    if [ "${direction}" = push ]; then
      skopeo --insecure-policy copy -q --dest-tls-verify=false ${creds:+--dest-creds "${creds}"} \
        "oci:${dir}:v1" "docker://${registry}/bench/${set}-${name}:v1" || { echo "push of ${name} failed" >&2; exit 1; }
    else
      rm -rf "${WORK}/pulled/${name}"
      skopeo --insecure-policy copy -q --src-tls-verify=false ${creds:+--src-creds "${creds}"} \
        "docker://${registry}/bench/${set}-${name}:v1" "oci:${WORK}/pulled/${name}:v1" || { echo "pull of ${name} failed" >&2; exit 1; }
    fi
  done
  end=$(date +%s.%N)
  echo "${end} - ${start}" | bc
}

echo
echo "| images | direction | distribution 2.8 (s) | Wharf (s) | Wharf / distribution |"
echo "|---|---|---|---|---|"
for set in large small; do
  count=$([ "${set}" = large ] && echo "${LARGE} x 5 x 10 MB" || echo "${SMALL} x 1 KB")
  for direction in push pull; do
    # Each registry starts from the same client cache state: skopeo remembers where blobs went.
    rm -rf ~/.local/share/containers/cache
    dist=$(timed "${direction}" "${set}" "127.0.0.1:${DIST_PORT}" "") || exit 1
    rm -rf ~/.local/share/containers/cache
    wharf=$(timed "${direction}" "${set}" "127.0.0.1:${WHARF_PORT}" "wharf/admin:bench-admin-pass") || exit 1
    printf '| %s | %s | %.1f | %.1f | %.2f |\n' "${count}" "${direction}" "${dist}" "${wharf}" "$(echo "${wharf} / ${dist}" | bc -l)"
  done
done
