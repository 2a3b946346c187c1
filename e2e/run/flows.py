"""Workflows that e2e/run.sh runs in the sandbox with `pyflyte run --remote` and compares with a
local `pyflyte run`."""

import time

from flytekit import conditional, task, workflow


@task
def add(a: int, b: int) -> int:
    return a + b


@task
def describe(total: int, label: str) -> str:
    return f"{label}: {total}"


@workflow
def two_tasks(a: int = 2, b: int = 3, label: str = "sum") -> str:
    """Two tasks in a chain."""
    return describe(total=add(a=a, b=b), label=label)


@task
def square(n: float) -> float:
    return n * n


@task
def halve(n: float) -> float:
    return n / 2


@workflow
def branch(n: float = 4.0) -> float:
    """A conditional: halves big numbers, squares small ones."""
    return conditional("size").if_(n > 10.0).then(halve(n=n)).else_().then(square(n=n))


@workflow
def inner(a: int, b: int) -> int:
    return add(a=add(a=a, b=b), b=b)


@workflow
def outer(a: int = 1, b: int = 10) -> str:
    """A sub-workflow between two tasks."""
    return describe(total=inner(a=add(a=a, b=a), b=b), label="outer")


@task
def explode(n: int) -> int:
    if n > 0:
        raise ValueError(f"refusing to handle {n}")
    return n


@workflow
def fails(n: int = 7) -> int:
    """A task that fails for good."""
    return explode(n=n)


@task
def nap(seconds: int) -> int:
    time.sleep(seconds)
    return seconds


@workflow
def sleepy(seconds: int = 600) -> int:
    """Runs long enough to be terminated."""
    return nap(seconds=seconds)
