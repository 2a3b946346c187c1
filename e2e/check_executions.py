"""Checks the executions e2e/execute.sh launched, with FlyteRemote and its client, and launches,
terminates, relaunches and recovers more. Arguments: FlyteAdmin's gRPC endpoint, the stand-in
Kubernetes API's folder (e2e/fake_kube.py), the execution id `pyflyte run --remote` gave for the
workflow `chain` (x=5) and the one it gave for the task `double` (x=21)."""

import json
import os
import sys

from flyteidl.admin import execution_pb2
from flyteidl.core import execution_pb2 as core_execution_pb2
from flyteidl.core import identifier_pb2
from flytekit.clients.raw import RawSynchronousFlyteClient
from flytekit.configuration import Config
from flytekit.models import filters
from flytekit.models.core.identifier import ResourceType, WorkflowExecutionIdentifier
from flytekit.remote import FlyteRemote

PROJECT, DOMAIN = "flytesnacks", "development"
NAMESPACE = f"{PROJECT}-{DOMAIN}"
VERSION = "e2e-exec"
UNDEFINED = core_execution_pb2.WorkflowExecution.UNDEFINED
ABORTING = core_execution_pb2.WorkflowExecution.ABORTING


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"   ok: {message}")


def exec_id(name):
    return WorkflowExecutionIdentifier(PROJECT, DOMAIN, name)


def raw_id(name):
    return identifier_pb2.WorkflowExecutionIdentifier(project=PROJECT, domain=DOMAIN, name=name)


