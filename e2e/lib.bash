# Shared by the e2e scripts (source it; .bash so that .ci/run, which runs e2e/*.sh, skips it): the flytekit venv, a work
# directory removed at exit, and a fresh sandbox on free ports whose addresses are read back from
# its output, so that several scripts (and other sandboxes) can run side by side.
#
#   source "$(dirname "$0")/lib.bash"
#   start_sandbox [sandbox flags...]   # sets ADMIN_GRPC (localhost:N), ADMIN_HTTP (http://localhost:N),
#                                      # S3_ENDPOINT (http://localhost:N, the storage's S3 endpoint)
#   write_config "$WORK/config.yaml" [extra admin keys...]   # admin, and storage for flytekit
#
# Variables: E2E_VENV (default .e2e/venv, git-ignored), E2E_FLYTEKIT (default flytekit==1.16.31);
# FLYTE_SANDBOX_*_PORT to pin a port (default 0: a free one).

E2E_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$E2E_ROOT"

VENV="${E2E_VENV:-$E2E_ROOT/.e2e/venv}"
E2E_FLYTEKIT="${E2E_FLYTEKIT:-flytekit==1.16.31}"
if [[ ! -x "$VENV/bin/pyflyte" ]]; then
  echo "== creating a Python venv with $E2E_FLYTEKIT at $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "$E2E_FLYTEKIT"
fi

WORK="$(mktemp -d)"
# flytekit (pyflyte, FlyteRemote) makes a flyte-* directory in the temporary directory at every start
# and leaves it: the clients' temporary files go to the work directory instead.
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"
SANDBOX_PID=""
e2e_cleanup() {
  if [[ -n "$SANDBOX_PID" ]] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
    kill -TERM "$SANDBOX_PID" # a background job ignores SIGINT; TERM runs the same shutdown
    wait "$SANDBOX_PID" || true
  fi
  rm -rf "$WORK"
}
trap e2e_cleanup EXIT

# Starts ./sandbox.sh with the given flags, data under $WORK/sandbox, log in $WORK/sandbox.log;
# waits until it is up and sets ADMIN_GRPC and ADMIN_HTTP.
start_sandbox() {
  echo "== starting the sandbox $* (data in $WORK/sandbox)"
  for port in ADMIN_HTTP ADMIN_GRPC CATALOG_GRPC CATALOG_HTTP SCHEDULER S3; do
    export "FLYTE_SANDBOX_${port}_PORT=$(printenv "FLYTE_SANDBOX_${port}_PORT" || echo 0)"
  done
  FLYTE_SANDBOX_DIR="$WORK/sandbox" ./sandbox.sh "$@" >"$WORK/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  for _ in $(seq 1 180); do
    grep -q "sandbox is up" "$WORK/sandbox.log" && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log"; echo "the sandbox died" >&2; exit 1; }
    sleep 1
  done
  grep -q "sandbox is up" "$WORK/sandbox.log" || { tail -50 "$WORK/sandbox.log"; echo "no sandbox after 180 s" >&2; exit 1; }
  grep "sandbox is up" "$WORK/sandbox.log"
  ADMIN_GRPC="$(sed -n 's/^  FlyteAdmin   gRPC   \(localhost:[0-9]*\) .*/\1/p' "$WORK/sandbox.log")"
  ADMIN_HTTP="$(sed -n 's/^  FlyteAdmin   HTTP   \(http:\/\/localhost:[0-9]*\) .*/\1/p' "$WORK/sandbox.log")"
  S3_ENDPOINT="$(sed -n 's/^  Storage      S3     \(http:\/\/localhost:[0-9]*\) .*/\1/p' "$WORK/sandbox.log")"
  [[ -n "$ADMIN_GRPC" && -n "$ADMIN_HTTP" && -n "$S3_ENDPOINT" ]] || { cat "$WORK/sandbox.log"; echo "no FlyteAdmin or S3 addresses in the output" >&2; exit 1; }
  echo "== FlyteAdmin at $ADMIN_GRPC and $ADMIN_HTTP, storage at $S3_ENDPOINT"
}

# Writes a flytekit / flytectl config for the sandbox's admin (extra lines are added under admin:)
# and its S3 endpoint, with the sandbox's credentials (Flyte's demo MinIO's).
write_config() {
  local file="$1"
  shift
  {
    echo "admin:"
    echo "  endpoint: dns:///$ADMIN_GRPC"
    echo "  insecure: true"
    for line in "$@"; do echo "  $line"; done
    echo "storage:"
    echo "  connection:"
    echo "    endpoint: $S3_ENDPOINT"
    echo "    access-key: minio"
    echo "    secret-key: miniostorage"
  } >"$file"
}
