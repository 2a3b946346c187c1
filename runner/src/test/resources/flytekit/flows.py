from typing import List
from flytekit import task, workflow, map_task, dynamic, conditional

@task
def square(x: int) -> int:
    return x * x

@task
def total(xs: List[int]) -> int:
    return sum(xs)

@dynamic
def fan(n: int) -> List[int]:
    return [square(x=i) for i in range(n)]

@task(cache=True, cache_version="1")
def cached_double(x: int) -> int:
    return 2 * x


@workflow
def sub(a: int) -> int:
    return cached_double(x=square(x=a))


@workflow
def wf(n: int) -> int:
    squares = map_task(square)(x=[1, 2, 3])
    dyn = fan(n=n)
    s = total(xs=squares)
    t = total(xs=dyn)
    picked = (
        conditional("big").if_(s > 10).then(total(xs=[s, t])).else_().then(square(x=s))
    )
    return sub(a=picked)
