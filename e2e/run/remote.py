"""FlyteRemote's side of e2e/run.sh, on executions that `pyflyte run --remote` started.

    python e2e/run/remote.py <admin grpc> check <name> <phase> [<expected>]
        waits for the execution to end; it must end in <phase>. SUCCEEDED: its single output, as
        text, must equal <expected> (what a local `pyflyte run` printed); FAILED: its error message
        must contain <expected>.
    python e2e/run/remote.py <admin grpc> running <name>
        waits until a task of the execution runs.
    python e2e/run/remote.py <admin grpc> terminate <name>
        terminates the execution.
"""

import sys
import time
import urllib.request
from datetime import timedelta

from flytekit.configuration import Config, PlatformConfig
from flytekit.models.core.execution import NodeExecutionPhase, WorkflowExecutionPhase
from flytekit.remote import FlyteRemote

endpoint, mode, name = sys.argv[1], sys.argv[2], sys.argv[3]

remote = FlyteRemote(
    Config.auto().with_params(platform=PlatformConfig(endpoint=endpoint, insecure=True)),
    default_project="flytesnacks",
    default_domain="development",
)
execution = remote.fetch_execution(name=name)


def check(phase, expected):
    done = remote.wait(execution, timeout=timedelta(minutes=5), poll_interval=timedelta(seconds=1))
    actual = WorkflowExecutionPhase.enum_to_string(done.closure.phase)
    if actual != phase:
        error = done.error.message if done.error else ""
        sys.exit(f"{name}: {actual}, expected {phase}. {error}")
    if phase == "SUCCEEDED":
        outputs = done.outputs
        values = [outputs.get(key) for key in outputs.keys()]
        if len(values) != 1 or str(values[0]) != expected:
            sys.exit(f"{name}: outputs {values}, expected [{expected}] as local pyflyte run computes")
        nodes = [n for n in done.node_executions.values() if n.id.node_id not in ("start-node", "end-node")]
        logs = [log for n in nodes for t in n.task_executions for log in t.closure.logs]
        for log in logs:
            # FlyteConsole's "Logs" links open without credentials.
            with urllib.request.urlopen(log.uri, timeout=10) as response:
                response.read()
        print(f"   {name}: SUCCEEDED with {values[0]} (as locally), {len(nodes)} nodes, {len(logs)} log links open")
    elif phase == "FAILED":
        message = done.error.message
        if expected not in message:
            sys.exit(f"{name}: FAILED with {message!r}, expected it to mention {expected!r}")
        print(f"   {name}: FAILED with {message.strip().splitlines()[-1]!r}")
    else:
        print(f"   {name}: {actual}")


def running():
    deadline = time.time() + 300
    while time.time() < deadline:
        synced = remote.sync_execution(execution, sync_nodes=True)
        for node in synced.node_executions.values():
            if node.closure.phase == NodeExecutionPhase.RUNNING and node.task_executions:
                print(f"   {name}: node {node.id.node_id} runs")
                return
        time.sleep(1)
    sys.exit(f"{name}: no task ran within 5 minutes")


if mode == "check":
    check(sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
elif mode == "running":
    running()
elif mode == "terminate":
    remote.terminate(execution, cause="e2e/run.sh terminates it")
else:
    sys.exit(f"unknown mode {mode}")
