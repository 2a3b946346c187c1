package org.flyte.admin.repository.taskexecution;

import static org.flyte.admin.repository.JdbcValues.timestamp;

import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a task event reads and writes of {@code task_executions}, in two statements and no explicit
 * transaction: one read of the execution's cluster, the attempt with its version and whether its
 * node execution exists, and one self-committing insert or update. An update names the row version
 * ({@code xmin}) it was computed from and writes nothing when another event changed the row
 * meanwhile, so that the events of one attempt apply one on top of the other as under the row lock
 * of {@code task_execution_repo.go} (Flyte v1.16.8).
 */
@Repository
public class TaskEventRepository {

  /**
   * What a task event is checked against.
   *
   * @param cluster the execution's cluster, empty when unset
   * @param nodeExists whether the attempt's node execution exists
   * @param row the attempt, null when it does not exist yet
   * @param version the row's version (its {@code xmin}), null with no row
   */
  public record Target(
      String cluster,
      boolean nodeExists,
      @Nullable TaskExecutionRow row,
      @Nullable String version) {}

  private final JdbcClient jdbc;

  public TaskEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The execution of {@code id} with the attempt; empty when the execution does not exist. */
  public Optional<Target> read(TaskExecutionIdentifier id) {
    return jdbc.sql(
            "SELECT coalesce(e.cluster, '') AS event_cluster, EXISTS (SELECT 1 FROM"
                + " node_executions nx WHERE nx.execution_project = e.execution_project"
                + " AND nx.execution_domain = e.execution_domain"
                + " AND nx.execution_name = e.execution_name AND nx.node_id = :node)"
                + " AS event_node_exists, CAST(te.xmin AS text) AS event_row_version, "
                + TaskExecutionRepository.COLUMNS
                + " FROM executions e LEFT JOIN task_executions te ON te.project = :tp"
                + " AND te.domain = :td AND te.name = :tn AND te.version = :tv"
                + " AND te.execution_project = e.execution_project"
                + " AND te.execution_domain = e.execution_domain"
                + " AND te.execution_name = e.execution_name AND te.node_id = :node"
                + " AND te.retry_attempt = :retry"
                + " WHERE e.execution_project = :p AND e.execution_domain = :d"
                + " AND e.execution_name = :n")
        .params(TaskExecutionRepository.key(id))
        .query(
            (rs, n) -> {
              String version = rs.getString("event_row_version");
              return new Target(
                  rs.getString("event_cluster"),
                  rs.getBoolean("event_node_exists"),
                  version == null ? null : TaskExecutionRepository.row(rs, n),
                  version);
            })
        .optional();
  }

  /**
   * Inserts a new attempt (self-committing).
   *
   * @return false when the attempt already exists (a concurrent first event): nothing was written
   */
  public boolean insert(TaskExecutionRow row) {
    Map<String, Object> params = TaskExecutionRepository.key(row.id());
    params.putAll(TaskExecutionRepository.values(row));
    params.put("createdAt", timestamp(row.createdAt()));
    return jdbc.sql(
                "INSERT INTO task_executions (created_at, updated_at, project, domain, name,"
                    + " version, execution_project, execution_domain, execution_name, node_id,"
                    + " retry_attempt, phase, phase_version, input_uri, closure, started_at,"
                    + " task_execution_created_at, task_execution_updated_at, duration) VALUES"
                    + " (now(), now(), :tp, :td, :tn, :tv, :p, :d, :n, :node, :retry, :phase,"
                    + " :phaseVersion, :inputUri, :closure, :startedAt, :createdAt, :updatedAt,"
                    + " :duration) ON CONFLICT DO NOTHING")
            .params(params)
            .update()
        > 0;
  }

  /**
   * Writes what an event changes of the row {@code row.rowId()} (self-committing) if the row is
   * still at {@code version}.
   *
   * @return false when the row changed since it was read: nothing was written
   */
  public boolean update(TaskExecutionRow row, String version) {
    Map<String, Object> params = TaskExecutionRepository.values(row);
    params.put("id", row.rowId());
    params.put("version", version);
    return jdbc.sql(
                "UPDATE task_executions SET updated_at = now(), phase = :phase,"
                    + " phase_version = :phaseVersion, input_uri = :inputUri, closure = :closure,"
                    + " started_at = :startedAt, task_execution_updated_at = :updatedAt,"
                    + " duration = :duration WHERE id = :id"
                    + " AND xmin = CAST(CAST(:version AS text) AS xid)")
            .params(params)
            .update()
        > 0;
  }
}
