package org.flyte.bench.datacatalog;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.flyte.bench.load.LoadDriver;

/** The benchmark's Markdown report. */
final class Report {

  private Report() {}

  static String markdown(
      long artifacts,
      int datasets,
      int perDataset,
      int hot,
      int inFlight,
      Duration seconds,
      Duration warmup,
      List<LoadDriver.Result> grpc,
      List<LoadDriver.Result> persistence,
      String plans) {
    StringBuilder out = new StringBuilder("# DataCatalog load benchmark\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Data set: %,d artifacts (%,d seeded by COPY, the rest written by earlier runs' write"
                + " phases) in %,d datasets (%d seeded in each, one output and one tag each; the"
                + " literals of %d per dataset in local-disk storage). %d calls in flight over"
                + " loopback gRPC; each phase %d s after a %d s warm-up. Machine: %d cores, Java %s."
                + " The app, its embedded PostgreSQL and the driver share the machine.%n%n",
            artifacts,
            (long) datasets * perDataset,
            datasets,
            perDataset,
            hot,
            inFlight,
            seconds.toSeconds(),
            warmup.toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    out.append("## Over gRPC\n\n");
    out.append(grpcTable(grpc));
    out.append("\nThe write path counts one sequence of three calls as one call.\n\n");
    out.append("## The hot paths' repository statements in-process, same run\n\n");
    out.append("| path | calls | errors | calls/s | p50 ms | p99 ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (LoadDriver.Result r : persistence) {
      out.append(row(r, null));
    }
    out.append("\n## Query plans (EXPLAIN ANALYZE on the seeded data)\n\n").append(plans);
    return out.toString();
  }

  /** The gRPC phases as a table, each against the first (Health/Check). */
  static String grpcTable(List<LoadDriver.Result> grpc) {
    StringBuilder out = new StringBuilder();
    out.append("| phase | calls | errors | calls/s | ratio to Health/Check | p50 ms | p99 ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    double baseline = grpc.get(0).throughput();
    for (LoadDriver.Result r : grpc) {
      out.append(row(r, String.format(Locale.ROOT, "%.3f", r.throughput() / baseline)));
    }
    return out.toString();
  }

  /** A table row; without the ratio column when {@code ratio} is null. */
  private static String row(LoadDriver.Result r, String ratio) {
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %,d | %,.0f |%s %.2f | %.2f |%n",
        r.name(),
        r.ops(),
        r.errors(),
        r.throughput(),
        ratio == null ? "" : " " + ratio + " |",
        r.p50Millis(),
        r.p99Millis());
  }
}
