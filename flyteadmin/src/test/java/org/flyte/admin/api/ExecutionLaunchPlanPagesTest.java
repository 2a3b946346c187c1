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
 * The pages of a launch plan's executions (read per launch plan row, then merged: ADR 0019) are
 * exactly the pages the plain join gives: two versions of {@code lp} and another plan whose
 * executions interleave in time, equal creation times broken by id, archived rows, an extra filter
 * on the executions' own columns, both directions and every offset.
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
    List<Identifier> plans = List.of(launchPlan, v2, requiredLaunchPlan);
    for (int i = 0; i < 24; i++) {
      create(
          request(plans.get(i % 3), Map.of("x", integerLiteral(i)))
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
        "eq(launch_plan.name,lp)|DESCENDING",
        "eq(launch_plan.name,lp)|ASCENDING",
        "eq(launch_plan.name,lp)+eq(launch_plan.version,v2)|DESCENDING",
        "eq(launch_plan.name,lp)+eq(phase,FAILED)|DESCENDING",
        "eq(launch_plan.name,lp)+eq(state,1)|ASCENDING",
        "value_in(launch_plan.name,lp;lp-required)|DESCENDING",
      })
  void everyPageIsThePageOfTheJoin(String filters, Sort.Direction direction) {
    List<String> all = joined(filters, direction);
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
  private List<String> joined(String filters, Sort.Direction direction) {
    String where =
        switch (filters) {
          case "eq(launch_plan.name,lp)" -> "l.name = 'lp' AND e.state = 0";
          case "eq(launch_plan.name,lp)+eq(launch_plan.version,v2)" ->
              "l.name = 'lp' AND l.version = 'v2' AND e.state = 0";
          case "eq(launch_plan.name,lp)+eq(phase,FAILED)" ->
              "l.name = 'lp' AND e.phase = 'FAILED' AND e.state = 0";
          case "eq(launch_plan.name,lp)+eq(state,1)" -> "l.name = 'lp' AND e.state = 1";
          case "value_in(launch_plan.name,lp;lp-required)" ->
              "l.name IN ('lp', 'lp-required') AND e.state = 0";
          default -> throw new IllegalArgumentException(filters);
        };
    String order = direction == Sort.Direction.ASCENDING ? "ASC" : "DESC";
    return jdbc.sql(
            "SELECT e.execution_name FROM executions e JOIN launch_plans l ON e.launch_plan_id ="
                + " l.id WHERE e.execution_project = :p AND e.execution_domain = :d AND "
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
