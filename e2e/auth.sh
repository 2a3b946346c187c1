#!/usr/bin/env bash
# End to end with authentication on (./sandbox.sh --auth, FlyteAdmin's built-in authorization
# server): pyflyte registers e2e/project with `admin.authType: ClientSecret` (client credentials)
# and FlyteRemote lists what it registered with the same credentials; FlyteRemote without a usable
# token gets UNAUTHENTICATED with the reason; flytectl with `authType: ClientSecret` lists the
# projects when a flytectl binary can be had (on PATH, or built with Go from the module proxy),
# otherwise that part is skipped with the reason printed.
#
#   bash e2e/auth.sh   (E2E_VENV=<venv with flytekit> to reuse one)
set -euo pipefail
source "$(dirname "$0")/lib.bash"

start_sandbox --auth
grep -A1 "Auth is ON" "$WORK/sandbox.log"
secret_file="$WORK/sandbox/auth/client_secret"

echo "== without a token, REST answers 401 with the reason"
status=$(curl -s -o "$WORK/401.json" -w '%{http_code}' "$ADMIN_HTTP/api/v1/projects")
[[ "$status" == 401 ]] || { echo "expected 401, got $status: $(cat "$WORK/401.json")" >&2; exit 1; }
grep -q "no token" "$WORK/401.json" || { cat "$WORK/401.json"; exit 1; }
cat "$WORK/401.json"; echo

write_config "$WORK/config.yaml" "authType: ClientSecret" "clientId: flytepropeller" \
  "clientSecretLocation: $secret_file"

echo "== pyflyte register with client credentials"
(cd e2e/project && "$VENV/bin/pyflyte" --config "$WORK/config.yaml" register \
  --project flytesnacks --domain development --image e2e-project:1 --version e2e-auth e2e_wf) \
  >"$WORK/register.log" 2>&1 || { cat "$WORK/register.log"; tail -80 "$WORK/sandbox.log"; exit 1; }
tail -3 "$WORK/register.log"

echo "== FlyteRemote with and without credentials"
"$VENV/bin/python" - "$secret_file" "$ADMIN_GRPC" <<'PY' || { tail -80 "$WORK/sandbox.log"; exit 1; }
import sys

from flytekit.configuration import Config, PlatformConfig
from flytekit.exceptions.user import FlyteAuthenticationException
from flytekit.remote import FlyteRemote

secret = open(sys.argv[1]).read().strip()
remote = FlyteRemote(
    Config(
        platform=PlatformConfig(
            endpoint=sys.argv[2],
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
            endpoint=sys.argv[2], insecure=True, auth_mode="ExternalCommand", command=["true"]
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
    if GOBIN="$WORK/bin" GOFLAGS=-mod=mod timeout 900 go install "$module" >"$WORK/go.log" 2>&1; then
      flytectl_bin="$WORK/bin/flytectl"
      break
    fi
  done
fi
if [[ -z "$flytectl_bin" ]]; then
  reason="no flytectl on PATH"
  command -v go >/dev/null 2>&1 && reason="$reason, and go install failed: $(grep -m1 -E 'not available|error|Forbidden' "$WORK/go.log" || tail -1 "$WORK/go.log")"
  echo "SKIPPED flytectl: $reason"
else
  "$flytectl_bin" --config "$WORK/config.yaml" get project >"$WORK/flytectl.log" 2>&1 \
    || { cat "$WORK/flytectl.log"; exit 1; }
  grep -q flytesnacks "$WORK/flytectl.log" || { cat "$WORK/flytectl.log"; exit 1; }
  "$flytectl_bin" --config "$WORK/config.yaml" get workflow -p flytesnacks -d development \
    >>"$WORK/flytectl.log" 2>&1 || { cat "$WORK/flytectl.log"; exit 1; }
  tail -5 "$WORK/flytectl.log"
fi
echo "== e2e/auth.sh passed"
