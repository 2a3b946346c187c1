"""FlyteRemote's side of e2e/run.sh, on executions that `pyflyte run --remote` started.

    python e2e/run/remote.py <admin grpc> check <name> <phase> [<expected>]
        waits for the execution to end; it must end in <phase>. SUCCEEDED: its single output, as
        text, must equal <expected> (what a local `pyflyte run` printed); FAILED: its error message
        must contain <expected>.
    python e2e/run/remote.py <admin grpc> running <name>
        waits until a task of the execution runs.
    python e2e/run/remote.py <admin grpc> terminate <name>
        terminates the execution.
    python e2e/run/remote.py <admin grpc> child <name> [<count>]
        the execution's <count> (default 1) launch-plan nodes, in it or in its dynamic workflows,
        each name their child execution, which names the node as its parent (mode CHILD_WORKFLOW)
        and succeeded.
    python e2e/run/remote.py <admin grpc> approve <name> <signal>
    python e2e/run/remote.py <admin grpc> signal <name> <signal> <int>
        waits until the execution's gate creates the signal, then approves it / sets it.
    python e2e/run/remote.py <admin grpc> cache <name> <status>
        the execution's cached task node reports <status> (CACHE_MISS, CACHE_HIT, ...).
    python e2e/run/remote.py <admin grpc> attempts <name> <count>
        the execution's task node ran <count> attempts: all but the last FAILED, the last SUCCEEDED.
    python e2e/run/remote.py <admin grpc> subnodes <name> <count>
        the execution's dynamic node ran <count> nodes of its own.
    python e2e/run/remote.py <admin grpc> subtasks <name> <count> [<cache status>]
        the execution's array node reports <count> subtasks (external resources), each SUCCEEDED
        with its log links, or each with <cache status> (CACHE_HIT: without logs, it did not run).
"""

import sys
import time
import urllib.request
from datetime import timedelta

from flyteidl.admin.execution_pb2 import ExecutionMetadata
from flyteidl.core.catalog_pb2 import CatalogCacheStatus
from flytekit.configuration import Config, PlatformConfig
from flytekit.models.core.execution import NodeExecutionPhase, TaskExecutionPhase, WorkflowExecutionPhase
from flytekit.remote import FlyteRemote

endpoint, mode, name = sys.argv[1], sys.argv[2], sys.argv[3]

remote = FlyteRemote(
    Config.auto().with_params(platform=PlatformConfig(endpoint=endpoint, insecure=True)),
    default_project="flytesnacks",
    default_domain="development",
)
execution = remote.fetch_execution(name=name)


def flat(runs):
    """Task executions; FlyteRemote gives a dynamic node the list of each of its nodes' ones."""
    for run in runs:
        if isinstance(run, list):
            yield from flat(run)
        else:
            yield run


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
        logs = [log for t in flat(n.task_executions for n in nodes) for log in t.closure.logs]
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


def done_nodes():
    done = remote.wait(execution, timeout=timedelta(minutes=5), poll_interval=timedelta(seconds=1))
    synced = remote.sync_execution(done, sync_nodes=True)
    return [n for n in synced.node_executions.values() if n.id.node_id not in ("start-node", "end-node")]


def walk(nodes):
    """The nodes and, recursively, the nodes of their sub-workflows and dynamic workflows."""
    for node in nodes:
        yield node
        yield from walk(k for key, k in node.subworkflow_node_executions.items() if key not in ("start-node", "end-node"))


def child(count):
    linked = [n for n in walk(done_nodes()) if n.closure.workflow_node_metadata is not None]
    if len(linked) != count:
        sys.exit(f"{name}: {len(linked)} nodes name a child execution, expected {count}")
    for node in linked:
        child_id = node.closure.workflow_node_metadata.execution_id
        kid = remote.wait(remote.fetch_execution(name=child_id.name), timeout=timedelta(minutes=1))
        meta = kid.spec.metadata
        parent = meta.parent_node_execution
        if meta.mode != ExecutionMetadata.CHILD_WORKFLOW:
            sys.exit(f"{name}: child {child_id.name} has mode {meta.mode}, expected CHILD_WORKFLOW")
        if parent is None or parent.node_id != node.id.node_id or parent.execution_id.name != name:
            sys.exit(f"{name}: child {child_id.name} names parent {parent}, expected node {node.id.node_id}")
        phase = WorkflowExecutionPhase.enum_to_string(kid.closure.phase)
        if phase != "SUCCEEDED":
            sys.exit(f"{name}: child {child_id.name} ended {phase}")
        print(
            f"   {name}: node {node.id.node_id} ran child execution {child_id.name} "
            f"(launch plan {kid.spec.launch_plan.name}), which names it as its parent"
        )


