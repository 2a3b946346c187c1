#!/usr/bin/env bash
# End to end with the real SDK: workflows of e2e/run/flows.py run in a fresh sandbox, on its local
# runner, with plain `pyflyte run --remote`; each ends as the same workflow run locally by
# `pyflyte run` (no --remote) ends: same output, or same error. Checked with FlyteRemote
# (e2e/run/check.py).
#
#   e2e/run.sh            # called by .ci/run after `mvn -B verify`
#
# Needs python3 with venv; installs flytekit into $E2E_VENV (default .e2e/venv, git-ignored); the
# sandbox runs tasks with that venv's pyflyte-execute (FLYTE_SANDBOX_RUNNER_PYTHON).
set -euo pipefail
source "$(dirname "$0")/lib.bash"

export FLYTE_SANDBOX_RUNNER_PYTHON="$VENV"
start_sandbox
write_config "$WORK/config.yaml"
PYFLYTE=("$VENV/bin/pyflyte" --config "$WORK/config.yaml")

# local <workflow> [args...]: what `pyflyte run` prints locally (its last line)
local_run() {
  (cd "$WORK" && "$VENV/bin/pyflyte" run "$E2E_ROOT/e2e/run/flows.py" "$@" 2>&1 | tail -1)
}

# remote <name> <workflow> [args...]: `pyflyte run --remote`, the execution named <name>
remote_run() {
  local name="$1"
  shift
  (cd "$WORK" && "${PYFLYTE[@]}" run --remote --project flytesnacks --domain development \
    --name "$name" "$E2E_ROOT/e2e/run/flows.py" "$@") >"$WORK/run-$name.log" 2>&1 \
    || { cat "$WORK/run-$name.log"; tail -80 "$WORK/sandbox.log"; exit 1; }
}

check() {
  "$VENV/bin/python" e2e/run/check.py "$ADMIN_GRPC" "$@" || { tail -80 "$WORK/sandbox.log"; exit 1; }
}

echo "== two tasks in a chain"
expected="$(local_run two_tasks --a 4 --b 5 --label total)"
remote_run two-tasks two_tasks --a 4 --b 5 --label total
check two-tasks SUCCEEDED "$expected"

echo "== e2e/run.sh passed"
