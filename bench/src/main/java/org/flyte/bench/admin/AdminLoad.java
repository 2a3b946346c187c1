package org.flyte.bench.admin;

import com.google.common.util.concurrent.ListenableFuture;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceFutureStub;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flyte.admin.warmup.WarmupEntities;
import org.flyte.bench.load.BenchApps;
import org.flyte.bench.load.LoadDriver;
import org.flyte.bench.load.LoadOptions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration and list load driver for FlyteAdmin: boots the app in this JVM on an embedded
 * PostgreSQL and local-disk storage, measures registration throughput (CreateTask, CreateWorkflow
 * over gRPC), seeds {@code versions} task and workflow versions in one project (copies of a
 * registered one, by SQL), then measures the List RPCs that clients run against such a project,
 * each as a ratio to {@code grpc.health.v1.Health/Check} in the same run, and shows the plans of
 * the exact statements those RPCs ran ({@link StatementRecorder}).
 *
 * <p>Options ({@code --name=value}): {@code versions} (100000), {@code names} (1000), {@code
 * in-flight} (8), {@code seconds} (20), {@code warmup-seconds} (5), {@code max-ops} (2000000),
 * {@code dir} (bench/target/admin-bench: database and storage, reused), {@code report}
 * (bench/results/admin-registration.md).
 */
public final class AdminLoad {

  static final String PROJECT = "bench";
  static final String DOMAIN = "development";

  private AdminLoad() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    int versions = options.integer("versions", 100000);
    int names = options.integer("names", 1000);
    int inFlight = options.integer("in-flight", 8);
    Duration seconds = options.seconds("seconds", 20);
    Duration warmup = options.seconds("warmup-seconds", 5);
    long maxOps = options.number("max-ops", 2000000);
    Path dir = options.path("dir", "bench/target/admin-bench").toAbsolutePath();
    Path report = options.path("report", "bench/results/admin-registration.md");
    Files.createDirectories(dir.resolve("storage"));

    StatementRecorder recorder = new StatementRecorder();
    ConfigurableApplicationContext app =
        BenchApps.startAdmin(
            dir, context -> context.getBeanFactory().addBeanPostProcessor(recorder));
    ManagedChannel channel = null;
    try {
      JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
      jdbc.sql(
              "INSERT INTO projects (identifier, name, description, state, created_at, updated_at)"
                  + " VALUES (:p, :p, 'benchmark', 0, now(), now()) ON CONFLICT DO NOTHING")
          .param("p", PROJECT)
          .update();
      channel = BenchApps.channel(app);
      AdminServiceFutureStub admin = AdminServiceGrpc.newFutureStub(channel);
      var health = HealthGrpc.newFutureStub(channel);
      LoadDriver driver = new LoadDriver(warmup, seconds, maxOps);

      // Templates registered through the API, so that the seeded copies hold real closures.
      Identifier templateTask = id(ResourceType.TASK, "bench.template_task", "v1");
      Identifier templateWorkflow = id(ResourceType.WORKFLOW, "bench.template_wf", "v1");
      ignoreAlreadyExists(() -> admin.createTask(createTask(templateTask)));
      ignoreAlreadyExists(
          () -> admin.createWorkflow(createWorkflow(templateWorkflow, templateTask)));

      List<LoadDriver.Result> results = new ArrayList<>();
      results.add(
          driver.async(
              "Health/Check (baseline)",
              inFlight,
              () -> health.check(HealthCheckRequest.getDefaultInstance())));
      results.add(
          driver.async(
              "CreateTask (a new version)",
              inFlight,
              () ->
                  admin.createTask(
                      createTask(
                          id(
                              ResourceType.TASK,
                              "bench.reg_t" + random(100),
                              UUID.randomUUID().toString())))));
      results.add(
          driver.async(
              "CreateWorkflow (a new version, one task node)",
              inFlight,
              () ->
                  admin.createWorkflow(
                      createWorkflow(
                          id(
                              ResourceType.WORKFLOW,
                              "bench.reg_wf" + random(100),
                              UUID.randomUUID().toString()),
                          templateTask))));

      long seeded = BenchSeeder.seed(jdbc, versions, names);

      Map<String, Supplier<ListenableFuture<?>>> lists = new LinkedHashMap<>();
      lists.put(
          "ListTasks: latest version of a name (limit 1, created_at DESC)",
          () -> admin.listTasks(versionsOf("bench.t" + random(names), 1)));
      lists.put(
          "ListTasks: versions of a name, first page (limit 25)",
          () -> admin.listTasks(versionsOf("bench.t" + random(names), 25)));
      lists.put(
          "ListTasks: the project, a page deep in (limit 100, offset < 10,000)",
          () -> admin.listTasks(page("", 100, random(100) * 100)));
      lists.put(
          "ListTaskIds: names of the project (limit 100)",
          () ->
              admin.listTaskIds(
                  NamedEntityIdentifierListRequest.newBuilder()
                      .setProject(PROJECT)
                      .setDomain(DOMAIN)
                      .setLimit(100)
                      .setSortBy(
                          Sort.newBuilder().setKey("name").setDirection(Sort.Direction.ASCENDING))
                      .build()));
      lists.put(
          "ListWorkflows: latest version of a name (limit 1, created_at DESC)",
          () -> admin.listWorkflows(versionsOf("bench.w" + random(names), 1)));
      lists.put(
          "ListWorkflows: versions of a name, first page (limit 25)",
          () -> admin.listWorkflows(versionsOf("bench.w" + random(names), 25)));
      lists.put(
          "ListWorkflows: the project, a page deep in (limit 100, offset < 10,000)",
          () -> admin.listWorkflows(page("", 100, random(100) * 100)));
      for (Map.Entry<String, Supplier<ListenableFuture<?>>> list : lists.entrySet()) {
        results.add(driver.async(list.getKey(), inFlight, list.getValue()));
      }

      StringBuilder plans = new StringBuilder();
      try (Connection connection = app.getBean(DataSource.class).getConnection()) {
        for (Map.Entry<String, Supplier<ListenableFuture<?>>> list : lists.entrySet()) {
          recorder.arm();
          list.getValue().get().get();
          List<StatementRecorder.Recorded> statements = recorder.disarm();
          plans.append("### ").append(list.getKey()).append("\n\n");
          for (StatementRecorder.Recorded statement : statements) {
            plans.append("```sql\n").append(statement.sql().strip()).append("\n```\n\n```\n");
            statement.explain(connection).forEach(l -> plans.append(l).append('\n'));
            plans.append("```\n\n");
          }
        }
      }
      String text = report(seeded, names, inFlight, seconds, warmup, results, plans.toString());
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

  private static ResourceListRequest versionsOf(String name, int limit) {
    return ResourceListRequest.newBuilder()
        .setId(
            NamedEntityIdentifier.newBuilder().setProject(PROJECT).setDomain(DOMAIN).setName(name))
        .setLimit(limit)
        .setSortBy(Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.DESCENDING))
        .build();
  }

