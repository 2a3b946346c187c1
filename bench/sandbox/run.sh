#!/usr/bin/env bash
# The sandbox runner benchmark: a 50-node chain and a 50-wide fan-out of trivial Python tasks run
# in a fresh sandbox (CreateExecution to SUCCEEDED), against the same pyflyte-execute commands run
# by hand in the same run (the chain: their sum; the fan-out: their makespan with the runner's
# parallelism). Prints a Markdown table (bench/results/sandbox-runner.md keeps one).
#
#   bash bench/sandbox/run.sh [chain|fanout]
#
# Uses e2e/lib.bash (the flytekit venv, E2E_VENV; a sandbox on free ports).
set -euo pipefail
source "$(dirname "$0")/../../e2e/lib.bash"

PARALLEL="${BENCH_PARALLEL:-$(nproc)}"
export FLYTE_SANDBOX_RUNNER_PYTHON="$VENV" FLYTE_SANDBOX_RUNNER_MAX_PARALLEL_TASKS="$PARALLEL"
start_sandbox
write_config "$WORK/config.yaml"
(cd bench/sandbox && "$VENV/bin/pyflyte" --config "$WORK/config.yaml" register --project flytesnacks \
  --domain development --version bench-1 bench_wf) >"$WORK/register.log" 2>&1 || { cat "$WORK/register.log"; exit 1; }
S3="$(sed -n 's/^  Storage      S3     \(http:\/\/localhost:[0-9]*\) .*/\1/p' "$WORK/sandbox.log")"
"$VENV/bin/python" bench/sandbox/bench.py "$ADMIN_GRPC" "$S3" "$VENV" "$PARALLEL" bench-1 "$@" \
  || { tail -50 "$WORK/sandbox.log"; exit 1; }
