#!/usr/bin/env bash
# End to end with the real SDK: workflows of e2e/run/flows.py run in a fresh sandbox, on its local
# runner, with plain `pyflyte run --remote`; each ends as the same workflow run locally by
# `pyflyte run` (no --remote) ends: same output, or same error. Checked with FlyteRemote
# (e2e/run/remote.py): two tasks, a sub-workflow, a terminate in the middle (ABORTED, process
# killed), a sandbox killed mid-run and started again (the execution ends FAILED saying why), a
# task failing for good, a branch.
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
FLOWS=e2e/run/flows.py
source "$(dirname "$0")/runs.bash"

echo "== two tasks in a chain"
same two-tasks two_tasks --a 4 --b 5 --label total
echo "== a sub-workflow"
same sub-workflow outer --a 2 --b 5

echo "== terminate in the middle: ABORTED, its task process killed"
remote_run terminated sleepy --seconds 600
remote running terminated
remote terminate terminated
remote check terminated ABORTED
sleep 1
if pgrep -f "terminated.*pyflyte-execute|pyflyte-execute.*terminated" >/dev/null; then
  pgrep -af "terminated" >&2
  echo "the task process of the terminated execution still runs" >&2
  exit 1
fi

echo "== the sandbox killed mid-run (kill -9), started again: the execution ends FAILED, saying why"
remote_run interrupted sleepy --seconds 20
remote running interrupted
kill -KILL "$SANDBOX_PID"
wait "$SANDBOX_PID" 2>/dev/null || true
SANDBOX_PID=""
start_sandbox
write_config "$WORK/config.yaml"
grep "Ended execution flytesnacks/development/interrupted" "$WORK/sandbox.log" \
  || { cat "$WORK/sandbox.log"; echo "the restart did not end the interrupted execution" >&2; exit 1; }
remote check interrupted FAILED "did not shut down cleanly"

echo "== a task that fails for good: its error reaches FlyteRemote"
same fails fails --n 7
echo "== a branch, each way"
same branch-small branch --n 3.0
same branch-big branch --n 30.0

echo "== stopping the sandbox (SIGTERM): no warning, error or stack trace"
kill -TERM "$SANDBOX_PID"
wait "$SANDBOX_PID" || true
SANDBOX_PID=""
grep -q "^Stopped in" "$WORK/sandbox.log" || { tail -30 "$WORK/sandbox.log"; echo "the sandbox did not stop cleanly" >&2; exit 1; }
# (the one warning allowed: the PostgreSQL that the killed sandbox left running is stopped)
if grep -n -E "WARN|ERROR|Exception|FATAL" "$WORK/sandbox.log" | grep -v "that a process which did not stop cleanly left running"; then
  echo "the sandbox printed the warnings or errors above" >&2
  exit 1
fi
echo "== e2e/run.sh passed"
