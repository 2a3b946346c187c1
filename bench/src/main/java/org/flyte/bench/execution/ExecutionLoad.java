package org.flyte.bench.execution;

import com.google.common.util.concurrent.ListenableFuture;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.Common.Sort;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceFutureStub;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flyte.admin.warmup.WarmupEntities;
import org.flyte.bench.admin.StatementRecorder;
import org.flyte.bench.load.BenchApps;
import org.flyte.bench.load.LoadDriver;
import org.flyte.bench.load.LoadOptions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The execution load driver for FlyteAdmin: boots the app in this JVM (embedded PostgreSQL,
 * local-disk storage) with {@link RecordingExecutor} in place of Kubernetes, registers a task, a
 * workflow and {@code launch-plans} launch plans through gRPC, then measures, each as a ratio to
 * {@code grpc.health.v1.Health/Check} in the same run:
 *
 * <ul>
 *   <li>CreateExecution of those launch plans (into a project of its own);
 *   <li>the ListExecutions pages clients ask for (newest first, 25 a page: the project's first
 *       page, a launch plan's first page, a phase filter, a page deep in) on a project holding no
 *       executions, then {@code small} and then {@code executions} executions seeded by SQL ({@link
 *       ExecutionSeeder});
 * </ul>
 *
 * and shows the {@code EXPLAIN (ANALYZE, BUFFERS)} of the exact statements the lists ran on the
 * largest table. Options ({@code --name=value}): {@code executions} (1000000), {@code small}
 * (10000), {@code launch-plans} (100), {@code in-flight} (8), {@code seconds} (15), {@code
 * warmup-seconds} (5), {@code max-ops} (2000000), {@code dir} (bench/target/execution-bench),
 * {@code report} (bench/results/admin-executions.md).
 */
public final class ExecutionLoad {

  static final String PROJECT = "bench";
  static final String CREATE_PROJECT = "bench-create";
  static final String DOMAIN = "development";

  private ExecutionLoad() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options = new LoadOptions(args);
    long executions = options.number("executions", 1_000_000);
    long small = options.number("small", 10_000);
    int launchPlans = options.integer("launch-plans", 100);
    int inFlight = options.integer("in-flight", 8);
    Duration seconds = options.seconds("seconds", 15);
    Duration warmup = options.seconds("warmup-seconds", 5);
    long maxOps = options.number("max-ops", 2_000_000);
    Path dir = options.path("dir", "bench/target/execution-bench").toAbsolutePath();
    Path report = options.path("report", "bench/results/admin-executions.md");
    Files.createDirectories(dir.resolve("storage"));

    StatementRecorder recorder = new StatementRecorder();
    ConfigurableApplicationContext app =
        BenchApps.startAdmin(
            dir,
            context -> {
              context.getBeanFactory().addBeanPostProcessor(recorder);
              ((GenericApplicationContext) context)
                  .registerBean(
                      "benchWorkflowExecutor",
                      RecordingExecutor.class,
                      definition -> definition.setPrimary(true));
            });
    ManagedChannel channel = null;
    try {
      DataSource dataSource = app.getBean(DataSource.class);
      JdbcClient jdbc = JdbcClient.create(dataSource);
      for (String project : List.of(PROJECT, CREATE_PROJECT)) {
        jdbc.sql(
                "INSERT INTO projects (identifier, name, description, state, created_at,"
                    + " updated_at) VALUES (:p, :p, 'benchmark', 0, now(), now())"
                    + " ON CONFLICT DO NOTHING")
            .param("p", project)
            .update();
      }
      channel = BenchApps.channel(app);
      AdminServiceFutureStub admin = AdminServiceGrpc.newFutureStub(channel);
      var health = HealthGrpc.newFutureStub(channel);
      LoadDriver driver = new LoadDriver(warmup, seconds, maxOps);
      RecordingExecutor executor = app.getBean(RecordingExecutor.class);

      Identifier task = id(ResourceType.TASK, "bench.exec_task");
      Identifier workflow = id(ResourceType.WORKFLOW, "bench.exec_wf");
      ignoreAlreadyExists(
          () ->
              admin.createTask(
                  TaskCreateRequest.newBuilder()
                      .setId(task)
                      .setSpec(WarmupEntities.task(task))
                      .build()));
      ignoreAlreadyExists(
          () ->
              admin.createWorkflow(
                  WorkflowCreateRequest.newBuilder()
                      .setId(workflow)
                      .setSpec(WarmupEntities.workflow(workflow, task))
                      .build()));
      for (int i = 0; i < launchPlans; i++) {
        Identifier plan = id(ResourceType.LAUNCH_PLAN, "bench.lp" + i);
        ignoreAlreadyExists(() -> admin.createLaunchPlan(launchPlan(plan, workflow)));
      }

      // The server's JIT warms up on calls of every kind: Health/Check and the lists first,
      // unreported.
      driver.async(
          "warm-up", inFlight, () -> health.check(HealthCheckRequest.getDefaultInstance()));
      for (Supplier<ListenableFuture<?>> list : lists(admin, launchPlans).values()) {
        driver.async("warm-up", inFlight, list);
      }
      List<LoadDriver.Result> results = new ArrayList<>();
      results.add(
          driver.async(
              "Health/Check (baseline)",
              inFlight,
              () -> health.check(HealthCheckRequest.getDefaultInstance())));
      long recordedBefore = executor.created();
      LoadDriver.Result create =
          driver.async(
              "CreateExecution (launch plan path, name generated, inputs offloaded)",
              inFlight,
              () ->
                  admin.createExecution(
                      ExecutionCreateRequest.newBuilder()
                          .setProject(CREATE_PROJECT)
                          .setDomain(DOMAIN)
                          .setSpec(
                              ExecutionSpec.newBuilder()
                                  .setLaunchPlan(
                                      id(
                                          ResourceType.LAUNCH_PLAN,
                                          "bench.lp" + random(launchPlans))))
                          .setInputs(
                              LiteralMap.newBuilder().putLiterals("x", integer(random(1000))))
                          .build()));
      results.add(create);
      long recorded = executor.created() - recordedBefore;

      Map<String, Supplier<ListenableFuture<?>>> lists = lists(admin, launchPlans);
      List<Stage> stages = new ArrayList<>();
      for (long size : List.of(0L, small, executions)) {
        long rows =
            size == 0
                ? ExecutionSeeder.count(jdbc, PROJECT)
                : ExecutionSeeder.seedTo(jdbc, PROJECT, CREATE_PROJECT, size);
        List<LoadDriver.Result> measured = new ArrayList<>();
        for (Map.Entry<String, Supplier<ListenableFuture<?>>> list : lists.entrySet()) {
          measured.add(driver.async(list.getKey(), inFlight, list.getValue()));
        }
        stages.add(new Stage(rows, measured));
      }
      results.add(
          driver.async(
              "Health/Check (again, after the lists)",
              inFlight,
              () -> health.check(HealthCheckRequest.getDefaultInstance())));

      StringBuilder plans = new StringBuilder();
      try (Connection connection = dataSource.getConnection()) {
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
      plans.append("### for comparison: a launch plan's first page as a plain join\n\n```\n");
      try (Connection connection = dataSource.getConnection();
          var explain =
              connection.prepareStatement(
                  "EXPLAIN (ANALYZE, BUFFERS) SELECT e.* FROM executions e JOIN launch_plans l"
                      + " ON e.launch_plan_id = l.id WHERE e.execution_project = ? AND"
                      + " e.execution_domain = ? AND l.project = ? AND l.domain = ? AND"
                      + " l.name = 'bench.lp7' AND e.state = 0"
                      + " ORDER BY e.created_at DESC, e.id DESC LIMIT 25")) {
        for (int i = 1; i <= 4; i += 2) {
          explain.setString(i, PROJECT);
          explain.setString(i + 1, DOMAIN);
        }
        try (var rows = explain.executeQuery()) {
          while (rows.next()) {
            plans.append(rows.getString(1)).append('\n');
          }
        }
      }
      plans.append("```\n");
      String text =
          ExecutionReport.markdown(
              new ExecutionReport.Setup(launchPlans, inFlight, seconds, warmup),
              results,
              recorded,
              executor.meanSize(),
              stages,
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

  /** The lists measured at each size, by name. */
  private static Map<String, Supplier<ListenableFuture<?>>> lists(
      AdminServiceFutureStub admin, int launchPlans) {
    Map<String, Supplier<ListenableFuture<?>>> lists = new LinkedHashMap<>();
    lists.put("first page of the project", () -> admin.listExecutions(list("", 0)));
    lists.put(
        "first page of a launch plan",
        () ->
            admin.listExecutions(
                list(
                    "eq(launch_plan.project,"
                        + PROJECT
                        + ")+eq(launch_plan.domain,"
                        + DOMAIN
                        + ")+eq(launch_plan.name,bench.lp"
                        + random(launchPlans)
                        + ")",
                    0)));
    lists.put(
        "first page of a phase (FAILED)", () -> admin.listExecutions(list("eq(phase,FAILED)", 0)));
    lists.put(
        "a page deep in (offset 5,000 to 7,475)",
        () -> admin.listExecutions(list("", 5000 + random(100) * 25)));
    return lists;
  }

  /** One size of the list project and what the lists achieved on it. */
  record Stage(long rows, List<LoadDriver.Result> lists) {}

  private static ResourceListRequest list(String filters, int offset) {
    ResourceListRequest.Builder request =
        ResourceListRequest.newBuilder()
            .setId(
                flyteidl.admin.Common.NamedEntityIdentifier.newBuilder()
                    .setProject(PROJECT)
                    .setDomain(DOMAIN))
            .setLimit(25)
            .setFilters(filters)
            .setSortBy(
                Sort.newBuilder().setKey("created_at").setDirection(Sort.Direction.DESCENDING));
    if (offset > 0) {
      request.setToken(String.valueOf(offset));
    }
    return request.build();
  }

  private static LaunchPlanCreateRequest launchPlan(Identifier id, Identifier workflow) {
    LaunchPlanSpec.Builder spec = LaunchPlanSpec.newBuilder().setWorkflowId(workflow);
    spec.getDefaultInputsBuilder()
        .putParameters(
            "x",
            Parameter.newBuilder()
                .setVar(
                    Variable.newBuilder()
                        .setType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER)))
                .setDefault(integer(1))
                .build());
    return LaunchPlanCreateRequest.newBuilder().setId(id).setSpec(spec).build();
  }

  private static Literal integer(long value) {
    return Literal.newBuilder()
        .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(value)))
        .build();
  }

  private static Identifier id(ResourceType type, String name) {
    return Identifier.newBuilder()
        .setResourceType(type)
        .setProject(PROJECT)
        .setDomain(DOMAIN)
        .setName(name)
        .setVersion("v1")
        .build();
  }

  private static void ignoreAlreadyExists(Supplier<ListenableFuture<?>> call) throws Exception {
    try {
      call.get().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof StatusRuntimeException s)
          || s.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }
}
