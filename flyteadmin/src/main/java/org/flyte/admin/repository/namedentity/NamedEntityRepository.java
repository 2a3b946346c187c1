package org.flyte.admin.repository.namedentity;

import flyteidl.admin.Common.NamedEntity;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityMetadata;
import flyteidl.admin.Common.NamedEntityState;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.flyte.common.error.FlyteException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Named entities: the distinct names of {@code tasks}, {@code workflows} or {@code launch_plans},
 * left-joined with their {@code named_entity_metadata} row. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/named_entity_repo.go} (v1.16.8): an entity without a
 * metadata row is ACTIVE with an empty description; a list pages the distinct names (filtered on
 * their own columns) before the metadata filters apply, and compares {@code COALESCE(state, 0)}.
 */
@Repository
public class NamedEntityRepository {

  private static final Map<ResourceType, String> TABLES =
      Map.of(
          ResourceType.TASK, "tasks",
          ResourceType.WORKFLOW, "workflows",
          ResourceType.LAUNCH_PLAN, "launch_plans");
  private static final Pattern PARAM = Pattern.compile(":f(\\d+)");

  private final JdbcClient jdbc;

  public NamedEntityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static String table(ResourceType type) {
    String table = TABLES.get(type);
    if (table == null) {
      throw FlyteException.invalidArgument(
          "Cannot get NamedEntityMetadata for resource type: %s", type);
    }
    return table;
  }

  /** The entity, when at least one version of it exists. */
  public Optional<NamedEntity> find(ResourceType type, NamedEntityIdentifier id) {
    String sql =
        "SELECT x.project, x.domain, x.name, m.description, COALESCE(m.state, 0) AS state FROM "
            + table(type)
            + " x LEFT JOIN named_entity_metadata m ON m.resource_type = :rt AND m.project ="
            + " x.project AND m.domain = x.domain AND m.name = x.name"
            + " WHERE x.project = :p AND x.domain = :d AND x.name = :n LIMIT 1";
    return jdbc.sql(sql)
        .param("rt", type.getNumber())
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .query((rs, row) -> entity(rs, type))
        .optional();
  }

  /**
   * Creates or updates the metadata row: {@code state} always, {@code description} only when not
   * empty (it cannot be cleared, as in Flyte).
   */
  public void upsertMetadata(
      ResourceType type, NamedEntityIdentifier id, NamedEntityMetadata metadata, Instant now) {
    jdbc.sql(
            "INSERT INTO named_entity_metadata (created_at, updated_at, resource_type,"
                + " project, domain, name, description, state)"
                + " VALUES (:now, :now, :rt, :p, :d, :n, :description, :state)"
                + " ON CONFLICT (resource_type, project, domain, name) DO UPDATE SET"
                + " updated_at = EXCLUDED.updated_at, state = EXCLUDED.state,"
                + " description = CASE WHEN :description = '' THEN"
                + " named_entity_metadata.description ELSE EXCLUDED.description END")
        .param("now", Timestamp.from(now))
        .param("rt", type.getNumber())
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("description", metadata.getDescription())
        .param("state", metadata.getStateValue())
        .update();
  }

  /**
   * A page of the entities of a project and domain.
   *
   * @param filters filters on {@link FilterEntity#NAMED_ENTITY} (applied to the distinct names,
   *     before paging) and {@link FilterEntity#NAMED_ENTITY_METADATA} (after the join)
   */
  public List<NamedEntity> list(
      ResourceType type,
      String project,
      String domain,
      List<Filter> filters,
      Optional<SortOrder> sort,
      PageRequest page) {
    String table = table(type);
    SqlWhere entityWhere =
        SqlWhere.of(FilterEntity.NAMED_ENTITY, "x")
            .add("x.project = :nep AND x.domain = :ned", Map.of("nep", project, "ned", domain))
            .add(filters.stream().filter(f -> f.entity() == FilterEntity.NAMED_ENTITY).toList());
    SqlWhere metadataWhere =
        SqlWhere.of(FilterEntity.NAMED_ENTITY_METADATA, "m")
            .add(
                filters.stream()
                    .filter(f -> f.entity() == FilterEntity.NAMED_ENTITY_METADATA)
                    .toList());
    boolean sortsOnNames = sort.map(s -> !isMetadataColumn(s.column())).orElse(false);
    Map<String, Object> params = new HashMap<>(entityWhere.params());
    String metadataSql =
        renamed(metadataWhere, params).replace("m.state ", "COALESCE(m.state, 0) ");
    String inner =
        "SELECT DISTINCT x.project, x.domain, x.name, "
            + type.getNumber()
            + " AS resource_type FROM "
            + table
            + " x"
            + entityWhere.sql()
            + (sortsOnNames ? " ORDER BY " + sort.get().sql("x") : "")
            + (sort.isEmpty() || sortsOnNames ? page.sql() : "");
    String sql =
        "SELECT e.project, e.domain, e.name, m.description, COALESCE(m.state, 0) AS state FROM ("
            + inner
            + ") e LEFT JOIN named_entity_metadata m ON m.resource_type = e.resource_type AND"
            + " m.project = e.project AND m.domain = e.domain AND m.name = e.name"
            + metadataSql
            + sort.map(s -> " ORDER BY " + s.sql(isMetadataColumn(s.column()) ? "m" : "e"))
                .orElse("")
            + (sort.isPresent() && !sortsOnNames ? page.sql() : "");
    return jdbc.sql(sql).params(params).query((rs, row) -> entity(rs, type)).list();
  }

  private static boolean isMetadataColumn(String column) {
    return column.equals("description") || column.equals("state");
  }

  /** The metadata conditions with their parameters renamed apart from the entity ones. */
  private static String renamed(SqlWhere where, Map<String, Object> params) {
    Matcher m = PARAM.matcher(where.sql());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, ":g" + m.group(1));
    }
    m.appendTail(out);
    where.params().forEach((name, value) -> params.put("g" + name.substring(1), value));
    return out.toString();
  }

  private static NamedEntity entity(ResultSet rs, ResourceType type) throws SQLException {
    String description = rs.getString("description");
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
                .setState(NamedEntityState.forNumber(rs.getInt("state"))))
        .build();
  }
}
