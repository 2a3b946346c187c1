import typing
from flytekit.types.error import FlyteError
from datetime import timedelta

from flytekit import LaunchPlan, approve, dynamic, map_task, task, workflow, WorkflowFailurePolicy
from flytekit.exceptions.user import FlyteRecoverableException
from flytekit.core.array_node_map_task import map_task as amap


@task
def add(a: int, b: int) -> int:
    return a + b


@task
def explode(n: int) -> int:
    if n > 0:
        raise ValueError(f"refusing to handle {n}")
    return n


@workflow
def bad_child(n: int) -> int:
    return explode(n=n)


bad_lp = LaunchPlan.get_or_create(workflow=bad_child, name="scratch.bad_lp")


@workflow
def bad_parent(n: int = 3) -> int:
    return add(a=bad_lp(n=n), b=1)


@workflow
def small(a: int, b: int) -> int:
    return add(a=a, b=b)


small_lp = LaunchPlan.get_or_create(workflow=small, name="scratch.small_lp")


@dynamic
def dyn_lp(n: int) -> typing.List[int]:
    return [small_lp(a=i, b=i) for i in range(n)]


@workflow
def dynamic_lp(n: int = 3) -> typing.List[int]:
    return dyn_lp(n=n)


@workflow
def rejected(a: int = 3) -> int:
    s = add(a=a, b=a)
    ok = approve(s, "review", timeout=timedelta(minutes=10))
    return add(a=ok, b=1)


@task(cache=True, cache_version="1")
def cube(x: int) -> int:
    return x * x * x


@workflow
def cached_map(xs: typing.List[int] = [1, 2, 3]) -> typing.List[int]:
    return map_task(cube)(x=xs)


@task
def picky(x: int) -> int:
    if x == 2:
        raise ValueError("no twos")
    return x


@workflow
def partial_map(xs: typing.List[int] = [1, 2, 3, 4]) -> typing.List[typing.Optional[int]]:
    return amap(picky, min_success_ratio=0.5)(x=xs)


@task(retries=1)
def always_flaky(n: int) -> int:
    if n > 0:
        raise FlyteRecoverableException(f"still flaky {n}")
    return n


@workflow
def exhausted(n: int = 2) -> int:
    return always_flaky(n=n)


@task
def clean_up(n: int, err: typing.Optional[FlyteError] = None) -> None:
    print(f"cleaning up {n} after {err}")


@workflow(on_failure=clean_up)
def with_failure_node(n: int = 5) -> int:
    return explode(n=n)


@dynamic
def inner_dyn(n: int) -> int:
    out = add(a=n, b=1)
    return small(a=out, b=n)


@dynamic
def outer_dyn(n: int) -> typing.List[int]:
    return [inner_dyn(n=i) for i in range(n)]


@workflow
def nested_dynamic(n: int = 3) -> typing.List[int]:
    return outer_dyn(n=n)


@workflow(failure_policy=WorkflowFailurePolicy.FAIL_AFTER_EXECUTABLE_NODES_COMPLETE)
def keep_going(n: int = 4) -> int:
    explode(n=n)
    return add(a=n, b=n)
