"""A sub-workflow inside a workflow, and a launch-plan node."""

from flytekit import LaunchPlan, task, workflow

from e2e_wf.basics import chain


@task
def add(a: int, b: int) -> int:
    return a + b


@workflow
def inner(a: int, b: int) -> int:
    return add(a=a, b=b)


chain_lp = LaunchPlan.get_or_create(workflow=chain, name="e2e_wf.nested.chain_lp")


@workflow
def outer(a: int = 1, b: int = 2) -> int:
    total = inner(a=a, b=b)
    return add(a=total, b=chain_lp(x=total))
