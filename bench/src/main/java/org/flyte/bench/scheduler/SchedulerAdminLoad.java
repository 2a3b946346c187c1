package org.flyte.bench.scheduler;

import com.google.common.util.concurrent.ListenableFuture;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.flyte.admin.FlyteAdminApplication;
import org.flyte.admin.executor.AbortData;
import org.flyte.admin.executor.ExecutionData;
import org.flyte.admin.executor.ExecutionResponse;
import org.flyte.admin.executor.WorkflowExecutor;
import org.flyte.bench.load.LoadOptions;
import org.flyte.common.grpc.GrpcAutoConfiguration;
import org.flyte.scheduler.FlyteSchedulerApplication;
import org.flyte.scheduler.schedule.ScheduleNames;
import org.flyte.scheduler.service.SchedulerService;
import org.flyte.testing.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -cp bench/target/benchmarks.jar org.flyte.bench.scheduler.SchedulerAdminLoad}: the
 * scheduler load of {@link SchedulerLoad} against the real FlyteAdmin app instead of the stand-in.
 * FlyteAdmin runs in this JVM on a fresh database of the test PostgreSQL and local-disk storage, as
 * in the sandbox, with an executor that starts nothing and records when admin accepted each
 * execution. The driver registers a workflow and {@code schedules} (10,000) launch plans through
 * the API and activates them ({@code mode=rate}: one-minute fixed rates whose activation times are
 * then spread over the last minute; {@code mode=cron}: {@code * * * * *}), starts two
 * FlyteScheduler apps on the same database, lets them fire for {@code minutes} (3), optionally
 * kills the leader after {@code kill-after} seconds, and reports the lateness of each execution
 * (admin's acceptance minus its slot), slots created twice, slots missed, the scheduler's calls
 * that admin refused as ALREADY_EXISTS, and as the reference admin's CreateExecution throughput
 * flat out in the same run ({@code reference-calls} 10,000, {@code in-flight} 64).
 */
public final class SchedulerAdminLoad {

  private static final String PROJECT = ScheduledLaunchPlans.PROJECT;
  private static final String DOMAIN = ScheduledLaunchPlans.DOMAIN;
  private static final String VERSION = ScheduledLaunchPlans.VERSION;

  /** Admin's executor here: records the first acceptance of each execution name, and repeats. */
  static final class RecordingExecutor implements WorkflowExecutor {
    final Map<String, Instant> accepted = new ConcurrentHashMap<>();
    final AtomicLong repeats = new AtomicLong();

    @Override
    public ExecutionResponse execute(ExecutionData data) {
      if (accepted.putIfAbsent(data.executionId().getName(), data.parameters().acceptedAt())
          != null) {
        repeats.incrementAndGet();
      }
      return new ExecutionResponse("bench");
    }

    @Override
    public void abort(AbortData data) {}

    @Override
    public String id() {
      return "bench";
    }
  }

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    int schedules = options.integer("schedules", 10_000);
    String mode = options.text("mode", "rate");
    int minutes = options.integer("minutes", 3);
    long killAfter = options.number("kill-after", 0);
    long tps = options.number("tps", 2000);
    int burst = options.integer("burst", 1000);
    int referenceCalls = options.integer("reference-calls", 10_000);
    int inFlight = options.integer("in-flight", 64);
    Path dir = options.path("dir", "bench/target/scheduler-admin-bench").toAbsolutePath();
    Path report = options.path("report", "bench/results/scheduler-admin.md");
    Files.createDirectories(dir.resolve("storage"));

    String dbname = TestPostgres.newDatabaseName();
    RecordingExecutor executor = new RecordingExecutor();
    List<String> adminArgs = new ArrayList<>(databaseArgs(dbname));
    adminArgs.addAll(
        List.of(
            "--server.port=0",
            "--flyte.server.httpPort=0",
            "--spring.grpc.server.port=0",
            "--flyte.server.grpc.port=0",
            "--flyte.storage.type=local",
            "--flyte.storage.container=flyte-sandbox",
            "--flyte.storage.local.path=" + dir.resolve("storage"),
            "--flyte.flyteadmin.seedProjects=" + PROJECT,
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN"));
    try (ConfigurableApplicationContext admin =
        FlyteAdminApplication.builder()
            .initializers(c -> c.getBeanFactory().registerSingleton("benchExecutor", executor))
            .run(adminArgs.toArray(String[]::new))) {
      String endpoint =
          "localhost:"
              + admin.getEnvironment().getProperty(GrpcAutoConfiguration.LOCAL_PORT_PROPERTY);
      ManagedChannel channel =
          Grpc.newChannelBuilder(endpoint, InsecureChannelCredentials.create()).build();
      JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource(dbname));
      try {
        var stub = AdminServiceGrpc.newFutureStub(channel);
        long registering = System.nanoTime();
        ScheduledLaunchPlans.register(stub, schedules, mode);
        double registrationSeconds = (System.nanoTime() - registering) / 1e9;
        if (mode.equals("rate")) {
          // Activations spread over the last minute, so that the slots spread over each minute.
          jdbc.update(
              "UPDATE schedulable_entities SET updated_at = date_trunc('second', now())"
                  + " - make_interval(secs => 0.5 + (hashtext(name) & 65535) % 59)");
        }
        System.out.printf(
            "%d launch plans registered and activated in %.1f s%n", schedules, registrationSeconds);

        List<ConfigurableApplicationContext> replicas = new ArrayList<>();
        Instant start = Instant.now();
        Instant stop;
        boolean killed = false;
        double refused = 0;
        try {
          for (int i = 0; i < 2; i++) {
            replicas.add(startReplica(dbname, endpoint, tps, burst, inFlight));
          }
          Instant end = start.plus(Duration.ofMinutes(minutes));
          while (Instant.now().isBefore(end)) {
            Thread.sleep(1000);
            if (killAfter > 0 && !killed && Instant.now().isAfter(start.plusSeconds(killAfter))) {
              for (ConfigurableApplicationContext replica : replicas) {
                if (replica.isActive() && replica.getBean(SchedulerService.class).isLeader()) {
                  replica.getBean(SchedulerService.class).halt();
                  replica.close();
                  killed = true;
                  System.out.println("killed the leader at " + Instant.now());
                  break;
                }
              }
            }
          }
          stop = Instant.now();
          for (ConfigurableApplicationContext replica : replicas) {
            if (replica.isActive()) {
              refused += counter(replica, "already_exists");
            }
          }
        } finally {
          replicas.forEach(ConfigurableApplicationContext::close);
        }
        Map<String, Instant> accepted = new HashMap<>(executor.accepted);
        long repeats = executor.repeats.get();
        double reference = referenceThroughput(stub, referenceCalls, inFlight);
        String text =
            new SchedulerAdminReport(
                    schedules, mode, minutes, tps, burst, inFlight, killed, start, stop)
                .render(anchors(jdbc), accepted, repeats, refused, reference, registrationSeconds);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        System.out.println(text);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static List<String> databaseArgs(String dbname) {
    List<String> args = new ArrayList<>();
    for (String property : TestPostgres.properties(dbname)) {
      args.add("--" + property);
    }
    return args;
  }

  private static ConfigurableApplicationContext startReplica(
      String dbname, String endpoint, long tps, int burst, int inFlight) {
    List<String> args = new ArrayList<>(databaseArgs(dbname));
    args.addAll(
        List.of(
            "--flyte.admin.endpoint=" + endpoint,
            "--server.port=0",
            "--flyte.scheduler.profilerPort=0",
            "--flyte.scheduler.workflowExecutor.local.useUTCTz=true",
            "--flyte.scheduler.workflowExecutor.local.adminRateLimit.tps=" + tps,
            "--flyte.scheduler.workflowExecutor.local.adminRateLimit.burst=" + burst,
            "--flyte.scheduler.maxInFlight=" + inFlight,
            "--flyte.storage.type=mem",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN"));
    return FlyteSchedulerApplication.builder().run(args.toArray(String[]::new));
  }

  private static double counter(ConfigurableApplicationContext replica, String outcome) {
    return replica
        .getBean(MeterRegistry.class)
        .find("flyte.flytescheduler.successful_execution")
        .tags("outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** Each schedule's activation time (the anchor of its slots), by launch plan name. */
  private static Map<String, Instant> anchors(JdbcTemplate jdbc) {
    Map<String, Instant> anchors = new HashMap<>();
    jdbc.query(
        "SELECT name, updated_at, coalesce(cron_expression, '') FROM schedulable_entities"
            + " WHERE active",
        rs -> {
          Instant at = rs.getTimestamp(2).toInstant();
          boolean cron = !rs.getString(3).isEmpty();
          anchors.put(
              rs.getString(1),
              cron ? at.truncatedTo(ChronoUnit.MINUTES) : at.truncatedTo(ChronoUnit.SECONDS));
        });
    return anchors;
  }

  /** CreateExecution calls a second that admin answers with {@code inFlight} calls under way. */
  private static double referenceThroughput(
      AdminServiceGrpc.AdminServiceFutureStub admin, int calls, int inFlight) throws Exception {
    Semaphore permits = new Semaphore(inFlight);
    List<ListenableFuture<?>> all = new ArrayList<>();
    long begin = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      permits.acquire();
      ListenableFuture<?> call =
          admin.createExecution(
              ExecutionCreateRequest.newBuilder()
                  .setProject(PROJECT)
                  .setDomain(DOMAIN)
                  .setName("ref" + i)
                  .setSpec(
                      ExecutionSpec.newBuilder()
                          .setLaunchPlan(
                              ScheduledLaunchPlans.id(ResourceType.LAUNCH_PLAN, "reference")))
                  .build());
      call.addListener(permits::release, Runnable::run);
      all.add(call);
    }
    for (ListenableFuture<?> call : all) {
      call.get();
    }
    return calls / ((System.nanoTime() - begin) / 1e9);
  }

  /** The execution names of every slot of every schedule up to {@code until}: name to slot. */
  static Map<String, Instant> slots(Map<String, Instant> anchors, Instant until) {
    Map<String, Instant> slots = new HashMap<>();
    anchors.forEach(
        (name, anchor) -> {
          for (Instant slot = anchor.plusSeconds(60);
              !slot.isAfter(until);
              slot = slot.plusSeconds(60)) {
            slots.put(ScheduleNames.executionName(PROJECT, DOMAIN, name, VERSION, slot), slot);
          }
        });
    return slots;
  }

  private SchedulerAdminLoad() {}

  /** The report's figures. */
  record SchedulerAdminReport(
      int schedules,
      String mode,
      int minutes,
      long tps,
      int burst,
      int inFlight,
      boolean killed,
      Instant start,
      Instant stop) {

    String render(
        Map<String, Instant> anchors,
        Map<String, Instant> accepted,
        long repeats,
        double refused,
        double reference,
        double registrationSeconds) {
      Map<String, Instant> all = slots(anchors, stop.plusSeconds(120));
      Instant due = stop.minusSeconds(2);
      Histogram lateness = new Histogram(3_600_000_000L, 3);
      Histogram steady = new Histogram(3_600_000_000L, 3);
      Instant steadyFrom = start.plusSeconds(60);
      long unknown = 0;
      for (Map.Entry<String, Instant> execution : accepted.entrySet()) {
        Instant slot = all.get(execution.getKey());
        if (slot == null) {
          if (!execution.getKey().startsWith("ref")) {
            unknown++;
          }
          continue;
        }
        long micros = Math.max(0, Duration.between(slot, execution.getValue()).toNanos() / 1000);
        lateness.recordValue(micros);
        if (!slot.isBefore(steadyFrom)) {
          steady.recordValue(micros);
        }
      }
      long dueSlots = all.values().stream().filter(s -> !s.isAfter(due)).count();
      long createdDue =
          all.entrySet().stream()
              .filter(e -> !e.getValue().isAfter(due) && accepted.containsKey(e.getKey()))
              .count();
      double seconds = Duration.between(start, stop).toMillis() / 1000.0;
      return String.join(
          "\n",
          "# FlyteScheduler against the real FlyteAdmin: " + schedules + " schedules every minute",
          "",
          "`java -cp bench/target/benchmarks.jar org.flyte.bench.scheduler.SchedulerAdminLoad"
              + " --schedules="
              + schedules
              + " --mode="
              + mode
              + " --minutes="
              + minutes
              + (killed ? " --kill-after=..." : "")
              + "` (FlyteAdmin app in the same JVM with local-disk storage and a recording executor,"
              + " two FlyteScheduler apps, embedded PostgreSQL; rate limit "
              + tps
              + " tps, burst "
              + burst
              + ", maxInFlight "
              + inFlight
              + ")",
          "",
          "| figure | value |",
          "|---|---|",
          "| registration: launch plans created and activated through the API | "
              + String.format("%d in %.0f s", schedules, registrationSeconds)
              + " |",
          "| run | "
              + String.format("%.0f s", seconds)
              + (killed ? ", leader killed mid-run" : "")
              + " |",
          "| scheduled executions created | " + (accepted.size() - countRef(accepted)) + " |",
          "| scheduler calls admin refused as ALREADY_EXISTS | " + (long) refused + " |",
          "| slots created twice (executor started twice) | " + repeats + " |",
          "| executions of no expected slot | " + unknown + " |",
          "| slots due (up to 2 s before the end) / created | "
              + dueSlots
              + " / "
              + createdDue
              + " |",
          "| lateness p50 | " + ms(lateness.getValueAtPercentile(50)) + " |",
          "| lateness p99 | " + ms(lateness.getValueAtPercentile(99)) + " |",
          "| lateness p99.9 / max | "
              + ms(lateness.getValueAtPercentile(99.9))
              + " / "
              + ms(lateness.getMaxValue())
              + " |",
          "| steady state (slots from the run's second minute on): p50 / p99 / max | "
              + ms(steady.getValueAtPercentile(50))
              + " / "
              + ms(steady.getValueAtPercentile(99))
              + " / "
              + ms(steady.getMaxValue())
              + " ("
              + steady.getTotalCount()
              + " slots) |",
          "| reference: admin's CreateExecution throughput, flat out ("
              + inFlight
              + " in flight) | "
              + String.format("%.0f calls/s", reference)
              + " |",
          "| scheduler's rate: slots due per second on average | "
              + String.format("%.0f", schedules / 60.0)
              + " |",
          "",
          "Lateness: the time admin accepted a scheduled CreateExecution minus its slot.",
          "");
    }

    private static long countRef(Map<String, Instant> accepted) {
      return accepted.keySet().stream().filter(n -> n.startsWith("ref")).count();
    }

    private static String ms(long micros) {
      return String.format("%.1f ms", micros / 1000.0);
    }
  }
}
