package org.flyte.admin.repository.event;

import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What node and task events need of their execution: that it exists, and its cluster. One indexed
 * column instead of the whole row with its spec and closure, which every event would otherwise read
 * and parse ({@code ValidateClusterForExecutionID} of {@code
 * flyteadmin/pkg/manager/impl/validation/shared_execution.go}, Flyte v1.16.8).
 */
@Repository
public class EventTargetRepository {

  private final JdbcClient jdbc;

  public EventTargetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cluster of the execution {@code id} names (empty text when unset), if it exists. */
  public Optional<String> cluster(WorkflowExecutionIdentifier id) {
    return jdbc.sql(
            "SELECT coalesce(cluster, '') FROM executions WHERE execution_project = :p"
                + " AND execution_domain = :d AND execution_name = :n")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .query(String.class)
        .optional();
  }
}
