package org.flyte.bench.vsgo;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.flyte.bench.load.CpuAccount;
import org.flyte.bench.load.LoadOptions;
import org.flyte.bench.load.ProcessMemory;

/**
 * Start-up time to ready and resident memory after start of FlyteAdmin processes, started {@code
 * runs} times each, the targets alternating: the time from starting the process until its HTTP
 * {@code /healthcheck} answers 200 and its gRPC {@code grpc.health.v1.Health/Check} answers SERVING
 * (polled every 10 ms, a fresh connection each time) and the CPU time the process had used by then
 * (user and system, all its threads: steadier than the time to ready on a machine shared with other
 * work), then the resident memory (VmRSS of the process and its children, e.g. an embedded
 * PostgreSQL) {@code settle-seconds} later, then a SIGTERM.
 *
 * <p>Options ({@code --name=value}): {@code targets} (go,ours; the first is the baseline), {@code
 * <target>.cmd} (the command line, split on spaces), {@code <target>.dir} (working directory),
 * {@code <target>.grpc} (host:port, or {@code none} for an app without a gRPC listener), {@code
 * <target>.http} (http://host:port), {@code runs} (5), {@code settle-seconds} (2), {@code
 * timeout-seconds} (120), {@code logs} (/tmp: the processes' output, {@code <target>.log}), {@code
 * report}.
 */
public final class StartupProbe {

  private StartupProbe() {}

