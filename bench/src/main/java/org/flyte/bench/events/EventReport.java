package org.flyte.bench.events;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.flyte.bench.events.EventLoad.Phase;
import org.flyte.bench.load.CpuAccount;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The text of {@link EventLoad}'s report. */
final class EventReport {

  private EventReport() {}

  /** PostgreSQL's own time per statement over the seeded events phase (warm-up included). */
  static String statementStats(JdbcClient jdbc) {
    StringBuilder out =
        new StringBuilder(
            "## PostgreSQL time per statement (pg_stat_statements, seeded events phase with its"
                + " warm-up)\n\n| calls | total ms | mean µs | rows | statement |\n"
                + "|---:|---:|---:|---:|---|\n");
    jdbc.sql(
            "SELECT calls, total_exec_time + total_plan_time AS total, rows,"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q"
                + " FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC"
                + " LIMIT 12")
        .query(
            (rs, n) ->
                String.format(
                    Locale.ROOT,
                    "| %,d | %,.0f | %.0f | %,d | `%s` |%n",
                    rs.getLong("calls"),
                    rs.getDouble("total"),
                    rs.getDouble("total") * 1000 / Math.max(1, rs.getLong("calls")),
                    rs.getLong("rows"),
                    rs.getString("q").replace('|', '/')))
        .list()
        .forEach(out::append);
    return out.append('\n').toString();
  }

  static String report(
      int senders,
      Duration seconds,
      Duration warmup,
      List<Phase> phases,
      long executions,
      long nodes,
      long seeded,
      String statements,
      String plans) {
    StringBuilder out = new StringBuilder("# FlyteAdmin event ingestion benchmark\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%d senders over loopback gRPC, each replaying propeller's events for one node after"
                + " another (node QUEUED, node RUNNING, task RUNNING, task SUCCEEDED, node"
                + " SUCCEEDED: 2 inserts and 3 read-change-writes, the node ones each with its"
                + " event log row), against the same %d threads doing a one-row INSERT and COMMIT"
                + " through the app's connection pool (the physical floor). Each phase %d s after a %d s"
                + " warm-up. Tables at the end: %,d executions, %,d node executions (%,d seeded by"
                + " SQL before the seeded phases). Machine: %d cores shared with other work, Java"
                + " %s; the app, its embedded PostgreSQL and the driver share it.%n%n",
            senders,
            senders,
            seconds.toSeconds(),
            warmup.toSeconds(),
            executions,
            nodes,
            seeded,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    out.append("| phase | operations | ops/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
    for (Phase phase : phases) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,.0f | %.2f | %.2f |%n",
              phase.name(),
              phase.ops(),
              phase.rate(),
              phase.p50(),
              phase.p99()));
    }
    double emptyRatio = phases.get(1).rate() / phases.get(0).rate();
    double seededRatio = phases.get(3).rate() / phases.get(2).rate();
    out.append(
        String.format(
            Locale.ROOT,
            "%nEvents per second as a ratio to the floor: %.2f on empty tables, %.2f on seeded"
                + " tables; seeded events / empty events: %.2f.%n%n",
            emptyRatio,
            seededRatio,
            phases.get(3).rate() / phases.get(1).rate()));
    out.append(
        "CPU per operation (µs) by where it was spent, measured per thread (the JVM's threads"
            + " grouped by pool), for the JVM, the PostgreSQL server's processes and the whole"
            + " machine (all cores, other work included):\n\n");
    for (Phase phase : phases) {
      out.append("- ")
          .append(phase.name())
          .append(": ")
          .append(CpuAccount.perOp(phase.cpu(), phase.ops()))
          .append('\n');
    }
    out.append('\n');
    out.append(statements);
    out.append("## Query plans of the list RPCs (EXPLAIN ANALYZE, seeded tables)\n\n");
    out.append(plans);
    return out.toString();
  }
}
