#!/usr/bin/env bash
# End to end with the real SDK: registers a small flytekit project (e2e/project) into a fresh
# sandbox with plain `pyflyte register`, in fast mode (archive uploaded through DataProxy's signed
# URL to the sandbox's S3 endpoint) and with `--copy none`, twice each (the second
# time must be a no-op), then reads everything back with FlyteRemote (e2e/check_remote.py).
#
#   e2e/register.sh            # called by .ci/run after `mvn -B verify`
#
# Needs python3 with venv; installs flytekit into $E2E_VENV (default .e2e/venv, git-ignored).
# The sandbox listens on free ports (read back from its output), so that this script can run
# beside a sandbox of yours or another run of itself; set FLYTE_SANDBOX_ADMIN_GRPC_PORT etc. to
# pin them.
set -euo pipefail
source "$(dirname "$0")/lib.bash"

start_sandbox
write_config "$WORK/config.yaml"

register() {
  (cd e2e/project && "$VENV/bin/pyflyte" --config "$WORK/config.yaml" register \
    --project flytesnacks --domain development --image e2e-project:1 "$@" e2e_wf) \
    >"$WORK/register.log" 2>&1 || { cat "$WORK/register.log"; tail -80 "$WORK/sandbox.log"; exit 1; }
  tail -3 "$WORK/register.log"
}

echo "== pyflyte register (fast: archive uploaded through a signed URL), twice"
register --version e2e-fast
register --version e2e-fast
archives="$(find "$WORK/sandbox/storage/my-s3-bucket" -name '*.tar.gz' | wc -l)"
[[ "$archives" -ge 1 ]] || { echo "no fast-registration archive in the sandbox's S3 bucket" >&2; exit 1; }
echo "   the archive went to the sandbox's S3 endpoint (bucket my-s3-bucket): $archives file(s)"
echo "== pyflyte register --copy none, twice"
register --version e2e-none --copy none
register --version e2e-none --copy none

echo "== the entities as flytekit serializes them"
(cd e2e/project && "$VENV/bin/pyflyte" --pkgs e2e_wf package --image e2e-project:1 \
  --output "$WORK/package.tgz" --force >"$WORK/package.log" 2>&1) || { cat "$WORK/package.log"; exit 1; }
mkdir -p "$WORK/package"
tar -xzf "$WORK/package.tgz" -C "$WORK/package"

echo "== FlyteRemote reads everything back"
"$VENV/bin/python" e2e/check_remote.py "$WORK/package" "$ADMIN_GRPC" || { tail -80 "$WORK/sandbox.log"; exit 1; }
echo "== stopping the sandbox (SIGTERM): within seconds, no warning, error or stack trace"
kill -TERM "$SANDBOX_PID"
wait "$SANDBOX_PID" || true
SANDBOX_PID=""
grep -q "^Stopped in" "$WORK/sandbox.log" || { tail -30 "$WORK/sandbox.log"; echo "the sandbox did not stop cleanly" >&2; exit 1; }
if grep -n -E "WARN|ERROR|Exception|FATAL" "$WORK/sandbox.log"; then
  echo "the sandbox printed the warnings or errors above" >&2
  exit 1
fi
grep "^Stopped in" "$WORK/sandbox.log"
echo "== e2e/register.sh passed"
