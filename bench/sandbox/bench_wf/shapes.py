"""The benchmark's workflows: 50 trivial Python tasks in a chain, and 50 side by side."""

from flytekit import task, workflow

WIDTH = 50


@task
def inc(x: int) -> int:
    return x + 1


@workflow
def chain(x: int = 0) -> int:
    for _ in range(WIDTH):
        x = inc(x=x)
    return x


@workflow
def fanout(x: int = 0):
    for _ in range(WIDTH):
        inc(x=x)
