package org.flyte.bench.vsgo;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.flyte.bench.load.LoadDriver;

/**
 * The Markdown report of {@link FloorLoad}: medians over the rounds, ratios to the first target.
 */
final class FloorReport {

  private FloorReport() {}

  static String render(
      String args,
      List<String> names,
      List<String> keys,
      Map<String, FloorLoad.Phase> phases,
      Map<String, Map<String, List<LoadDriver.Result>>> results,
      Map<String, Map<String, List<Double>>> cpu,
      Map<String, Double> memory) {
    String base = names.get(0);
    StringBuilder out = new StringBuilder("# FlyteAdmin side by side: the per-call floor\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%s, %d cores, Java %s. Arguments: `%s`. Median over the rounds of calls/s and of p99;"
                + " ratios are %s.%n%n",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            args,
            names.subList(1, names.size()).stream().map(n -> n + " / " + base).toList()));
    out.append("| phase | in flight |");
    names.forEach(
        n -> out.append(" ").append(n).append(" calls/s | ").append(n).append(" p99 ms |"));
    names
        .subList(1, names.size())
        .forEach(n -> out.append(" ").append(n).append(" / ").append(base).append(" |"));
    out.append(" runs (calls/s, errors) |\n|---|---:|");
    names.forEach(n -> out.append("---:|---:|"));
    names.subList(1, names.size()).forEach(n -> out.append("---:|"));
    out.append("---|\n");
    for (String key : keys) {
      Map<String, List<LoadDriver.Result>> byTarget = results.get(key);
      out.append("| ").append(phases.get(key).title()).append(" | ");
      out.append(phases.get(key).inFlight()).append(" |");
      for (String n : names) {
        out.append(
            String.format(
                Locale.ROOT, " %,.0f | %.2f |", throughput(byTarget.get(n)), p99(byTarget.get(n))));
      }
      for (String n : names.subList(1, names.size())) {
        out.append(
            String.format(
                Locale.ROOT,
                " %.2f |",
                throughput(byTarget.get(n)) / throughput(byTarget.get(base))));
      }
      StringBuilder runs = new StringBuilder();
      for (String n : names) {
        runs.append(n).append(':');
        for (LoadDriver.Result r : byTarget.get(n)) {
          runs.append(String.format(Locale.ROOT, " %,.0f (%d)", r.throughput(), r.errors()));
        }
        runs.append("; ");
      }
      out.append(' ').append(runs.toString().strip()).append(" |\n");
    }
    if (results.containsKey("list-rest-json") && results.containsKey("list-rest-binary")) {
      ratios(
          out,
          "REST JSON / REST binary for the same page:",
          names,
          n ->
              throughput(results.get("list-rest-json").get(n))
                  / throughput(results.get("list-rest-binary").get(n)));
    }
    serverCpu(out, names, keys, phases, cpu);
    out.append("\nResident memory after the run (VmRSS):");
    memory.forEach(
        (n, mib) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    " %s %s;",
                    n,
                    mib < 0 ? "not given" : String.format(Locale.ROOT, "%.0f MiB", mib))));
    out.append('\n');
    return out.toString();
  }

  /** The targets' CPU per call (median over the rounds), where their pids were given. */
  private static void serverCpu(
      StringBuilder out,
      List<String> names,
      List<String> keys,
      Map<String, FloorLoad.Phase> phases,
      Map<String, Map<String, List<Double>>> cpu) {
    List<String> known =
        names.stream()
            .filter(n -> keys.stream().allMatch(k -> cpuMicros(cpu.get(k).get(n)) >= 0))
            .toList();
    if (known.isEmpty()) {
      return;
    }
    out.append(
        "\nServer CPU per call during the measured runs, median µs (/proc, 10 ms ticks):\n\n");
    out.append("| phase |");
    known.forEach(n -> out.append(' ').append(n).append(" |"));
    out.append("\n|---|");
    known.forEach(n -> out.append("---:|"));
    out.append('\n');
    for (String key : keys) {
      out.append("| ").append(phases.get(key).title()).append(" |");
      known.forEach(
          n -> out.append(String.format(Locale.ROOT, " %.0f |", cpuMicros(cpu.get(key).get(n)))));
      out.append('\n');
    }
    if (cpu.containsKey("list-rest-json") && cpu.containsKey("list-rest-binary")) {
      ratios(
          out,
          "REST binary CPU / REST JSON CPU per call (JSON / binary throughput of a server"
              + " with the cores to itself):",
          known,
          n ->
              cpuMicros(cpu.get("list-rest-binary").get(n))
                  / cpuMicros(cpu.get("list-rest-json").get(n)));
    }
  }

  private static void ratios(
      StringBuilder out, String title, List<String> names, ToDoubleFunction<String> ratio) {
    out.append('\n').append(title);
    for (String n : names) {
      out.append(String.format(Locale.ROOT, " %s %.2f;", n, ratio.applyAsDouble(n)));
    }
    out.append('\n');
  }

  private static double cpuMicros(List<Double> runs) {
    return runs.stream().anyMatch(v -> v < 0)
        ? -1
        : median(runs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static double throughput(List<LoadDriver.Result> runs) {
    return median(runs.stream().mapToDouble(LoadDriver.Result::throughput).toArray());
  }

  static double p99(List<LoadDriver.Result> runs) {
    return median(runs.stream().mapToDouble(LoadDriver.Result::p99Millis).toArray());
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
