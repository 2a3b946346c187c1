package org.flyte.scheduler.repository.snapshot;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flyte's {@code schedule_entities_snapshots} ({@code flyteadmin/scheduler/repositories/gormimpl/
 * schedule_entities_snapshot_repo.go}, v1.16.8): the Go scheduler reads only the row with the
 * highest id. Writing appends a row, as Go does, and then deletes the older rows, which nobody
 * reads (Go leaves them, about 2,880 a day).
 */
@Repository
public class SnapshotRepository {

  private final JdbcClient jdbc;

  public SnapshotRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest snapshot's bytes, if there is one. */
  public Optional<byte[]> latest() {
    return jdbc.sql(
            "SELECT snapshot FROM schedule_entities_snapshots WHERE deleted_at IS NULL"
                + " ORDER BY id DESC LIMIT 1")
        .query(byte[].class)
        .optional();
  }

  /** The latest snapshot, decoded: schedule name to last execution time. */
  public Map<String, Instant> latestLastTimes() {
    return latest().map(GobSnapshot::read).orElse(Map.of());
  }

  /** Appends the snapshot of {@code lastTimes} and drops the rows before it. */
  @Transactional
  public void write(Map<String, Instant> lastTimes) {
    long id =
        jdbc.sql(
                "INSERT INTO schedule_entities_snapshots (created_at, updated_at, snapshot)"
                    + " VALUES (now(), now(), :snapshot) RETURNING id")
            .param("snapshot", GobSnapshot.write(lastTimes))
            .query(Long.class)
            .single();
    jdbc.sql("DELETE FROM schedule_entities_snapshots WHERE id < :id").param("id", id).update();
  }
}
