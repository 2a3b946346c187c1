"""A conditional branch, with an else case that fails."""

from flytekit import conditional, task, workflow


@task
def square(n: float) -> float:
    return n * n


@task
def halve(n: float) -> float:
    return n / 2


@workflow
def classify(n: float = 4.0) -> float:
    return (
        conditional("size")
        .if_(n > 10.0)
        .then(halve(n=n))
        .elif_(n >= 0.0)
        .then(square(n=n))
        .else_()
        .fail("negative numbers are not supported")
    )
