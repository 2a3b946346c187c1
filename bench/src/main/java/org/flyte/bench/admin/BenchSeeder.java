package org.flyte.bench.admin;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds the benchmark project with task and workflow versions: copies of the registered templates'
 * rows (their closures, digests, interfaces and closure blob), {@code versions} of each spread over
 * {@code names} names, one second apart in {@code created_at}. Seeding is skipped when the rows are
 * there from an earlier run.
 */
final class BenchSeeder {

  private BenchSeeder() {}

  /** Seeds up to {@code versions} rows of each kind; returns the task versions seeded in total. */
  static long seed(JdbcClient jdbc, int versions, int names) {
    long tasks = count(jdbc, "tasks", "bench.t%");
    if (tasks < versions) {
      jdbc.sql(
              "INSERT INTO tasks (project, domain, name, version, closure, digest, type,"
                  + " short_description, created_at, updated_at)"
                  + " SELECT t.project, t.domain, 'bench.t' || (g % :names), 'v' || g, t.closure,"
                  + " t.digest, t.type, '', now() - make_interval(secs => :versions - g), now()"
                  + " FROM generate_series(:from, :versions - 1) g,"
                  + " (SELECT * FROM tasks WHERE project = 'bench' AND name = 'bench.template_task'"
                  + " LIMIT 1) t")
          .param("names", names)
          .param("versions", versions)
          .param("from", tasks)
          .update();
    }
    long workflows = count(jdbc, "workflows", "bench.w%");
    if (workflows < versions) {
      jdbc.sql(
              "INSERT INTO workflows (project, domain, name, version, typed_interface,"
                  + " remote_closure_identifier, digest, short_description, created_at,"
                  + " updated_at)"
                  + " SELECT w.project, w.domain, 'bench.w' || (g % :names), 'v' || g,"
                  + " w.typed_interface, w.remote_closure_identifier, w.digest, '',"
                  + " now() - make_interval(secs => :versions - g), now()"
                  + " FROM generate_series(:from, :versions - 1) g,"
                  + " (SELECT * FROM workflows WHERE project = 'bench'"
                  + " AND name = 'bench.template_wf' LIMIT 1) w")
          .param("names", names)
          .param("versions", versions)
          .param("from", workflows)
          .update();
    }
    jdbc.sql("ANALYZE tasks").update();
    jdbc.sql("ANALYZE workflows").update();
    return count(jdbc, "tasks", "bench.t%");
  }

  private static long count(JdbcClient jdbc, String table, String pattern) {
    return jdbc.sql(
            "SELECT count(*) FROM " + table + " WHERE project = 'bench' AND name LIKE :pattern")
        .param("pattern", pattern)
        .query(Long.class)
        .single();
  }
}
