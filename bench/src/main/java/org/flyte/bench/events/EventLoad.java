package org.flyte.bench.events;

import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.flyte.bench.admin.StatementRecorder;
import org.flyte.bench.load.BenchApps;
import org.flyte.bench.load.CpuAccount;
import org.flyte.bench.load.LoadOptions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Event ingestion load: FlyteAdmin in this JVM (embedded PostgreSQL, local-disk storage), {@code
 * senders} threads each replaying propeller's events for one node after another over loopback gRPC
 * (node QUEUED, node RUNNING, task RUNNING with a log, task SUCCEEDED, node SUCCEEDED: two inserts
 * and three read-change-writes), against the physical floor in the same run: the same threads doing
 * a single-row {@code INSERT} and {@code COMMIT} through the app's own connection pool. Then the
 * same after seeding {@code seed-executions} executions and {@code seed-nodes} node executions by
 * SQL, and the plans of the list RPCs on the seeded tables.
 *
 * <p>Options ({@code --name=value}): {@code senders} (32), {@code executions} (64, the executions
 * the senders' nodes belong to), {@code seconds} (15), {@code warmup-seconds} (5), {@code
 * seed-executions} (100000), {@code seed-nodes} (1000000), {@code dir} (bench/target/event-bench),
 * {@code report} (bench/results/events.md).
 */
public final class EventLoad {

  static final String PROJECT = "bench";
  static final String DOMAIN = "development";
  private static final Identifier TASK =
      Identifier.newBuilder()
          .setResourceType(ResourceType.TASK)
          .setProject(PROJECT)
          .setDomain(DOMAIN)
          .setName("bench.task")
          .setVersion("v1")
          .build();

  record Phase(String name, long ops, double seconds, Histogram latencies, Map<String, Long> cpu) {
    double rate() {
      return ops / seconds;
    }

    double p50() {
      return latencies.getValueAtPercentile(50) / 1e6;
    }

    double p99() {
      return latencies.getValueAtPercentile(99) / 1e6;
    }
  }

  /** Where each measured phase's CPU goes (set once the app runs). */
  private static CpuAccount cpu;

