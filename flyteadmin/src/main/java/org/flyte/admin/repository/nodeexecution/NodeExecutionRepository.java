package org.flyte.admin.repository.nodeexecution;

import static org.flyte.admin.repository.JdbcValues.instant;
import static org.flyte.admin.repository.JdbcValues.nullableLong;
import static org.flyte.admin.repository.JdbcValues.proto;
import static org.flyte.admin.repository.JdbcValues.text;
import static org.flyte.admin.repository.JdbcValues.timestamp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionMetaData;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code node_executions} table. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/node_execution_repo.go} (Flyte v1.16.8): the reads and lists
 * of the node execution RPCs; what events write is {@link NodeEventRepository}.
 */
@Repository
public class NodeExecutionRepository {

  /** Which node executions of an execution a list returns. */
  public sealed interface Scope {
    /** The top-level nodes (no parent node, no parent task execution). */
    record TopLevel() implements Scope {}

    /** The children of the node execution with this surrogate id. */
    record ChildrenOf(long parentRowId) implements Scope {}

    /** The children of the task execution with this surrogate id (event version 0). */
    record ChildrenOfTask(long taskExecutionRowId) implements Scope {}
  }

  /**
   * A page of ListNodeExecutions or ListNodeExecutionsForTask.
   *
   * @param execution the execution
   * @param scope which nodes
   * @param filters the caller's filters (node execution columns and {@code execution.})
   * @param sort the caller's order
   * @param page the page
   */
  public record ListQuery(
      WorkflowExecutionIdentifier execution,
      Scope scope,
      List<Filter> filters,
      Optional<SortOrder> sort,
      PageRequest page) {}

  static final String COLUMNS =
      "ne.id, ne.execution_project, ne.execution_domain, ne.execution_name, ne.node_id,"
          + " ne.phase, ne.input_uri, ne.closure, ne.started_at, ne.node_execution_created_at,"
          + " ne.node_execution_updated_at, ne.duration, ne.parent_task_execution_id,"
          + " ne.dynamic_workflow_remote_closure_reference, ne.internal_data,"
          + " ne.node_execution_metadata, ne.parent_id, ne.error_kind, ne.error_code,"
          + " ne.cache_status";

  private static final String BY_KEY =
      " WHERE ne.execution_project = :p AND ne.execution_domain = :d"
          + " AND ne.execution_name = :n AND ne.node_id = :node";

  private final JdbcClient jdbc;

  public NodeExecutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The node execution {@code id} names. */
  public Optional<NodeExecutionRow> find(NodeExecutionIdentifier id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM node_executions ne" + BY_KEY)
        .params(key(id))
        .query(NodeExecutionRepository::row)
        .optional();
  }

  /** The surrogate id of the node execution {@code id} names. */
  public Optional<Long> rowId(NodeExecutionIdentifier id) {
    return jdbc.sql("SELECT ne.id FROM node_executions ne" + BY_KEY)
        .params(key(id))
        .query(Long.class)
        .optional();
  }

