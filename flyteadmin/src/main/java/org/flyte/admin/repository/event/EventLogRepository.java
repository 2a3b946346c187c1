package org.flyte.admin.repository.event;

import static org.flyte.admin.repository.JdbcValues.timestamp;

import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The write-only event logs {@code execution_events} and {@code node_execution_events}: one row per
 * (entity, phase), a repeated phase dropped. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/execution_event_repo.go} and {@code
 * node_execution_event_repo.go} (Flyte v1.16.8), which write them from a lossy buffer; here they
 * are written in the event's own transaction.
 */
@Repository
public class EventLogRepository {

  private final JdbcClient jdbc;

  public EventLogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a workflow phase. */
  public void workflow(
      WorkflowExecutionIdentifier id, String requestId, Instant occurredAt, String phase) {
    jdbc.sql(
            "INSERT INTO execution_events (created_at, updated_at, execution_project,"
                + " execution_domain, execution_name, request_id, occurred_at, phase)"
                + " VALUES (now(), now(), :p, :d, :n, :request, :at, :phase)"
                + " ON CONFLICT DO NOTHING")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("request", requestId)
        .param("at", timestamp(occurredAt))
        .param("phase", phase)
        .update();
  }

  /** Records a node phase. */
  public void node(NodeExecutionIdentifier id, String requestId, Instant occurredAt, String phase) {
    WorkflowExecutionIdentifier execution = id.getExecutionId();
    jdbc.sql(
            "INSERT INTO node_execution_events (created_at, updated_at, execution_project,"
                + " execution_domain, execution_name, node_id, request_id, occurred_at, phase)"
                + " VALUES (now(), now(), :p, :d, :n, :node, :request, :at, :phase)"
                + " ON CONFLICT DO NOTHING")
        .param("p", execution.getProject())
        .param("d", execution.getDomain())
        .param("n", execution.getName())
        .param("node", id.getNodeId())
        .param("request", requestId)
        .param("at", timestamp(occurredAt))
        .param("phase", phase)
        .update();
  }
}
