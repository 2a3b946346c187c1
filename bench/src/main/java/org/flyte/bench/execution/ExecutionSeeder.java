package org.flyte.bench.execution;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds the list project with executions by SQL: copies of one execution that CreateExecution wrote
 * (its spec, closure and input locations), spread round-robin over the project's launch plans, one
 * second apart in {@code created_at}, with the phases of a busy project (75% SUCCEEDED, 5% each
 * FAILED, RUNNING, ABORTED and QUEUED) and one in 50 archived. Rows are added in batches up to the
 * requested total; rows from an earlier run are kept.
 */
final class ExecutionSeeder {

  private static final int BATCH = 100_000;

  private ExecutionSeeder() {}

  /** Grows {@code project}'s executions to {@code total}; returns how many it holds. */
  static long seedTo(JdbcClient jdbc, String project, String templateProject, long total) {
    long have = count(jdbc, project);
    while (have < total) {
      long to = Math.min(total, have + BATCH);
      jdbc.sql(
              "INSERT INTO executions (created_at, updated_at, execution_project,"
                  + " execution_domain, execution_name, launch_plan_id, workflow_id, phase,"
                  + " closure, spec, started_at, execution_created_at, execution_updated_at,"
                  + " duration, mode, cluster, inputs_uri, user_inputs_uri, \"user\", state,"
                  + " launch_entity)"
                  + " SELECT now() - make_interval(secs => 2000000 - g), now(), :project,"
                  + " t.execution_domain, 'e' || g, lp.ids[1 + g % cardinality(lp.ids)],"
                  + " t.workflow_id,"
                  + " CASE g % 20 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'RUNNING' WHEN 2 THEN"
                  + " 'ABORTED' WHEN 3 THEN 'QUEUED' ELSE 'SUCCEEDED' END,"
                  + " t.closure, t.spec, now() - make_interval(secs => 2000000 - g),"
                  + " now() - make_interval(secs => 2000000 - g), now(), 60000000000, t.mode,"
                  + " t.cluster, t.inputs_uri, t.user_inputs_uri, t.\"user\","
                  + " CASE WHEN g % 50 = 49 THEN 1 ELSE 0 END, t.launch_entity"
                  + " FROM generate_series(:from, :to - 1) g,"
                  + " (SELECT * FROM executions WHERE execution_project = :template LIMIT 1) t,"
                  + " (SELECT array_agg(id ORDER BY id) ids FROM launch_plans"
                  + " WHERE project = :project) lp")
          .param("project", project)
          .param("template", templateProject)
          .param("from", have)
          .param("to", to)
          .update();
      have = count(jdbc, project);
      System.out.printf("seeded %,d executions%n", have);
    }
    jdbc.sql("ANALYZE executions").update();
    jdbc.sql("ANALYZE launch_plans").update();
    return have;
  }

  static long count(JdbcClient jdbc, String project) {
    return jdbc.sql("SELECT count(*) FROM executions WHERE execution_project = :p")
        .param("p", project)
        .query(Long.class)
        .single();
  }
}
