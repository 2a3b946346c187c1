package org.flyte.scheduler.repository.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flyte.scheduler.schedule.ScheduleRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code schedulable_entities}, as the native scheduler's {@code GetAll} does ({@code
 * flyteadmin/scheduler/repositories/gormimpl/schedulable_entity_repo.go}, v1.16.8): every row,
 * active or not, skipping soft-deleted ones. Never writes: FlyteAdmin owns the table.
 */
@Repository
public class SchedulableEntityRepository {

  private final JdbcClient jdbc;

  public SchedulableEntityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ScheduleRow> findAll() {
    return jdbc.sql(
            "SELECT project, domain, name, version, cron_expression, fixed_rate_value, unit,"
                + " kickoff_time_input_arg, active, updated_at FROM schedulable_entities"
                + " WHERE deleted_at IS NULL")
        .query(SchedulableEntityRepository::row)
        .list();
  }

  private static ScheduleRow row(ResultSet rs, int rowNum) throws SQLException {
    Timestamp updatedAt = rs.getTimestamp("updated_at");
    return new ScheduleRow(
        rs.getString("project"),
        rs.getString("domain"),
        rs.getString("name"),
        rs.getString("version"),
        rs.getString("cron_expression"),
        rs.getLong("fixed_rate_value"),
        rs.getInt("unit"),
        rs.getString("kickoff_time_input_arg"),
        rs.getBoolean("active"),
        updatedAt == null ? Instant.EPOCH : updatedAt.toInstant());
  }
}
