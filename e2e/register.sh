#!/usr/bin/env bash
# End to end with the real SDK: registers a small flytekit project (e2e/project) into a fresh
# sandbox with plain `pyflyte register`, in fast mode (archive uploaded through DataProxy's signed
# URL, served by the admin itself on local disk) and with `--copy none`, twice each (the second
# time must be a no-op), then reads everything back with FlyteRemote (e2e/check_remote.py).
#
#   e2e/register.sh            # called by .ci/run after `mvn -B verify`
#
# Needs python3 with venv; installs flytekit into $E2E_VENV (default .e2e/venv, git-ignored).
# The sandbox listens on free ports (read back from its output), so that this script can run
# beside a sandbox of yours or another run of itself; set FLYTE_SANDBOX_ADMIN_GRPC_PORT etc. to
# pin them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

venv="${E2E_VENV:-$root/.e2e/venv}"
flytekit="${E2E_FLYTEKIT:-flytekit==1.16.31}"
if [[ ! -x "$venv/bin/pyflyte" ]]; then
  echo "== creating a Python venv with $flytekit at $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "$flytekit"
fi

work="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill -TERM "$sandbox_pid" # a background job ignores SIGINT; TERM runs the same shutdown
    wait "$sandbox_pid" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting the sandbox (data in $work/sandbox)"
for port in ADMIN_HTTP ADMIN_GRPC CATALOG_GRPC CATALOG_HTTP SCHEDULER; do
  export "FLYTE_SANDBOX_${port}_PORT=$(printenv "FLYTE_SANDBOX_${port}_PORT" || echo 0)"
done
FLYTE_SANDBOX_DIR="$work/sandbox" ./sandbox.sh >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 180); do
  grep -q "sandbox is up" "$work/sandbox.log" && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log"; echo "the sandbox died" >&2; exit 1; }
  sleep 1
done
grep -q "sandbox is up" "$work/sandbox.log" || { tail -50 "$work/sandbox.log"; echo "no sandbox after 180 s" >&2; exit 1; }
grep "sandbox is up" "$work/sandbox.log"
admin_grpc="$(sed -n 's/^  FlyteAdmin   gRPC   \(localhost:[0-9]*\) .*/\1/p' "$work/sandbox.log")"
[[ -n "$admin_grpc" ]] || { cat "$work/sandbox.log"; echo "no FlyteAdmin gRPC address in the output" >&2; exit 1; }
echo "== FlyteAdmin at $admin_grpc"

cat >"$work/config.yaml" <<YAML
admin:
  endpoint: dns:///$admin_grpc
  insecure: true
YAML

register() {
  (cd e2e/project && "$venv/bin/pyflyte" --config "$work/config.yaml" register \
    --project flytesnacks --domain development --image e2e-project:1 "$@" e2e_wf) \
    >"$work/register.log" 2>&1 || { cat "$work/register.log"; tail -80 "$work/sandbox.log"; exit 1; }
  tail -3 "$work/register.log"
}

echo "== pyflyte register (fast: archive uploaded through a signed URL), twice"
register --version e2e-fast
register --version e2e-fast
echo "== pyflyte register --copy none, twice"
register --version e2e-none --copy none
register --version e2e-none --copy none

echo "== the entities as flytekit serializes them"
(cd e2e/project && "$venv/bin/pyflyte" --pkgs e2e_wf package --image e2e-project:1 \
  --output "$work/package.tgz" --force >"$work/package.log" 2>&1) || { cat "$work/package.log"; exit 1; }
mkdir -p "$work/package"
tar -xzf "$work/package.tgz" -C "$work/package"

echo "== FlyteRemote reads everything back"
"$venv/bin/python" e2e/check_remote.py "$work/package" "$admin_grpc" || { tail -80 "$work/sandbox.log"; exit 1; }
echo "== stopping the sandbox (SIGTERM): within seconds, no warning, error or stack trace"
kill -TERM "$sandbox_pid"
wait "$sandbox_pid" || true
sandbox_pid=""
grep -q "^Stopped in" "$work/sandbox.log" || { tail -30 "$work/sandbox.log"; echo "the sandbox did not stop cleanly" >&2; exit 1; }
if grep -n -E "WARN|ERROR|Exception|FATAL" "$work/sandbox.log"; then
  echo "the sandbox printed the warnings or errors above" >&2
  exit 1
fi
grep "^Stopped in" "$work/sandbox.log"
echo "== e2e/register.sh passed"
