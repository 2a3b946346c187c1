package org.flyte.admin.repository.taskexecution;

import static org.flyte.admin.repository.JdbcValues.instant;
import static org.flyte.admin.repository.JdbcValues.nullableLong;
import static org.flyte.admin.repository.JdbcValues.proto;
import static org.flyte.admin.repository.JdbcValues.text;
import static org.flyte.admin.repository.JdbcValues.timestamp;

import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.repository.execution.ExecutionRepository.Statement;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code task_executions} table. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/task_execution_repo.go} (Flyte v1.16.8): lists join {@code
 * tasks} (left: dynamic tasks may be unregistered), {@code node_executions} and {@code executions}
 * only when a filter names them. What events write is {@link TaskEventRepository}.
 */
@Repository
public class TaskExecutionRepository {

  /**
   * A page of ListTaskExecutions.
   *
   * @param nodeExecution the node execution whose attempts are listed
   * @param filters the caller's filters
   * @param sort the caller's order
   * @param page the page
   */
  public record ListQuery(
      NodeExecutionIdentifier nodeExecution,
      List<Filter> filters,
      Optional<SortOrder> sort,
      PageRequest page) {}

  static final String COLUMNS =
      "te.id, te.project, te.domain, te.name, te.version, te.execution_project,"
          + " te.execution_domain, te.execution_name, te.node_id, te.retry_attempt, te.phase,"
          + " te.phase_version, te.input_uri, te.closure, te.started_at,"
          + " te.task_execution_created_at, te.task_execution_updated_at, te.duration";

  private static final String BY_KEY =
      " WHERE te.project = :tp AND te.domain = :td AND te.name = :tn AND te.version = :tv"
          + " AND te.execution_project = :p AND te.execution_domain = :d"
          + " AND te.execution_name = :n AND te.node_id = :node AND te.retry_attempt = :retry";

  private final JdbcClient jdbc;

  public TaskExecutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The task execution {@code id} names. */
  public Optional<TaskExecutionRow> find(TaskExecutionIdentifier id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM task_executions te" + BY_KEY)
        .params(key(id))
        .query(TaskExecutionRepository::row)
        .optional();
  }

  /** Whether node executions name the attempt {@code rowId} as their parent task execution. */
  public boolean hasChildren(long rowId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM node_executions WHERE parent_task_execution_id = :id)")
        .param("id", rowId)
        .query(Boolean.class)
        .single();
  }

  /** One page of a node execution's attempts. */
  public List<TaskExecutionRow> list(ListQuery query) {
    Statement statement = listStatement(query);
    return jdbc.sql(statement.sql())
        .params(statement.params())
        .query(TaskExecutionRepository::row)
        .list();
  }

  /** The statement of {@link #list} (the query plan tests explain it). */
  public static Statement listStatement(ListQuery query) {
    SqlWhere where =
        new SqlWhere(
            Map.of(
                FilterEntity.TASK_EXECUTION, "te",
                FilterEntity.TASK, "t",
                FilterEntity.NODE_EXECUTION, "ne",
                FilterEntity.EXECUTION, "e"));
    NodeExecutionIdentifier node = query.nodeExecution();
    WorkflowExecutionIdentifier execution = node.getExecutionId();
    where.add(Filter.eq(FilterEntity.TASK_EXECUTION, "execution_project", execution.getProject()));
    where.add(Filter.eq(FilterEntity.TASK_EXECUTION, "execution_domain", execution.getDomain()));
    where.add(Filter.eq(FilterEntity.TASK_EXECUTION, "execution_name", execution.getName()));
    where.add(Filter.eq(FilterEntity.TASK_EXECUTION, "node_id", node.getNodeId()));
    where.add(query.filters());
    List<Filter> filters = query.filters();
    StringBuilder sql =
        new StringBuilder("SELECT ").append(COLUMNS).append(" FROM task_executions te");
    if (SqlWhere.references(filters, FilterEntity.TASK)) {
      sql.append(
          " LEFT JOIN tasks t ON te.project = t.project AND te.domain = t.domain"
              + " AND te.name = t.name AND te.version = t.version");
    }
    if (SqlWhere.references(filters, FilterEntity.NODE_EXECUTION)) {
      sql.append(
          " INNER JOIN node_executions ne ON te.node_id = ne.node_id"
              + " AND te.execution_project = ne.execution_project"
              + " AND te.execution_domain = ne.execution_domain"
              + " AND te.execution_name = ne.execution_name");
    }
    if (SqlWhere.references(filters, FilterEntity.EXECUTION)) {
      sql.append(
          " INNER JOIN executions e ON te.execution_project = e.execution_project"
              + " AND te.execution_domain = e.execution_domain"
              + " AND te.execution_name = e.execution_name");
    }
    sql.append(where.sql()).append(" ORDER BY ");
    query.sort().ifPresent(s -> sql.append(s.sql("te")).append(", "));
    sql.append("te.id").append(query.page().sql());
    return new Statement(sql.toString(), where.params());
  }

  static Map<String, Object> key(TaskExecutionIdentifier id) {
    Map<String, Object> params = new HashMap<>();
    params.put("tp", id.getTaskId().getProject());
    params.put("td", id.getTaskId().getDomain());
    params.put("tn", id.getTaskId().getName());
    params.put("tv", id.getTaskId().getVersion());
    params.put("p", id.getNodeExecutionId().getExecutionId().getProject());
    params.put("d", id.getNodeExecutionId().getExecutionId().getDomain());
    params.put("n", id.getNodeExecutionId().getExecutionId().getName());
    params.put("node", id.getNodeExecutionId().getNodeId());
    params.put("retry", Integer.toUnsignedLong(id.getRetryAttempt()));
    return params;
  }

  static Map<String, Object> values(TaskExecutionRow row) {
    Map<String, Object> params = new HashMap<>();
    params.put("phase", row.phase());
    params.put("phaseVersion", row.phaseVersion());
    params.put("inputUri", row.inputUri());
    params.put("closure", row.closure().toByteArray());
    params.put("startedAt", timestamp(row.startedAt()));
    params.put("updatedAt", timestamp(row.updatedAt()));
    params.put("duration", row.durationNanos());
    return params;
  }

  static TaskExecutionRow row(ResultSet rs, int rowNumber) throws SQLException {
    TaskExecutionIdentifier id =
        TaskExecutionIdentifier.newBuilder()
            .setTaskId(
                Identifier.newBuilder()
                    .setResourceType(ResourceType.TASK)
                    .setProject(rs.getString("project"))
                    .setDomain(rs.getString("domain"))
                    .setName(rs.getString("name"))
                    .setVersion(rs.getString("version")))
            .setNodeExecutionId(
                NodeExecutionIdentifier.newBuilder()
                    .setNodeId(rs.getString("node_id"))
                    .setExecutionId(
                        WorkflowExecutionIdentifier.newBuilder()
                            .setProject(rs.getString("execution_project"))
                            .setDomain(rs.getString("execution_domain"))
                            .setName(rs.getString("execution_name"))))
            .setRetryAttempt((int) rs.getLong("retry_attempt"))
            .build();
    return new TaskExecutionRow(
        rs.getLong("id"),
        id,
        text(rs, "phase"),
        rs.getLong("phase_version"),
        text(rs, "input_uri"),
        proto(
            rs,
            "closure",
            TaskExecutionClosure.parser(),
            TaskExecutionClosure.getDefaultInstance()),
        instant(rs, "started_at"),
        instant(rs, "task_execution_created_at"),
        instant(rs, "task_execution_updated_at"),
        nullableLong(rs, "duration"));
  }
}
