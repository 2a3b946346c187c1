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

# Class data sharing (docs/adr/0029-start-up-class-data-sharing.md): the jar unpacked into a plain
# classpath (sandbox/target/cds) and a class archive of a training start of the sandbox (on a
# throwaway data directory and free ports), made once per build; with them the start loads its
# classes from memory-mapped, pre-parsed data. FLYTE_SANDBOX_CDS=off runs the Boot jar as is.
cds_dir=sandbox/target/cds
cds_archive=$cds_dir/sandbox.jsa

cds_train() {
  local jar_name train tmp pid
  jar_name=$(basename "$(jar)")
  rm -rf "$cds_dir" && mkdir -p "$cds_dir"
  java -Djarmode=tools -jar "$(jar)" extract --destination "$cds_dir" >/dev/null
  train=$(mktemp -d)
  tmp="$cds_archive.$$"
  echo "Preparing class data sharing for faster starts (once per build, about half a minute)..."
  java -Xms32m -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$cds_dir/$jar_name" --dir="$train" --admin-http-port=0 --admin-grpc-port=0 \
    --catalog-grpc-port=0 --catalog-http-port=0 --scheduler-port=0 --s3-port=0 >"$train.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "sandbox is up" "$train.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -s "$tmp" ] && grep -q "sandbox is up" "$train.log"; then
    mv "$tmp" "$cds_archive"
    rm -f "$train.log"
  else
    rm -f "$tmp"
    echo "(class data sharing not prepared: $train.log; starting without it)" >&2
  fi
  rm -rf "$train"
}

# glibc's per-thread malloc arenas hold freed native memory; two are enough (docs/adr/0033-memory-footprint.md).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# A small initial heap: the start touches all of SerialGC's young generation (a third of the heap),
# so -Xms256m kept ~25 MiB more resident than -Xms32m for the same start time (bench/results/vs-go.md).

if [ "${FLYTE_SANDBOX_CDS:-on}" != off ]; then
  # One training at a time; a second sandbox.sh waits for the first one's archive.
  exec 9>sandbox/target/.cds.lock
  if command -v flock >/dev/null 2>&1; then flock 9; fi # util-linux; without it, no waiting
  if [ ! -s "$cds_archive" ] || [ "$(jar)" -nt "$cds_archive" ]; then
    cds_train
  fi
  exec 9>&-
  if [ -s "$cds_archive" ]; then
    exec java ${SANDBOX_JAVA_OPTS:--Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000} \
      -XX:SharedArchiveFile="$cds_archive" -jar "$cds_dir/$(basename "$(jar)")" "$@"
  fi
fi
exec java ${SANDBOX_JAVA_OPTS:--Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=5000} -jar "$(jar)" "$@"
