package org.flyte.admin.repository.execution;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code executions} table and its {@code execution_tags}. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/execution_repo.go} (v1.16.8):
 *
 * <ul>
 *   <li>an execution is inserted together with its tags; a taken name is ALREADY_EXISTS;
 *   <li>a list joins {@code launch_plans}, {@code workflows}, {@code tasks} (inner joins on the
 *       surrogate ids) and {@code execution_tags} (on the execution name only, as Flyte does) only
 *       when a filter names them;
 *   <li>the proto columns ({@code spec}, {@code closure}) are read from the row; nothing here reads
 *       the blob store.
 * </ul>
 *
 * What the event ingestion builds on: {@link #findForUpdate} locks a row for the rest of the
 * transaction, {@link #update} writes every column an event or a terminate can change.
 */
@Repository
public class ExecutionRepository {

  /**
   * A label or tag of an execution ({@code execution_tags}).
   *
   * @param key the label key or the tag
   * @param value the label value; empty for a tag
   */
  public record ExecutionTag(String key, String value) {}

  /**
   * What a ListExecutions page asks for.
   *
   * @param project the executions' project
   * @param domain their domain
   * @param name one execution name, or empty for all
   * @param filters the caller's filters (the executions' columns and the joined entities')
   * @param activeOnly whether archived executions are left out
   * @param sort the order, when the caller gave one
   * @param page the page
   */
  public record ListQuery(
      String project,
      String domain,
      String name,
      List<Filter> filters,
      boolean activeOnly,
      Optional<SortOrder> sort,
      PageRequest page) {}

  static final String COLUMNS =
      "e.id, e.execution_project, e.execution_domain, e.execution_name, e.launch_plan_id,"
          + " e.workflow_id, e.task_id, e.phase, e.closure, e.spec, e.started_at,"
          + " e.execution_created_at, e.execution_updated_at, e.duration, e.abort_cause, e.mode,"
          + " e.source_execution_id, e.parent_node_execution_id, e.cluster, e.inputs_uri,"
          + " e.user_inputs_uri, e.error_kind, e.error_code, e.\"user\", e.state, e.launch_entity,"
          + " e.created_at";

  private static final Map<FilterEntity, String> ALIASES =
      Map.of(
          FilterEntity.EXECUTION, "e",
          FilterEntity.LAUNCH_PLAN, "l",
          FilterEntity.WORKFLOW, "w",
          FilterEntity.TASK, "t",
          FilterEntity.EXECUTION_TAG, "et");

  private final JdbcClient jdbc;

  public ExecutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts an execution and its tags in one transaction (a tag given twice is stored once).
   *
   * @return the row with its surrogate id
   * @throws FlyteException ALREADY_EXISTS when the project, domain and name are taken
   */
  @Transactional
  public ExecutionRow insert(ExecutionRow row, List<ExecutionTag> tags) {
    WorkflowExecutionIdentifier id = row.id();
    for (ExecutionTag tag : tags) {
      jdbc.sql(
              "INSERT INTO execution_tags (created_at, updated_at, execution_project,"
                  + " execution_domain, execution_name, key, value) VALUES (now(), now(),"
                  + " :p, :d, :n, :key, :value) ON CONFLICT DO NOTHING")
          .param("p", id.getProject())
          .param("d", id.getDomain())
          .param("n", id.getName())
          .param("key", tag.key())
          .param("value", tag.value())
          .update();
    }
    return jdbc.sql(
            "INSERT INTO executions (created_at, updated_at, execution_project,"
                + " execution_domain, execution_name, launch_plan_id, workflow_id, task_id,"
                + " phase, closure, spec, started_at, execution_created_at,"
                + " execution_updated_at, duration, abort_cause, mode, source_execution_id,"
                + " parent_node_execution_id, cluster, inputs_uri, user_inputs_uri,"
                + " error_kind, error_code, \"user\", state, launch_entity) VALUES (now(),"
                + " now(), :p, :d, :n, :launchPlanId, :workflowId, :taskId, :phase,"
                + " :closure, :spec, :startedAt, :createdAt, :updatedAt, :duration,"
                + " :abortCause, :mode, :sourceId, :parentNodeId, :cluster, :inputsUri,"
                + " :userInputsUri, :errorKind, :errorCode, :user, :state, :launchEntity)"
                + " RETURNING *")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("launchPlanId", row.launchPlanId())
        .param("workflowId", row.workflowId())
        .param("taskId", row.taskId())
        .param("phase", row.phase())
        .param("closure", row.closure().toByteArray())
        .param("spec", row.spec().toByteArray())
        .param("startedAt", timestamp(row.startedAt()))
        .param("createdAt", timestamp(row.executionCreatedAt()))
        .param("updatedAt", timestamp(row.executionUpdatedAt()))
        .param("duration", row.durationNanos())
        .param("abortCause", row.abortCause())
        .param("mode", row.mode())
        .param("sourceId", row.sourceExecutionId())
        .param("parentNodeId", row.parentNodeExecutionId())
        .param("cluster", row.cluster())
        .param("inputsUri", row.inputsUri())
        .param("userInputsUri", row.userInputsUri())
        .param("errorKind", row.errorKind())
        .param("errorCode", row.errorCode())
        .param("user", row.user())
        .param("state", row.state())
        .param("launchEntity", row.launchEntity())
        .query(ExecutionRepository::row)
        .single();
  }

  /** The execution {@code id} names. */
  public Optional<ExecutionRow> find(WorkflowExecutionIdentifier id) {
    return findWhere(id, "");
  }

  /**
   * The execution {@code id} names, locked until the surrounding transaction ends, so that what is
   * read, changed and {@link #update written} back is not interleaved with another writer (events
   * of the same execution, a terminate). Call inside a transaction.
   */
  public Optional<ExecutionRow> findForUpdate(WorkflowExecutionIdentifier id) {
    return findWhere(id, " FOR UPDATE");
  }

  /** The surrogate id of the execution {@code id} names, without reading its proto columns. */
  public Optional<Long> rowId(WorkflowExecutionIdentifier id) {
    return jdbc.sql(
            "SELECT id FROM executions WHERE execution_project = :p"
                + " AND execution_domain = :d AND execution_name = :n")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .query(Long.class)
        .optional();
  }

  private Optional<ExecutionRow> findWhere(WorkflowExecutionIdentifier id, String suffix) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM executions e WHERE e.execution_project = :p"
                + " AND e.execution_domain = :d AND e.execution_name = :n"
                + suffix)
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .query(ExecutionRepository::row)
        .optional();
  }

  /**
   * Writes the columns that change after creation (phase, closure, spec, timestamps, duration,
   * abort cause, source execution, cluster, inputs, error, state) of the row {@code row.rowId()}
   * and moves {@code updated_at}.
   */
  public void update(ExecutionRow row) {
    jdbc.sql(
            "UPDATE executions SET updated_at = now(), phase = :phase, closure = :closure,"
                + " spec = :spec, started_at = :startedAt,"
                + " execution_updated_at = :updatedAt, duration = :duration,"
                + " abort_cause = :abortCause, source_execution_id = :sourceId,"
                + " cluster = :cluster, inputs_uri = :inputsUri,"
                + " error_kind = :errorKind, error_code = :errorCode, state = :state"
                + " WHERE id = :id")
        .param("phase", row.phase())
        .param("closure", row.closure().toByteArray())
        .param("spec", row.spec().toByteArray())
        .param("startedAt", timestamp(row.startedAt()))
        .param("updatedAt", timestamp(row.executionUpdatedAt()))
        .param("duration", row.durationNanos())
        .param("abortCause", row.abortCause())
        .param("sourceId", row.sourceExecutionId())
        .param("cluster", row.cluster())
        .param("inputsUri", row.inputsUri())
        .param("errorKind", row.errorKind())
        .param("errorCode", row.errorCode())
        .param("state", row.state())
        .param("id", row.rowId())
        .update();
  }

  /**
   * Records the cluster the executor chose for a new execution (its {@code cluster} column and the
   * spec that carries it), unless something else, such as an event reporting the cluster, has
   * already set it.
   *
   * @return whether the row was changed
   */
  public boolean recordCluster(long rowId, String cluster, ExecutionSpec spec) {
    return jdbc.sql(
                "UPDATE executions SET updated_at = now(), cluster = :cluster,"
                    + " spec = :spec WHERE id = :id AND phase = 'UNDEFINED'"
                    + " AND (cluster IS NULL OR cluster = '')")
            .param("cluster", cluster)
            .param("spec", spec.toByteArray())
            .param("id", rowId)
            .update()
        > 0;
  }

  /** Removes an execution and its tags (a creation that could not be completed). */
  @Transactional
  public void delete(ExecutionRow row) {
    WorkflowExecutionIdentifier id = row.id();
    jdbc.sql(
            "DELETE FROM execution_tags WHERE execution_project = :p"
                + " AND execution_domain = :d AND execution_name = :n")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .update();
    jdbc.sql("DELETE FROM executions WHERE id = :id").param("id", row.rowId()).update();
  }

  /**
   * A statement and its named parameters.
   *
   * @param sql the SQL
   * @param params its parameters
   */
  public record Statement(String sql, Map<String, Object> params) {}

  /** One page of executions. */
  public List<ExecutionRow> list(ListQuery query) {
    Statement statement = listStatement(query);
    return jdbc.sql(statement.sql())
        .params(statement.params())
        .query(ExecutionRepository::row)
        .list();
  }

  /** The statement of {@link #list} (the query plan tests explain it). */
  public static Statement listStatement(ListQuery query) {
    return ExecutionListSql.statement(query, ALIASES);
  }

  /**
   * The QUEUED or RUNNING executions in {@code project}/{@code domain} of any version of the launch
   * plan {@code name} (a launch plan's concurrency policy).
   */
  public long countActive(String project, String domain, String launchPlanName) {
    return jdbc.sql(
            "SELECT count(*) FROM executions e INNER JOIN launch_plans l"
                + " ON e.launch_plan_id = l.id WHERE e.execution_project = :p"
                + " AND e.execution_domain = :d AND l.name = :n"
                + " AND e.phase IN ('QUEUED', 'RUNNING')")
        .param("p", project)
        .param("d", domain)
        .param("n", launchPlanName)
        .query(Long.class)
        .single();
  }

  static ExecutionRow row(ResultSet rs, int rowNumber) throws SQLException {
    WorkflowExecutionIdentifier id =
        WorkflowExecutionIdentifier.newBuilder()
            .setProject(rs.getString("execution_project"))
            .setDomain(rs.getString("execution_domain"))
            .setName(rs.getString("execution_name"))
            .build();
    ExecutionClosure closure;
    ExecutionSpec spec;
    try {
      byte[] closureBytes = rs.getBytes("closure");
      byte[] specBytes = rs.getBytes("spec");
      closure =
          closureBytes == null
              ? ExecutionClosure.getDefaultInstance()
              : ExecutionClosure.parseFrom(closureBytes);
      spec =
          specBytes == null
              ? ExecutionSpec.getDefaultInstance()
              : ExecutionSpec.parseFrom(specBytes);
    } catch (InvalidProtocolBufferException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL, "failed to unmarshal execution " + id.getName(), e);
    }
    long duration = rs.getLong("duration");
    Long durationNanos = rs.wasNull() ? null : duration;
    return new ExecutionRow(
        rs.getLong("id"),
        id,
        rs.getLong("launch_plan_id"),
        rs.getLong("workflow_id"),
        rs.getLong("task_id"),
        text(rs, "phase"),
        closure,
        spec,
        instant(rs, "started_at"),
        instant(rs, "execution_created_at"),
        instant(rs, "execution_updated_at"),
        durationNanos,
        text(rs, "abort_cause"),
        rs.getInt("mode"),
        rs.getLong("source_execution_id"),
        rs.getLong("parent_node_execution_id"),
        text(rs, "cluster"),
        text(rs, "inputs_uri"),
        text(rs, "user_inputs_uri"),
        rs.getString("error_kind"),
        rs.getString("error_code"),
        text(rs, "user"),
        rs.getInt("state"),
        text(rs, "launch_entity"),
        instant(rs, "created_at"));
  }

  private static String text(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null ? "" : value;
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
