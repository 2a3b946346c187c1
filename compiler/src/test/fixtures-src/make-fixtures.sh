#!/usr/bin/env bash
# Serializes the flytekit workflows under fixtures/ into the compiler's test resources.
#
#   compiler/src/test/fixtures-src/make-fixtures.sh [python-venv]
#
# Needs a Python venv with flytekit (created at /tmp/flytekit-venv when absent). Writes one folder
# per entity kind under compiler/src/test/resources/fixtures/: tasks/*.pb (admin.TaskSpec),
# workflows/*.pb (admin.WorkflowSpec), launchplans/*.pb (admin.LaunchPlan), as pyflyte package
# produces them, plus VERSIONS naming the flytekit that made them.
#
# The expected/ files (what Flyte v1.16.8's compiler returns for every workflow) were recorded
# once from Flyte's own compiler and are kept as they are; a new fixture needs its expected file
# written by hand from Flyte's result.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-/tmp/flytekit-venv}"
out="$here/../resources/fixtures"
if [[ ! -x "$venv/bin/pyflyte" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q flytekit
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"
"$venv/bin/pyflyte" --pkgs fixtures package \
  --image flytekit-fixtures:1 --source "$here" \
  --output "$work/fixtures.tgz" --force >"$work/pyflyte.log" 2>&1 || { cat "$work/pyflyte.log"; exit 1; }
mkdir -p "$work/x"
tar -xzf "$work/fixtures.tgz" -C "$work/x"
rm -rf "$out/tasks" "$out/workflows" "$out/launchplans"
mkdir -p "$out/tasks" "$out/workflows" "$out/launchplans"
for f in "$work"/x/*.pb; do
  name="$(basename "$f")"
  # pyflyte names files <n>_<entity name>_<1|2|3>.pb: 1 task, 2 workflow, 3 launch plan.
  entity="${name#*_}"
  case "$name" in
    *_1.pb) cp "$f" "$out/tasks/${entity%_1.pb}.pb" ;;
    *_2.pb) cp "$f" "$out/workflows/${entity%_2.pb}.pb" ;;
    *_3.pb) cp "$f" "$out/launchplans/${entity%_3.pb}.pb" ;;
  esac
done
# pyflyte writes map entries in no fixed order: rewrite every file deterministically.
"$venv/bin/python" - "$out" <<'PY'
import os, sys
from flyteidl.admin import launch_plan_pb2, task_pb2, workflow_pb2
kinds = {"tasks": task_pb2.TaskSpec, "workflows": workflow_pb2.WorkflowSpec, "launchplans": launch_plan_pb2.LaunchPlan}
for kind, cls in kinds.items():
    folder = os.path.join(sys.argv[1], kind)
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        msg = cls()
        with open(path, "rb") as f:
            msg.ParseFromString(f.read())
        with open(path, "wb") as f:
            f.write(msg.SerializeToString(deterministic=True))
PY
"$venv/bin/pip" list 2>/dev/null | grep -E '^(flytekit|flyteidl) ' >"$out/VERSIONS"
