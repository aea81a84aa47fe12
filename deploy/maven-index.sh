#!/usr/bin/env bash
# Writes Wharf's Maven index from a Maven repository laid out as Maven Central is (a mirror, ~/.m2/repository, a
# Nexus or Artifactory export): one line per jar, "<sha1> <group>:<artifact>:<version>", derived from each jar's path
# (group/as/dirs/artifact/version/artifact-version.jar). Import the lines as an administrator, 1 MiB per request
# (docs/scanning.md, "Java without pom.properties"):
#   deploy/maven-index.sh ~/.m2/repository > maven.idx
#   split -C 1000000 maven.idx idx- && for f in idx-*; do curl -sf -X POST \
#     "$WHARF/v5/$PROJECT/image/vulnerability-feeds/maven-index" -H "X-Auth-Token: $TOKEN" \
#     -H 'Content-Type: text/plain' --data-binary @"$f"; done
set -euo pipefail
root=${1:?usage: maven-index.sh <maven repository directory>}
cd "${root}"
find . -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' -print0 | while IFS= read -r -d '' jar; do
  path=${jar#./}
  version_dir=$(dirname "${path}"); version=$(basename "${version_dir}")
  artifact_dir=$(dirname "${version_dir}"); artifact=$(basename "${artifact_dir}")
  group=$(dirname "${artifact_dir}" | tr '/' '.')
  case "$(basename "${path}")" in
    "${artifact}-${version}.jar") echo "$(sha1sum "${jar}" | cut -c1-40) ${group}:${artifact}:${version}" ;;
  esac
done
