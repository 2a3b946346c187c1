package org.flyte.admin.repository.resource;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.MatchableResourceOuterClass.MatchableAttributesConfiguration;
import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.common.error.FlyteException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code resources} table of matchable attributes: one row per (project, domain, workflow,
 * launch plan, resource type), where an empty string means "any", with a priority that grows with
 * specificity (5 project, 10 project-domain, 100 workflow, 1000 launch plan). Rows are read as
 * {@code MatchableAttributesConfiguration}s (their key and decoded {@code MatchingAttributes}); the
 * resource type is stored as the enum's name. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/resource_repo.go} and {@code transformers/resource.go}
 * (v1.16.8).
 */
@Repository
public class ResourceRepository {

  private static final String COLUMNS =
      "COALESCE(r.project, '') AS project, COALESCE(r.domain, '') AS domain,"
          + " COALESCE(r.workflow, '') AS workflow, COALESCE(r.launch_plan, '') AS launch_plan,"
          + " r.attributes";

  private final JdbcClient jdbc;

  public ResourceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The key of a row; empty strings mean "any".
   *
   * @param resourceType the {@code MatchableResource} name ({@code TASK_RESOURCE})
   */
  public record Key(
      String project, String domain, String workflow, String launchPlan, String resourceType) {

    /** Flyte's {@code %+v} of its {@code ResourceID}, used in NOT_FOUND messages. */
    @Override
    public String toString() {
      return "{Project:"
          + project
          + " Domain:"
          + domain
          + " Workflow:"
          + workflow
          + " LaunchPlan:"
          + launchPlan
          + " ResourceType:"
          + resourceType
          + "}";
    }
  }

  /** Creates the row of {@code key} or replaces its attributes (last write wins). */
  public void upsert(Key key, int priority, MatchingAttributes attributes) {
    jdbc.sql(
            "INSERT INTO resources (created_at, updated_at, project, domain, workflow,"
                + " launch_plan, resource_type, priority, attributes) VALUES (now(),"
                + " now(), :project, :domain, :workflow, :launchPlan, :type, :priority,"
                + " :attributes) ON CONFLICT (project, domain, workflow, launch_plan,"
                + " resource_type) DO UPDATE SET attributes = EXCLUDED.attributes,"
                + " updated_at = now()")
        .param("project", key.project())
        .param("domain", key.domain())
        .param("workflow", key.workflow())
        .param("launchPlan", key.launchPlan())
        .param("type", key.resourceType())
        .param("priority", priority)
        .param("attributes", attributes.toByteArray())
        .update();
  }

  /** The row of exactly {@code key}. */
  public Optional<MatchableAttributesConfiguration> findExact(Key key) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM resources r WHERE r.project = :project AND r.domain = :domain"
                + " AND r.workflow = :workflow AND r.launch_plan = :launchPlan"
                + " AND r.resource_type = :type")
        .params(params(key))
        .query(ResourceRepository::configuration)
        .optional();
  }

  /**
   * The most specific row that applies to {@code key}: among the rows of its type whose project,
   * domain, workflow and launch plan are each either empty or equal to the key's, the one with the
   * highest priority. Served by the unique index on the five key columns.
   */
  public Optional<MatchableAttributesConfiguration> findMostSpecific(Key key) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM resources r WHERE r.resource_type = :type"
                + " AND r.project IN ('', :project) AND r.domain IN ('', :domain)"
                + " AND r.workflow IN ('', :workflow)"
                + " AND r.launch_plan IN ('', :launchPlan)"
                + " ORDER BY r.priority DESC LIMIT 1")
        .params(params(key))
        .query(ResourceRepository::configuration)
        .optional();
  }

  /**
   * Deletes the rows of the key's type that match its non-empty fields: an empty field matches
   * every value, so a project-level key deletes the project's rows at every level.
   *
   * @return the rows deleted
   */
  public int delete(Key key) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    conditions.add("resource_type = :type");
    params.put("type", key.resourceType());
    addIfSet(conditions, params, "project", key.project());
    addIfSet(conditions, params, "domain", key.domain());
    addIfSet(conditions, params, "workflow", key.workflow());
    addIfSet(conditions, params, "launch_plan", key.launchPlan());
    return jdbc.sql("DELETE FROM resources WHERE " + String.join(" AND ", conditions))
        .params(params)
        .update();
  }

  /** Every row of one resource type, most specific first. */
  public List<MatchableAttributesConfiguration> listAll(String resourceType) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM resources r WHERE r.resource_type = :type"
                + " ORDER BY r.priority DESC, r.id")
        .param("type", resourceType)
        .query(ResourceRepository::configuration)
        .list();
  }

  private static void addIfSet(
      List<String> conditions, Map<String, Object> params, String column, String value) {
    if (!value.isEmpty()) {
      conditions.add(column + " = :" + column);
      params.put(column, value);
    }
  }

  private static Map<String, Object> params(Key key) {
    return Map.of(
        "project", key.project(),
        "domain", key.domain(),
        "workflow", key.workflow(),
        "launchPlan", key.launchPlan(),
        "type", key.resourceType());
  }

  private static MatchableAttributesConfiguration configuration(ResultSet rs, int row)
      throws SQLException {
    MatchingAttributes attributes;
    try {
      byte[] bytes = rs.getBytes("attributes");
      attributes =
          bytes == null
              ? MatchingAttributes.getDefaultInstance()
              : MatchingAttributes.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw FlyteException.internal(
          "Failed to decode resource attribute with err: %s", e.getMessage());
    }
    return MatchableAttributesConfiguration.newBuilder()
        .setProject(rs.getString("project"))
        .setDomain(rs.getString("domain"))
        .setWorkflow(rs.getString("workflow"))
        .setLaunchPlan(rs.getString("launch_plan"))
        .setAttributes(attributes)
        .build();
  }
}
