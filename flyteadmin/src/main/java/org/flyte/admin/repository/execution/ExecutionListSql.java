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
 *   <li>A sorted page of the executions of launch plans (filters on {@code launch_plan.*} and the
 *       executions' own columns, nothing else joined) reads, for each matching launch plan row,
 *       only its first {@code offset + limit} executions in the requested order (a {@code LATERAL}
 *       subquery that walks the {@code (launch_plan_id, state, created_at, id)} index), then sorts
 *       those few. The rows and their order are the join's: every execution has one launch plan,
 *       and a row of the page is among the first {@code offset + limit} of its own launch plan. The
 *       join instead reads every execution of the launch plan and sorts them all, so its cost grows
 *       with the table (ADR 0019).
 * </ul>
 */
final class ExecutionListSql {

  private ExecutionListSql() {}

  static Statement statement(ListQuery query, Map<FilterEntity, String> aliases) {
    return ofLaunchPlans(query) ? launchPlanStatement(query) : joinStatement(query, aliases);
  }

  /** Whether {@code query} is a bounded, sorted page of launch plans' executions only. */
  static boolean ofLaunchPlans(ListQuery query) {
    List<Filter> filters = query.filters();
    return query.sort().isPresent()
        && query.page().limit() > 0
        && SqlWhere.references(filters, FilterEntity.LAUNCH_PLAN)
        && filters.stream()
            .allMatch(
                f ->
                    f.entity() == FilterEntity.LAUNCH_PLAN || f.entity() == FilterEntity.EXECUTION);
  }

  private static Statement launchPlanStatement(ListQuery query) {
    SqlWhere executions = new SqlWhere(Map.of(FilterEntity.EXECUTION, "e"), "e");
    own(executions, query);
    executions.add(
        query.filters().stream().filter(f -> f.entity() == FilterEntity.EXECUTION).toList());
    executions.add("e.launch_plan_id = l.id", Map.of());
    SqlWhere plans = new SqlWhere(Map.of(FilterEntity.LAUNCH_PLAN, "l"), "l");
    plans.add(
        query.filters().stream().filter(f -> f.entity() == FilterEntity.LAUNCH_PLAN).toList());
    String order = order(query.sort().orElseThrow());
    long perPlan = query.page().limit() + query.page().offset();
    String sql =
        "SELECT "
            + ExecutionRepository.COLUMNS
            + " FROM launch_plans l CROSS JOIN LATERAL (SELECT e.* FROM executions e"
            + executions.sql()
            + " ORDER BY "
            + order
            + " LIMIT "
            + perPlan
            + ") e"
            + plans.sql()
            + " ORDER BY "
            + order
            + query.page().sql();
    Map<String, Object> params = new HashMap<>(executions.params());
    params.putAll(plans.params());
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
