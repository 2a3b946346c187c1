package org.flyte.scheduler.repository.firetime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flyte.scheduler.schedule.ScheduleRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each schedule's last fire time: the latest slot up to which every slot has been handled (fired,
 * found already fired, or given up). A schedule restarts from here after downtime or on another
 * replica. Written in batches, each row only ever moving forward ({@code GREATEST}), so that a late
 * or repeated write cannot move a schedule back.
 */
@Repository
public class FireTimeRepository {

  /** The key of a schedule: its launch plan version. */
  public record Key(String project, String domain, String name, String version) {
    public static Key of(ScheduleRow row) {
      return new Key(row.project(), row.domain(), row.name(), row.version());
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  public FireTimeRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  public Map<Key, Instant> findAll() {
    Map<Key, Instant> times = new HashMap<>();
    jdbc.sql("SELECT project, domain, name, version, last_fire_time FROM flytescheduler_fire_times")
        .query(
            rs -> {
              times.put(
                  new Key(
                      rs.getString("project"),
                      rs.getString("domain"),
                      rs.getString("name"),
                      rs.getString("version")),
                  rs.getTimestamp("last_fire_time").toInstant());
            });
    return times;
  }

  /** Records {@code times} in one statement; a time earlier than the stored one changes nothing. */
  public void record(Map<Key, Instant> times) {
    if (times.isEmpty()) {
      return;
    }
    int n = times.size();
    String[] projects = new String[n];
    String[] domains = new String[n];
    String[] names = new String[n];
    String[] versions = new String[n];
    Timestamp[] fired = new Timestamp[n];
    int i = 0;
    for (Map.Entry<Key, Instant> time : times.entrySet()) {
      projects[i] = time.getKey().project();
      domains[i] = time.getKey().domain();
      names[i] = time.getKey().name();
      versions[i] = time.getKey().version();
      fired[i] = Timestamp.from(time.getValue());
      i++;
    }
    jdbcTemplate.execute(
        (Connection connection) -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO flytescheduler_fire_times AS f (project, domain, name, version,"
                      + " last_fire_time, updated_at) SELECT p, d, n, v, t, now() FROM"
                      + " unnest(?, ?, ?, ?, ?) AS u(p, d, n, v, t) ORDER BY p, d, n, v"
                      + " ON CONFLICT (project, domain, name, version) DO UPDATE SET"
                      + " last_fire_time = GREATEST(f.last_fire_time, EXCLUDED.last_fire_time),"
                      + " updated_at = now()")) {
            upsert.setArray(1, connection.createArrayOf("text", projects));
            upsert.setArray(2, connection.createArrayOf("text", domains));
            upsert.setArray(3, connection.createArrayOf("text", names));
            upsert.setArray(4, connection.createArrayOf("text", versions));
            upsert.setArray(5, connection.createArrayOf("timestamptz", fired));
            return upsert.executeUpdate();
          }
        });
  }
}
