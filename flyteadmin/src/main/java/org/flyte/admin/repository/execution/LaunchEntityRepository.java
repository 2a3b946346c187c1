package org.flyte.admin.repository.execution;

import flyteidl.core.IdentifierOuterClass.Identifier;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an execution needs of the rows it launches: the surrogate ids it stores as foreign keys
 * ({@code executions.workflow_id}, {@code task_id}) and where the workflow's compiled closure is
 * stored. Follows the lookups of {@code util.GetWorkflowModel} and {@code util.GetTaskModel}
 * (v1.16.8); the registration owns these tables.
 */
@Repository
public class LaunchEntityRepository {

  /**
   * A registered workflow as an execution sees it.
   *
   * @param rowId {@code workflows.id}
   * @param remoteClosureIdentifier where its compiled closure ({@code admin.WorkflowClosure}) is
   * @param createdAt when it was registered
   */
  public record WorkflowTarget(long rowId, String remoteClosureIdentifier, Instant createdAt) {}

  private final JdbcClient jdbc;

  public LaunchEntityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The workflow {@code id} names. */
  public Optional<WorkflowTarget> workflow(Identifier id) {
    return jdbc.sql(
            "SELECT id, remote_closure_identifier, created_at FROM workflows"
                + " WHERE project = :p AND domain = :d AND name = :n AND version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query(
            (rs, row) ->
                new WorkflowTarget(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3) == null ? Instant.EPOCH : rs.getTimestamp(3).toInstant()))
        .optional();
  }

  /** The surrogate id of the task {@code id} names. */
  public Optional<Long> taskRowId(Identifier id) {
    return jdbc.sql(
            "SELECT id FROM tasks WHERE project = :p AND domain = :d AND name = :n"
                + " AND version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query(Long.class)
        .optional();
  }
}
