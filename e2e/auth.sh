#!/usr/bin/env bash
# End to end with authentication on (./sandbox.sh --auth, FlyteAdmin's built-in authorization
# server): pyflyte registers e2e/project with `admin.authType: ClientSecret` (client credentials)
# and FlyteRemote lists what it registered with the same credentials; FlyteRemote without a usable
# token gets UNAUTHENTICATED with the reason; flytectl with `authType: ClientSecret` lists the
# projects when a flytectl binary can be had (on PATH, or built with Go from the module proxy),
# otherwise that part is skipped with the reason printed.
#
#   flock /tmp/sandbox.lock env E2E_VENV=/work/coord/venv bash e2e/auth.sh
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
    kill -TERM "$sandbox_pid"
    wait "$sandbox_pid" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting the sandbox with --auth (data in $work/sandbox)"
FLYTE_SANDBOX_DIR="$work/sandbox" ./sandbox.sh --auth >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 180); do
  grep -q "sandbox is up" "$work/sandbox.log" && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log"; echo "the sandbox died" >&2; exit 1; }
  sleep 1
done
grep -q "sandbox is up" "$work/sandbox.log" || { tail -50 "$work/sandbox.log"; echo "no sandbox after 180 s" >&2; exit 1; }
grep -A1 "Auth is ON" "$work/sandbox.log"
secret_file="$work/sandbox/auth/client_secret"

echo "== without a token, REST answers 401 with the reason"
status=$(curl -s -o "$work/401.json" -w '%{http_code}' http://localhost:8088/api/v1/projects)
[[ "$status" == 401 ]] || { echo "expected 401, got $status: $(cat "$work/401.json")" >&2; exit 1; }
grep -q "no token" "$work/401.json" || { cat "$work/401.json"; exit 1; }
cat "$work/401.json"; echo

cat >"$work/config.yaml" <<YAML
admin:
  endpoint: dns:///localhost:8089
  insecure: true
  authType: ClientSecret
  clientId: flytepropeller
  clientSecretLocation: $secret_file
YAML

echo "== pyflyte register with client credentials"
(cd e2e/project && "$venv/bin/pyflyte" --config "$work/config.yaml" register \
  --project flytesnacks --domain development --image e2e-project:1 --version e2e-auth e2e_wf) \
  >"$work/register.log" 2>&1 || { cat "$work/register.log"; tail -80 "$work/sandbox.log"; exit 1; }
tail -3 "$work/register.log"

echo "== FlyteRemote with and without credentials"
"$venv/bin/python" - "$secret_file" <<'PY' || { tail -80 "$work/sandbox.log"; exit 1; }
import sys

from flytekit.configuration import Config, PlatformConfig
from flytekit.exceptions.user import FlyteAuthenticationException
from flytekit.remote import FlyteRemote

secret = open(sys.argv[1]).read().strip()
remote = FlyteRemote(
    Config(
        platform=PlatformConfig(
            endpoint="localhost:8089",
            insecure=True,
            auth_mode="ClientSecret",
            client_id="flytepropeller",
            client_credentials_secret=secret,
        )
    ),
    default_project="flytesnacks",
    default_domain="development",
)
projects, _ = remote.client.list_projects_paginated(limit=100)
assert "flytesnacks" in [p.id for p in projects], projects
workflows, _ = remote.client.list_workflow_ids_paginated("flytesnacks", "development", limit=100)
assert workflows, "no workflows registered"
print(f"listed {len(projects)} projects and {len(workflows)} workflow names with client credentials")

# No usable credentials: an external command that prints no token.
anonymous = FlyteRemote(
    Config(
        platform=PlatformConfig(
            endpoint="localhost:8089", insecure=True, auth_mode="ExternalCommand", command=["true"]
        )
    )
)
try:
    anonymous.client.list_projects_paginated(limit=1)
except FlyteAuthenticationException as e:
    cause = e.__cause__
    details = cause.details() if cause is not None and hasattr(cause, "details") else str(e)
    code = cause.code().name if cause is not None and hasattr(cause, "code") else "?"
    print(f"without credentials: {code}: {details}")
    assert code == "UNAUTHENTICATED" and "token" in details, details
else:
    raise AssertionError("listing projects without credentials succeeded")
PY

echo "== flytectl with authType: ClientSecret"
flytectl_bin="$(command -v flytectl || true)"
if [[ -z "$flytectl_bin" ]] && command -v go >/dev/null 2>&1; then
  for module in github.com/flyteorg/flyte/flytectl@v0.9.8 github.com/flyteorg/flytectl@v0.8.24; do
    if GOBIN="$work/bin" GOFLAGS=-mod=mod timeout 900 go install "$module" >"$work/go.log" 2>&1; then
      flytectl_bin="$work/bin/flytectl"
      break
    fi
  done
fi
if [[ -z "$flytectl_bin" ]]; then
  reason="no flytectl on PATH"
  command -v go >/dev/null 2>&1 && reason="$reason, and go install failed: $(grep -m1 -E 'not available|error|Forbidden' "$work/go.log" || tail -1 "$work/go.log")"
  echo "SKIPPED flytectl: $reason"
else
  "$flytectl_bin" --config "$work/config.yaml" get project >"$work/flytectl.log" 2>&1 \
    || { cat "$work/flytectl.log"; exit 1; }
  grep -q flytesnacks "$work/flytectl.log" || { cat "$work/flytectl.log"; exit 1; }
  "$flytectl_bin" --config "$work/config.yaml" get workflow -p flytesnacks -d development \
    >>"$work/flytectl.log" 2>&1 || { cat "$work/flytectl.log"; exit 1; }
  tail -5 "$work/flytectl.log"
fi
echo "== e2e/auth.sh passed"
