package org.flyte.bench.vsgo;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The Markdown report of {@link WarmupLoad}. */
final class WarmupReport {

  private WarmupReport() {}

  /** One start reduced: steady calls/s, fractions of it, errors. */
  record Summary(double steady, double firstTen, double atTen, long errors) {}

  static Summary summary(WarmupLanes.Buckets b, int steadyFrom) {
    double steady = steady(b, steadyFrom);
    double firstTen = IntStream.range(0, 10).mapToDouble(b::total).sum() / 10 / steady;
    long errors = IntStream.range(0, b.seconds()).mapToLong(b.errors()::get).sum();
    return new Summary(steady, firstTen, b.total(9) / steady, errors);
  }

  /** The median of the per-second totals from {@code steadyFrom} to the end. */
  static double steady(WarmupLanes.Buckets b, int steadyFrom) {
    return FloorReport.median(
        IntStream.range(steadyFrom, b.seconds()).mapToDouble(b::total).toArray());
  }

  static String perSecond(WarmupLanes.Buckets b) {
    return Arrays.toString(IntStream.range(0, b.seconds()).mapToLong(b::total).toArray());
  }

  static String render(
      String args, List<String> names, Map<String, List<WarmupLoad.Run>> results, int steadyFrom) {
    StringBuilder out = new StringBuilder("# FlyteAdmin side by side: warm-up after a start\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%s, %d cores. Arguments: `%s`. Calls completed per 1-s bucket from ready (all calls of"
                + " the registration and list mix); steady = median bucket from %d s; fractions of"
                + " each start's own steady state, medians over the starts.%n%n",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            args,
            steadyFrom));
    out.append(
        "| target | ready s, median | steady calls/s, median | 0–10 s mean / steady, median (min–max)"
            + " | 9–10 s bucket / steady, median | errors | each start: ready s, steady, 0–10 s"
            + " |\n|---|---:|---:|---:|---:|---:|---|\n");
    for (String name : names) {
      List<WarmupLoad.Run> runs = results.get(name);
      List<Summary> s = runs.stream().map(r -> summary(r.buckets(), steadyFrom)).toList();
      double[] ten = s.stream().mapToDouble(Summary::firstTen).toArray();
      StringBuilder each = new StringBuilder();
      for (int i = 0; i < runs.size(); i++) {
        each.append(
            String.format(
                Locale.ROOT,
                "%.2f / %,.0f / %.2f; ",
                runs.get(i).readySeconds(),
                s.get(i).steady(),
                s.get(i).firstTen()));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %,.0f | %.2f (%.2f–%.2f) | %.2f | %d | %s|%n",
              name,
              FloorReport.median(runs.stream().mapToDouble(WarmupLoad.Run::readySeconds).toArray()),
              FloorReport.median(s.stream().mapToDouble(Summary::steady).toArray()),
              FloorReport.median(ten),
              Arrays.stream(ten).min().orElse(0),
              Arrays.stream(ten).max().orElse(0),
              FloorReport.median(s.stream().mapToDouble(Summary::atTen).toArray()),
              s.stream().mapToLong(Summary::errors).sum(),
              each));
    }
    out.append(
        "\nEvery lane runs the six calls of its cycle one after the other, so each call completes"
            + " at the same rate; the per-call share of the time is not measured here.\n");
    out.append("\nCalls/s per second from ready, each start:\n\n");
    for (String name : names) {
      for (WarmupLoad.Run r : results.get(name)) {
        out.append("- ").append(name).append(": ").append(perSecond(r.buckets())).append('\n');
      }
    }
    return out.toString();
  }
}
