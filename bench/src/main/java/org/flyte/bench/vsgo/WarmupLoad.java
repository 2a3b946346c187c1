package org.flyte.bench.vsgo;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flyte.bench.load.LoadOptions;

/**
 * Warm-up after a start: starts each target's process {@code runs} times (the targets alternating,
 * the order reversed every other run), waits until it is ready (HTTP {@code /healthcheck} 200 and
 * gRPC {@code Health/Check} SERVING, polled every 10 ms), then at once drives the registration and
 * list mix of {@link WarmupLanes} for {@code seconds} and counts the calls completed in each 1-s
 * bucket from ready. Steady state is the median bucket of the last third ({@code steady-from} to
 * the end); the report gives, per target, the buckets' median over the runs, the mean of 0–10 s and
 * the 9–10 s bucket as fractions of the steady state.
 *
 * <p>Options ({@code --name=value}): {@code targets} (go,ours; the first is the baseline), {@code
 * <target>.cmd} (the command line, split on spaces), {@code <target>.dir}, {@code <target>.grpc},
 * {@code <target>.http}, {@code runs} (3), {@code seconds} (60), {@code steady-from} (40), {@code
 * lanes} (8), {@code timeout-seconds} (120), {@code logs} (/tmp: {@code <target>.log}), {@code
 * report}.
 */
public final class WarmupLoad {

  private WarmupLoad() {}

  /** One start: seconds from the process start to ready, and the counts from ready. */
  record Run(double readySeconds, WarmupLanes.Buckets buckets) {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    List<String> names = List.of(options.text("targets", "go,ours").split(","));
    int runs = options.integer("runs", 3);
    int seconds = options.integer("seconds", 60);
    int steadyFrom = options.integer("steady-from", 40);
    int lanes = options.integer("lanes", 8);
    Duration timeout = options.seconds("timeout-seconds", 120);
    Path logs = options.path("logs", "/tmp");
    Map<String, List<Run>> results = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(run % 2 == 0 ? i : names.size() - 1 - i);
        Target target = Target.of(options, name);
        ProcessBuilder builder = StartupProbe.process(options, name, logs);
        String tag = name + "-" + System.currentTimeMillis();
        Run result = once(builder, target, tag, lanes, seconds, timeout);
        WarmupReport.Summary s = WarmupReport.summary(result.buckets(), steadyFrom);
        System.out.printf(
            Locale.ROOT,
            "run %d %-5s ready in %.2f s; steady %,.0f calls/s; 0-10 s mean %.2f, 9-10 s %.2f;"
                + " errors %d; per second %s%n",
            run,
            name,
            result.readySeconds(),
            s.steady(),
            s.firstTen(),
            s.atTen(),
            s.errors(),
            WarmupReport.perSecond(result.buckets()));
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(result);
      }
    }
    String text = WarmupReport.render(String.join(" ", args), names, results, steadyFrom);
    Path report = options.path("report", "bench/results/vs-go-warmup.md");
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text);
    System.out.println(text);
    System.exit(0);
  }

  private static Run once(
      ProcessBuilder builder, Target target, String tag, int lanes, int seconds, Duration timeout)
      throws Exception {
    HttpClient probe =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2))
            .build();
    long start = System.nanoTime();
    Process process = builder.start();
    ManagedChannel channel = null;
    try {
      long deadline = start + timeout.toNanos();
      while (!StartupProbe.ready(target, probe)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(target.name() + " exited with " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(target.name() + " not ready within " + timeout);
        }
        Thread.sleep(10);
      }
      long ready = System.nanoTime();
      channel = Grpc.newChannelBuilder(target.grpc(), InsecureChannelCredentials.create()).build();
      WarmupLanes.Buckets buckets =
          WarmupLanes.drive(channel, http, target.http(), tag, lanes, seconds, ready);
      return new Run((ready - start) / 1e9, buckets);
    } finally {
      if (channel != null) {
        channel.shutdownNow();
      }
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      Thread.sleep(1000);
    }
  }
}
