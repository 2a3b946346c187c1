"""A chain of tasks with a default input, and its scheduled launch plan."""

from datetime import datetime

from flytekit import CronSchedule, LaunchPlan, task, workflow


@task
def double(x: int) -> int:
    return x * 2


@task
def describe(x: int, at: datetime) -> str:
    return f"{x} at {at.isoformat()}"


@workflow
def chain(x: int = 3) -> int:
    """Doubles its input twice."""
    return double(x=double(x=x))


@workflow
def stamped(at: datetime, x: int = 1) -> str:
    return describe(x=double(x=x), at=at)


nightly = LaunchPlan.get_or_create(
    workflow=stamped,
    name="e2e_wf.basics.nightly",
    schedule=CronSchedule(schedule="0 3 * * *", kickoff_time_input_arg="at"),
    auto_activate=False,
)
