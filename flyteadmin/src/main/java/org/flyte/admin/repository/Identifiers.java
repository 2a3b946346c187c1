package org.flyte.admin.repository;

import flyteidl.admin.Common.NamedEntityIdentifier;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code List*Ids} query shared by tasks, workflows and launch plans. Follows {@code
 * ListIdentifiers} in {@code flyteadmin/pkg/repositories/gormimpl/common.go} (v1.16.8): the
 * distinct (project, domain, name) of one project and domain, by GROUP BY; a sort key other than
 * those three is a database error, as in Flyte.
 */
final class Identifiers {

  private Identifiers() {}

  static List<NamedEntityIdentifier> listIds(
      JdbcClient jdbc,
      String table,
      String project,
      String domain,
      Optional<SortOrder> sort,
      PageRequest page) {
    String sql =
        "SELECT x.project, x.domain, x.name FROM "
            + table
            + " x WHERE x.project = :p AND x.domain = :d GROUP BY x.project, x.domain, x.name"
            + sort.map(s -> " ORDER BY " + s.sql("x")).orElse("")
            + page.sql();
    return DatabaseErrors.translating(
        () ->
            jdbc.sql(sql)
                .param("p", project)
                .param("d", domain)
                .query(
                    (rs, row) ->
                        NamedEntityIdentifier.newBuilder()
                            .setProject(rs.getString(1))
                            .setDomain(rs.getString(2))
                            .setName(rs.getString(3))
                            .build())
                .list());
  }
}
