package org.flyte.admin.repository.execution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flyte.admin.repository.execution.ExecutionRepository.ListQuery;
import org.flyte.admin.repository.execution.ExecutionRepository.Statement;
import org.flyte.admin.repository.query.Filter;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.SortOrder;
import org.flyte.admin.repository.query.SqlWhere;

/**
 * The SQL of a ListExecutions page: the rows {@code execution_repo.go}'s {@code List} (Flyte
 * v1.16.8) returns, in two shapes.
 *
 * <ul>
 *   <li>In general, {@code executions} inner-joined with the entities the filters name, filtered,
 *       sorted (ties broken by id) and cut to the page.
 *   <li>A sorted, bounded page of the executions of launch plans (or of workflows, or of tasks:
 *       filters on one of them and on the executions' own columns, nothing else joined) reads, for
 *       each matching launch plan row, only its first {@code offset + limit} executions in the
 *       requested order (a {@code LATERAL} subquery that walks the {@code (launch_plan_id, state,
 *       created_at, id)} index), then sorts those few. The rows and their order are the join's:
 *       every execution has one launch plan, and a row of the page is among the first {@code offset
 *       + limit} of its own launch plan. With the join the planner either sorts every execution of
 *       the launch plan or walks the whole project's index discarding other plans' rows: its cost
 *       depends on the data, not on the page (ADR 0019).
 * </ul>
 */
final class ExecutionListSql {

  private ExecutionListSql() {}

  /** An entity a list can join, with its table and the executions' column pointing at it. */
  private record Joined(FilterEntity entity, String table, String alias, String column) {}

  private static final List<Joined> PER_ROW =
      List.of(
          new Joined(FilterEntity.LAUNCH_PLAN, "launch_plans", "l", "launch_plan_id"),
          new Joined(FilterEntity.WORKFLOW, "workflows", "w", "workflow_id"),
          new Joined(FilterEntity.TASK, "tasks", "t", "task_id"));

  static Statement statement(ListQuery query, Map<FilterEntity, String> aliases) {
    Joined joined = perRow(query);
    return joined == null ? joinStatement(query, aliases) : perRowStatement(query, joined);
  }

  /**
   * The one entity a bounded, sorted page filters on besides the executions' own columns, or null
   * when the page is not of that shape.
   */
  static Joined perRow(ListQuery query) {
    List<Filter> filters = query.filters();
    if (query.sort().isEmpty() || query.page().limit() <= 0) {
      return null;
    }
    List<Joined> named =
        PER_ROW.stream().filter(j -> SqlWhere.references(filters, j.entity())).toList();
    boolean onlyThose =
        filters.stream()
            .allMatch(
                f ->
                    f.entity() == FilterEntity.EXECUTION
                        || (named.size() == 1 && f.entity() == named.get(0).entity()));
    return named.size() == 1 && onlyThose ? named.get(0) : null;
  }

  private static Statement perRowStatement(ListQuery query, Joined joined) {
    SqlWhere executions = new SqlWhere(Map.of(FilterEntity.EXECUTION, "e"), "e");
    own(executions, query);
    executions.add(
        query.filters().stream().filter(f -> f.entity() == FilterEntity.EXECUTION).toList());
    executions.add("e." + joined.column() + " = " + joined.alias() + ".id", Map.of());
    SqlWhere rows = new SqlWhere(Map.of(joined.entity(), joined.alias()), joined.alias());
    rows.add(query.filters().stream().filter(f -> f.entity() == joined.entity()).toList());
    String order = order(query.sort().orElseThrow());
    long perRow = query.page().limit() + query.page().offset();
    String sql =
        "SELECT "
            + ExecutionRepository.COLUMNS
            + " FROM "
            + joined.table()
            + " "
            + joined.alias()
            + " CROSS JOIN LATERAL (SELECT e.* FROM executions e"
            + executions.sql()
            + " ORDER BY "
            + order
            + " LIMIT "
            + perRow
            + ") e"
            + rows.sql()
            + " ORDER BY "
            + order
            + query.page().sql();
    Map<String, Object> params = new HashMap<>(executions.params());
    params.putAll(rows.params());
    return new Statement(sql, params);
  }

  private static Statement joinStatement(ListQuery query, Map<FilterEntity, String> aliases) {
    SqlWhere where = new SqlWhere(aliases);
    own(where, query);
    where.add(query.filters());
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(ExecutionRepository.COLUMNS)
            .append(" FROM executions e");
    List<Filter> filters = query.filters();
    if (SqlWhere.references(filters, FilterEntity.LAUNCH_PLAN)) {
      sql.append(" INNER JOIN launch_plans l ON e.launch_plan_id = l.id");
    }
    if (SqlWhere.references(filters, FilterEntity.WORKFLOW)) {
      sql.append(" INNER JOIN workflows w ON e.workflow_id = w.id");
    }
    if (SqlWhere.references(filters, FilterEntity.TASK)) {
      sql.append(" INNER JOIN tasks t ON e.task_id = t.id");
    }
    if (SqlWhere.references(filters, FilterEntity.EXECUTION_TAG)) {
      sql.append(" INNER JOIN execution_tags et ON e.execution_name = et.execution_name");
    }
    sql.append(where.sql());
    query.sort().ifPresent(s -> sql.append(" ORDER BY ").append(order(s)));
    sql.append(query.page().sql());
    return new Statement(sql.toString(), where.params());
  }

  /** The conditions every list has: project, domain, the name if any, active rows only. */
  private static void own(SqlWhere where, ListQuery query) {
    where.add(Filter.eq(FilterEntity.EXECUTION, "execution_project", query.project()));
    where.add(Filter.eq(FilterEntity.EXECUTION, "execution_domain", query.domain()));
    if (!query.name().isEmpty()) {
      where.add(Filter.eq(FilterEntity.EXECUTION, "execution_name", query.name()));
    }
    if (query.activeOnly()) {
      // A literal, so that the planner can match it against the list indexes.
      where.add("e.state = 0", Map.of());
    }
  }

  /** The sort, ties broken by id so that rows keep one order from page to page. */
  private static String order(SortOrder sort) {
    return sort.sql("e") + (sort.ascending() ? ", e.id ASC" : ", e.id DESC");
  }
}
