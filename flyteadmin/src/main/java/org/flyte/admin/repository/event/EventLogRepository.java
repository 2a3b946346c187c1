package org.flyte.admin.repository.event;

import static org.flyte.admin.repository.JdbcValues.timestamp;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The write-only event log {@code execution_events}: one row per (execution, phase), a repeated
 * phase dropped. Follows {@code flyteadmin/pkg/repositories/gormimpl/execution_event_repo.go}
 * (Flyte v1.16.8), which writes it from a lossy buffer; here it is written in the event's own
 * transaction. Node events write {@code node_execution_events} in the statement that writes their
 * row ({@link org.flyte.admin.repository.nodeexecution.NodeEventRepository}).
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
}
