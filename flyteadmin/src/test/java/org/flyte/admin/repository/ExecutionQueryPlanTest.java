package org.flyte.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.admin.Common.Sort;
import java.util.List;
import java.util.Map;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.repository.execution.ExecutionRepository;
import org.flyte.admin.repository.execution.ExecutionRepository.ListQuery;
import org.flyte.admin.repository.execution.ExecutionRepository.Statement;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.query.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements ListExecutions runs are read in index order: the first page, a deep page, a phase
 * filter and a launch plan's page find their rows through the V6 indexes and are never sorted as a
 * whole (a launch plan's page sorts only the first rows of each of its launch plan rows; sequential
 * scans disabled, so that the planner shows which index it can use on these small test tables;
 * bench/ measures the same statements on a million rows).
 */
class ExecutionQueryPlanTest extends AdminAppTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private TransactionTemplate transactions;

  private List<String> plan(Statement statement) {
    return transactions.execute(
        tx -> {
          jdbc.sql("SET LOCAL enable_seqscan = off").update();
          return jdbc.sql("EXPLAIN " + statement.sql())
              .params(statement.params())
              .query(String.class)
              .list();
        });
  }

  private static Statement list(String filters, long offset) {
    var parsed = FilterParser.parse(filters, FilterEntity.EXECUTION);
    return ExecutionRepository.listStatement(
        new ListQuery(
            "p",
            "development",
            "",
            parsed,
            !FilterParser.mentions(parsed, "state"),
            SortOrder.of(
                Sort.newBuilder()
                    .setKey("created_at")
                    .setDirection(Sort.Direction.DESCENDING)
                    .build(),
                FilterEntity.EXECUTION),
            new PageRequest(25, offset)));
  }

  @ParameterizedTest(name = "[{0}] offset {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0|flyteadmin_executions_project_domain_state_created_at_idx",
        "''|5000|flyteadmin_executions_project_domain_state_created_at_idx",
        "eq(state,1)|0|flyteadmin_executions_project_domain_state_created_at_idx",
        "eq(phase,RUNNING)|0|flyteadmin_executions_project_domain_phase_created_at_idx",
      })
  void listsReadTheirPageInIndexOrder(String filters, long offset, String index) {
    List<String> plan = plan(list(filters, offset));

    String text = String.join("\n", plan);
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    assertThat(text).contains(index).doesNotContain("Sort Key");
  }

  @ParameterizedTest(name = "[{0}] offset {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eq(launch_plan.name,lp)|0|launch_plan_state_created_at",
        "eq(launch_plan.name,lp)+eq(phase,FAILED)|5000|launch_plan_state_created_at",
        "eq(workflow.name,wf)|0|workflow_state_created_at"
      })
  void aLaunchPlansPageReadsOnlyTheFirstRowsOfEachLaunchPlanInIndexOrder(
      String filters, long offset, String index) {
    List<String> plan = plan(list(filters, offset));

    String text = String.join("\n", plan);
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    // Per launch plan (workflow) row: a LIMIT over the (launch_plan_id, state, created_at, id)
    // index, read in order, never sorted; only the few rows those limits let through are sorted.
    assertThat(text)
        .contains("flyteadmin_executions_" + index + "_idx")
        .containsPattern("(?s)Nested Loop.*Limit.*Index Scan[^\n]*" + index);
    assertThat(text.indexOf("Sort Key")).isLessThan(text.indexOf("Nested Loop"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"eq(execution_tag.key,team)", "eq(task.name,t)"})
  void otherJoinsUseIndexes(String filters) {
    List<String> plan = plan(list(filters, 0));

    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
  }

  @Test
  void theConcurrencyCountReadsTheActivePhasesThroughAnIndex() {
    List<String> plan =
        plan(
            new Statement(
                "SELECT count(*) FROM executions e INNER JOIN launch_plans l ON e.launch_plan_id ="
                    + " l.id WHERE e.execution_project = 'p' AND e.execution_domain ="
                    + " 'development' AND l.name = 'lp' AND e.phase IN ('QUEUED', 'RUNNING')",
                Map.of()));

    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    assertThat(String.join("\n", plan)).contains("flyteadmin_executions_");
  }
}
