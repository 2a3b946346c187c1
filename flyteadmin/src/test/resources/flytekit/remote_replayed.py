"""Reads a replayed two-task run back through flytekit's FlyteRemote, as a user would.

Usage: python remote_replayed.py ENDPOINT PROJECT DOMAIN NAME

n0 (x=1 -> o0=2) failed once and succeeded on its second attempt; n1 (x=2 -> o0=3) succeeded at
once; the workflow's output o0 is 3. Any mismatch prints "FAIL: ..." and exits 1; success prints
one "OK ..." line per check group and exits 0.
"""

import sys

from flyteidl.core import execution_pb2
from flytekit.configuration import Config
from flytekit.models.core.execution import NodeExecutionPhase, TaskExecutionPhase, WorkflowExecutionPhase
from flytekit.remote import FlyteRemote


def check(condition, message):
    if not condition:
        print("FAIL: " + message, flush=True)
        sys.exit(1)


def value(resolver, name):
    check(resolver is not None, f"no literals to read {name} from")
    return resolver.get(name, as_type=int)


endpoint, project, domain, name = sys.argv[1:5]
remote = FlyteRemote(
    Config.for_endpoint(endpoint, insecure=True), default_project=project, default_domain=domain
)

execution = remote.fetch_execution(name=name)
execution = remote.sync_execution(execution, sync_nodes=True)
check(
    execution.closure.phase == WorkflowExecutionPhase.SUCCEEDED,
    f"execution phase {execution.closure.phase}",
)
check(execution.is_done and execution.is_successful, "execution not done and successful")
check(value(execution.inputs, "x") == 1, f"execution inputs {execution.inputs}")
check(value(execution.outputs, "o0") == 3, f"execution outputs {execution.outputs}")
print("OK execution", execution.id.name, flush=True)

nodes = execution.node_executions
check(sorted(nodes) == ["end-node", "n0", "n1", "start-node"], f"node executions {sorted(nodes)}")
expected = {"n0": (1, 2, 2), "n1": (2, 3, 1)}
for node_id, (x, o0, attempts) in expected.items():
    node = nodes[node_id]
    check(node.closure.phase == NodeExecutionPhase.SUCCEEDED, f"{node_id} phase {node.closure.phase}")
    check(node.metadata.spec_node_id == node_id, f"{node_id} spec node id {node.metadata.spec_node_id}")
    check(value(node.inputs, "x") == x, f"{node_id} inputs {node.inputs}")
    check(value(node.outputs, "o0") == o0, f"{node_id} outputs {node.outputs}")
    tasks = node.task_executions
    check(len(tasks) == attempts, f"{node_id} has {len(tasks)} task executions")
    check(
        [t.id.retry_attempt for t in tasks] == list(range(attempts)),
        f"{node_id} attempts {[t.id.retry_attempt for t in tasks]}",
    )
    for failed in tasks[:-1]:
        check(
            failed.closure.phase == execution_pb2.TaskExecution.RETRYABLE_FAILED,
            f"{node_id} attempt {failed.id.retry_attempt} phase {failed.closure.phase}",
        )
    last = tasks[-1]
    check(last.closure.phase == TaskExecutionPhase.SUCCEEDED, f"{node_id} last attempt phase {last.closure.phase}")
    check(last.id.task_id.name == "t", f"{node_id} task {last.id.task_id}")
    check(value(last.inputs, "x") == x, f"{node_id} attempt inputs {last.inputs}")
    check(value(last.outputs, "o0") == o0, f"{node_id} attempt outputs {last.outputs}")
    check(last.is_done, f"{node_id} last attempt not done")
    print("OK node", node_id, "x", x, "o0", o0, "attempts", attempts, flush=True)

base = f"flyte://v1/{project}/{domain}/{name}"
outputs = remote.get(f"{base}/n1/o")
check(value(outputs, "o0") == 3, f"{base}/n1/o gave {outputs}")
literal = remote.get(f"{base}/n0/o/o0")
check(literal is not None and literal.scalar.primitive.integer == 2, f"{base}/n0/o/o0 gave {literal}")
attempt_inputs = remote.get(f"{base}/n0/1/i")
check(value(attempt_inputs, "x") == 1, f"{base}/n0/1/i gave {attempt_inputs}")
print("OK flyte urls", flush=True)

# GetExecutionMetrics, as `pyflyte metrics dump` reads it: the workflow's span, its two nodes,
# n0's two attempts with one second of NODE_RESET between them (the replayer's events are a
# second apart)
from flytekit.remote.metrics import aggregate_reference_span

span = remote.get_execution_metrics(id=execution.id, depth=10).to_flyte_idl()
check(span.workflow_id.name == name, f"metrics span of {span.workflow_id}")
kinds = [s.operation_id or s.node_id.node_id for s in span.spans]
check(kinds == ["WORKFLOW_SETUP", "n0", "n1", "WORKFLOW_TEARDOWN"], f"metrics spans {kinds}")
_, tree = aggregate_reference_span(span)
check(sorted(tree["nodes"]) == ["n0", "n1"], f"metrics nodes {sorted(tree['nodes'])}")
check(sorted(tree["nodes"]["n0"]["task_attempts"]) == [0, 1], f"n0 attempts {tree['nodes']['n0']}")
check(sorted(tree["nodes"]["n1"]["task_attempts"]) == [0], f"n1 attempts {tree['nodes']['n1']}")
check(tree["nodes"]["n0"]["breakdown"].get("NODE_RESET") == 1.0, f"n0 breakdown {tree['nodes']['n0']}")
check("NODE_RESET" not in tree["nodes"]["n1"]["breakdown"], f"n1 breakdown {tree['nodes']['n1']}")
print("OK metrics", flush=True)
