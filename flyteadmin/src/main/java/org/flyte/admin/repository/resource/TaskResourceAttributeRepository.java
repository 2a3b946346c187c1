package org.flyte.admin.repository.resource;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.MatchableResourceOuterClass.MatchingAttributes;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one read of the {@code resources} table (matchable attributes) that task registration needs:
 * the most specific {@code TASK_RESOURCE} attributes of a project and domain. Follows {@code
 * GetResource} in {@code flyteadmin/pkg/manager/impl/resources/resource_manager.go} and {@code
 * gormimpl/resource_repo.go} (v1.16.8): among the rows whose project is the project or "" and whose
 * domain is the domain or "" (workflow and launch plan ""), the single row with the highest
 * priority.
 */
@Repository
public class TaskResourceAttributeRepository {

  private final JdbcClient jdbc;

  public TaskResourceAttributeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<MatchingAttributes> mostSpecific(String project, String domain) {
    return jdbc.sql(
            "SELECT attributes FROM resources WHERE resource_type = 'TASK_RESOURCE' AND"
                + " project IN (:p, '') AND domain IN (:d, '') AND workflow = '' AND"
                + " launch_plan = '' ORDER BY priority DESC LIMIT 1")
        .param("p", project)
        .param("d", domain)
        .query((rs, row) -> rs.getBytes(1))
        .optional()
        .map(
            bytes -> {
              try {
                return MatchingAttributes.parseFrom(bytes == null ? new byte[0] : bytes);
              } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(
                    "Failed to decode resource attribute with err: " + e.getMessage(), e);
              }
            });
  }
}
