"""Workflows that e2e/flows.sh runs in the sandbox with `pyflyte run --remote` and compares with a
local `pyflyte run`: a launch-plan node, a dynamic workflow, a map task, gates, a cached task and a
task that succeeds on its retry."""

import os
import typing
from datetime import timedelta

from flytekit import LaunchPlan, approve, dynamic, map_task, task, wait_for_input, workflow
from flytekit.exceptions.user import FlyteRecoverableException


@task
def add(a: int, b: int) -> int:
    return a + b


@task
def describe(total: int, label: str) -> str:
    return f"{label}: {total}"


@workflow
def child(a: int, b: int) -> int:
    return add(a=add(a=a, b=b), b=b)


child_lp = LaunchPlan.get_or_create(workflow=child, name="nodes.child_lp")


@workflow
def parent(a: int = 3, b: int = 4) -> str:
    """A launch-plan node: the child runs as an execution of its own."""
    return describe(total=child_lp(a=a, b=b), label="child")


@task
def square(n: int) -> int:
    return n * n


@task
def total(xs: typing.List[int]) -> int:
    return sum(xs)


@dynamic
def squares(n: int) -> int:
    return total(xs=[square(n=i) for i in range(1, n + 1)])


@workflow
def dynamic_squares(n: int = 4) -> str:
    """A dynamic workflow: n square tasks, known only at run time, and their total."""
    return describe(total=squares(n=n), label="squares")


@dynamic
def children(first: int, n: int) -> typing.List[int]:
    return [first] + [child_lp(a=i, b=i) for i in range(1, n + 1)]


@workflow
def dynamic_children(n: int = 3) -> typing.List[int]:
    """A dynamic workflow calling a launch plan n times. (The workflow calls the launch plan itself
    first: `pyflyte run --remote` registers what the workflow references, and what a dynamic
    workflow calls is only known when it runs.)"""
    return children(first=child_lp(a=n, b=0), n=n)


@task
def double(x: int) -> int:
    return 2 * x


@workflow
def mapped(xs: typing.List[int] = [1, 2, 3]) -> str:
    """A map task over a list, then the total."""
    return describe(total=total(xs=map_task(double)(x=xs)), label="doubled")


@workflow
def approved(a: int = 3) -> str:
    """A gate: the sum waits for an approval (the signal "review") before the next task."""
    s = add(a=a, b=a)
    ok = approve(s, "review", timeout=timedelta(minutes=10))
    return describe(total=ok, label="approved")


@workflow
def unapproved(a: int = 3) -> str:
    """A gate nobody approves: it fails at its timeout."""
    s = add(a=a, b=a)
    ok = approve(s, "review", timeout=timedelta(seconds=5))
    return describe(total=ok, label="approved")


@workflow
def given(a: int = 3) -> str:
    """A gate waiting for an int (the signal "bonus"), added to the input."""
    bonus = wait_for_input("bonus", timeout=timedelta(minutes=10), expected_type=int)
    return describe(total=add(a=a, b=bonus), label="given")


@task(cache=True, cache_version="1")
def slow_cube(n: int) -> int:
    return n * n * n


@workflow
def cached(n: int = 5) -> str:
    """A cached task: a second run with the same input is a cache hit."""
    return describe(total=slow_cube(n=n), label="cube")


@workflow
def cached_map(xs: typing.List[int] = [1, 2, 3]) -> str:
    """A map task of a cached task: each element is cached."""
    return describe(total=total(xs=map_task(slow_cube)(n=xs)), label="cubes")


@task(retries=2)
def flaky(marker: str, n: int) -> int:
    """Fails (recoverably) the first time, when the marker file does not exist yet."""
    if not os.path.exists(marker):
        with open(marker, "w") as f:
            f.write("failed once\n")
        raise FlyteRecoverableException(f"first attempt: {marker} was missing, created it")
    return n + 100


@workflow
def retried(marker: str, n: int = 1) -> str:
    """A task that fails once and succeeds on its retry."""
    return describe(total=flaky(marker=marker, n=n), label="retried")