  /**
   * One start: seconds to ready, CPU seconds used by then (main process), MiB resident (main
   * process) and MiB proportional (group).
   */
  record Run(double seconds, double cpuSeconds, double mib, double groupMib) {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    List<String> names = List.of(options.text("targets", "go,ours").split(","));
    int runs = options.integer("runs", 5);
    Duration settle = options.seconds("settle-seconds", 2);
    Duration timeout = options.seconds("timeout-seconds", 120);
    Path logs = options.path("logs", "/tmp");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();
    Map<String, List<Run>> results = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(run % 2 == 0 ? i : names.size() - 1 - i);
        Target target = Target.of(options, name);
        ProcessBuilder builder = process(options, name, logs);
        Run result =
            once(builder, target, http, settle, timeout, options.text(name + ".also", null));
        System.out.printf(
            Locale.ROOT,
            "run %d %-5s ready in %.2f s (CPU %.2f s), %.0f MiB%n",
            run,
            name,
            result.seconds(),
            result.cpuSeconds(),
            result.mib());
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
      }
    }
    String text = render(String.join(" ", args), names, results);
    Path report = options.path("report", "bench/results/vs-go-startup.md");
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text);
    System.out.println(text);
  }

  private static Run once(
      ProcessBuilder builder,
      Target target,
      HttpClient http,
      Duration settle,
      Duration timeout,
      String also)
      throws Exception {
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      long deadline = start + timeout.toNanos();
      while (!ready(target, http)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(target.name() + " exited with " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(target.name() + " not ready within " + timeout);
        }
        Thread.sleep(10);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = CpuAccount.processNanos(process.pid()) / 1e9;
      Thread.sleep(settle.toMillis());
      return new Run(
          seconds,
          cpuSeconds,
          ProcessMemory.residentMiB(process.pid()),
          groupMiB(process.toHandle(), also));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      Thread.sleep(500);
    }
  }

  /**
   * The process of target {@code name}: its {@code .cmd} split on spaces, run in its {@code .dir},
   * its output appended to {@code <logs>/<name>.log}.
   */
  static ProcessBuilder process(LoadOptions options, String name, Path logs) {
    List<String> command = List.of(options.text(name + ".cmd", "").trim().split(" +"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
    String dir = options.text(name + ".dir", null);
    if (dir != null) {
      builder.directory(new File(dir));
    }
    return builder;
  }

  static boolean ready(Target target, HttpClient http) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(target.http() + "/healthcheck"))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    if (target.grpc().equals("none")) {
      return true; // an app without a gRPC listener (FlyteScheduler)
    }
    ManagedChannel channel =
        Grpc.newChannelBuilder(target.grpc(), InsecureChannelCredentials.create()).build();
    try {
      return HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(1, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance())
              .getStatus()
          == ServingStatus.SERVING;
    } catch (RuntimeException e) {
      return false;
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * PSS of the process, its descendants, and (when {@code also} is given) every other process whose
   * command line contains {@code also} with its descendants: a PostgreSQL that {@code pg_ctl}
   * detached from the process that started it.
   */
  private static double groupMiB(ProcessHandle process, String also) {
    Set<Long> pids = new HashSet<>();
    List<ProcessHandle> roots = new ArrayList<>(List.of(process));
    if (also != null) {
      Set<Long> self = new HashSet<>(); // this driver and its callers name {@code also} too
      for (var p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
        self.add(p.get().pid());
      }
      ProcessHandle.allProcesses()
          .filter(p -> !self.contains(p.pid()))
          .filter(p -> p.info().commandLine().map(c -> c.contains(also)).orElse(false))
          .forEach(roots::add);
    }
    for (ProcessHandle root : roots) {
      pids.add(root.pid());
      root.descendants().forEach(p -> pids.add(p.pid()));
    }
    return pids.stream().mapToDouble(p -> Math.max(0, ProcessMemory.proportionalMiB(p))).sum();
  }

  private static String render(String args, List<String> names, Map<String, List<Run>> results) {
    String base = names.get(0);
    StringBuilder out = new StringBuilder("# FlyteAdmin side by side: start-up and memory\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%s, %d cores. Arguments: `%s`. Ready = HTTP /healthcheck 200 and gRPC Health/Check"
                + " SERVING, from the process start; CPU = the process's user and system time at"
                + " ready; memory after ready and the settle time: VmRSS of"
                + " the process, and PSS summed over it, its children and the processes named by"
                + " `<target>.also` (a detached PostgreSQL).%n%n",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            args));
    out.append(
        "| target | ready s, median (min–max) | CPU s at ready, median (min–max) | RSS MiB, median"
            + " (min–max) | group PSS MiB, median | runs: s / CPU s / RSS / PSS |\n");
    out.append("|---|---:|---:|---:|---:|---|\n");
    for (String name : names) {
      List<Run> runs = results.get(name);
      double[] s = runs.stream().mapToDouble(Run::seconds).toArray();
      double[] c = runs.stream().mapToDouble(Run::cpuSeconds).toArray();
      double[] m = runs.stream().mapToDouble(Run::mib).toArray();
      StringBuilder each = new StringBuilder();
      double[] g = runs.stream().mapToDouble(Run::groupMib).toArray();
      runs.forEach(
          r ->
              each.append(
                  String.format(
                      Locale.ROOT,
                      "%.2f/%.2f/%.0f/%.0f ",
                      r.seconds(),
                      r.cpuSeconds(),
                      r.mib(),
                      r.groupMib())));
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.0f (%.0f–%.0f) | %.0f | %s|%n",
              name,
              FloorReport.median(s),
              min(s),
              max(s),
              FloorReport.median(c),
              min(c),
              max(c),
              FloorReport.median(m),
              min(m),
              max(m),
              FloorReport.median(g),
              each));
    }
    out.append('\n');
    for (String name : names.subList(1, names.size())) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s / %s: ready time %.2f×, CPU at ready %.2f×, RSS %.2f×, group PSS %.2f×%n",
              name,
              base,
              median(results.get(name), Run::seconds) / median(results.get(base), Run::seconds),
              median(results.get(name), Run::cpuSeconds)
                  / median(results.get(base), Run::cpuSeconds),
              median(results.get(name), Run::mib) / median(results.get(base), Run::mib),
              median(results.get(name), Run::groupMib) / median(results.get(base), Run::groupMib)));
    }
    return out.toString();
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    return FloorReport.median(runs.stream().mapToDouble(value).toArray());
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(0);
  }
}
