package org.flyte.bench.events;

import flyteidl.admin.ExecutionOuterClass.ExecutionClosure;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionClosure;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Executions for the senders, and bulk rows (by SQL) for the seeded phases. */
final class EventSeeder {

  private final JdbcClient jdbc;
  private final String project;
  private final String domain;

  EventSeeder(JdbcClient jdbc, String project, String domain) {
    this.jdbc = jdbc;
    this.project = project;
    this.domain = domain;
    jdbc.sql(
            "INSERT INTO projects (identifier, name, description, state, created_at, updated_at)"
                + " VALUES (:p, :p, 'benchmark', 0, now(), now()) ON CONFLICT DO NOTHING")
        .param("p", project)
        .update();
  }

  /** {@code count} RUNNING executions named {@code prefix-i}, each with a RUNNING node "parent". */
  List<WorkflowExecutionIdentifier> executions(String prefix, int count) {
    byte[] closure =
        ExecutionClosure.newBuilder()
            .setPhase(WorkflowExecution.Phase.RUNNING)
            .build()
            .toByteArray();
    byte[] nodeClosure =
        NodeExecutionClosure.newBuilder()
            .setPhase(NodeExecution.Phase.RUNNING)
            .build()
            .toByteArray();
    List<WorkflowExecutionIdentifier> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      jdbc.sql(
              "INSERT INTO executions (created_at, updated_at, execution_project, execution_domain,"
                  + " execution_name, phase, closure, spec, execution_created_at, cluster, state,"
                  + " launch_entity) VALUES (now(), now(), :p, :d, :n, 'RUNNING', :closure, ''::bytea,"
                  + " now(), '', 0, 'launch_plan')")
          .param("p", project)
          .param("d", domain)
          .param("n", name)
          .param("closure", closure)
          .update();
      jdbc.sql(
              "INSERT INTO node_executions (created_at, updated_at, execution_project,"
                  + " execution_domain, execution_name, node_id, phase, closure)"
                  + " VALUES (now(), now(), :p, :d, :n, 'parent', 'RUNNING', :closure)")
          .param("p", project)
          .param("d", domain)
          .param("n", name)
          .param("closure", nodeClosure)
          .update();
      ids.add(
          WorkflowExecutionIdentifier.newBuilder()
              .setProject(project)
              .setDomain(domain)
              .setName(name)
              .build());
    }
    return ids;
  }

  /**
   * {@code executions} SUCCEEDED executions {@code seed-i} and {@code nodes} node executions spread
   * over them, each with one node event row.
   *
   * @return the node executions inserted
   */
  long seed(int executions, int nodes) {
    byte[] closure =
        ExecutionClosure.newBuilder()
            .setPhase(WorkflowExecution.Phase.SUCCEEDED)
            .build()
            .toByteArray();
    byte[] nodeClosure =
        NodeExecutionClosure.newBuilder()
            .setPhase(NodeExecution.Phase.SUCCEEDED)
            .setOutputUri("s3://my-s3-bucket/metadata/propeller/seed/n/data/0/outputs.pb")
            .build()
            .toByteArray();
    jdbc.sql(
            "INSERT INTO executions (created_at, updated_at, execution_project, execution_domain,"
                + " execution_name, phase, closure, spec, execution_created_at, cluster, state,"
                + " launch_entity) SELECT now(), now(), :p, :d, 'seed-' || i, 'SUCCEEDED', :closure,"
                + " ''::bytea, now(), '', 0, 'launch_plan' FROM generate_series(0, :n - 1) i"
                + " ON CONFLICT DO NOTHING")
        .param("p", project)
        .param("d", domain)
        .param("closure", closure)
        .param("n", executions)
        .update();
    long inserted =
        jdbc.sql(
                "INSERT INTO node_executions (created_at, updated_at, execution_project,"
                    + " execution_domain, execution_name, node_id, phase, input_uri, closure,"
                    + " node_execution_created_at, node_execution_updated_at)"
                    + " SELECT now(), now(), :p, :d, 'seed-' || (i % :e), 'n' || (i / :e),"
                    + " 'SUCCEEDED', 's3://my-s3-bucket/inputs.pb', :closure, now(), now()"
                    + " FROM generate_series(0, :n - 1) i ON CONFLICT DO NOTHING")
            .param("p", project)
            .param("d", domain)
            .param("e", executions)
            .param("closure", nodeClosure)
            .param("n", nodes)
            .update();
    jdbc.sql(
            "INSERT INTO node_execution_events (created_at, updated_at, execution_project,"
                + " execution_domain, execution_name, node_id, occurred_at, phase)"
                + " SELECT now(), now(), :p, :d, 'seed-' || (i % :e), 'n' || (i / :e), now(),"
                + " 'SUCCEEDED' FROM generate_series(0, :n - 1) i ON CONFLICT DO NOTHING")
        .param("p", project)
        .param("d", domain)
        .param("e", executions)
        .param("n", nodes)
        .update();
    jdbc.sql("ANALYZE").update();
    return inserted;
  }

  Optional<WorkflowExecutionIdentifier> largestSeeded() {
    return jdbc.sql(
            "SELECT execution_name FROM executions WHERE execution_project = :p"
                + " AND execution_name = 'seed-0'")
        .param("p", project)
        .query(String.class)
        .optional()
        .map(
            name ->
                WorkflowExecutionIdentifier.newBuilder()
                    .setProject(project)
                    .setDomain(domain)
                    .setName(name)
                    .build());
  }

  long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
