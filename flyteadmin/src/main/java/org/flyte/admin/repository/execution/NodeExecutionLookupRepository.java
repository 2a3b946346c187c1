package org.flyte.admin.repository.execution;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import java.util.Optional;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The part of a {@code node_executions} row that executions need: the surrogate id of the node that
 * launched a child execution ({@code executions.parent_node_execution_id}) and the closure whose
 * deck a download link points at. The event ingestion owns the table; this only reads it.
 */
@Repository
public class NodeExecutionLookupRepository {

  /**
   * A node execution as executions see it.
   *
   * @param rowId its surrogate id
   * @param closure its closure (empty when the row has none)
   */
  public record NodeExecutionReference(long rowId, NodeExecutionClosure closure) {}

  private final JdbcClient jdbc;

  public NodeExecutionLookupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The node execution {@code id} names. */
  public Optional<NodeExecutionReference> find(NodeExecutionIdentifier id) {
    return jdbc.sql(
            "SELECT id, closure FROM node_executions WHERE execution_project = :p"
                + " AND execution_domain = :d AND execution_name = :n AND node_id = :node")
        .param("p", id.getExecutionId().getProject())
        .param("d", id.getExecutionId().getDomain())
        .param("n", id.getExecutionId().getName())
        .param("node", id.getNodeId())
        .query((rs, row) -> new NodeExecutionReference(rs.getLong(1), closure(rs.getBytes(2))))
        .optional();
  }

  private static NodeExecutionClosure closure(byte[] bytes) {
    if (bytes == null) {
      return NodeExecutionClosure.getDefaultInstance();
    }
    try {
      return NodeExecutionClosure.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new FlyteException(ErrorCode.INTERNAL, "failed to unmarshal node execution closure", e);
    }
  }
}
