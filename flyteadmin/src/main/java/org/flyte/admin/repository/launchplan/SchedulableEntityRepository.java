package org.flyte.admin.repository.launchplan;

import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.core.IdentifierOuterClass.Identifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The native scheduler's {@code schedulable_entities} rows, one per launch plan version that was
 * ever activated with a schedule. Follows {@code
 * flyteadmin/scheduler/dbapi/event_scheduler_impl.go} and {@code
 * scheduler/repositories/gormimpl/schedulable_entity_repo.go} (v1.16.8): activation creates the row
 * (cron text or fixed rate and unit, kickoff argument, {@code active = true}) or, when it exists,
 * only sets {@code active = true}; deactivation sets {@code active = false}; rows are never
 * deleted. Callers run these inside the launch plan's state transaction.
 */
@Repository
public class SchedulableEntityRepository {

  private final JdbcClient jdbc;

  public SchedulableEntityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates or re-activates the row of {@code id} for a rate or cron_schedule {@code schedule}. */
  public void activate(Identifier id, Schedule schedule) {
    jdbc.sql(
            "INSERT INTO schedulable_entities (created_at, updated_at, project, domain,"
                + " name, version, cron_expression, fixed_rate_value, unit,"
                + " kickoff_time_input_arg, active) VALUES (now(), now(), :project,"
                + " :domain, :name, :version, :cron, :rate, :unit, :kickoff, true)"
                + " ON CONFLICT (project, domain, name, version)"
                + " DO UPDATE SET active = true, updated_at = now()")
        .param("project", id.getProject())
        .param("domain", id.getDomain())
        .param("name", id.getName())
        .param("version", id.getVersion())
        .param("cron", schedule.hasCronSchedule() ? schedule.getCronSchedule().getSchedule() : "")
        .param(
            "rate", schedule.hasRate() ? Integer.toUnsignedLong(schedule.getRate().getValue()) : 0L)
        .param("unit", schedule.hasRate() ? schedule.getRate().getUnitValue() : 0)
        .param("kickoff", schedule.getKickoffTimeInputArg())
        .update();
  }

  /** Sets {@code active = false} on the row of {@code id}, if there is one. */
  public void deactivate(Identifier id) {
    jdbc.sql(
            "UPDATE schedulable_entities SET active = false, updated_at = now()"
                + " WHERE project = :project AND domain = :domain AND name = :name"
                + " AND version = :version")
        .param("project", id.getProject())
        .param("domain", id.getDomain())
        .param("name", id.getName())
        .param("version", id.getVersion())
        .update();
  }
}
