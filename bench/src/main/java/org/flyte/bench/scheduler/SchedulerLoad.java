package org.flyte.bench.scheduler;

import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionMetadata;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.HdrHistogram.Histogram;
import org.flyte.bench.load.LoadOptions;
import org.flyte.scheduler.config.AdminClientProperties;
import org.flyte.scheduler.config.SchedulerProperties;
import org.flyte.scheduler.config.SchedulerProperties.AdminRateLimit;
import org.flyte.scheduler.config.SchedulerProperties.Local;
import org.flyte.scheduler.config.SchedulerProperties.WorkflowExecutor;
import org.flyte.scheduler.fixtures.FakeAdmin;
import org.flyte.scheduler.fixtures.FakeAdmin.Created;
import org.flyte.scheduler.fixtures.Replicas;
import org.flyte.scheduler.fixtures.Replicas.Replica;
import org.flyte.scheduler.fixtures.ScheduleDatabase;
import org.flyte.scheduler.launch.AdminChannels;
import org.flyte.scheduler.launch.ExecutionLauncher;

/**
 * {@code java -cp bench/target/benchmarks.jar org.flyte.bench.scheduler.SchedulerLoad}. Activates
 * {@code schedules} launch plans (default 10,000) firing every minute: fixed rates of one minute
 * activated across the last minute ({@code mode=rate}, the slots spread over the minute) or {@code
 * * * * * *} crons ({@code mode=cron}, every slot at second 0), starts two replicas on the real
 * clock, lets them fire for {@code minutes} (default 3), optionally kills the leader after {@code
 * kill-after} seconds, and reports per-call lateness (admin's arrival time minus the slot),
 * duplicates (calls answered ALREADY_EXISTS), missed slots and, as the reference, admin's
 * CreateExecution throughput measured flat out in the same run ({@code reference-calls}, {@code
 * in-flight}, which is also the scheduler's {@code maxInFlight}). Options: {@code tps} (2000),
 * {@code burst} (1000), {@code report}.
 */
public final class SchedulerLoad {

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    int schedules = options.integer("schedules", 10_000);
    String mode = options.text("mode", "rate");
    int minutes = options.integer("minutes", 3);
    long killAfter = options.number("kill-after", 0);
    double tps = options.number("tps", 2000);
    int burst = options.integer("burst", 1000);
    int referenceCalls = options.integer("reference-calls", 20_000);
    int inFlight = options.integer("in-flight", 64);
    Path report = options.path("report", "bench/results/scheduler.md");

    try (ScheduleDatabase database = new ScheduleDatabase();
        FakeAdmin admin = new FakeAdmin();
        Replicas replicas = new Replicas(database, admin, Clock.systemUTC())) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      activate(database, schedules, mode, now);
      System.out.printf("%d schedules (%s) activated%n", schedules, mode);

