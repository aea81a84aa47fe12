#!/usr/bin/env bash
# Page weight and server time of every console page, at 390 px and 1440 px, in a real headless Chromium: the console
# tour (ConsoleTourIT) against the integration-test server, which also checks each page with axe-core and for
# sideways scroll. Prints the tour's table: HTML bytes, all bytes (HTML, CSS, script), requests, server ms
# (responseStart - requestStart, the server's time plus one loopback round trip).
# Usage: bash bench/console.sh   (needs MariaDB and Chromium as .ci/run prepares them; the modules installed)
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
mvn -B verify -pl app-web -Dit.test=ConsoleTourIT#everyPageFitsAPhoneAndADesktopWithNoAccessibilityViolation \
  -Dtest=ArchitectureTest -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false > "$log" 2>&1 || true
grep -E '^\|' "$log" | awk '!seen[$0]++'
grep -E 'Tests run:.*ConsoleTourIT' "$log" | head -1
rm -f "$log"
