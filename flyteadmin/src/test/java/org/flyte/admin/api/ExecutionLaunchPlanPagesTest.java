package org.flyte.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pages of a launch plan's, a workflow's or a task's executions (read per joined row, then
 * merged: ADR 0019) are exactly the pages the plain join gives: two versions of {@code lp}, another
 * plan and single-task executions interleaved in time, equal creation times broken by id, archived
 * rows, an extra filter on the executions' own columns, both directions and every offset.
 */
class ExecutionLaunchPlanPagesTest extends ExecutionFixtures {

  @BeforeEach
  void launchInterleaved() {
    Identifier v2 = id(ResourceType.LAUNCH_PLAN, "lp", "v2");
    admin.createLaunchPlan(
        LaunchPlanCreateRequest.newBuilder()
            .setId(v2)
            .setSpec(LaunchPlanSpec.newBuilder().setWorkflowId(workflow))
            .build());
    List<Identifier> plans = List.of(launchPlan, v2, requiredLaunchPlan, task);
    for (int i = 0; i < 32; i++) {
      create(
          request(plans.get(i % 4), Map.of("x", integerLiteral(i)))
              .setName(String.format("e%02d", i)));
    }
    // Equal creation times for pairs of rows (the id breaks the tie), some rows archived, some
    // failed.
    jdbc.sql(
            "UPDATE executions SET created_at = timestamptz '2026-01-01' + make_interval(mins =>"
                + " substr(execution_name, 2)::int / 2),"
                + " state = CASE WHEN substr(execution_name, 2)::int % 7 = 3 THEN 1 ELSE 0 END,"
                + " phase = CASE WHEN substr(execution_name, 2)::int % 4 = 1 THEN 'FAILED'"
                + " ELSE phase END WHERE execution_project = :p")
        .param("p", project)
        .update();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eq(launch_plan.name,lp)|DESCENDING|launch_plans j ON e.launch_plan_id = j.id|j.name = 'lp'"
            + " AND e.state = 0",
        "eq(launch_plan.name,lp)|ASCENDING|launch_plans j ON e.launch_plan_id = j.id|j.name = 'lp'"
            + " AND e.state = 0",
        "eq(launch_plan.name,lp)+eq(launch_plan.version,v2)|DESCENDING|launch_plans j ON"
            + " e.launch_plan_id = j.id|j.name = 'lp' AND j.version = 'v2' AND e.state = 0",
        "eq(launch_plan.name,lp)+eq(phase,FAILED)|DESCENDING|launch_plans j ON e.launch_plan_id ="
            + " j.id|j.name = 'lp' AND e.phase = 'FAILED' AND e.state = 0",
        "eq(launch_plan.name,lp)+eq(state,1)|ASCENDING|launch_plans j ON e.launch_plan_id ="
            + " j.id|j.name = 'lp' AND e.state = 1",
        "value_in(launch_plan.name,lp;lp-required)|DESCENDING|launch_plans j ON e.launch_plan_id"
            + " = j.id|j.name IN ('lp', 'lp-required') AND e.state = 0",
        "eq(workflow.name,wf)|DESCENDING|workflows j ON e.workflow_id = j.id|j.name = 'wf' AND"
            + " e.state = 0",
        "eq(task.name,t)|ASCENDING|tasks j ON e.task_id = j.id|j.name = 't' AND e.state = 0",
      })
  void everyPageIsThePageOfTheJoin(
      String filters, Sort.Direction direction, String join, String where) {
    List<String> all = joined(join, where, direction);
    assertThat(all).isNotEmpty();

    for (int limit : new int[] {1, 3, 5, 100}) {
      List<String> paged = new ArrayList<>();
      String token = "";
      do {
        var page =
            admin.listExecutions(
                ResourceListRequest.newBuilder()
                    .setId(NamedEntityIdentifier.newBuilder().setProject(project).setDomain(DOMAIN))
                    .setLimit(limit)
                    .setToken(token)
                    .setFilters(filters)
                    .setSortBy(Sort.newBuilder().setKey("created_at").setDirection(direction))
                    .build());
        page.getExecutionsList().stream()
            .map(Execution::getId)
            .forEach(id -> paged.add(id.getName()));
        token = page.getToken();
      } while (!token.isEmpty());
      assertThat(paged).as("limit %d", limit).isEqualTo(all);
    }
  }

  /** The names the plain inner join returns, in order. */
  private List<String> joined(String join, String where, Sort.Direction direction) {
    String order = direction == Sort.Direction.ASCENDING ? "ASC" : "DESC";
    return jdbc.sql(
            "SELECT e.execution_name FROM executions e JOIN "
                + join
                + " WHERE e.execution_project = :p AND e.execution_domain = :d AND "
                + where
                + " ORDER BY e.created_at "
                + order
                + ", e.id "
                + order)
        .param("p", project)
        .param("d", DOMAIN)
        .query(String.class)
        .list();
  }
}