  private static ResourceListRequest page(String name, int limit, int offset) {
    return versionsOf(name, limit).toBuilder().setToken(String.valueOf(offset)).build();
  }

  static Identifier id(ResourceType type, String name, String version) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(PROJECT)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion(version)
        .build();
  }

  private static TaskCreateRequest createTask(Identifier id) {
    TaskSpec spec = WarmupEntities.task(id);
    return TaskCreateRequest.newBuilder().setId(id).setSpec(spec).build();
  }

  private static WorkflowCreateRequest createWorkflow(Identifier id, Identifier task) {
    WorkflowSpec spec = WarmupEntities.workflow(id, task);
    return WorkflowCreateRequest.newBuilder().setId(id).setSpec(spec).build();
  }

  private static void ignoreAlreadyExists(Supplier<ListenableFuture<?>> call) throws Exception {
    try {
      call.get().get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof io.grpc.StatusRuntimeException s)
          || s.getStatus().getCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }

  private static String report(
      long seeded,
      int names,
      int inFlight,
      Duration seconds,
      Duration warmup,
      List<LoadDriver.Result> results,
      String plans) {
    StringBuilder out = new StringBuilder("# FlyteAdmin registration and list benchmark\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Data set: project `%s`/`%s` with %,d task versions and %,d workflow versions over %,d"
                + " names each (copies of one registered task and workflow, seeded by SQL), plus"
                + " what earlier registration phases wrote. %d calls in flight over loopback gRPC;"
                + " each phase %d s after a %d s warm-up. Machine: %d cores, Java %s. The app, its"
                + " embedded PostgreSQL and the driver share the machine.%n%n",
            PROJECT,
            DOMAIN,
            seeded,
            seeded,
            names,
            inFlight,
            seconds.toSeconds(),
            warmup.toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    out.append("| phase | calls | errors | calls/s | ratio to Health/Check | p50 ms | p99 ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    double baseline = results.get(0).throughput();
    for (LoadDriver.Result r : results) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,.0f | %.3f | %.2f | %.2f |%n",
              r.name(),
              r.ops(),
              r.errors(),
              r.throughput(),
              r.throughput() / baseline,
              r.p50Millis(),
              r.p99Millis()));
    }
    out.append("\n## Query plans of the statements the List RPCs ran (EXPLAIN ANALYZE)\n\n");
    out.append(plans);
    return out.toString();
  }
}
