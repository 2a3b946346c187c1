package org.flyte.admin.repository.query;

import flyteidl.admin.Common.NamedEntityIdentifier;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code List*Ids} query shared by tasks, workflows and launch plans. Follows {@code
 * ListIdentifiers} in {@code flyteadmin/pkg/repositories/gormimpl/common.go} (v1.16.8): the
 * distinct (project, domain, name) of one project and domain; a sort key other than those three is
 * a database error, as in Flyte.
 *
 * <p>Beyond Flyte: the names are found by a skip scan over the {@code (project, domain, name)}
 * index (one index probe per distinct name, a recursive query that stops at the page's end) instead
 * of grouping every version of the project, so a page costs the names it returns, not the versions
 * registered. Without a sort key the names come in ascending order (Flyte: database order).
 */
public final class Identifiers {

  private static final java.util.Set<String> IDENTIFIER_COLUMNS =
      java.util.Set.of("project", "domain", "name");

  private Identifiers() {}

  /**
   * The distinct names of {@code table} in one project and domain, in name order, one index probe
   * each: the first name, then repeatedly the next name after the last one found.
   */
  public static String skipScan(String table, boolean ascending) {
    String after = ascending ? ">" : "<";
    String order = ascending ? "ASC" : "DESC";
    return "WITH RECURSIVE names(name) AS ("
        + " (SELECT x.name FROM "
        + table
        + " x WHERE x.project = :p AND x.domain = :d ORDER BY x.name "
        + order
        + " LIMIT 1)"
        + " UNION ALL"
        + " SELECT (SELECT x.name FROM "
        + table
        + " x WHERE x.project = :p AND x.domain = :d AND x.name "
        + after
        + " n.name ORDER BY x.name "
        + order
        + " LIMIT 1) FROM names n WHERE n.name IS NOT NULL)"
        + " SELECT CAST(:p AS text) AS project, CAST(:d AS text) AS domain, name FROM names"
        + " WHERE name IS NOT NULL";
  }

  public static List<NamedEntityIdentifier> listIds(
      JdbcClient jdbc,
      String table,
      String project,
      String domain,
      Optional<SortOrder> sort,
      PageRequest page) {
    String sql =
        sort.isEmpty() || IDENTIFIER_COLUMNS.contains(sort.get().column())
            ? skipScan(
                    table, sort.map(s -> !s.column().equals("name") || s.ascending()).orElse(true))
                + page.sql()
            : "SELECT x.project, x.domain, x.name FROM "
                + table
                + " x WHERE x.project = :p AND x.domain = :d GROUP BY x.project, x.domain, x.name"
                + " ORDER BY "
                + sort.get().sql("x")
                + page.sql();
    return jdbc.sql(sql)
        .param("p", project)
        .param("d", domain)
        .query(
            (rs, row) ->
                NamedEntityIdentifier.newBuilder()
                    .setProject(rs.getString(1))
                    .setDomain(rs.getString(2))
                    .setName(rs.getString(3))
                    .build())
        .list();
  }
}
