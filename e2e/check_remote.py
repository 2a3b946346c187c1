"""Reads back what e2e/register.sh registered, with FlyteRemote, and checks it against what
flytekit itself serialized (`pyflyte package`, unpacked in the folder given as first argument).
The second argument is FlyteAdmin's gRPC endpoint (default localhost:8089)."""

import os
import sys

from flyteidl.admin import launch_plan_pb2, task_pb2, workflow_pb2
from flytekit.configuration import Config
from flytekit.models.common import NamedEntityIdentifier
from flytekit.remote import FlyteRemote

PROJECT, DOMAIN = "flytesnacks", "development"
VERSIONS = ["e2e-fast", "e2e-none"]


def serialized(folder):
    """The tasks, workflows and launch plans flytekit wrote, by name."""
    tasks, workflows, plans = {}, {}, {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        if name.endswith("_1.pb"):
            spec = task_pb2.TaskSpec.FromString(data)
            tasks[spec.template.id.name] = spec
        elif name.endswith("_2.pb"):
            spec = workflow_pb2.WorkflowSpec.FromString(data)
            workflows[spec.template.id.name] = spec
        elif name.endswith("_3.pb"):
            plan = launch_plan_pb2.LaunchPlan.FromString(data)
            plans[plan.id.name] = plan
    return tasks, workflows, plans


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main(folder, endpoint):
    tasks, workflows, plans = serialized(folder)
    check(
        (len(tasks), len(workflows), len(plans)) == (5, 5, 7),
        f"unexpected package: {sorted(tasks)} {sorted(workflows)} {sorted(plans)}",
    )
    remote = FlyteRemote(
        Config.for_endpoint(endpoint, insecure=True),
        default_project=PROJECT,
        default_domain=DOMAIN,
    )
    client = remote.client

    projects, _ = client.list_projects_paginated(limit=100)
    check(PROJECT in [p.id for p in projects], "flytesnacks is not listed")

    for version in VERSIONS:
        for name, spec in tasks.items():
            task = remote.fetch_task(name=name, version=version)
            check(task.id.version == version, f"task {name}: fetched {task.id}")
            template = client.get_task(task.id).closure.compiled_task.template.to_flyte_idl()
            check(template.interface == spec.template.interface, f"task {name} {version}: interface")
            check(template.type == spec.template.type, f"task {name}: type differs")
            check(template.container.image == spec.template.container.image, f"task {name}: image")
            if version == "e2e-fast":
                check("--dest-dir" in template.container.args, f"task {name}: not fast-registered")
        for name, spec in workflows.items():
            wf = remote.fetch_workflow(name=name, version=version)
            check(
                wf.interface.to_flyte_idl() == spec.template.interface,
                f"workflow {name} {version}: interface differs",
            )
            closure = client.get_workflow(wf.id).closure.compiled_workflow.to_flyte_idl()
            node_ids = {n.id for n in closure.primary.template.nodes}
            check(
                node_ids == {n.id for n in spec.template.nodes} | {"start-node", "end-node"},
                f"workflow {name}: compiled nodes {sorted(node_ids)}",
            )
            check(closure.primary.connections.upstream, f"workflow {name}: no connections")
            used = {n.task_node.reference_id.name for n in spec.template.nodes if n.task_node.reference_id.name}
            check(
                used <= {t.template.id.name for t in closure.tasks},
                f"workflow {name}: closure lacks tasks {used}",
            )
        for name, plan in plans.items():
            lp = remote.fetch_launch_plan(name=name, version=version)
            stored = client.get_launch_plan(lp.id).to_flyte_idl()
            check(stored.spec.workflow_id.name == plan.spec.workflow_id.name, f"{name}: workflow")
            expected = set(stored.closure.expected_inputs.parameters)
            check(
                expected == set(wf_inputs(workflows[plan.spec.workflow_id.name])),
                f"launch plan {name}: expected inputs {sorted(expected)}",
            )
            check(
                stored.closure.expected_outputs
                == workflows[plan.spec.workflow_id.name].template.interface.outputs,
                f"launch plan {name}: expected outputs",
            )

    # The branch and the sub-workflow / launch-plan nodes made it into the compiled closures.
    def compiled(name):
        wf = remote.fetch_workflow(name=name, version="e2e-fast")
        return client.get_workflow(wf.id).closure.compiled_workflow.to_flyte_idl()

    classify = compiled("e2e_wf.branches.classify").primary.template.nodes
    check(any(n.HasField("branch_node") for n in classify), "classify has no branch node")
    outer = compiled("e2e_wf.nested.outer")
    outer_nodes = outer.primary.template.nodes
    check(any(n.workflow_node.sub_workflow_ref.name for n in outer_nodes), "no sub-workflow node")
    check(any(n.workflow_node.launchplan_ref.name for n in outer_nodes), "no launch-plan node")
    check(len(outer.sub_workflows) == 1, "outer's closure should hold its sub-workflow")

    # The latest version is found without naming one (List sorted by created_at DESC, limit 1).
    latest = remote.fetch_workflow(name="e2e_wf.basics.chain")
    check(latest.id.version == "e2e-none", f"latest chain is {latest.id.version}")

    # The scheduled launch plan: activate one version, then the other; one is active at a time.
    nightly = "e2e_wf.basics.nightly"
    fetched = remote.fetch_launch_plan(name=nightly, version="e2e-fast")
    schedule = client.get_launch_plan(fetched.id).to_flyte_idl().spec.entity_metadata.schedule
    check(schedule.cron_schedule.schedule == "0 3 * * *", f"nightly's schedule: {schedule}")
    check(schedule.kickoff_time_input_arg == "at", "nightly's kickoff argument")
    named = NamedEntityIdentifier(PROJECT, DOMAIN, nightly)
    for version in VERSIONS:
        lp = remote.fetch_launch_plan(name=nightly, version=version)
        remote.activate_launchplan(lp.id)
        active = client.get_active_launch_plan(named)
        check(active.id.version == version, f"active nightly is {active.id.version}, not {version}")
    active_plans, _ = client.list_active_launch_plans_paginated(PROJECT, DOMAIN, limit=100)
    check([p.id.version for p in active_plans if p.id.name == nightly] == ["e2e-none"], "active list")

    # Lists: every version of a task, every workflow name, launch plans of one workflow.
    versions, _ = client.list_tasks_paginated(
        NamedEntityIdentifier(PROJECT, DOMAIN, "e2e_wf.basics.double"), limit=100
    )
    check(sorted(t.id.version for t in versions) == VERSIONS, "task versions")
    ids, _ = client.list_workflow_ids_paginated(PROJECT, DOMAIN, limit=100)
    check({i.name for i in ids} >= set(workflows), f"workflow ids {sorted(i.name for i in ids)}")
    chain_plans, _ = client.list_launch_plans_paginated(
        NamedEntityIdentifier(PROJECT, DOMAIN, "e2e_wf.basics.stamped"),
        limit=100,
    )
    check(len(chain_plans) == 2, f"stamped launch plans: {len(chain_plans)}")
    print(
        f"checked {len(tasks)} tasks, {len(workflows)} workflows, {len(plans)} launch plans"
        f" in {len(VERSIONS)} versions"
    )


def wf_inputs(spec):
    return spec.template.interface.inputs.variables


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "localhost:8089")
