package org.flyte.bench.execution;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.flyte.bench.load.LoadDriver;

/** The markdown report of {@link ExecutionLoad}. */
final class ExecutionReport {

  /** How the run was made. */
  record Setup(int launchPlans, int inFlight, Duration seconds, Duration warmup) {}

  /** The growth of a list's p99 between two sizes that the benchmark aims to stay under. */
  static final double FLAT = 1.5;

  private ExecutionReport() {}

  static String markdown(
      Setup setup,
      List<LoadDriver.Result> results,
      long recorded,
      long meanSize,
      List<ExecutionLoad.Stage> stages,
      String plans) {
    double baseline = results.get(0).throughput();
    StringBuilder out = new StringBuilder("# FlyteAdmin execution benchmark\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%d launch plans of one workflow in project `%s`/`%s`. CreateExecution launches them"
                + " into project `%s` with a generated name and an input, through the whole"
                + " launch path (validation, input merge and offload to local-disk storage, the"
                + " execution row) and an executor that builds and serializes each FlyteWorkflow"
                + " custom resource as the Kubernetes executor does, then records it instead of"
                + " sending it. The lists run in project `%s`, seeded by SQL. %d calls in flight"
                + " over loopback gRPC; each phase %d s after a %d s warm-up. Machine: %d cores,"
                + " Java %s. The app, its embedded PostgreSQL and the driver share the machine."
                + "%n%n",
            setup.launchPlans(),
            ExecutionLoad.PROJECT,
            ExecutionLoad.DOMAIN,
            ExecutionLoad.CREATE_PROJECT,
            ExecutionLoad.PROJECT,
            setup.inFlight(),
            setup.seconds().toSeconds(),
            setup.warmup().toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    out.append("| phase | calls | errors | calls/s | ratio to Health/Check | p50 ms | p99 ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (LoadDriver.Result r : results) {
      out.append(row(r.name(), r, baseline));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nCustom resources recorded by the executor during CreateExecution (warm-up"
                + " included): %,d, %,d characters of JSON each on average.%n%n",
            recorded,
            meanSize));
    out.append("## ListExecutions (limit 25, created_at DESC) as the project grows\n\n");
    for (ExecutionLoad.Stage stage : stages) {
      out.append(String.format(Locale.ROOT, "### %,d executions in the project%n%n", stage.rows()));
      out.append("| list | calls | errors | calls/s | ratio to Health/Check | p50 ms | p99 ms |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (LoadDriver.Result r : stage.lists()) {
        out.append(row(r.name(), r, baseline));
      }
      out.append('\n');
    }
    ExecutionLoad.Stage first = stages.get(0);
    ExecutionLoad.Stage middle = stages.get(stages.size() - 2);
    ExecutionLoad.Stage last = stages.get(stages.size() - 1);
    out.append(
        String.format(
            Locale.ROOT,
            "## Growth of p99 (goal: at most %.1f× from %,d to %,d rows)%n%n",
            FLAT,
            middle.rows(),
            last.rows()));
    out.append(
        String.format(
            Locale.ROOT,
            "| list | p99 at %,d | p99 at %,d | p99 at %,d | growth %,d → %,d | flat |%n",
            first.rows(),
            middle.rows(),
            last.rows(),
            middle.rows(),
            last.rows()));
    out.append("|---|---:|---:|---:|---:|---|\n");
    for (int i = 0; i < last.lists().size(); i++) {
      double growth = last.lists().get(i).p99Millis() / middle.lists().get(i).p99Millis();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f× | %s |%n",
              last.lists().get(i).name(),
              first.lists().get(i).p99Millis(),
              middle.lists().get(i).p99Millis(),
              last.lists().get(i).p99Millis(),
              growth,
              growth <= FLAT ? "yes" : "**no**"));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n## Query plans of the statements the lists ran, at %,d rows (EXPLAIN ANALYZE)%n%n",
            last.rows()));
    out.append(plans);
    return out.toString();
  }

  private static String row(String name, LoadDriver.Result r, double baseline) {
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %,d | %,.0f | %.3f | %.2f | %.2f |%n",
        name,
        r.ops(),
        r.errors(),
        r.throughput(),
        r.throughput() / baseline,
        r.p50Millis(),
        r.p99Millis());
  }
}
