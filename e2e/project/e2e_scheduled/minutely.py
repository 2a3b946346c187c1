"""A workflow with a kickoff-time input and two launch plans that fire every minute: a fixed rate
and a cron schedule that passes each slot as the kickoff time. e2e/scheduler.sh registers and
activates them and watches FlyteScheduler fire them."""

from datetime import datetime, timedelta, timezone

from flytekit import CronSchedule, FixedRate, LaunchPlan, task, workflow

NEVER = datetime(2000, 1, 1, tzinfo=timezone.utc)


@task
def stamp(kickoff: datetime) -> str:
    return kickoff.isoformat()


@workflow
def minutely(kickoff: datetime = NEVER) -> str:
    return stamp(kickoff=kickoff)


every_minute = LaunchPlan.get_or_create(
    workflow=minutely,
    name="e2e_scheduled.every_minute",
    schedule=FixedRate(duration=timedelta(minutes=1)),
)

cron_minute = LaunchPlan.get_or_create(
    workflow=minutely,
    name="e2e_scheduled.cron_minute",
    schedule=CronSchedule(schedule="* * * * *", kickoff_time_input_arg="kickoff"),
)
