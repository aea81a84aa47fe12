#!/usr/bin/env bash
# Scanning benchmark: a 200 MB image of 5 layers (gzip tar, this machine's dpkg database in the first), 100 small
# images, and 10,000 stored inventories matched again after a feed import (in memory: the matching, not the database
# round trips). Runs app-integration's scanner directly, heap capped at 256 MB. Usage: bash bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Dserve install -DskipTests -pl app-domain,app-integration -am >/dev/null
CP=$(mvn -q -B -Dstyle.color=never dependency:build-classpath -pl app-integration -Dmdep.outputFile=/dev/stdout \
  -Dmdep.includeScope=test | sed "s/\x1b\[[0-9;]*m//g")
java -Xmx256m -cp "app-integration/target/classes:app-domain/target/classes:${CP}" bench/ScanBench.java