class Checks:
    def __init__(self, endpoint, kube):
        self.remote = FlyteRemote(
            Config.for_endpoint(endpoint, insecure=True),
            default_project=PROJECT,
            default_domain=DOMAIN,
        )
        self.client = self.remote.client
        self.kube = kube

    def proto(self, name):
        """GetExecution's answer as sent (flytekit's models leave fields out)."""
        return RawSynchronousFlyteClient.get_execution(
            self.client, execution_pb2.WorkflowExecutionGetRequest(id=raw_id(name))
        )

    def input_of(self, name, key):
        data = RawSynchronousFlyteClient.get_execution_data(
            self.client, execution_pb2.WorkflowExecutionGetDataRequest(id=raw_id(name))
        )
        return data.full_inputs.literals[key].scalar.primitive.integer

    def resource(self, name):
        path = os.path.join(self.kube, "created", f"{NAMESPACE}.{name}.json")
        check(os.path.exists(path), f"{name}: a FlyteWorkflow was created in namespace {NAMESPACE}")
        with open(path) as f:
            return json.load(f)

    def launched(self, name, entity, resource_type, x):
        """An execution of `entity` with input x=`x`, waiting, with its custom resource."""
        ex = self.proto(name)
        lp = ex.spec.launch_plan
        check(
            (lp.name, lp.resource_type) == (entity, resource_type),
            f"{name}: launched {entity} ({'task' if resource_type == ResourceType.TASK else 'launch plan'})",
        )
        check(ex.closure.phase == UNDEFINED, f"{name}: waits in UNDEFINED (nothing runs it here)")
        check(self.input_of(name, "x") == x, f"{name}: GetExecutionData answers input x={x}")
        cr = self.resource(name)
        meta = cr["metadata"]
        check(
            (cr.get("kind"), cr.get("apiVersion")) == ("flyteworkflow", "flyte.lyft.com/v1alpha1"),
            f"{name}: the custom resource is a flyte.lyft.com/v1alpha1 flyteworkflow (Flyte's spelling)",
        )
        check(
            meta["name"] == name
            and {k: meta["labels"].get(k) for k in ("execution-id", "project", "domain")}
            == {"execution-id": name, "project": PROJECT, "domain": DOMAIN}
            and meta["labels"].get("shard-key", "").isdigit()
            and "flyte.org/finalizer" in meta.get("finalizers", []),
            f"{name}: its name, labels and finalizer are Flyte's ({json.dumps(meta)})",
        )
        check(
            cr.get("executionId") == {"project": PROJECT, "domain": DOMAIN, "name": name},
            f"{name}: its executionId is the execution's",
        )
        check(
            str(cr["inputs"]["literals"]["x"]["scalar"]["primitive"]["integer"]) == str(x),
            f"{name}: the custom resource's inputs hold x={x}",
        )
        return ex

    def run(self, run_wf, run_task):
        print(" pyflyte run --remote's executions")
        self.launched(run_wf, "e2e_wf.basics.chain", ResourceType.LAUNCH_PLAN, 5)
        task_ex = self.launched(run_task, "e2e_wf.basics.double", ResourceType.TASK, 21)
        wf_id = task_ex.closure.workflow_id
        check(
            wf_id.name.startswith(".flytegen.") and wf_id.name.endswith("e2e_wf.basics.double"),
            f"{run_task}: runs the generated workflow {wf_id.name}",
        )
        fetched = self.remote.fetch_execution(name=run_wf)
        check(fetched.id.name == run_wf and not fetched.is_done, f"FlyteRemote fetches {run_wf}")

        print(" FlyteRemote.execute of a fetched launch plan and task")
        plan = self.remote.fetch_launch_plan(name="e2e_wf.basics.chain", version=VERSION)
        ex = self.remote.execute(plan, inputs={"x": 7}, execution_name="e2e-remote-lp")
        check(ex.id.name == "e2e-remote-lp", "FlyteRemote.execute(launch plan) gives its execution")
        self.launched("e2e-remote-lp", "e2e_wf.basics.chain", ResourceType.LAUNCH_PLAN, 7)
        self.remote.execute(plan, inputs={}, execution_name="e2e-remote-default")
        check(self.input_of("e2e-remote-default", "x") == 3, "the launch plan's default x=3 fills in")
        again = self.remote.execute(plan, inputs={"x": 8}, execution_name="e2e-remote-lp")
        check(
            again.id.name == "e2e-remote-lp" and self.input_of("e2e-remote-lp", "x") == 7,
            "a taken name is ALREADY_EXISTS: flytekit gets the existing execution back, unchanged",
        )
        task = self.remote.fetch_task(name="e2e_wf.basics.double", version=VERSION)
        self.remote.execute(task, inputs={"x": 4}, execution_name="e2e-remote-task")
        self.launched("e2e-remote-task", "e2e_wf.basics.double", ResourceType.TASK, 4)

        print(" ListExecutions")
        listed, _ = self.client.list_executions_paginated(PROJECT, DOMAIN, limit=100)
        by_name = {e.id.name: e for e in listed}
        expected = {run_wf, run_task, "e2e-remote-lp", "e2e-remote-default", "e2e-remote-task"}
        check(expected <= set(by_name), f"the list shows {sorted(expected)}")
        check(
            by_name[run_wf].spec.launch_plan.name == "e2e_wf.basics.chain"
            and by_name[run_wf].closure.phase == UNDEFINED,
            "a listed execution carries its launch plan and phase",
        )
        of_plan, _ = self.client.list_executions_paginated(
            PROJECT, DOMAIN, limit=100, filters=[filters.Equal("launch_plan.name", "e2e_wf.basics.chain")]
        )
        check(
            {e.id.name for e in of_plan} == {run_wf, "e2e-remote-lp", "e2e-remote-default"},
            "filtered on the launch plan's name, the list holds that plan's executions only",
        )

        print(" terminate")
        self.remote.terminate(fetched, "stopped by e2e")
        ex = self.proto(run_wf)
        check(
            ex.closure.phase == ABORTING and ex.closure.abort_metadata.cause == "stopped by e2e",
            f"{run_wf}: ABORTING with the cause recorded",
        )
        check(
            os.path.exists(os.path.join(self.kube, "deleted", f"{NAMESPACE}.{run_wf}")),
            f"{run_wf}: its custom resource was deleted",
        )
        self.remote.terminate(fetched, "again")
        check(self.proto(run_wf).closure.phase == ABORTING, "terminating an ABORTING execution again is accepted")

        print(" relaunch and recover")
        relaunched = self.client.relaunch_execution(exec_id(run_wf), name="e2e-relaunched")
        check(relaunched.name == "e2e-relaunched", "RelaunchExecution gives the new execution's id")
        ex = self.launched("e2e-relaunched", "e2e_wf.basics.chain", ResourceType.LAUNCH_PLAN, 5)
        check(
            ex.spec.metadata.mode == execution_pb2.ExecutionMetadata.RELAUNCH
            and ex.spec.metadata.reference_execution.name == run_wf,
            "the relaunch is mode RELAUNCH, referring to the original",
        )
        recovered = self.client.recover_execution(exec_id("e2e-remote-lp"), name="e2e-recovered")
        check(recovered.name == "e2e-recovered", "RecoverExecution gives the new execution's id")
        ex = self.launched("e2e-recovered", "e2e_wf.basics.chain", ResourceType.LAUNCH_PLAN, 7)
        check(
            ex.spec.metadata.mode == execution_pb2.ExecutionMetadata.RECOVERED
            and ex.spec.metadata.reference_execution.name == "e2e-remote-lp",
            "the recovery is mode RECOVERED, referring to the original",
        )
        relaunched_task = self.client.relaunch_execution(exec_id(run_task), name="e2e-relaunched-task")
        self.launched(relaunched_task.name, "e2e_wf.basics.double", ResourceType.TASK, 21)


if __name__ == "__main__":
    Checks(sys.argv[1], sys.argv[2]).run(sys.argv[3], sys.argv[4])
