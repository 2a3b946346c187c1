package org.flyte.admin.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.ProjectOuterClass.Project;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code projects} table. Follows {@code gormimpl/project_repo.go} and {@code
 * transformers/project.go} (v1.16.8): when a project has labels, the {@code labels} column holds
 * the whole serialized {@code admin.Project} (its labels are read back from it); an update writes
 * only the non-empty fields, except {@code state}, which is always written.
 */
@Repository
public class ProjectRepository {

  private static final String COLUMNS = "identifier, name, description, labels, state";

  private final JdbcClient jdbc;

  public ProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts {@code project}; a duplicate id is ALREADY_EXISTS. */
  public void create(Project project) {
    DatabaseErrors.translating(
        () ->
            jdbc.sql(
                    "INSERT INTO projects (identifier, name, description, labels, state,"
                        + " created_at, updated_at)"
                        + " VALUES (:id, :name, :description, :labels, :state, now(), now())")
                .param("id", project.getId())
                .param("name", project.getName())
                .param("description", project.getDescription())
                .param("labels", project.hasLabels() ? project.toByteArray() : null)
                .param("state", project.getStateValue())
                .update());
  }

  /** Inserts {@code project} unless one with its id exists; whether it was inserted. */
  public boolean createIfMissing(Project project) {
    return DatabaseErrors.translating(
            () ->
                jdbc.sql(
                        "INSERT INTO projects (identifier, name, description, state, created_at,"
                            + " updated_at) VALUES (:id, :name, :description, 0, now(), now())"
                            + " ON CONFLICT (identifier) DO NOTHING")
                    .param("id", project.getId())
                    .param("name", project.getName())
                    .param("description", project.getDescription())
                    .update())
        > 0;
  }

  public Optional<Project> get(String id) {
    return DatabaseErrors.translating(
        () ->
            jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE identifier = :id")
                .param("id", id)
                .query(ProjectRepository::project)
                .optional());
  }

  /** Writes the non-empty name, description and labels of {@code project}, and its state. */
  public void update(Project project) {
    DatabaseErrors.translating(
        () ->
            jdbc.sql(
                    "UPDATE projects SET"
                        + " name = COALESCE(NULLIF(:name, ''), name),"
                        + " description = COALESCE(NULLIF(:description, ''), description),"
                        + " labels = COALESCE(:labels, labels),"
                        + " state = :state, updated_at = now()"
                        + " WHERE identifier = :id")
                .param("id", project.getId())
                .param("name", project.getName())
                .param("description", project.getDescription())
                .param("labels", project.hasLabels() ? project.toByteArray() : null)
                .param("state", project.getStateValue())
                .update());
  }

  /** One page of projects matching {@code filters}, in {@code order}. */
  public List<Project> list(List<Filter> filters, SortOrder order, PageRequest page) {
    SqlWhere where = SqlWhere.of(FilterEntity.PROJECT, "p").add(filters);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM projects p"
            + where.sql()
            + " ORDER BY "
            + order.sql("p")
            + page.sql();
    return DatabaseErrors.translating(
        () -> jdbc.sql(sql).params(where.params()).query(ProjectRepository::project).list());
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
        project.setLabels(Labels.getDefaultInstance());
      }
    }
    return project.build();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
