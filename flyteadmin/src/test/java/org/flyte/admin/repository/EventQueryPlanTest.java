package org.flyte.admin.repository;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.List;
import java.util.Optional;
import org.flyte.admin.AdminAppTest;
import org.flyte.admin.repository.execution.ExecutionRepository.Statement;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository;
import org.flyte.admin.repository.nodeexecution.NodeExecutionRepository.Scope;
import org.flyte.admin.repository.query.FilterEntity;
import org.flyte.admin.repository.query.FilterParser;
import org.flyte.admin.repository.query.PageRequest;
import org.flyte.admin.repository.taskexecution.TaskExecutionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list statements of node and task executions find their rows through indexes of Flyte's schema
 * (sequential scans disabled, so that the planner shows which index it can use on these small test
 * tables; bench/ EventLoad explains them on a million rows): an execution's nodes through the
 * primary key's execution prefix, a parent's children through {@code
 * idx_node_executions_parent_id}, a node's attempts through {@code idx_task_executions_exec} or
 * {@code idx_task_executions_node_id}.
 */
class EventQueryPlanTest extends AdminAppTest {

  @Autowired private JdbcClient jdbc;
  @Autowired private TransactionTemplate transactions;

  private static final WorkflowExecutionIdentifier EXECUTION =
      WorkflowExecutionIdentifier.newBuilder()
          .setProject("p")
          .setDomain("development")
          .setName("e")
          .build();

  private String plan(Statement statement) {
    List<String> lines =
        transactions.execute(
            tx -> {
              jdbc.sql("SET LOCAL enable_seqscan = off").update();
              return jdbc.sql("EXPLAIN " + statement.sql())
                  .params(statement.params())
                  .query(String.class)
                  .list();
            });
    return String.join("\n", lines);
  }

  private static Statement nodes(NodeExecutionRepository.Scope scope, String filters) {
    return NodeExecutionRepository.listStatement(
        new NodeExecutionRepository.ListQuery(
            EXECUTION,
            scope,
            FilterParser.parse(filters, FilterEntity.NODE_EXECUTION),
            Optional.empty(),
            new PageRequest(100, 0)));
  }

  @Test
  void nodeListsUseTheKeyOrTheParentIndex() {
    assertThat(plan(nodes(new Scope.TopLevel(), "")))
        .doesNotContain("Seq Scan")
        .contains("node_executions_pkey");
    assertThat(plan(nodes(new Scope.ChildrenOf(7), "eq(phase,SUCCEEDED)")))
        .doesNotContain("Seq Scan")
        .containsAnyOf("idx_node_executions_parent_id", "node_executions_pkey");
    assertThat(plan(nodes(new Scope.ChildrenOfTask(7), "")))
        .doesNotContain("Seq Scan")
        .containsAnyOf("idx_node_executions_parent_task_execution_id", "node_executions_pkey");
    assertThat(plan(nodes(new Scope.TopLevel(), "eq(execution.phase,RUNNING)")))
        .doesNotContain("Seq Scan");
  }

  @Test
  void taskListsUseTheNodeExecutionIndex() {
    Statement statement =
        TaskExecutionRepository.listStatement(
            new TaskExecutionRepository.ListQuery(
                NodeExecutionIdentifier.newBuilder()
                    .setExecutionId(EXECUTION)
                    .setNodeId("n0")
                    .build(),
                FilterParser.parse("eq(retry_attempt,1)", FilterEntity.TASK_EXECUTION),
                Optional.empty(),
                new PageRequest(1, 0)));
    assertThat(plan(statement))
        .doesNotContain("Seq Scan")
        .containsAnyOf(
            "idx_task_executions_exec", "idx_task_executions_node_id", "task_executions_pkey");
  }
}
