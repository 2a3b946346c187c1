package org.flyte.admin.repository.description;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.DescriptionEntityOuterClass.Description;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.SourceCode;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
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
import org.flyte.admin.repository.query.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code description_entities} table. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/description_entity_repo.go} and {@code
 * transformers/description_entity.go} (v1.16.8): {@code long_description} holds the serialized
 * {@code admin.Description}, {@code link} the source code link; tags are not stored.
 */
@Repository
public class DescriptionEntityRepository {

  private static final String COLUMNS =
      "d.resource_type, d.project, d.domain, d.name, d.version, d.short_description,"
          + " d.long_description, d.link";

  private final JdbcClient jdbc;

  public DescriptionEntityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the description of {@code id} (a unique violation surfaces untranslated). */
  public void insert(Identifier id, DescriptionEntity entity, Instant now) {
    jdbc.sql(
            "INSERT INTO description_entities (resource_type, project, domain, name, version,"
                + " created_at, updated_at, short_description, long_description, link)"
                + " VALUES (:rt, :p, :d, :n, :v, :now, :now, :short, :long, :link)")
        .param("rt", id.getResourceTypeValue())
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .param("now", Timestamp.from(now))
        .param("short", entity.getShortDescription())
        .param("long", entity.getLongDescription().toByteArray())
        .param("link", entity.getSourceCode().getLink())
        .update();
  }

  public Optional<DescriptionEntity> find(Identifier id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM description_entities d WHERE d.resource_type = :rt AND"
                + " d.project = :p AND d.domain = :d AND d.name = :n AND d.version = :v")
        .param("rt", id.getResourceTypeValue())
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query(DescriptionEntityRepository::entity)
        .optional();
  }

  /** The descriptions matching {@code filters} (resource type is not among them, as in Flyte). */
  public List<DescriptionEntity> list(
      List<Filter> filters, Optional<SortOrder> sort, PageRequest page) {
    // Flyte validates the filters against the task/workflow/launch plan columns, then runs them
    // on description_entities: only the shared key columns work.
    SqlWhere all =
        new SqlWhere(
                Map.of(
                    FilterEntity.TASK,
                    "d",
                    FilterEntity.WORKFLOW,
                    "d",
                    FilterEntity.LAUNCH_PLAN,
                    "d"))
            .add(filters);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM description_entities d"
            + all.sql()
            + sort.map(s -> " ORDER BY " + s.sql("d")).orElse("")
            + page.sql();
    return jdbc.sql(sql).params(all.params()).query(DescriptionEntityRepository::entity).list();
  }

  private static DescriptionEntity entity(ResultSet rs, int row) throws SQLException {
    DescriptionEntity.Builder entity =
        DescriptionEntity.newBuilder()
            .setId(
                Identifier.newBuilder()
                    .setResourceType(ResourceType.forNumber(rs.getInt("resource_type")))
                    .setProject(rs.getString("project"))
                    .setDomain(rs.getString("domain"))
                    .setName(rs.getString("name"))
                    .setVersion(rs.getString("version")));
    String shortDescription = rs.getString("short_description");
    if (shortDescription != null) {
      entity.setShortDescription(shortDescription);
    }
    byte[] longDescription = rs.getBytes("long_description");
    try {
      entity.setLongDescription(
          longDescription == null
              ? Description.getDefaultInstance()
              : Description.parseFrom(longDescription));
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("unreadable long_description", e);
    }
    String link = rs.getString("link");
    entity.setSourceCode(SourceCode.newBuilder().setLink(link == null ? "" : link));
    return entity.build();
  }
}
