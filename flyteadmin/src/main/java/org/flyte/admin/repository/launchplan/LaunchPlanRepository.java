package org.flyte.admin.repository.launchplan;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.flyte.common.error.ErrorCode;
import org.flyte.common.error.FlyteException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code launch_plans} table. Follows {@code
 * flyteadmin/pkg/repositories/gormimpl/launch_plan_repo.go} and {@code
 * repositories/transformers/launch_plan.go} (v1.16.8): {@code spec} and {@code closure} are binary
 * protos; a launch plan read back gets {@code closure.state} from the {@code state} column and
 * {@code closure.created_at/updated_at} from the row; lists always inner-join {@code workflows} on
 * {@code workflow_id}, so {@code workflow.*} filters work and launch plans of a missing workflow
 * row are never listed.
 */
@Repository
public class LaunchPlanRepository {

  /**
   * A stored launch plan.
   *
   * @param rowId the surrogate id
   * @param launchPlan the message as GetLaunchPlan answers it
   * @param digest the registration digest
   */
  public record StoredLaunchPlan(long rowId, LaunchPlan launchPlan, byte[] digest) {}

  private static final String COLUMNS =
      "l.id, l.project, l.domain, l.name, l.version, l.spec, l.closure, l.state, l.digest,"
          + " l.created_at, l.updated_at";
  private static final Map<FilterEntity, String> ALIASES =
      Map.of(FilterEntity.LAUNCH_PLAN, "l", FilterEntity.WORKFLOW, "w");

  private final JdbcClient jdbc;

