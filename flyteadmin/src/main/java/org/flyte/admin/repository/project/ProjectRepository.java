package org.flyte.admin.repository.project;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.ProjectOuterClass.Project;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The {@code projects} table. Follows {@code flyteadmin/pkg/repositories/gormimpl/project_repo.go}
 * and {@code transformers/project.go} (v1.16.8): when a project has labels, {@code labels} holds
 * the whole serialized {@code admin.Project} and reads take the labels from it; an update writes
 * only the non-empty name and description, the labels only when present, and always the state.
 * Returned projects have no domains (the service adds the configured ones).
 */
@Repository
public class ProjectRepository {

  private static final String COLUMNS = "p.identifier, p.name, p.description, p.labels, p.state";

  private final JdbcClient jdbc;

  public ProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts {@code project}.
   *
   * @throws org.flyte.common.error.FlyteException ALREADY_EXISTS when the id is taken
   */
  public void create(Project project) {
    jdbc.sql(
            "INSERT INTO projects (created_at, updated_at, identifier, name, description,"
                + " labels, state) VALUES (now(), now(), :id, :name, :description,"
                + " :labels, :state)")
        .param("id", project.getId())
        .param("name", project.getName())
        .param("description", project.getDescription())
        .param("labels", project.hasLabels() ? project.toByteArray() : null)
        .param("state", project.getStateValue())
        .update();
  }

  /** Creates the project unless one with its id exists (start-up seeding), state ACTIVE. */
  public boolean createIfMissing(String id, String name, String description) {
    return jdbc.sql(
                "INSERT INTO projects (created_at, updated_at, identifier, name,"
                    + " description, state) VALUES (now(), now(), :id, :name,"
                    + " :description, 0) ON CONFLICT (identifier) DO NOTHING")
            .param("id", id)
            .param("name", name)
            .param("description", description)
            .update()
        > 0;
  }

  /** A project's state ({@code NULL} read as ACTIVE, 0), when it exists. */
  public Optional<Integer> state(String id) {
    return jdbc.sql("SELECT state FROM projects WHERE identifier = :id")
        .param("id", id)
        .query((rs, row) -> rs.getObject(1) == null ? 0 : rs.getInt(1))
        .optional();
  }

  public Optional<Project> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM projects p WHERE p.identifier = :id")
        .param("id", id)
        .query(ProjectRepository::project)
        .optional();
  }

  /**
   * Writes the non-empty name and description, the labels when present, and the state of {@code
   * project}; the row must exist.
   */
  public void update(Project project) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> sets = new ArrayList<>();
    sets.add("updated_at = now()");
    sets.add("state = :state");
    params.put("state", project.getStateValue());
    if (!project.getName().isEmpty()) {
      sets.add("name = :name");
      params.put("name", project.getName());
    }
    if (!project.getDescription().isEmpty()) {
      sets.add("description = :description");
      params.put("description", project.getDescription());
    }
    if (project.hasLabels()) {
      sets.add("labels = :labels");
      params.put("labels", project.toByteArray());
    }
    params.put("id", project.getId());
    jdbc.sql("UPDATE projects SET " + String.join(", ", sets) + " WHERE identifier = :id")
        .params(params)
        .update();
  }

  /**
   * One page of projects. Without any filter, ARCHIVED projects are left out ({@code state <> 1};
   * any filter turns that off).
   */
  public List<Project> list(List<Filter> filters, SortOrder order, PageRequest page) {
    SqlWhere where = SqlWhere.of(FilterEntity.PROJECT, "p");
    if (filters.isEmpty()) {
      where.add("p.state <> 1", Map.of());
    } else {
      where.add(filters);
    }
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM projects p"
            + where.sql()
            + " ORDER BY "
            + order.sql("p")
            + page.sql();
    return jdbc.sql(sql).params(where.params()).query(ProjectRepository::project).list();
  }

  private static Project project(ResultSet rs, int row) throws SQLException {
    Project.Builder project =
        Project.newBuilder()
            .setId(rs.getString("identifier"))
            .setName(nullToEmpty(rs.getString("name")))
            .setDescription(nullToEmpty(rs.getString("description")))
            .setStateValue(rs.getInt("state"));
    byte[] labels = rs.getBytes("labels");
    if (labels != null && labels.length > 0) {
      try {
        Project stored = Project.parseFrom(labels);
        if (stored.hasLabels()) {
          project.setLabels(stored.getLabels());
        }
      } catch (InvalidProtocolBufferException e) {
        // Flyte answers an empty project for an undecodable row; we keep the columns.
      }
    }
    return project.build();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
