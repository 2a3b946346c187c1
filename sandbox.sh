#!/usr/bin/env bash
# Starts FlyteAdmin, DataCatalog and FlyteScheduler in one JVM, in the foreground, on an embedded
# PostgreSQL and local-disk storage kept under ./.sandbox (or $FLYTE_SANDBOX_DIR). Builds the
# sandbox jar first when it is missing or older than the sources. Ctrl-C stops it cleanly; the
# data stays for the next start. Arguments are passed to the sandbox: ./sandbox.sh --help lists
# them (data directory, each app's port, Spring properties for the apps).
set -euo pipefail
cd "$(dirname "$0")"

for tool in java mvn npm; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "sandbox.sh needs '$tool' on the PATH (Java 17+, Maven 3.8+, Node.js with npm)." >&2
    exit 1
  }
done

jar() { ls sandbox/target/flyte-controlplane-sandbox-*-exec.jar 2>/dev/null | head -1; }

stale() {
  local built
  built=$(jar)
  [ -z "$built" ] && return 0
  [ -n "$(find pom.xml */pom.xml */src -newer "$built" -type f -print -quit 2>/dev/null)" ]
}

if stale; then
  echo "Building the sandbox (the first build downloads dependencies and takes a few minutes)..."
  mvn -B -q -DskipTests -Dspotless.check.skip=true -pl sandbox -am package
fi

exec java ${SANDBOX_JAVA_OPTS:--Xms256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar "$(jar)" "$@"