  private EventLoad() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    int senders = options.integer("senders", 32);
    int executions = options.integer("executions", 64);
    Duration seconds = options.seconds("seconds", 15);
    Duration warmup = options.seconds("warmup-seconds", 5);
    int seedExecutions = options.integer("seed-executions", 100000);
    int seedNodes = options.integer("seed-nodes", 1000000);
    Path dir = options.path("dir", "bench/target/event-bench").toAbsolutePath();
    Path report = options.path("report", "bench/results/events.md");
    int fillfactor = options.integer("fillfactor", 0);
    int floorBatch = options.integer("floor-batch", 0);
    boolean statementStats = Boolean.parseBoolean(options.text("statement-stats", "false"));
    Files.createDirectories(dir.resolve("storage"));
    StatementRecorder recorder = new StatementRecorder();
    ConfigurableApplicationContext app =
        BenchApps.startAdmin(
            dir, context -> context.getBeanFactory().addBeanPostProcessor(recorder));
    ManagedChannel channel = null;
    cpu = new CpuAccount(dir.resolve("postgres").toString());
    try {
      DataSource dataSource = app.getBean(DataSource.class);
      JdbcClient jdbc = JdbcClient.create(dataSource);
      EventSeeder seeder = new EventSeeder(jdbc, PROJECT, DOMAIN);
      channel = BenchApps.channel(app);
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(channel);
      jdbc.sql(
              "CREATE TABLE IF NOT EXISTS bench_inserts (id bigserial, a text, b text, t timestamptz)")
          .update();
      if (fillfactor > 0) {
        for (String table : List.of("node_executions", "task_executions")) {
          jdbc.sql("ALTER TABLE " + table + " SET (fillfactor = " + fillfactor + ")").update();
        }
      }

      List<Phase> phases = new ArrayList<>();
      String round = Long.toString(System.currentTimeMillis(), 36);
      List<WorkflowExecutionIdentifier> ids = seeder.executions("run-" + round, executions);
      long before = seeder.count("node_executions");
      phases.add(
          jdbcFloor(dataSource, senders, warmup, seconds, "JDBC INSERT + COMMIT (empty tables)"));
      phases.add(events(admin, ids, senders, warmup, seconds, "events (empty tables)"));
      long seeded = 0;
      if (seedNodes > 0 && before < seedNodes) {
        seeded = seeder.seed(seedExecutions, seedNodes);
      }
      List<WorkflowExecutionIdentifier> later = seeder.executions("again-" + round, executions);
      phases.add(jdbcFloor(dataSource, senders, warmup, seconds, "JDBC INSERT + COMMIT (seeded)"));
      if (statementStats) {
        // Needs shared_preload_libraries = 'pg_stat_statements' in the data dir's postgresql.conf.
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
      }
      phases.add(events(admin, later, senders, warmup, seconds, "events (seeded)"));
      String statements = "";
      if (statementStats) {
        statements = EventReport.statementStats(jdbc);
      }
      if (floorBatch > 1) {
        phases.add(
            jdbcFloor(
                dataSource,
                senders,
                warmup,
                seconds,
                floorBatch,
                "JDBC " + floorBatch + " INSERTs + one COMMIT (per row)"));
      }

      StringBuilder plans = new StringBuilder();
      try (Connection connection = dataSource.getConnection()) {
        WorkflowExecutionIdentifier big = seeder.largestSeeded().orElse(later.get(0));
        List<Runnable> lists =
            List.of(
                () ->
                    admin.listNodeExecutions(
                        NodeExecutionListRequest.newBuilder()
                            .setWorkflowExecutionId(big)
                            .setLimit(100)
                            .build()),
                () ->
                    admin.listNodeExecutions(
                        NodeExecutionListRequest.newBuilder()
                            .setWorkflowExecutionId(later.get(0))
                            .setUniqueParentId("parent")
                            .setLimit(100)
                            .build()),
                () ->
                    admin.listTaskExecutions(
                        TaskExecutionListRequest.newBuilder()
                            .setNodeExecutionId(
                                NodeExecutionIdentifier.newBuilder()
                                    .setExecutionId(later.get(0))
                                    .setNodeId(seeder.someTaskNode(later.get(0))))
                            .setLimit(100)
                            .build()));
        List<String> names =
            List.of(
                "ListNodeExecutions: top level of a seeded execution",
                "ListNodeExecutions: children of a parent (unique_parent_id)",
                "ListTaskExecutions: the attempts of a node");
        for (int i = 0; i < lists.size(); i++) {
          recorder.arm();
          lists.get(i).run();
          plans.append("### ").append(names.get(i)).append("\n\n");
          for (StatementRecorder.Recorded statement : recorder.disarm()) {
            plans.append("```sql\n").append(statement.sql().strip()).append("\n```\n\n```\n");
            statement.explain(connection).forEach(l -> plans.append(l).append('\n'));
            plans.append("```\n\n");
          }
        }
      }
      String text =
          EventReport.report(
              senders,
              seconds,
              warmup,
              phases,
              seeder.count("executions"),
              seeder.count("node_executions"),
              seeded,
              statements,
              plans.toString());
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, text);
      System.out.println(text);
    } finally {
      if (channel != null) {
        channel.shutdownNow();
      }
      app.close();
    }
  }

  /** {@code senders} threads, each sending one node's five events after another. */
  static Phase events(
      AdminServiceBlockingStub admin,
      List<WorkflowExecutionIdentifier> executions,
      int senders,
      Duration warmup,
      Duration length,
      String name)
      throws Exception {
    AtomicLong nodes = new AtomicLong();
    return measure(
        name,
        senders,
        warmup,
        length,
        (thread, recorder) -> {
          Events events =
              new Events(
                  executions.get(thread % executions.size()),
                  "parent-0-n" + nodes.incrementAndGet(),
                  TASK);
          timed(recorder, () -> admin.createNodeEvent(events.node(NodeExecution.Phase.QUEUED)));
          timed(recorder, () -> admin.createNodeEvent(events.node(NodeExecution.Phase.RUNNING)));
          timed(recorder, () -> admin.createTaskEvent(events.task(TaskExecution.Phase.RUNNING)));
          timed(recorder, () -> admin.createTaskEvent(events.task(TaskExecution.Phase.SUCCEEDED)));
          timed(recorder, () -> admin.createNodeEvent(events.node(NodeExecution.Phase.SUCCEEDED)));
        });
  }

  /** The physical floor: one-row INSERT and COMMIT per operation on the app's pool. */
  static Phase jdbcFloor(
      DataSource dataSource, int senders, Duration warmup, Duration length, String name)
      throws Exception {
    return jdbcFloor(dataSource, senders, warmup, length, 1, name);
  }

  /**
   * The floor with {@code rows} one-row INSERTs per COMMIT, each row one operation: what sharing a
   * commit saves per row.
   */
  static Phase jdbcFloor(
      DataSource dataSource, int senders, Duration warmup, Duration length, int rows, String name)
      throws Exception {
    Phase phase =
        measure(
            name,
            senders,
            warmup,
            length,
            (thread, recorder) ->
                timed(
                    recorder,
                    () -> {
                      try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        try (PreparedStatement statement =
                            connection.prepareStatement(
                                "INSERT INTO bench_inserts (a, b, t) VALUES (?, ?, now())")) {
                          for (int row = 0; row < rows; row++) {
                            statement.setString(1, "node-" + thread);
                            statement.setString(2, "QUEUED");
                            statement.executeUpdate();
                          }
                        }
                        connection.commit();
                      } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                      }
                    }));
    return new Phase(name, phase.ops() * rows, phase.seconds(), phase.latencies(), phase.cpu());
  }

  /** One loop iteration of a sender; records the latency of each operation it makes. */
  interface Body {
    void run(int thread, Recorder recorder);
  }

  /** A warm-up then a measured run of {@code senders} threads looping over {@code body}. */
  static Phase measure(String name, int senders, Duration warmup, Duration length, Body body)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      loop(pool, senders, warmup, body, new Recorder(3));
      Recorder recorder = new Recorder(3);
      CpuAccount.Snapshot before = cpu.snapshot();
      long start = System.nanoTime();
      loop(pool, senders, length, body, recorder);
      double secs = (System.nanoTime() - start) / 1e9;
      Map<String, Long> used = cpu.snapshot().minus(before);
      Histogram latencies = recorder.getIntervalHistogram();
      return new Phase(name, latencies.getTotalCount(), secs, latencies, used);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void loop(
      ExecutorService pool, int senders, Duration length, Body body, Recorder recorder)
      throws Exception {
    long deadline = System.nanoTime() + length.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < senders; t++) {
      int thread = t;
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < deadline) {
                  body.run(thread, recorder);
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(length.toSeconds() + 120, TimeUnit.SECONDS);
    }
  }

  private static void timed(Recorder recorder, Runnable call) {
    long begin = System.nanoTime();
    call.run();
    recorder.recordValue(System.nanoTime() - begin);
  }
}
