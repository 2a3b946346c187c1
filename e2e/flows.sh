#!/usr/bin/env bash
# End to end with the real SDK, the node kinds e2e/run.sh leaves out: workflows of e2e/run/nodes.py
# run in a fresh sandbox, on its local runner, with plain `pyflyte run --remote`; each ends as the
# same workflow run locally by `pyflyte run` (no --remote) ends, with the same output. Checked with
# FlyteRemote (e2e/run/remote.py):
# - a launch-plan node: its child execution (created through CreateExecution) names the parent's
#   node, which names the child;
# - a dynamic workflow: the dynamic node runs the nodes it returned; one calling a launch plan,
#   whose child executions name the dynamic workflow's nodes;
# - a map task (array node): each subtask reported with its logs;
# - gates: an approval (FlyteRemote.approve) and an input (FlyteRemote.set_signal), each given while
#   the execution waits; an approval that never comes fails at the gate's timeout;
# - a cached task run twice: the second run's node is a cache hit; a map task of it run twice: every
#   element a cache hit the second time (none of them runs);
# - a task failing (recoverably) once and succeeding on its retry: two attempts, the first FAILED.
#
#   e2e/flows.sh                          # called by .ci/run after `mvn -B verify`
#   E2E_ONLY="dynamic retry" e2e/flows.sh  # only these flows (launch-plan dynamic map approve input
#                                          # cache retry)
#
# Needs python3 with venv; installs flytekit into $E2E_VENV (default .e2e/venv, git-ignored); the
# sandbox runs tasks with that venv's pyflyte-execute (FLYTE_SANDBOX_RUNNER_PYTHON).
set -euo pipefail
source "$(dirname "$0")/lib.bash"

export FLYTE_SANDBOX_RUNNER_PYTHON="$VENV"
start_sandbox
write_config "$WORK/config.yaml"
FLOWS=e2e/run/nodes.py
source "$(dirname "$0")/runs.bash"

want() { [[ -z "${E2E_ONLY:-}" || " $E2E_ONLY " == *" $1 "* ]]; }

if want launch-plan; then
  echo "== a launch-plan node: a child execution linked to its parent node"
  same launch-plan parent --a 3 --b 4
  remote child launch-plan
fi

if want dynamic; then
  echo "== a dynamic workflow"
  same dynamic dynamic_squares --n 4
  remote subnodes dynamic 5
  echo "== a dynamic workflow calling a launch plan: a child execution per call"
  same dynamic-children dynamic_children --n 3
  remote child dynamic-children 4
fi

if want map; then
  echo "== a map task"
  same mapped mapped --xs '[1,2,3,4]'
  remote subtasks mapped 4
fi

if want approve; then
  echo "== a gate approved through FlyteRemote while the execution waits"
  expected="$(local_run approved --a 3 <<<y)"
  remote_run approved approved --a 3
  remote approve approved review
  remote check approved SUCCEEDED "$expected"
  echo "== a gate nobody approves fails at its timeout"
  remote_run unapproved unapproved --a 3
  remote check unapproved FAILED "task execution timeout [5s] expired"
fi

if want input; then
  echo "== a gate given its input through FlyteRemote while the execution waits"
  expected="$(local_run given --a 3 <<<7)"
  remote_run given given --a 3
  remote signal given bonus 7
  remote check given SUCCEEDED "$expected"
fi

if want cache; then
  echo "== a cached task run twice: the second run is a cache hit"
  same cached-1 cached --n 5
  remote cache cached-1 CACHE_POPULATED
  same cached-2 cached --n 5
  remote cache cached-2 CACHE_HIT
  echo "== a map task of the cached task run twice: every element a cache hit the second time"
  same cached-map-1 cached_map --xs '[1,2,3]'
  remote subtasks cached-map-1 3 CACHE_POPULATED
  same cached-map-2 cached_map --xs '[1,2,3]'
  remote subtasks cached-map-2 3 CACHE_HIT
fi

if want retry; then
  echo "== a task failing once, succeeding on its retry"
  # Locally flytekit does not retry: the first local run fails as the first attempt does, a second
  # one (the marker file now exists) prints what the retried remote run must end with.
  if local_run retried --marker "$WORK/marker-local" </dev/null >/dev/null; then
    echo "the first local run of 'retried' did not fail" >&2
    exit 1
  fi
  expected="$(local_run retried --marker "$WORK/marker-local" </dev/null)"
  remote_run retried retried --marker "$WORK/marker-remote"
  remote check retried SUCCEEDED "$expected"
  remote attempts retried 2
fi

echo "== stopping the sandbox (SIGTERM): no warning, error or stack trace"
kill -TERM "$SANDBOX_PID"
wait "$SANDBOX_PID" || true
SANDBOX_PID=""
grep -q "^Stopped in" "$WORK/sandbox.log" || { tail -30 "$WORK/sandbox.log"; echo "the sandbox did not stop cleanly" >&2; exit 1; }
if grep -n -E "WARN|ERROR|Exception|FATAL" "$WORK/sandbox.log"; then
  echo "the sandbox printed the warnings or errors above" >&2
  exit 1
fi
echo "== e2e/flows.sh passed"
