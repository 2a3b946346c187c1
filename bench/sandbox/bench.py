"""The sandbox runner benchmark (bench/sandbox/run.sh): runs each workflow of bench_wf/shapes.py in
the sandbox, then runs the same pyflyte-execute commands by hand, and prints the ratio.

    python bench/sandbox/bench.py <admin grpc> <s3 endpoint> <venv> <parallel tasks> <version> [shape...]

The sandbox's time is FlyteAdmin's: from the execution's creation (CreateExecution) to its
SUCCEEDED event. The baseline runs, for every task node of that execution, its task's container
arguments with the node's own inputs file and a fresh output prefix, as the runner fills them:
one after the other for the chain (the sum of their times), with the runner's parallelism for the
fan-out (the makespan).
"""

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta, timezone

from flytekit.configuration import Config, PlatformConfig
from flytekit.models.core.execution import WorkflowExecutionPhase
from flytekit.remote import FlyteRemote

endpoint, s3, venv, parallel, version = sys.argv[1:6]
parallel = int(parallel)
remote = FlyteRemote(
    Config.auto().with_params(platform=PlatformConfig(endpoint=endpoint, insecure=True)),
    default_project="flytesnacks",
    default_domain="development",
)
env = dict(os.environ)
env.update(
    {
        "PATH": f"{venv}/bin:" + env.get("PATH", ""),
        "VIRTUAL_ENV": venv,
        "FLYTE_AWS_ENDPOINT": s3,
        "FLYTE_AWS_ACCESS_KEY_ID": "minio",
        "FLYTE_AWS_SECRET_ACCESS_KEY": "miniostorage",
        "FLYTE_PLATFORM_URL": endpoint,
        "FLYTE_PLATFORM_INSECURE": "true",
    }
)


def task_environment(workflow, node, task_id, template):
    """The runner's (propeller's) environment of the node's attempt 0; flytekit behaves differently
    with it (JSON logging instead of rich logging when FLYTE_INTERNAL_EXECUTION_ID is set).
    ``workflow``: the default launch plan's id, named as its workflow."""
    execution = node.id.execution_id
    out = dict(env)
    out.update({kv.key: kv.value for kv in template.container.env})
    out.update(
        {
            "FLYTE_INTERNAL_EXECUTION_WORKFLOW": f"{workflow.project}:{workflow.domain}:{workflow.name}",
            "FLYTE_INTERNAL_EXECUTION_ID": execution.name,
            "FLYTE_INTERNAL_EXECUTION_PROJECT": execution.project,
            "FLYTE_INTERNAL_EXECUTION_DOMAIN": execution.domain,
            "FLYTE_ATTEMPT_NUMBER": "0",
            "FLYTE_INTERNAL_TASK_PROJECT": task_id.project,
            "FLYTE_INTERNAL_TASK_DOMAIN": task_id.domain,
            "FLYTE_INTERNAL_TASK_NAME": task_id.name,
            "FLYTE_INTERNAL_TASK_VERSION": task_id.version,
        }
    )
    return out


def sandbox_run(name):
    lp = remote.fetch_launch_plan(name=f"bench_wf.shapes.{name}", version=version)
    begin = time.monotonic()
    execution = remote.execute(lp, inputs={"x": 0}, wait=False)
    while True:
        execution = remote.sync_execution(execution)
        if execution.is_done:
            break
        time.sleep(0.2)
    polled = time.monotonic() - begin
    phase = WorkflowExecutionPhase.enum_to_string(execution.closure.phase)
    if phase != "SUCCEEDED":
        sys.exit(f"{name}: {phase} {execution.error}")
    admin_time = (execution.closure.updated_at - execution.closure.created_at).total_seconds()
    return execution, admin_time, polled


def task_nodes(execution):
    nodes = [
        n
        for n in remote.client.list_node_executions(execution.id, limit=1000)[0]
        if n.id.node_id not in ("start-node", "end-node")
    ]
    return sorted(nodes, key=lambda n: n.closure.created_at)


def commands(execution, nodes):
    """Each task node's command and environment, as the runner filled them, with a fresh output
    prefix."""
    args = None
    out = []
    for node in nodes:
        if args is None:
            task = remote.client.list_task_executions_paginated(node.id, limit=1)[0][0]
            template = remote.client.get_task(task.id.task_id).closure.compiled_task.template
            args = list(template.container.args)
            task_id = task.id.task_id
        prefix = f"s3://my-s3-bucket/bench/by-hand/{node.id.execution_id.name}/{node.id.node_id}"
        values = {
            "{{.input}}": node.input_uri,
            "{{.inputPrefix}}": node.input_uri.rsplit("/", 1)[0],
            "{{.outputPrefix}}": prefix,
            "{{.rawOutputDataPrefix}}": prefix + "/raw",
            "{{.checkpointOutputPrefix}}": prefix + "/checkpoint",
            "{{.prevCheckpointPrefix}}": "",
        }
        command = []
        for arg in args:
            for key, value in values.items():
                arg = arg.replace(key, value)
            command.append(arg)
        out.append((command, task_environment(execution.spec.launch_plan, node, task_id, template)))
    return out