  /** Whether any node execution names {@code rowId} as its parent node or parent task. */
  public boolean hasChildren(long rowId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM node_executions WHERE parent_id = :id)")
        .param("id", rowId)
        .query(Boolean.class)
        .single();
  }

  /** One page of node executions. */
  public List<NodeExecutionRow> list(ListQuery query) {
    Statement statement = listStatement(query);
    return jdbc.sql(statement.sql())
        .params(statement.params())
        .query(NodeExecutionRepository::row)
        .list();
  }

  /** The statement of {@link #list} (the query plan tests explain it). */
  public static Statement listStatement(ListQuery query) {
    SqlWhere where =
        new SqlWhere(Map.of(FilterEntity.NODE_EXECUTION, "ne", FilterEntity.EXECUTION, "e"));
    WorkflowExecutionIdentifier id = query.execution();
    where.add(Filter.eq(FilterEntity.NODE_EXECUTION, "execution_project", id.getProject()));
    where.add(Filter.eq(FilterEntity.NODE_EXECUTION, "execution_domain", id.getDomain()));
    where.add(Filter.eq(FilterEntity.NODE_EXECUTION, "execution_name", id.getName()));
    if (query.scope() instanceof Scope.ChildrenOf of) {
      where.add("ne.parent_id = :parentRowId", Map.of("parentRowId", of.parentRowId()));
    } else if (query.scope() instanceof Scope.ChildrenOfTask of) {
      where.add(
          "ne.parent_task_execution_id = :parentTaskRowId",
          Map.of("parentTaskRowId", of.taskExecutionRowId()));
    } else {
      where.add("ne.parent_id IS NULL AND ne.parent_task_execution_id IS NULL", Map.of());
    }
    where.add(query.filters());
    StringBuilder sql =
        new StringBuilder("SELECT ").append(COLUMNS).append(" FROM node_executions ne");
    if (SqlWhere.references(query.filters(), FilterEntity.EXECUTION)) {
      sql.append(
          " INNER JOIN executions e ON ne.execution_project = e.execution_project"
              + " AND ne.execution_domain = e.execution_domain"
              + " AND ne.execution_name = e.execution_name");
    }
    sql.append(where.sql());
    sql.append(" ORDER BY ");
    query.sort().ifPresent(s -> sql.append(s.sql("ne")).append(", "));
    sql.append("ne.id").append(query.page().sql());
    return new Statement(sql.toString(), where.params());
  }

  static Map<String, Object> key(NodeExecutionIdentifier id) {
    Map<String, Object> params = new HashMap<>();
    params.put("p", id.getExecutionId().getProject());
    params.put("d", id.getExecutionId().getDomain());
    params.put("n", id.getExecutionId().getName());
    params.put("node", id.getNodeId());
    return params;
  }

  static Map<String, Object> values(NodeExecutionRow row) {
    Map<String, Object> params = new HashMap<>();
    params.put("phase", row.phase());
    params.put("inputUri", row.inputUri());
    params.put("closure", row.closure().toByteArray());
    params.put("startedAt", timestamp(row.startedAt()));
    params.put("updatedAt", timestamp(row.updatedAt()));
    params.put("duration", row.durationNanos());
    params.put("dynamic", row.dynamicClosureReference());
    params.put("internal", internalData(row.eventVersion()));
    params.put("metadata", row.metadata().toByteArray());
    params.put("errorKind", row.errorKind());
    params.put("errorCode", row.errorCode());
    params.put("cacheStatus", row.cacheStatus());
    return params;
  }

  /** {@code flyteadmin.models.NodeExecutionInternalData}: {@code int32 event_version = 1}. */
  static byte[] internalData(int eventVersion) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (eventVersion != 0) {
        out.writeInt32(1, eventVersion);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static int eventVersion(byte @Nullable [] internalData) {
    if (internalData == null || internalData.length == 0) {
      return 0;
    }
    try {
      CodedInputStream in = CodedInputStream.newInstance(internalData);
      int version = 0;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == 8) {
          version = in.readInt32();
        } else if (!in.skipField(tag)) {
          break;
        }
      }
      return version;
    } catch (IOException e) {
      return 0;
    }
  }

  static NodeExecutionRow row(ResultSet rs, int rowNumber) throws SQLException {
    NodeExecutionIdentifier id =
        NodeExecutionIdentifier.newBuilder()
            .setExecutionId(
                WorkflowExecutionIdentifier.newBuilder()
                    .setProject(rs.getString("execution_project"))
                    .setDomain(rs.getString("execution_domain"))
                    .setName(rs.getString("execution_name")))
            .setNodeId(rs.getString("node_id"))
            .build();
    return new NodeExecutionRow(
        rs.getLong("id"),
        id,
        text(rs, "phase"),
        text(rs, "input_uri"),
        proto(
            rs,
            "closure",
            NodeExecutionClosure.parser(),
            NodeExecutionClosure.getDefaultInstance()),
        instant(rs, "started_at"),
        instant(rs, "node_execution_created_at"),
        instant(rs, "node_execution_updated_at"),
        nullableLong(rs, "duration"),
        nullableLong(rs, "parent_task_execution_id"),
        text(rs, "dynamic_workflow_remote_closure_reference"),
        eventVersion(rs.getBytes("internal_data")),
        proto(
            rs,
            "node_execution_metadata",
            NodeExecutionMetaData.parser(),
            NodeExecutionMetaData.getDefaultInstance()),
        nullableLong(rs, "parent_id"),
        rs.getString("error_kind"),
        rs.getString("error_code"),
        rs.getString("cache_status"));
  }
}