      Instant start = Instant.now();
      List<Replica> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(
            replicas.start(
                fast ->
                    new SchedulerProperties(
                        0,
                        fast.adminWait(),
                        fast.adminWaitInterval(),
                        new WorkflowExecutor(new Local(new AdminRateLimit(tps, burst), true)),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        new SchedulerProperties.LeaderElection(
                            Duration.ofSeconds(2), Duration.ofSeconds(5)),
                        fast.fireRetry(),
                        Duration.ofSeconds(1),
                        inFlight)));
      }
      Instant end = start.plus(Duration.ofMinutes(minutes));
      boolean killed = false;
      while (Instant.now().isBefore(end)) {
        Thread.sleep(1000);
        if (killAfter > 0 && !killed && Instant.now().isAfter(start.plusSeconds(killAfter))) {
          for (Replica replica : running) {
            if (replica.service().isLeader()) {
              replica.service().halt();
              killed = true;
              System.out.println("killed the leader at " + Instant.now());
              break;
            }
          }
        }
      }
      Instant stop = Instant.now();
      for (Replica replica : running) {
        try {
          replica.service().close();
        } catch (RuntimeException halted) {
          // the killed one
        }
      }
      List<Created> created = admin.created();
      long calls = admin.calls();

      double reference = referenceThroughput(admin, referenceCalls, inFlight);
      String text =
          report(
              schedules, mode, minutes, tps, burst, killed, start, stop, created, calls, reference,
              inFlight, database, now);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, text);
      System.out.println(text);
    }
  }

  private static void activate(ScheduleDatabase database, int n, String mode, Instant now) {
    Random random = new Random(42);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant at = mode.equals("cron") ? now : now.minusMillis(random.nextInt(59_000) + 500);
      rows.add(
          new Object[] {
            "lp" + i,
            mode.equals("cron") ? "* * * * *" : "",
            mode.equals("cron") ? 0 : 1,
            Timestamp.from(at)
          });
    }
    new org.springframework.jdbc.core.JdbcTemplate(database.pool())
        .batchUpdate(
            "INSERT INTO schedulable_entities (created_at, updated_at, project, domain, name,"
                + " version, cron_expression, fixed_rate_value, unit, kickoff_time_input_arg,"
                + " active) VALUES (?, ?, 'flytesnacks', 'development', ?, 'v1', ?, ?, 0, '',"
                + " true)",
            rows.stream().map(r -> new Object[] {r[3], r[3], r[0], r[1], r[2]}).toList());
  }

  /** CreateExecution calls a second that admin answers with {@code inFlight} calls under way. */
  private static double referenceThroughput(FakeAdmin admin, int calls, int inFlight)
      throws InterruptedException {
    ManagedChannel channel =
        AdminChannels.open(
            new AdminClientProperties(admin.endpoint(), true, Duration.ofSeconds(30)), null);
    try {
      ExecutionLauncher launcher = new ExecutionLauncher(channel, Duration.ofSeconds(30));
      Semaphore permits = new Semaphore(inFlight);
      List<CompletableFuture<?>> all = new ArrayList<>();
      long begin = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        permits.acquire();
        all.add(
            launcher
                .launch(
                    ExecutionCreateRequest.newBuilder()
                        .setProject("flytesnacks")
                        .setDomain("development")
                        .setName("ref" + i)
                        .setSpec(
                            ExecutionSpec.newBuilder()
                                .setLaunchPlan(Identifier.newBuilder().setName("reference"))
                                .setMetadata(ExecutionMetadata.newBuilder().setModeValue(1)))
                        .build())
                .whenComplete((outcome, error) -> permits.release()));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      return calls / ((System.nanoTime() - begin) / 1e9);
    } finally {
      channel.shutdownNow();
    }
  }

  private static String report(
      int schedules,
      String mode,
      int minutes,
      double tps,
      int burst,
      boolean killed,
      Instant start,
      Instant stop,
      List<Created> created,
      long calls,
      double reference,
      int inFlight,
      ScheduleDatabase database,
      Instant activatedBy)
      throws IOException {
    Histogram lateness = new Histogram(3_600_000_000L, 3);
    Map<String, Integer> perSlot = new HashMap<>();
    Map<String, Instant> anchors = new HashMap<>();
    database
        .jdbc()
        .sql("SELECT name, updated_at FROM schedulable_entities")
        .query(
            rs -> {
              anchors.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            });
    for (Created c : created) {
      long micros = Math.max(0, Duration.between(c.slot(), c.receivedAt()).toNanos() / 1000);
      lateness.recordValue(micros);
      perSlot.merge(c.launchPlan() + "@" + c.slot().getEpochSecond(), 1, Integer::sum);
    }
    long duplicates = perSlot.values().stream().filter(n -> n > 1).count();
    // Slots due while the replicas ran (with a second's margin at the end), per schedule.
    long expected = 0;
    Instant due = stop.minusSeconds(2);
    for (Map.Entry<String, Instant> anchor : anchors.entrySet()) {
      Instant slot =
          mode.equals("cron")
              ? anchor.getValue().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60)
              : anchor.getValue().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
      for (; !slot.isAfter(due); slot = slot.plusSeconds(60)) {
        expected++;
      }
    }
    long fired = created.stream().filter(c -> !c.slot().isAfter(due)).count();
    double seconds = Duration.between(start, stop).toMillis() / 1000.0;
    return String.join(
        "\n",
        "# FlyteScheduler: " + schedules + " schedules firing every minute",
        "",
        "`java -cp bench/target/benchmarks.jar org.flyte.bench.scheduler.SchedulerLoad"
            + " --schedules="
            + schedules
            + " --mode="
            + mode
            + " --minutes="
            + minutes
            + (killed ? " --kill-after=..." : "")
            + "` (two replicas, one stand-in admin over gRPC on loopback, embedded PostgreSQL;"
            + " rate limit "
            + (long) tps
            + " tps, burst "
            + burst
            + ", maxInFlight "
            + inFlight
            + ")",
        "",
        "| figure | value |",
        "|---|---|",
        "| run | "
            + String.format("%.0f s", seconds)
            + (killed ? ", leader killed mid-run" : "")
            + " |",
        "| executions created | " + created.size() + " |",
        "| CreateExecution calls | "
            + calls
            + " ("
            + (calls - created.size())
            + " answered ALREADY_EXISTS) |",
        "| slots created twice | " + duplicates + " |",
        "| slots due (up to 2 s before the end) / created | " + expected + " / " + fired + " |",
        "| lateness p50 | " + ms(lateness.getValueAtPercentile(50)) + " |",
        "| lateness p99 | " + ms(lateness.getValueAtPercentile(99)) + " |",
        "| lateness p99.9 / max | "
            + ms(lateness.getValueAtPercentile(99.9))
            + " / "
            + ms(lateness.getMaxValue())
            + " |",
        "| reference: admin's CreateExecution throughput, flat out ("
            + inFlight
            + " in flight) | "
            + String.format("%.0f calls/s", reference)
            + " |",
        "| scheduler's rate: slots due per second on average | "
            + String.format("%.0f", schedules / 60.0)
            + " |",
        "",
        "Lateness: admin's arrival time of a CreateExecution minus its slot.",
        "");
  }

  private static String ms(long micros) {
    return String.format("%.1f ms", micros / 1000.0);
  }
}
