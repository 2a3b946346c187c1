package org.flyte.admin.repository.workflow;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.repository.description.DescriptionEntityRepository;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.Identifiers;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code workflows} table. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/workflow_repo.go} and {@code transformers/workflow.go}
 * (v1.16.8): the compiled closure lives in the blob store at {@code remote_closure_identifier};
 * {@code typed_interface} holds the template's interface so that lists never read blobs.
 */
@Repository
public class WorkflowRepository {

  private static final String COLUMNS =
      "w.project, w.domain, w.name, w.version, w.typed_interface, w.remote_closure_identifier,"
          + " w.digest, w.created_at, w.short_description";

  /**
   * One row.
   *
   * @param id the workflow id (resource type WORKFLOW)
   * @param typedInterface the template's interface
   * @param remoteClosureIdentifier where the compiled closure is stored
   * @param digest the closure's digest
   * @param createdAt when the row was inserted
   * @param shortDescription the description's short text, or empty
   */
  public record WorkflowRow(
      Identifier id,
      TypedInterface typedInterface,
      String remoteClosureIdentifier,
      byte[] digest,
      Instant createdAt,
      String shortDescription) {}

  private final JdbcClient jdbc;
  private final DescriptionEntityRepository descriptions;

  public WorkflowRepository(JdbcClient jdbc, DescriptionEntityRepository descriptions) {
    this.jdbc = jdbc;
    this.descriptions = descriptions;
  }

  /**
   * Inserts a workflow and, when given, its description entity, in one transaction.
   *
   * @throws org.flyte.common.error.FlyteException ALREADY_EXISTS when either row exists
   */
  @Transactional
  public void create(
      Identifier id,
      TypedInterface typedInterface,
      String remoteClosureIdentifier,
      byte[] digest,
      Optional<DescriptionEntity> description,
      Instant now) {
    description.ifPresent(d -> descriptions.insert(id, d, now));
    jdbc.sql(
            "INSERT INTO workflows (created_at, updated_at, project, domain, name, version,"
                + " typed_interface, remote_closure_identifier, digest, short_description)"
                + " VALUES (:now, :now, :p, :d, :n, :v, :iface, :uri, :digest, :short)")
        .param("now", java.sql.Timestamp.from(now))
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .param("iface", typedInterface.toByteArray())
        .param("uri", remoteClosureIdentifier)
        .param("digest", digest)
        .param("short", description.map(DescriptionEntity::getShortDescription).orElse(""))
        .update();
  }

  public Optional<WorkflowRow> find(Identifier id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM workflows w WHERE w.project = :p AND w.domain = :d AND w.name = :n"
                + " AND w.version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query(WorkflowRepository::row)
        .optional();
  }

  public List<WorkflowRow> list(List<Filter> filters, Optional<SortOrder> sort, PageRequest page) {
    SqlWhere where = SqlWhere.of(FilterEntity.WORKFLOW, "w").add(filters);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM workflows w"
            + where.sql()
            + sort.map(s -> " ORDER BY " + s.sql("w")).orElse("")
            + page.sql();
    return jdbc.sql(sql).params(where.params()).query(WorkflowRepository::row).list();
  }

  /** The distinct (project, domain, name) of the workflows of a project and domain. */
  public List<NamedEntityIdentifier> listIds(
      String project, String domain, Optional<SortOrder> sort, PageRequest page) {
    return Identifiers.listIds(jdbc, "workflows", project, domain, sort, page);
  }

  private static WorkflowRow row(ResultSet rs, int row) throws SQLException {
    byte[] iface = rs.getBytes("typed_interface");
    TypedInterface typedInterface;
    try {
      typedInterface =
          iface == null ? TypedInterface.getDefaultInstance() : TypedInterface.parseFrom(iface);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("unreadable typed_interface", e);
    }
    java.sql.Timestamp created = rs.getTimestamp("created_at");
    String shortDescription = rs.getString("short_description");
    return new WorkflowRow(
        Identifier.newBuilder()
            .setResourceType(ResourceType.WORKFLOW)
            .setProject(rs.getString("project"))
            .setDomain(rs.getString("domain"))
            .setName(rs.getString("name"))
            .setVersion(rs.getString("version"))
            .build(),
        typedInterface,
        rs.getString("remote_closure_identifier"),
        rs.getBytes("digest"),
        created == null ? null : created.toInstant(),
        shortDescription == null ? "" : shortDescription);
  }
}
