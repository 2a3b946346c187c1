"""Waits for an execution that `pyflyte run --remote` started and checks how it ended, with
FlyteRemote.

    python e2e/run/check.py <admin grpc> <execution name> <expected phase> [<expected>]

SUCCEEDED: the execution's single output, as text, must equal <expected> (what a local
`pyflyte run` printed). FAILED: its error message must contain <expected>. ABORTED: nothing more.
"""

import sys
from datetime import timedelta

from flytekit.configuration import Config, PlatformConfig
from flytekit.models.core.execution import WorkflowExecutionPhase
from flytekit.remote import FlyteRemote

endpoint, name, phase = sys.argv[1], sys.argv[2], sys.argv[3]
expected = sys.argv[4] if len(sys.argv) > 4 else None

remote = FlyteRemote(
    Config.auto().with_params(platform=PlatformConfig(endpoint=endpoint, insecure=True)),
    default_project="flytesnacks",
    default_domain="development",
)
execution = remote.fetch_execution(name=name)
execution = remote.wait(
    execution, timeout=timedelta(minutes=5), poll_interval=timedelta(seconds=1), sync_nodes=False
)
actual = WorkflowExecutionPhase.enum_to_string(execution.closure.phase)
if actual != phase:
    error = execution.error.message if execution.error else ""
    sys.exit(f"{name}: {actual}, expected {phase}. {error}")
if phase == "SUCCEEDED":
    outputs = execution.outputs
    values = [outputs.get(key) for key in outputs.keys()]
    if len(values) != 1 or str(values[0]) != expected:
        sys.exit(f"{name}: outputs {values}, expected [{expected}] as local pyflyte run computes")
    print(f"   {name}: SUCCEEDED with {values[0]} (as locally)")
elif phase == "FAILED":
    message = execution.error.message
    if expected not in message:
        sys.exit(f"{name}: FAILED with {message!r}, expected it to mention {expected!r}")
    print(f"   {name}: FAILED with {message.strip().splitlines()[-1]!r}")
else:
    print(f"   {name}: {actual}")
