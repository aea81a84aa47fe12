#!/usr/bin/env bash
# On a machine with internet access: downloads the OSV exports Wharf imports (each distribution's and each language
# ecosystem's all.zip from osv.dev's public bucket) into one directory, checks that each is a whole zip, and writes
# SHA256SUMS. Carry the directory to the air-gapped Wharf (docs/operations.md, "Vulnerability feeds without internet").
# Usage: deploy/fetch-feeds.sh <directory> [ecosystem ...]    (default: the ecosystems docs/scanning.md lists)
set -euo pipefail
out=${1:?usage: fetch-feeds.sh <directory> [ecosystem ...]}
shift
ecosystems=("$@")
if [ ${#ecosystems[@]} -eq 0 ]; then
  ecosystems=(Debian Ubuntu Alpine "Red Hat" "Rocky Linux" AlmaLinux SUSE openSUSE Wolfi Chainguard
              Maven npm PyPI Go)
fi
base=${OSV_BUCKET:-https://osv-vulnerabilities.storage.googleapis.com}
mkdir -p "${out}"
for ecosystem in "${ecosystems[@]}"; do
  file="${out}/$(echo "${ecosystem}" | tr ' ' '_').zip"
  echo "fetching ${ecosystem}..."
  curl -fsSL --retry 3 -o "${file}.part" "${base}/$(echo "${ecosystem}" | sed 's/ /%20/g')/all.zip"
  python3 -m zipfile -l "${file}.part" > /dev/null   # a truncated download fails here
  mv "${file}.part" "${file}"
  echo "  $(du -h "${file}" | cut -f1), $(python3 -c "import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))" "${file}") documents"
done
(cd "${out}" && sha256sum -- *.zip > SHA256SUMS)
echo "done: ${out} (check on the other side with: sha256sum -c SHA256SUMS)"
