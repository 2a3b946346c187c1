package org.flyte.admin.repository;

import flyteidl.admin.Common.NamedEntity;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityMetadata;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.flyte.common.error.FlyteException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Named entities: the distinct names of the {@code tasks}, {@code workflows} or {@code
 * launch_plans} table joined with their optional {@code named_entity_metadata} row. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/named_entity_repo.go} (v1.16.8): a missing metadata row
 * reads as an active entity without description; a list pages over the distinct names of the base
 * table first (index-backed on {@code (project, domain, name)}), then joins the metadata and
 * applies the filters, so a page may be shorter than its limit; {@code state} compares as {@code
 * COALESCE(state, 0)}.
 */
@Repository
public class NamedEntityRepository {

  private static final Map<ResourceType, String> TABLES =
      Map.of(
          ResourceType.TASK, "tasks",
          ResourceType.WORKFLOW, "workflows",
          ResourceType.LAUNCH_PLAN, "launch_plans");

  /** The columns of the base tables a name page can be ordered by. */
  private static final Set<String> BASE_COLUMNS = Set.of("project", "domain", "name");

  private final JdbcClient jdbc;

  public NamedEntityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The base table of {@code type}, when it has one. */
  public static Optional<String> table(ResourceType type) {
    return Optional.ofNullable(TABLES.get(type));
  }

  /** The named entity, when at least one version of it exists. */
  public Optional<NamedEntity> find(ResourceType type, NamedEntityIdentifier id) {
    String table = table(type).orElseThrow();
    return DatabaseErrors.translating(
        () ->
            jdbc.sql(
                    "SELECT b.project, b.domain, b.name, m.description, COALESCE(m.state, 0) AS"
                        + " state FROM "
                        + table
                        + " b LEFT JOIN named_entity_metadata m ON m.resource_type = :rt AND"
                        + " m.project = b.project AND m.domain = b.domain AND m.name = b.name"
                        + " WHERE b.project = :p AND b.domain = :d AND b.name = :n LIMIT 1")
                .param("rt", type.getNumber())
                .param("p", id.getProject())
                .param("d", id.getDomain())
                .param("n", id.getName())
                .query((rs, row) -> entity(rs, type))
                .optional());
  }

  /**
   * Creates or updates the metadata of a named entity: the state always, the description only when
   * it is not empty (as gorm's {@code Assign} skips zero values).
   */
  public void upsert(ResourceType type, NamedEntityIdentifier id, NamedEntityMetadata metadata) {
    Timestamp now = Timestamp.from(Instant.now());
    DatabaseErrors.translating(
        () ->
            jdbc.sql(
                    "INSERT INTO named_entity_metadata (created_at, updated_at, resource_type,"
                        + " project, domain, name, description, state)"
                        + " VALUES (:now, :now, :rt, :p, :d, :n, :desc, :state)"
                        + " ON CONFLICT (resource_type, project, domain, name) DO UPDATE SET"
                        + " updated_at = EXCLUDED.updated_at, state = EXCLUDED.state,"
                        + " description = CASE WHEN :desc = '' THEN named_entity_metadata.description"
                        + " ELSE EXCLUDED.description END")
                .param("now", now)
                .param("rt", type.getNumber())
                .param("p", id.getProject())
                .param("d", id.getDomain())
                .param("n", id.getName())
                .param("desc", metadata.getDescription())
                .param("state", metadata.getStateValue())
                .update());
  }

  /**
   * One page of the named entities of a project and domain.
   *
   * @param filters filters on {@link FilterEntity#NAMED_ENTITY} and {@link
   *     FilterEntity#NAMED_ENTITY_METADATA} columns
   */
  public List<NamedEntity> list(
      ResourceType type,
      String project,
      String domain,
      List<Filter> filters,
      Optional<SortOrder> sort,
      PageRequest page) {
    String table = table(type).orElseThrow();
    String innerOrder =
        sort.filter(s -> BASE_COLUMNS.contains(s.column()))
            .map(s -> " ORDER BY " + s.sql("b"))
            .orElse(sort.isEmpty() ? " ORDER BY b.name ASC" : "");
    SqlWhere where =
        new SqlWhere(
                Map.of(FilterEntity.NAMED_ENTITY, "x", FilterEntity.NAMED_ENTITY_METADATA, "x"))
            .add(filters);
    String sql =
        "SELECT x.project, x.domain, x.name, x.description, x.state FROM ("
            + "SELECT e.project, e.domain, e.name, :rt AS resource_type, m.description,"
            + " COALESCE(m.state, 0) AS state FROM (SELECT b.project, b.domain, b.name FROM "
            + table
            + " b WHERE b.project = :project AND b.domain = :domain"
            + " GROUP BY b.project, b.domain, b.name"
            + innerOrder
            + page.sql()
            + ") e LEFT JOIN named_entity_metadata m ON m.resource_type = :rt"
            + " AND m.project = e.project AND m.domain = e.domain AND m.name = e.name) x"
            + where.sql()
            + sort.map(s -> " ORDER BY " + s.sql("x")).orElse(" ORDER BY x.name ASC");
    return DatabaseErrors.translating(
        () ->
            jdbc.sql(sql)
                .params(where.params())
                .param("rt", type.getNumber())
                .param("project", project)
                .param("domain", domain)
                .query((rs, row) -> entity(rs, type))
                .list());
  }

  private static NamedEntity entity(ResultSet rs, ResourceType type) throws SQLException {
    String description = rs.getString("description");
    NamedEntityState state = NamedEntityState.forNumber(rs.getInt("state"));
    return NamedEntity.newBuilder()
        .setResourceType(type)
        .setId(
            NamedEntityIdentifier.newBuilder()
                .setProject(rs.getString("project"))
                .setDomain(rs.getString("domain"))
                .setName(rs.getString("name")))
        .setMetadata(
            NamedEntityMetadata.newBuilder()
                .setDescription(description == null ? "" : description)
                .setState(state == null ? NamedEntityState.NAMED_ENTITY_ACTIVE : state))
        .build();
  }

  static FlyteException notFound() {
    return FlyteException.notFound("entry not found");
  }
}
