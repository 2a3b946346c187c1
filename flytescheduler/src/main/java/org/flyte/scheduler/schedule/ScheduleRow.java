package org.flyte.scheduler.schedule;

import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.time.Instant;

/**
 * One row of {@code schedulable_entities}: the schedule of one launch plan version, as FlyteAdmin's
 * launch plan activation writes it ({@code flyteadmin/scheduler/repositories/models/
 * schedulable_entity.go}, v1.16.8).
 *
 * @param cronExpression the cron text; non-empty means a cron schedule
 * @param fixedRateValue the rate's count of units (a uint32 in Flyte)
 * @param unit the rate's {@code FixedRateUnit} number: 0 minute, 1 hour, 2 day
 * @param kickoffTimeInputArg the input that receives the scheduled time (cron schedules only)
 * @param updatedAt when the row was last (de)activated: the anchor of a schedule never fired
 */
public record ScheduleRow(
    String project,
    String domain,
    String name,
    String version,
    String cronExpression,
    long fixedRateValue,
    int unit,
    String kickoffTimeInputArg,
    boolean active,
    Instant updatedAt) {

  public boolean isCron() {
    return cronExpression != null && !cronExpression.isEmpty();
  }

  /** The launch plan version this schedule launches. */
  public Identifier launchPlan() {
    return Identifier.newBuilder()
        .setResourceType(ResourceType.LAUNCH_PLAN)
        .setProject(project)
        .setDomain(domain)
        .setName(name)
        .setVersion(version)
        .build();
  }

  /** {@code project:domain:name:version}, for log lines. */
  public String describe() {
    return project + ":" + domain + ":" + name + ":" + version;
  }
}