  public LaunchPlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The launch plan {@code id} names. */
  public Optional<StoredLaunchPlan> find(Identifier id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM launch_plans l WHERE l.project = :project AND l.domain = :domain"
                + " AND l.name = :name AND l.version = :version")
        .param("project", id.getProject())
        .param("domain", id.getDomain())
        .param("name", id.getName())
        .param("version", id.getVersion())
        .query(LaunchPlanRepository::row)
        .optional();
  }

  /** Inserts a new launch plan row. */
  public void insert(
      LaunchPlan launchPlan,
      long workflowRowId,
      byte[] digest,
      int state,
      String scheduleType,
      String launchConditionType) {
    Identifier id = launchPlan.getId();
    jdbc.sql(
            "INSERT INTO launch_plans (created_at, updated_at, project, domain, name,"
                + " version, spec, workflow_id, closure, state, digest, schedule_type,"
                + " launch_condition_type) VALUES (now(), now(), :project, :domain, :name,"
                + " :version, :spec, :workflowId, :closure, :state, :digest, :scheduleType,"
                + " :launchConditionType)")
        .param("project", id.getProject())
        .param("domain", id.getDomain())
        .param("name", id.getName())
        .param("version", id.getVersion())
        .param("spec", launchPlan.getSpec().toByteArray())
        .param("workflowId", workflowRowId)
        .param("closure", launchPlan.getClosure().toByteArray())
        .param("state", state)
        .param("digest", digest)
        .param("scheduleType", scheduleType)
        .param("launchConditionType", launchConditionType)
        .update();
  }

  /**
   * Locks every version of the named launch plan until the transaction ends, in a fixed order, so
   * that concurrent activations of its versions run one after the other. Call inside a transaction.
   */
  public void lockVersions(String project, String domain, String name) {
    jdbc.sql(
            "SELECT id FROM launch_plans WHERE project = :project AND domain = :domain"
                + " AND name = :name ORDER BY version FOR UPDATE")
        .param("project", project)
        .param("domain", domain)
        .param("name", name)
        .query(Long.class)
        .list();
  }

  /** The ACTIVE versions of the named launch plan (at most one, unless an older writer raced). */
  public List<StoredLaunchPlan> findActive(String project, String domain, String name) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM launch_plans l WHERE l.project = :project AND l.domain = :domain"
                + " AND l.name = :name AND l.state = 1")
        .param("project", project)
        .param("domain", domain)
        .param("name", name)
        .query(LaunchPlanRepository::row)
        .list();
  }

  /**
   * Sets the state of a row, in the column and (as Flyte does) in the stored closure, and moves
   * {@code updated_at}.
   */
  public void setState(StoredLaunchPlan stored, LaunchPlanState state) {
    LaunchPlanClosure closure =
        stored.launchPlan().getClosure().toBuilder()
            .clearCreatedAt()
            .clearUpdatedAt()
            .setState(state)
            .build();
    jdbc.sql(
            "UPDATE launch_plans SET state = :state, closure = :closure, updated_at = now()"
                + " WHERE id = :id")
        .param("state", state.getNumber())
        .param("closure", closure.toByteArray())
        .param("id", stored.rowId())
        .update();
  }

  /**
   * One page of launch plans in {@code project}/{@code domain} (and {@code name} when not empty)
   * matching {@code filters}, joined with their workflows.
   */
  public List<LaunchPlan> list(
      String project,
      String domain,
      String name,
      List<Filter> filters,
      Optional<SortOrder> sort,
      PageRequest page) {
    SqlWhere where = new SqlWhere(ALIASES);
    where.add(Filter.eq(FilterEntity.LAUNCH_PLAN, "project", project));
    where.add(Filter.eq(FilterEntity.LAUNCH_PLAN, "domain", domain));
    if (!name.isEmpty()) {
      where.add(Filter.eq(FilterEntity.LAUNCH_PLAN, "name", name));
    }
    where.add(filters);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM launch_plans l INNER JOIN workflows w ON l.workflow_id = w.id"
            + where.sql()
            + sort.map(s -> " ORDER BY " + s.sql("l")).orElse("")
            + page.sql();
    return jdbc.sql(sql).params(where.params()).query(LaunchPlanRepository::row).list().stream()
        .map(StoredLaunchPlan::launchPlan)
        .toList();
  }

  /**
   * The distinct names of launch plans in {@code project}/{@code domain} (either left out when
   * empty, as Flyte does).
   */
  public List<NamedEntityIdentifier> listNames(
      String project, String domain, Optional<SortOrder> sort, PageRequest page) {
    SqlWhere where = SqlWhere.of(FilterEntity.LAUNCH_PLAN, "l");
    if (!project.isEmpty()) {
      where.add(Filter.eq(FilterEntity.LAUNCH_PLAN, "project", project));
    }
    if (!domain.isEmpty()) {
      where.add(Filter.eq(FilterEntity.LAUNCH_PLAN, "domain", domain));
    }
    String sql =
        "SELECT l.project, l.domain, l.name FROM launch_plans l"
            + where.sql()
            + " GROUP BY l.project, l.domain, l.name"
            + sort.map(s -> " ORDER BY " + s.sql("l")).orElse("")
            + page.sql();
    return jdbc.sql(sql)
        .params(where.params())
        .query(
            (rs, row) ->
                NamedEntityIdentifier.newBuilder()
                    .setProject(rs.getString(1))
                    .setDomain(rs.getString(2))
                    .setName(rs.getString(3))
                    .build())
        .list();
  }

  private static StoredLaunchPlan row(ResultSet rs, int rowNumber) throws SQLException {
    Identifier id =
        Identifier.newBuilder()
            .setResourceType(ResourceType.LAUNCH_PLAN)
            .setProject(rs.getString("project"))
            .setDomain(rs.getString("domain"))
            .setName(rs.getString("name"))
            .setVersion(rs.getString("version"))
            .build();
    LaunchPlanSpec spec;
    LaunchPlanClosure.Builder closure;
    try {
      spec = LaunchPlanSpec.parseFrom(rs.getBytes("spec"));
      closure = LaunchPlanClosure.parseFrom(rs.getBytes("closure")).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new FlyteException(
          ErrorCode.INTERNAL, "failed to unmarshal launch plan " + id.getName(), e);
    }
    closure.setStateValue(rs.getInt("state"));
    timestamp(rs, "created_at").ifPresent(closure::setCreatedAt);
    timestamp(rs, "updated_at").ifPresent(closure::setUpdatedAt);
    LaunchPlan launchPlan =
        LaunchPlan.newBuilder().setId(id).setSpec(spec).setClosure(closure).build();
    return new StoredLaunchPlan(rs.getLong("id"), launchPlan, rs.getBytes("digest"));
  }

  private static Optional<Timestamp> timestamp(ResultSet rs, String column) throws SQLException {
    java.sql.Timestamp value = rs.getTimestamp(column);
    if (value == null) {
      return Optional.empty();
    }
    java.time.Instant instant = value.toInstant();
    return Optional.of(
        Timestamp.newBuilder()
            .setSeconds(instant.getEpochSecond())
            .setNanos(instant.getNano())
            .build());
  }
}
