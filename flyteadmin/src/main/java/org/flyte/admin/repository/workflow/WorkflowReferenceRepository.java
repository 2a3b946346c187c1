package org.flyte.admin.repository.workflow;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.TypedInterface;
import java.util.Optional;
import org.flyte.common.error.FlyteException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The part of a {@code workflows} row that launch plans need: its surrogate id (the launch plan's
 * {@code workflow_id}) and its typed interface. Follows the lookup of {@code util.GetWorkflowModel}
 * and {@code gormimpl/workflow_repo.go} (v1.16.8); the workflow registration owns the table.
 */
@Repository
public class WorkflowReferenceRepository {

  /**
   * A registered workflow as launch plans see it.
   *
   * @param id the row's surrogate id
   * @param typedInterface its interface (empty when the row has none)
   */
  public record WorkflowReference(long id, TypedInterface typedInterface) {}

  private final JdbcClient jdbc;

  public WorkflowReferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The workflow {@code id} names, if registered. */
  public Optional<WorkflowReference> find(Identifier id) {
    return jdbc.sql(
            "SELECT id, typed_interface FROM workflows WHERE project = :project"
                + " AND domain = :domain AND name = :name AND version = :version")
        .param("project", id.getProject())
        .param("domain", id.getDomain())
        .param("name", id.getName())
        .param("version", id.getVersion())
        .query((rs, row) -> new WorkflowReference(rs.getLong(1), typedInterface(rs.getBytes(2))))
        .optional();
  }

  private static TypedInterface typedInterface(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return TypedInterface.getDefaultInstance();
    }
    try {
      return TypedInterface.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new FlyteException(
          org.flyte.common.error.ErrorCode.INTERNAL, "failed to unmarshal workflow inputs", e);
    }
  }
}