def gate(signal, value):
    deadline = time.time() + 300
    while time.time() < deadline:
        if any(s.id.signal_id == signal for s in remote.list_signals(name)):
            break
        time.sleep(1)
    else:
        sys.exit(f"{name}: no signal {signal} within 5 minutes")
    synced = remote.sync_execution(execution)
    phase = WorkflowExecutionPhase.enum_to_string(synced.closure.phase)
    if phase != "RUNNING":
        sys.exit(f"{name}: {phase} while its gate waits, expected RUNNING")
    if value is None:
        remote.approve(signal, name)
        print(f"   {name}: waits for {signal}, approved")
    else:
        remote.set_signal(signal, name, int(value), python_type=int)
        print(f"   {name}: waits for {signal}, set to {value}")


def cache(status):
    cached = [n for n in done_nodes() if n.closure.task_node_metadata is not None]
    statuses = [CatalogCacheStatus.Name(n.closure.task_node_metadata.cache_status) for n in cached]
    if status not in statuses:
        sys.exit(f"{name}: task nodes report cache statuses {statuses}, expected one {status}")
    print(f"   {name}: cache statuses {statuses}")


def attempts(count):
    tasks = [n for n in done_nodes() if len(n.task_executions) > 1]
    if len(tasks) != 1:
        sys.exit(f"{name}: {len(tasks)} nodes ran more than one attempt, expected 1")
    runs = tasks[0].task_executions
    phases = [TaskExecutionPhase.enum_to_string(t.closure.phase) for t in runs]
    if phases != ["FAILED"] * (count - 1) + ["SUCCEEDED"]:
        sys.exit(f"{name}: attempts {phases}, expected {count} ending SUCCEEDED")
    first = runs[0].closure.error
    print(f"   {name}: node {tasks[0].id.node_id} attempts {phases}, first error {first.message.strip().splitlines()[-1]!r}")


def subnodes(count):
    parents = [n for n in done_nodes() if n.subworkflow_node_executions]
    if len(parents) != 1:
        sys.exit(f"{name}: {len(parents)} nodes have nodes of their own, expected 1")
    inner = [k for k in parents[0].subworkflow_node_executions if k not in ("start-node", "end-node")]
    if len(inner) != count:
        sys.exit(f"{name}: node {parents[0].id.node_id} ran {sorted(inner)}, expected {count} nodes")
    print(f"   {name}: node {parents[0].id.node_id} ran {len(inner)} nodes of its own")


def subtasks(count, cache_status):
    arrays = [n for n in done_nodes() if n.task_executions and n.task_executions[-1].closure.metadata is not None
              and len(n.task_executions[-1].closure.metadata.external_resources) > 0]
    if len(arrays) != 1:
        sys.exit(f"{name}: {len(arrays)} nodes report subtasks, expected 1")
    resources = arrays[0].task_executions[-1].closure.metadata.external_resources
    phases = [TaskExecutionPhase.enum_to_string(r.phase) for r in resources]
    if phases != ["SUCCEEDED"] * count or sorted(r.index for r in resources) != list(range(count)):
        sys.exit(f"{name}: subtasks {[(r.index, p) for r, p in zip(resources, phases)]}, expected {count} SUCCEEDED")
    statuses = [CatalogCacheStatus.Name(r.cache_status) for r in resources]
    if cache_status is not None and statuses != [cache_status] * count:
        sys.exit(f"{name}: subtasks' cache statuses {statuses}, expected {cache_status} each")
    if cache_status != "CACHE_HIT" and any(not r.logs for r in resources):
        sys.exit(f"{name}: a subtask has no log links")
    print(f"   {name}: node {arrays[0].id.node_id} reports {count} subtasks, SUCCEEDED, {sorted(set(statuses))}")


if mode == "check":
    check(sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
elif mode == "running":
    running()
elif mode == "terminate":
    remote.terminate(execution, cause="e2e/run.sh terminates it")
elif mode == "child":
    child(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
elif mode == "approve":
    gate(sys.argv[4], None)
elif mode == "signal":
    gate(sys.argv[4], sys.argv[5])
elif mode == "cache":
    cache(sys.argv[4])
elif mode == "attempts":
    attempts(int(sys.argv[4]))
elif mode == "subtasks":
    subtasks(int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else None)
elif mode == "subnodes":
    subnodes(int(sys.argv[4]))
else:
    sys.exit(f"unknown mode {mode}")