def timed(command_and_environment):
    command, environment = command_and_environment
    # Each in a directory of its own, as the runner runs each attempt; the code archive of fast
    # registration is unpacked there too (its --dest-dir, /root by default, would have parallel
    # commands unpack into one directory at once, which fails now and then).
    with tempfile.TemporaryDirectory() as work:
        if "--dest-dir" in command:
            command = list(command)
            command[command.index("--dest-dir") + 1] = work
        begin = time.monotonic()
        subprocess.run(
            command, env=environment, cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        return time.monotonic() - begin


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


def utc(moment):
    # flytekit gives some closure times with a time zone and some without (UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def profile(execution, nodes, by_hand):
    """Where a chain's time goes, from the events' times as FlyteAdmin stored them: per node,
    node QUEUED -> task QUEUED -> task RUNNING (process started) -> task SUCCEEDED (process ended,
    outputs read) -> node SUCCEEDED -> the next node's QUEUED; medians over the nodes."""
    seg = {k: [] for k in ("nq-tq", "tq-tr", "tr-ts", "ts-ns", "ns-next", "node")}
    previous_end = None
    for node in nodes:
        task = remote.client.list_task_executions_paginated(node.id, limit=1)[0][0]
        nq, ns = utc(node.closure.created_at), utc(node.closure.updated_at)
        tq, tr = utc(task.closure.created_at), utc(task.closure.started_at)
        ts = utc(task.closure.updated_at)
        seg["nq-tq"].append((tq - nq).total_seconds())
        seg["tq-tr"].append((tr - tq).total_seconds())
        seg["tr-ts"].append((ts - tr).total_seconds())
        seg["ts-ns"].append((ns - ts).total_seconds())
        seg["node"].append((ns - nq).total_seconds())
        if previous_end is not None:
            seg["ns-next"].append((nq - previous_end).total_seconds())
        previous_end = ns
    first = (utc(nodes[0].closure.created_at) - utc(execution.closure.created_at)).total_seconds()
    last = (utc(execution.closure.updated_at) - previous_end).total_seconds()
    print(
        "profile (median s per node): node QUEUED->task QUEUED {:.3f}; task QUEUED->RUNNING {:.3f};"
        " task RUNNING->SUCCEEDED {:.3f} (the same command by hand: {:.3f}); task SUCCEEDED->node"
        " SUCCEEDED {:.3f}; node SUCCEEDED->next node QUEUED {:.3f}; whole node {:.3f}; created->first"
        " node QUEUED {:.2f}; last node->SUCCEEDED {:.2f}".format(
            median(seg["nq-tq"]),
            median(seg["tq-tr"]),
            median(seg["tr-ts"]),
            median(by_hand),
            median(seg["ts-ns"]),
            median(seg["ns-next"]),
            median(seg["node"]),
            first,
            last,
        ),
        flush=True,
    )


rows = []
for name in sys.argv[6:] or ("chain", "fanout"):
    execution, admin_time, polled = sandbox_run(name)
    nodes = task_nodes(execution)
    cmds = commands(execution, nodes)
    begin = time.monotonic()
    if name == "chain":
        times = [timed(c) for c in cmds]
        baseline = sum(times)
    else:
        with ThreadPoolExecutor(max_workers=parallel) as pool:
            list(pool.map(timed, cmds))
        baseline = time.monotonic() - begin
    rows.append((name, len(cmds), admin_time, polled, baseline, admin_time / baseline))
    print(
        f"{name}: {len(cmds)} task nodes; sandbox {admin_time:.1f} s (CreateExecution to SUCCEEDED;"
        f" client saw {polled:.1f} s); by hand {baseline:.1f} s; ratio {admin_time / baseline:.2f}",
        flush=True,
    )
    if name == "chain":
        try:
            profile(execution, nodes, times)
        except Exception as e:  # the profile is a reading aid; the figures above stand without it
            print(f"profile: not available ({e})", flush=True)

print("| workflow | task nodes | sandbox: CreateExecution to SUCCEEDED | same commands by hand | ratio |")
print("|---|---|---|---|---|")
for name, n, admin_time, polled, baseline, ratio in rows:
    kind = "sum, one after the other" if name == "chain" else f"makespan, {parallel} at once"
    print(f"| {name} | {n} | {admin_time:.1f} s | {baseline:.1f} s ({kind}) | {ratio:.2f} |")
