package org.flyte.admin.repository.task;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
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
 * The {@code tasks} table. Follows {@code flyteadmin/pkg/repositories/gormimpl/task_repo.go} and
 * {@code transformers/task.go} (v1.16.8): {@code closure} holds the serialized {@code
 * admin.TaskClosure}; reads answer the row's {@code created_at} in the closure.
 */
@Repository
public class TaskRepository {

  private static final String COLUMNS =
      "t.project, t.domain, t.name, t.version, t.closure, t.created_at, t.short_description";

  private final JdbcClient jdbc;
  private final DescriptionEntityRepository descriptions;

  public TaskRepository(JdbcClient jdbc, DescriptionEntityRepository descriptions) {
    this.jdbc = jdbc;
    this.descriptions = descriptions;
  }

  /**
   * Inserts a task and, when given, its description entity, in one transaction.
   *
   * @throws org.flyte.common.error.FlyteException ALREADY_EXISTS when either row exists
   */
  @Transactional
  public void create(
      Identifier id,
      TaskClosure closure,
      byte[] digest,
      String type,
      Optional<DescriptionEntity> description,
      Instant now) {
    description.ifPresent(d -> descriptions.insert(id, d, now));
    jdbc.sql(
            "INSERT INTO tasks (created_at, updated_at, project, domain, name, version,"
                + " closure, digest, type, short_description)"
                + " VALUES (:now, :now, :p, :d, :n, :v, :closure, :digest, :type, :short)")
        .param("now", java.sql.Timestamp.from(now))
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .param("closure", closure.toByteArray())
        .param("digest", digest)
        .param("type", type)
        .param("short", description.map(DescriptionEntity::getShortDescription).orElse(""))
        .update();
  }

  public Optional<Task> find(Identifier id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tasks t WHERE t.project = :p AND t.domain = :d AND t.name = :n"
                + " AND t.version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query(TaskRepository::task)
        .optional();
  }

  /** The stored digest of a task, when it exists. */
  public Optional<byte[]> digest(Identifier id) {
    return jdbc.sql(
            "SELECT digest FROM tasks WHERE project = :p AND domain = :d AND name = :n"
                + " AND version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  public List<Task> list(List<Filter> filters, Optional<SortOrder> sort, PageRequest page) {
    SqlWhere where = SqlWhere.of(FilterEntity.TASK, "t").add(filters);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM tasks t"
            + where.sql()
            + sort.map(s -> " ORDER BY " + s.sql("t")).orElse("")
            + page.sql();
    return jdbc.sql(sql).params(where.params()).query(TaskRepository::task).list();
  }

  /** The distinct (project, domain, name) of the tasks of a project and domain. */
  public List<NamedEntityIdentifier> listIds(
      String project, String domain, Optional<SortOrder> sort, PageRequest page) {
    return Identifiers.listIds(jdbc, "tasks", project, domain, sort, page);
  }

  static Timestamp timestamp(java.sql.Timestamp time) {
    Instant instant = time.toInstant();
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  private static Task task(ResultSet rs, int row) throws SQLException {
    TaskClosure.Builder closure;
    try {
      closure = TaskClosure.parseFrom(rs.getBytes("closure")).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("unreadable task closure", e);
    }
    java.sql.Timestamp created = rs.getTimestamp("created_at");
    if (created != null) {
      closure.setCreatedAt(timestamp(created));
    }
    String shortDescription = rs.getString("short_description");
    return Task.newBuilder()
        .setId(
            Identifier.newBuilder()
                .setResourceType(ResourceType.TASK)
                .setProject(rs.getString("project"))
                .setDomain(rs.getString("domain"))
                .setName(rs.getString("name"))
                .setVersion(rs.getString("version")))
        .setClosure(closure)
        .setShortDescription(shortDescription == null ? "" : shortDescription)
        .build();
  }
}
