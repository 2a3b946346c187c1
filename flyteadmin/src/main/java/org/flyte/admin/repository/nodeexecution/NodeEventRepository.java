package org.flyte.admin.repository.nodeexecution;

import static org.flyte.admin.repository.JdbcValues.timestamp;

import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a node event reads and writes of {@code node_executions} and {@code node_execution_events},
 * in two statements and no explicit transaction: one read of everything the event is checked
 * against (its execution's cluster, the row and its version, the parent node or task attempt), and
 * one self-committing write of the row together with its event log row. A write names the row
 * version it was computed from ({@code xmin}, which every update of the row changes), so that an
 * event computed from a row another event changed meanwhile writes nothing and is computed again
 * from the new row: the events of one node are applied one on top of the other, as under the row
 * lock of {@code node_execution_repo.go} (Flyte v1.16.8), without holding a transaction across
 * round trips.
 */
@Repository
public class NodeEventRepository {

  /**
   * What a node event is checked against.
   *
   * @param cluster the execution's cluster, empty when unset
   * @param parentRowId the surrogate id of the parent node the event names, if asked and found
   * @param parentTaskRowId the surrogate id of the parent task attempt, if asked and found
   * @param row the node execution, null when it does not exist yet
   * @param version the row's version (its {@code xmin}), null with no row
   */
  public record Target(
      String cluster,
      @Nullable Long parentRowId,
      @Nullable Long parentTaskRowId,
      @Nullable NodeExecutionRow row,
      @Nullable String version) {}

  private static final String PARENT_NODE =
      "(SELECT p.id FROM node_executions p WHERE p.execution_project = e.execution_project"
          + " AND p.execution_domain = e.execution_domain"
          + " AND p.execution_name = e.execution_name AND p.node_id = :parentNode)";

  private static final String PARENT_TASK =
      "(SELECT t.id FROM task_executions t WHERE t.project = :tp AND t.domain = :td"
          + " AND t.name = :tn AND t.version = :tv AND t.execution_project = :tep"
          + " AND t.execution_domain = :ted AND t.execution_name = :ten AND t.node_id = :tnode"
          + " AND t.retry_attempt = :retry)";

  private static final String LOG =
      "logged AS (INSERT INTO node_execution_events (created_at, updated_at, execution_project,"
          + " execution_domain, execution_name, node_id, request_id, occurred_at, phase)"
          + " SELECT now(), now(), CAST(:p AS text), CAST(:d AS text), CAST(:n AS text),"
          + " CAST(:node AS text), CAST(:request AS text), CAST(:at AS timestamptz),"
          + " CAST(:logPhase AS text) FROM written ON CONFLICT DO NOTHING)"
          + " SELECT count(*) FROM written";

  private final JdbcClient jdbc;

  public NodeEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The execution of {@code id} with the node's row, and the surrogate ids of the parent node
   * {@code parentNodeId} and of the parent attempt {@code parentTask} when given; empty when the
   * execution does not exist.
   */
  public Optional<Target> read(
      NodeExecutionIdentifier id,
      @Nullable String parentNodeId,
      @Nullable TaskExecutionIdentifier parentTask) {
    Map<String, Object> params = NodeExecutionRepository.key(id);
    if (parentNodeId != null) {
      params.put("parentNode", parentNodeId);
    }
    if (parentTask != null) {
      params.put("tp", parentTask.getTaskId().getProject());
      params.put("td", parentTask.getTaskId().getDomain());
      params.put("tn", parentTask.getTaskId().getName());
      params.put("tv", parentTask.getTaskId().getVersion());
      params.put("tep", parentTask.getNodeExecutionId().getExecutionId().getProject());
      params.put("ted", parentTask.getNodeExecutionId().getExecutionId().getDomain());
      params.put("ten", parentTask.getNodeExecutionId().getExecutionId().getName());
      params.put("tnode", parentTask.getNodeExecutionId().getNodeId());
      params.put("retry", Integer.toUnsignedLong(parentTask.getRetryAttempt()));
    }
    String sql =
        "SELECT coalesce(e.cluster, '') AS event_cluster, "
            + (parentNodeId == null ? "CAST(NULL AS bigint)" : PARENT_NODE)
            + " AS event_parent_row, "
            + (parentTask == null ? "CAST(NULL AS bigint)" : PARENT_TASK)
            + " AS event_parent_task_row, CAST(ne.xmin AS text) AS event_row_version, "
            + NodeExecutionRepository.COLUMNS
            + " FROM executions e LEFT JOIN node_executions ne"
            + " ON ne.execution_project = e.execution_project"
            + " AND ne.execution_domain = e.execution_domain"
            + " AND ne.execution_name = e.execution_name AND ne.node_id = :node"
            + " WHERE e.execution_project = :p AND e.execution_domain = :d"
            + " AND e.execution_name = :n";
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, n) -> {
              String version = rs.getString("event_row_version");
              long parent = rs.getLong("event_parent_row");
              Long parentRow = rs.wasNull() ? null : parent;
              long parentTaskRow = rs.getLong("event_parent_task_row");
              Long parentTaskRowId = rs.wasNull() ? null : parentTaskRow;
              return new Target(
                  rs.getString("event_cluster"),
                  parentRow,
                  parentTaskRowId,
                  version == null ? null : NodeExecutionRepository.row(rs, n),
                  version);
            })
        .optional();
  }

  /**
   * Inserts a node's first row with the event log row of {@code logPhase}, committed together.
   *
   * @return false when the row already exists (another first event of the node won): nothing was
   *     written
   */
  public boolean insert(NodeExecutionRow row, String requestId, Instant occurredAt) {
    Map<String, Object> params = NodeExecutionRepository.key(row.id());
    params.putAll(NodeExecutionRepository.values(row));
    params.put("parentTask", row.parentTaskExecutionId());
    params.put("parentId", row.parentId());
    params.put("createdAt", timestamp(row.createdAt()));
    log(params, requestId, occurredAt, row.phase());
    return jdbc.sql(
                "WITH written AS (INSERT INTO node_executions (created_at, updated_at,"
                    + " execution_project, execution_domain, execution_name, node_id, phase,"
                    + " input_uri, closure, started_at, node_execution_created_at,"
                    + " node_execution_updated_at, duration, parent_task_execution_id,"
                    + " dynamic_workflow_remote_closure_reference, internal_data,"
                    + " node_execution_metadata, parent_id, error_kind, error_code,"
                    + " cache_status) VALUES (now(), now(), :p, :d, :n, :node, :phase,"
                    + " :inputUri, :closure, :startedAt, :createdAt, :updatedAt, :duration,"
                    + " :parentTask, :dynamic, :internal, :metadata, :parentId, :errorKind,"
                    + " :errorCode, :cacheStatus) ON CONFLICT DO NOTHING RETURNING id), "
                    + LOG)
            .params(params)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Writes the columns an event changes of the row {@code row.rowId()} with the event log row of
   * its phase, committed together, if the row is still at {@code version}.
   *
   * @return false when the row changed since it was read: nothing was written
   */
  public boolean update(
      NodeExecutionRow row, String version, String requestId, Instant occurredAt) {
    Map<String, Object> params = NodeExecutionRepository.values(row);
    params.putAll(NodeExecutionRepository.key(row.id()));
    params.put("id", row.rowId());
    params.put("version", version);
    log(params, requestId, occurredAt, row.phase());
    return jdbc.sql(
                "WITH written AS (UPDATE node_executions SET updated_at = now(), phase = :phase,"
                    + " input_uri = :inputUri, closure = :closure, started_at = :startedAt,"
                    + " node_execution_updated_at = :updatedAt, duration = :duration,"
                    + " dynamic_workflow_remote_closure_reference = :dynamic,"
                    + " internal_data = :internal, node_execution_metadata = :metadata,"
                    + " error_kind = :errorKind, error_code = :errorCode,"
                    + " cache_status = :cacheStatus WHERE id = :id"
                    + " AND xmin = CAST(CAST(:version AS text) AS xid) RETURNING id), "
                    + LOG)
            .params(params)
            .query(Long.class)
            .single()
        > 0;
  }

  private static void log(
      Map<String, Object> params, String requestId, Instant occurredAt, String phase) {
    params.put("request", requestId);
    params.put("at", timestamp(occurredAt));
    params.put("logPhase", phase);
  }
}
